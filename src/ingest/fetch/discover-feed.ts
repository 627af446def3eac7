import { decodeHTMLAttribute } from 'entities';
import { resolveUrl } from '../normalize/sanitize-content.ts';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$|^text\/xml$/i;

/** True when a document is an HTML page rather than a feed. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return !/<(?:rss|feed|rdf:rdf)[\s>]/.test(head) && /<(?:head|body|meta|title)[\s>]/.test(head);
}

/**
 * Feed autodiscovery: the first <link rel="alternate"> with a feed type in an HTML page,
 * resolved against <base href> or the page URL. Undefined when the page announces none.
 */
export function discoverFeed(html: string, pageUrl: string): string | undefined {
  const head = html.slice(0, 256 * 1024); // link tags live in the head; never scan a huge page whole
  const baseHref = /<base\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(head);
  const base =
    resolveUrl(decodeHTMLAttribute(baseHref?.slice(1).find((v) => v !== undefined) ?? ''), pageUrl) ?? pageUrl;
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const attributes = attributesOf(tag);
    const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPES.test((attributes.type ?? '').trim())) continue;
    const href = resolveUrl(attributes.href, base);
    if (href) return href;
  }
  return undefined;
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
    attributes[m[1]!.toLowerCase()] = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}
