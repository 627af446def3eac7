import { html } from 'hono/html';
import type { Article, Author } from '../domain/article.ts';
import { articleTags, authorSlug } from '../domain/follow-slugs.ts';

/** The author's name, linked to their page (/author/<slug>) when they have one. */
export function authorLink(author: Author) {
  const slug = authorSlug(author);
  return slug ? html`<a rel="author" href="/author/${slug}">${author.name}</a>` : html`${author.name}`;
}

/** An article's tags, each linked to its page (/tag/<slug>); nothing for an untagged article. */
export function tagLinks(article: Pick<Article, 'tags'>) {
  const tags = articleTags(article);
  if (tags.length === 0) return '';
  return html`<p class="tags">Tags: ${tags.map((t, i) => html`${i ? ', ' : ''}<a rel="tag" href="/tag/${t.slug}">${t.name}</a>`)}</p>`;
}
