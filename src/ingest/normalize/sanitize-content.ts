import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/**
 * A fixed allowlist: text structure, links and images only. No script, style, object, form or
 * event handler survives, nor an iframe unless it embeds a page of an EMBED_HOSTS host (see
 * embedOptions); URLs must be http(s) (mailto for links), never javascript: or data:;
 * relative URLs are made absolute against the item's base.
 */
const LINK_SCHEMES = ['http', 'https', 'mailto'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'a',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'del',
    'ins',
    'sub',
    'sup',
    'small',
    'mark',
    'blockquote',
    'q',
    'cite',
    'abbr',
    'code',
    'pre',
    'kbd',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'img',
    'figure',
    'figcaption',
    'picture',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    // sanitize-html checks every URL of a srcset against allowedSchemes, as it does src.
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: LINK_SCHEMES },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'svg', 'math'],
  transformTags: { h1: 'h2' },
};

/**
 * What embeds a video player from a listed host: an iframe whose src is an https URL of exactly
 * one of `hosts` (sanitize-html's allowedIframeHostnames; relative URLs refused), with only the
 * attributes a player needs, sandboxed so it cannot navigate our page. sanitize-html deletes a
 * src it refuses but keeps the empty iframe: the exclusive filter drops that one whole.
 */
function embedOptions(hosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: [...(OPTIONS.allowedTags || []), 'iframe'],
    allowedAttributes: {
      ...OPTIONS.allowedAttributes,
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'loading', 'sandbox'],
    },
    allowedSchemesByTag: { a: LINK_SCHEMES, iframe: ['https'] },
    allowedIframeHostnames: [...hosts],
    allowIframeRelativeUrls: false,
    nonTextTags: (OPTIONS.nonTextTags ?? []).filter((tag) => tag !== 'iframe'),
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  };
}

/** Players need scripts and their own origin's storage; popups for "watch on YouTube". Never top navigation. */
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';

/** Text with no "<" holds no element, attribute or URL: nothing for the sanitizer to remove. */
const MARKUP_OR_NUL = /[<\u0000]/;

/**
 * `embedHosts` (EMBED_HOSTS) are the hosts whose players may be embedded, e.g.
 * ["www.youtube.com", "player.vimeo.com"]; empty (the default), every iframe is dropped.
 */
export function sanitizeContent(html: string, base: string | undefined, embedHosts: readonly string[] = []): string {
  // What sanitize-html makes of such text, without building a parser: entities decoded (the
  // HTML legacy rules, as its tokenizer applies them), then &, < and > escaped.
  if (!MARKUP_OR_NUL.test(html)) return escapeText(decodeHTML(html)).trim();
  return sanitizeHtml(html, {
    ...OPTIONS,
    ...(embedHosts.length > 0 ? embedOptions(embedHosts) : {}),
    transformTags: {
      ...OPTIONS.transformTags,
      a: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'href', base) }),
      img: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'src', base) }),
      iframe: (tagName, attribs) => ({ tagName, attribs: { ...attribs, sandbox: EMBED_SANDBOX } }),
    },
  }).trim();
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function absolutize(attribs: sanitizeHtml.Attributes, name: string, base: string | undefined) {
  const value = attribs[name];
  if (value === undefined || (name === 'href' && /^\s*mailto:/i.test(value))) return attribs;
  const url = resolveUrl(value, base);
  // An unresolvable URL is dropped here; sanitize-html then also refuses any non-http(s) scheme.
  return { ...attribs, [name]: url ?? '' };
}

/** An absolute http(s) URL, resolved against base; undefined for anything else (javascript:, data:, junk). */
export function resolveUrl(value: string | undefined, base: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
