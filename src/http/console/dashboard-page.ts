import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppDeps } from '../app-deps.ts';
import { csrfField, formatWhen, renderConsolePage } from './console-layout.ts';
import type { ConsoleEnv } from './session.ts';
import { needsAttention, sourceHealthBadge } from './source-health.ts';

const NOTICES: Record<string, string> = {
  published: 'Publish run finished.',
};

/** GET /admin: the feeds and when each was last written, recent publish runs, sources that need attention. */
export function createDashboardPage(deps: AppDeps): Hono<ConsoleEnv> {
  const { store } = deps;
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const [documents, runs, sources] = await Promise.all([
        store.listFeedDocuments(),
        store.listPublishRuns(10),
        store.listSources({ limit: 500 }),
      ]);
      const troubled = sources.items.filter(needsAttention);
      const { csrfToken } = c.get('session');
      const body = html`<h1>Dashboard</h1>
<form method="post" action="/admin/publish" class="actions">${csrfField(csrfToken)}<button type="submit">Publish feeds now</button>
<span class="muted">Writes every feed whose articles changed; the schedule does this too.</span></form>
<div class="grid">
<section class="panel" aria-labelledby="h-attention"><h2 id="h-attention">Sources that need attention</h2>
${
  troubled.length
    ? html`<ul class="plain">${troubled.map(
        (s) =>
          html`<li><a href="/admin/sources/${s.id}">${s.name}</a> ${sourceHealthBadge(s)}<br><span class="error">${s.health.lastError ?? 'disabled'}</span></li>`,
      )}</ul>`
    : html`<p class="muted">None: every source answered its last fetch.</p>`
}
<p><a href="/admin/sources">All sources (${sources.items.length})</a></p></section>
<section class="panel" aria-labelledby="h-runs"><h2 id="h-runs">Recent publish runs</h2>
${
  runs.length
    ? html`<ul class="plain">${runs.map(
        (run) =>
          html`<li>${formatWhen(run.startedAt)} · ${run.trigger} · ${run.feedsChecked} feeds checked, ${run.feedsWritten.length} documents written · ${run.durationMs} ms
${run.errors.length ? html`<ul>${run.errors.map((e) => html`<li class="error">${e.feed}: ${e.message}</li>`)}</ul>` : ''}</li>`,
      )}</ul>`
    : html`<p class="muted">No publish run yet.</p>`
}</section>
</div>
<section class="panel" aria-labelledby="h-feeds"><h2 id="h-feeds">Feeds</h2>
${
  documents.length
    ? html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Document</th><th scope="col">Last written</th><th scope="col">Size</th></tr></thead><tbody>
${documents.map(
  (d) =>
    html`<tr><td data-label="Document"><a href="/feeds/${d.name}">${d.name}</a></td><td data-label="Last written">${formatWhen(d.publishedAt)}</td><td data-label="Size">${Math.ceil(d.byteLength / 1024)} KiB</td></tr>`,
)}</tbody></table></div>`
    : html`<p class="muted">Nothing published yet.</p>`
}</section>`;
      const notice = NOTICES[c.req.query('done') ?? ''];
      return c.html(
        renderConsolePage({ title: 'Dashboard', section: 'dashboard', csrfToken, body, ...(notice && { notice }) }),
      );
    })
    .post('/publish', async (c) => {
      await deps.publisher.publish('console');
      return c.redirect('/admin?done=published', 303);
    });
}
