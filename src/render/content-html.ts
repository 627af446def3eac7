import type { Article, FeedItem, RelatedStory } from '../domain/article.ts';
import type { ContentBlocks } from './feed-spec.ts';
import { stripInvalidXmlChars } from './strip-invalid-xml-chars.ts';
import { escapeStrippedXmlText } from './xml-writer.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_HTML_ESCAPE = /[&<>"]/;

/** Most names, captions and URLs have nothing to escape: a test, and no replace, for those. */
function escapeHtml(text: string): string {
  return NEEDS_HTML_ESCAPE.test(text) ? text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] as string) : text;
}

function renderRelatedItem(story: RelatedStory): string {
  const link = `<a href="${escapeHtml(story.url)}">${escapeHtml(story.title)}</a>`;
  return story.source === 'own' ? `<li>${link}</li>` : `<li>${link} (${escapeHtml(story.source)})</li>`;
}

/** The lead image as a figure, caption and credit below it; nothing when the body shows it already. */
function leadImageHtml(article: Article): string {
  const { image } = article;
  if (!image) return '';
  const src = escapeHtml(image.url);
  if (article.bodyHtml.includes(`src="${src}"`)) return '';
  const credit = image.credit ? `<small>Photo: ${escapeHtml(image.credit)}</small>` : '';
  // The caption, then the credit, a space between them when there are both.
  const caption = image.caption ? `${escapeHtml(image.caption)}${credit && ` ${credit}`}` : credit;
  const img = `<img src="${src}" alt="${escapeHtml(image.alt ?? image.caption ?? '')}">`;
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n`;
}

/** Who wrote it: name and role, then the bio, after a rule that sets it apart from the story. */
function bylineHtml(article: Article): string {
  const { name, role, bio, url } = article.author;
  if (!name) return '';
  const who = url ? `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a>` : escapeHtml(name);
  const byline = `<p><strong>${who}</strong>${role ? `, ${escapeHtml(role)}` : ''}</p>`;
  return `\n<hr>\n${byline}${bio ? `\n<p>${escapeHtml(bio)}</p>` : ''}`;
}

/**
 * The item's full content: the lead image (with caption and credit) on top, the article
 * body, the byline and the author's bio, then its related stories as a plain list. Feed
 * readers ignore media:content, rel="related" links and unknown extensions, so the content
 * is the one place every reader shows them (Ghost does the same for the image); all three
 * formats carry it. The image and byline blocks are configurable (`blocks`); the body is
 * sanitized on save, and every other text here is escaped.
 */
export function renderContentHtml(item: FeedItem, blocks: ContentBlocks = NO_BLOCKS): string {
  return contentOf(item, blocks).html;
}

/** The same content escaped as XML text (RSS content:encoded, Atom content type="html"). */
export function contentXmlText(item: FeedItem, blocks: ContentBlocks = NO_BLOCKS): string {
  const content = contentOf(item, blocks);
  // Escaping the stripped text is escapeXmlText(html): stripping twice would scan it twice.
  content.xml ??= escapeStrippedXmlText(strippedOf(content));
  return content.xml;
}

/**
 * The same content as JSON Feed's content_html: stripped of XML-illegal characters, as every
 * string in our feeds is; undefined when there is none. Stripped once per item for both uses:
 * the scan for illegal characters is a regex over the item's biggest string.
 */
export function contentJsonText(item: FeedItem, blocks: ContentBlocks = NO_BLOCKS): string | undefined {
  const content = contentOf(item, blocks);
  return content.html === '' ? undefined : strippedOf(content);
}

function strippedOf(content: ItemContent): string {
  content.stripped ??= stripInvalidXmlChars(content.html);
  return content.stripped;
}

/**
 * The publish job renders one page's items in all three formats one after another, and the
 * content is each item's biggest string: it is built (and escaped for XML) once per item, not
 * once per format. Keyed by the item object, so it goes when the page does; same bytes.
 */
interface ItemContent {
  blocks: ContentBlocks;
  html: string;
  stripped?: string;
  xml?: string;
}
const contents = new WeakMap<FeedItem, ItemContent>();

function contentOf(item: FeedItem, blocks: ContentBlocks): ItemContent {
  const known = contents.get(item);
  if (known?.blocks === blocks) return known;
  const content: ItemContent = { blocks, html: buildContentHtml(item, blocks) };
  contents.set(item, content);
  return content;
}

function buildContentHtml(item: FeedItem, blocks: ContentBlocks): string {
  const { article } = item;
  const top = blocks.leadImage ? leadImageHtml(article) : '';
  const byline = blocks.byline ? bylineHtml(article) : '';
  const related = item.related.length
    ? `\n<h2>Related</h2>\n<ul>\n${item.related.map(renderRelatedItem).join('\n')}\n</ul>`
    : '';
  return `${top}${article.bodyHtml}${byline}${related}`;
}

const NO_BLOCKS: ContentBlocks = { leadImage: false, byline: false };
