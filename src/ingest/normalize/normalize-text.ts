import { decodeHTML } from 'entities';
import { collapseSpaces, htmlToPlainText, summarize } from '../../domain/plain-text.ts';

const ANY_TAG = /<\/?[a-z][^>]*>/i;
const MARKUP_OR_NUL = /[<\u0000]/;

/** Plain text from a title-like field: markup stripped, entities decoded (twice-escaped ones too), one line. */
export function cleanText(value: string | undefined, max: number): string {
  if (!value) return '';
  // Without "<" (or the NUL htmlToPlainText splits blocks on) the text is one block: what
  // htmlToPlainText would return is the decoded text, so its five passes are skipped.
  let text = MARKUP_OR_NUL.test(value) ? htmlToPlainText(value) : decodeHTML(collapseSpaces(value)).trim();
  if (ANY_TAG.test(text)) text = htmlToPlainText(text); // "&lt;b&gt;" decoded into markup
  return summarize(text, max);
}

/**
 * summarize(text, max) that reads only the start of a long text: Array.from over a 20,000-char
 * body costs far more than the summary needs. The head is used when, whitespace collapsed, it
 * still holds more than max + 1 code points: its first max code points are then the text's.
 */
export function summarizeStart(text: string, max: number): string {
  const head = text.slice(0, 2 * max + 16);
  if (head.length === text.length) return summarize(text, max);
  let codePoints = 0;
  for (const _ of collapseSpaces(head).trim()) if (++codePoints > max + 1) return summarize(head, max);
  return summarize(text, max);
}

/** The link as an identity: no fragment, no utm_* tracking parameters. */
export function canonicalLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  parsed.hash = '';
  if (parsed.search.includes('utm_')) {
    for (const key of [...parsed.searchParams.keys()]) if (key.startsWith('utm_')) parsed.searchParams.delete(key);
  }
  return parsed.href;
}

export function firstImage(html: string): string | undefined {
  return /<img[^>]+src="(https?:[^"]+)"/i.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

/** JSON Feed content_text as HTML paragraphs. */
export function textToHtml(text: string | undefined): string {
  if (!text) return '';
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');
}
