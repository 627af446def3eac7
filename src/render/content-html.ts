import type { FeedItem, RelatedStory } from '../domain/article.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] as string);
}

function renderRelatedItem(story: RelatedStory): string {
  const link = `<a href="${escapeHtml(story.url)}">${escapeHtml(story.title)}</a>`;
  return story.source === 'own' ? `<li>${link}</li>` : `<li>${link} (${escapeHtml(story.source)})</li>`;
}

/**
 * The item's full content: the article body, then its related stories as a plain
 * list. Feed readers ignore rel="related" links and unknown extensions, so the
 * list is the one form of "related" every reader shows; all three formats carry it.
 */
export function renderContentHtml(item: FeedItem): string {
  if (item.related.length === 0) return item.article.bodyHtml;
  const list = item.related.map(renderRelatedItem).join('\n');
  return `${item.article.bodyHtml}\n<h2>Related</h2>\n<ul>\n${list}\n</ul>`;
}
