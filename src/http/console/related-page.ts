import { Hono } from 'hono';
import { html } from 'hono/html';
import { articleUrlFor } from '../../domain/article-url.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { RelatedReason } from '../../domain/related.ts';
import type { AppDeps } from '../app-deps.ts';
import { csrfField, formatWhen, renderConsolePage } from './console-layout.ts';
import type { ConsoleEnv } from './session.ts';

/** GET /admin/articles/:id/related: the stored suggestions with their score and reasons; POST …/refresh recomputes them. */
export function createRelatedPage(deps: AppDeps): Hono<ConsoleEnv> {
  const { store, config } = deps;
  const mustGet = async (id: string) => {
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article with id "${id}"`);
    return article;
  };
  return new Hono<ConsoleEnv>()
    .get('/articles/:id/related', async (c) => {
      const article = await mustGet(c.req.param('id'));
      const links = await store.getRelatedLinks(article.id, articleUrlFor(config.siteUrl));
      const { csrfToken } = c.get('session');
      const changed = c.req.query('changed');
      const body = html`<h1>Related stories</h1>
<p>For <a href="/admin/articles/${article.id}">${article.title}</a>. Editorial links (chosen in the article form) come first, then the best matches from our archive and the sources.</p>
<form method="post" action="/admin/articles/${article.id}/related/refresh" class="actions">${csrfField(csrfToken)}<button type="submit">Refresh now</button></form>
${
  links.length
    ? html`<ol>${links.map(
        (link) => html`<li class="panel">
<strong>${link.url ? html`<a href="${link.url}">${link.title}</a>` : link.title}</strong>
${link.editorial ? html` <span class="badge">editorial</span>` : ''}${link.url ? '' : html` <span class="badge failing">not found yet</span>`}
<br><span class="muted">${
          link.url
            ? html`${link.source === 'own' ? 'Our archive' : (link.source ?? 'external')} · ${formatWhen(link.publishedAt)} · score ${link.score.toFixed(2)}`
            : 'No story with this headline yet; each refresh and ingest looks again.'
        }</span>
${link.reasons.length ? html`<ul>${link.reasons.map((reason) => html`<li>${describeReason(reason)}</li>`)}</ul>` : ''}
</li>`,
      )}</ol>`
    : html`<p class="muted">No related stories yet.</p>`
}`;
      return c.html(
        renderConsolePage({
          title: 'Related stories',
          section: 'articles',
          csrfToken,
          body,
          ...(changed !== undefined && {
            notice: `Refreshed: ${changed} article${changed === '1' ? '' : 's'} changed.`,
          }),
        }),
      );
    })
    .post('/articles/:id/related/refresh', async (c) => {
      const article = await mustGet(c.req.param('id'));
      const { changed } = await deps.refreshRelated(article.id);
      return c.redirect(`/admin/articles/${article.id}/related?changed=${changed.length}`, 303);
    });
}

/** A reason in words, as an editor would say it. */
export function describeReason(reason: RelatedReason): string {
  const values = reason.values?.join(', ') ?? '';
  switch (reason.type) {
    case 'editorial':
      return 'Chosen by the editor';
    case 'shared-terms':
      return `Shares the words: ${values}`;
    case 'same-category':
      return `Same category: ${values}`;
    case 'shared-tags':
      return `Shares the tags: ${values}`;
  }
}
