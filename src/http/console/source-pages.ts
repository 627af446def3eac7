import { Hono } from 'hono';
import { html } from 'hono/html';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { sourceSchemasWithin } from '../../domain/source.ts';
import { createSourceFromInput } from '../../domain/source-factory.ts';
import { type FieldProblem, validate } from '../../domain/validate.ts';
import type { SourceOutcome } from '../../ingest/ingest-source.ts';
import type { AppDeps } from '../app-deps.ts';
import { csrfField, formatWhen, renderConsolePage, renderProblems } from './console-layout.ts';
import type { ConsoleEnv } from './session.ts';
import { sourceHealthBadge } from './source-health.ts';

const NOTICES: Record<string, string> = { added: 'Source added.', deleted: 'Source deleted.' };

/** External sources in the console: health at a glance, add one, ingest one now, delete. */
export function createSourcePages(deps: AppDeps): Hono<ConsoleEnv> {
  const { store } = deps;
  const sourceInput = sourceSchemasWithin(deps.config.ingest).input;
  const mustGet = async (id: string) => {
    const source = await store.getSource(id);
    if (!source) throw new NotFoundError(`no source with id "${id}"`);
    return source;
  };
  const listPage = async (
    csrfToken: string,
    form: { values: Record<string, string>; problems: FieldProblem[] },
    notice?: string,
  ) => {
    const { items } = await store.listSources({ limit: 500 });
    const v = form.values;
    const body = html`<h1>Sources</h1>
<p>Feeds from other sites whose stories we link as related. Each is fetched on its own schedule; one that fails says why here.</p>
${
  items.length
    ? html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last success</th><th scope="col">Items</th><th scope="col">Last error</th></tr></thead><tbody>
${items.map(
  (s) =>
    html`<tr><td data-label="Source"><a href="/admin/sources/${s.id}">${s.name}</a><br><span class="muted">${s.url}</span></td><td data-label="Health">${sourceHealthBadge(s)}</td><td data-label="Last success">${formatWhen(s.health.lastSuccessAt)}</td><td data-label="Items">${s.health.itemsStored}</td><td data-label="Last error">${s.health.lastError ? html`<span class="error">${s.health.lastError}</span>` : '—'}</td></tr>`,
)}</tbody></table></div>`
    : html`<p class="muted">No sources yet.</p>`
}
<section class="panel" aria-labelledby="h-add"><h2 id="h-add">Add a source</h2>
${renderProblems(form.problems)}
<form method="post" action="/admin/sources">${csrfField(csrfToken)}
<div class="row">
<div><label for="f-url">Feed or site URL</label><span class="hint" id="f-url-hint">RSS, Atom or JSON Feed; a page is searched for its feed</span><input aria-describedby="f-url-hint" type="url" id="f-url" name="url" required value="${v.url ?? ''}"></div>
<div><label for="f-name">Name</label><input type="text" id="f-name" name="name" required value="${v.name ?? ''}"></div>
</div>
<div class="row">
<div><label for="f-categoryHint">Category hint</label><span class="hint" id="f-categoryHint-hint">Optional: the category its stories usually belong to</span><input aria-describedby="f-categoryHint-hint" type="text" id="f-categoryHint" name="categoryHint" value="${v.categoryHint ?? ''}"></div>
<div><label for="f-pollIntervalMinutes">Fetch every (minutes)</label><input type="number" id="f-pollIntervalMinutes" name="pollIntervalMinutes" min="1" max="10080" value="${v.pollIntervalMinutes ?? '60'}"></div>
</div>
<div class="actions"><button type="submit">Add source</button></div>
</form></section>`;
    return renderConsolePage({ title: 'Sources', section: 'sources', csrfToken, body, ...(notice && { notice }) });
  };

  return new Hono<ConsoleEnv>()
    .get('/sources', async (c) => {
      const done = NOTICES[c.req.query('done') ?? ''];
      return c.html(listPage(c.get('session').csrfToken, { values: {}, problems: [] }, done));
    })
    .post('/sources', async (c) => {
      const body = await c.req.parseBody();
      const values = Object.fromEntries(
        ['url', 'name', 'categoryHint', 'pollIntervalMinutes'].map((k) => [
          k,
          typeof body[k] === 'string' ? (body[k] as string).trim() : '',
        ]),
      );
      try {
        const input = validate(
          sourceInput,
          {
            url: values.url,
            name: values.name,
            ...(values.categoryHint && { categoryHint: values.categoryHint }),
            ...(values.pollIntervalMinutes && { pollIntervalMinutes: Number(values.pollIntervalMinutes) }),
          },
          'source',
        );
        const source = createSourceFromInput(input, deps.now().toISOString());
        await store.createSource(source);
        return c.redirect(`/admin/sources/${source.id}?done=added`, 303);
      } catch (error) {
        if (error instanceof ValidationError || error instanceof ConflictError) {
          const problems =
            error instanceof ValidationError && Array.isArray(error.details)
              ? (error.details as FieldProblem[])
              : [{ field: 'url', message: error.message }];
          return c.html(
            listPage(c.get('session').csrfToken, { values, problems }),
            error instanceof ConflictError ? 409 : 400,
          );
        }
        throw error;
      }
    })
    .get('/sources/:id', async (c) => {
      const source = await mustGet(c.req.param('id'));
      const { csrfToken } = c.get('session');
      const { health } = source;
      const outcome = c.req.query('outcome');
      const done = NOTICES[c.req.query('done') ?? ''] ?? (outcome ? `Ingest finished: ${outcome}.` : undefined);
      const body = html`<h1>${source.name}</h1>
<p><a href="${source.url}">${source.url}</a> ${sourceHealthBadge(source)}</p>
<dl class="panel">
<dt>Last fetch</dt><dd>${formatWhen(health.lastFetchAt)}${health.lastStatus ? ` (HTTP ${health.lastStatus})` : ''}</dd>
<dt>Last success</dt><dd>${formatWhen(health.lastSuccessAt)}</dd>
<dt>Last error</dt><dd>${health.lastError ? html`<span class="error">${health.lastError}</span>` : 'none'}</dd>
<dt>Failures in a row</dt><dd>${health.consecutiveFailures}</dd>
<dt>Items kept</dt><dd>${health.itemsStored}</dd>
<dt>Next fetch</dt><dd>${formatWhen(health.nextPollAt)} (every ${source.pollIntervalMinutes} min)</dd>
</dl>
<div class="actions">
${deps.ingest ? html`<form method="post" action="/admin/sources/${source.id}/ingest">${csrfField(csrfToken)}<button type="submit">Ingest now</button></form>` : ''}
<form method="post" action="/admin/sources/${source.id}/delete" data-confirm="Delete this source and the items it brought?">${csrfField(csrfToken)}<button type="submit" class="danger">Delete source</button></form>
</div>
<p><a href="/admin/sources">All sources</a></p>`;
      return c.html(
        renderConsolePage({ title: source.name, section: 'sources', csrfToken, body, ...(done && { notice: done }) }),
      );
    })
    .post('/sources/:id/ingest', async (c) => {
      const ingest = deps.ingest;
      if (!ingest) throw new NotFoundError('ingest is not available on this server');
      const id = c.req.param('id');
      const at = deps.now().getTime();
      const claimUntil = new Date(at + deps.config.ingest.claimMs).toISOString();
      const source = await store.claimSource(id, new Date(at).toISOString(), claimUntil);
      if (!source) {
        await mustGet(id);
        throw new ConflictError(`source ${id} is being ingested right now; try again when that run ends`);
      }
      const outcome = await ingest(source);
      return c.redirect(`/admin/sources/${id}?outcome=${encodeURIComponent(describeOutcome(outcome))}`, 303);
    })
    .post('/sources/:id/delete', async (c) => {
      if (!(await store.deleteSource(c.req.param('id'))))
        throw new NotFoundError(`no source with id "${c.req.param('id')}"`);
      return c.redirect('/admin/sources?done=deleted', 303);
    });
}

/** One line for the notice after "ingest now"; the page below it shows the full health. */
function describeOutcome(outcome: SourceOutcome): string {
  if (outcome.error) return 'the fetch failed (see the last error below)';
  if (!outcome.isModified) return 'the feed has not changed since the last fetch';
  return `${outcome.inserted} new, ${outcome.updated} updated, ${outcome.removed} removed`;
}
