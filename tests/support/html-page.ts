import { DomUtils, parseDocument } from 'htmlparser2';

/** A parsed HTML page with the look-ups reader-page tests need. */
export function parseHtmlPage(text: string) {
  const document = parseDocument(text);
  const all = (tag: string) => DomUtils.getElementsByTagName(tag, document);
  return {
    all,
    /** `content` of `<meta property|name="key">`, every one in order. */
    meta: (key: string) =>
      all('meta')
        .filter((m) => m.attribs.property === key || m.attribs.name === key)
        .map((m) => m.attribs.content),
    /** `href` of `<link rel="rel">`. */
    links: (rel: string) => all('link').filter((l) => l.attribs.rel === rel),
    text: (tag: string) => all(tag).map((e) => DomUtils.textContent(e).trim()),
    /** Every attribute name used anywhere, to look for inline handlers and styles. */
    attributeNames: () =>
      DomUtils.getElementsByTagName(() => true, document, true).flatMap((e) => Object.keys(e.attribs)),
  };
}
