import type { Services } from '../app/create-services.ts';
import type { SourceImportReport } from '../app/import-sources.ts';
import { DomainError } from '../domain/errors.ts';
import { type PollBounds, type Source, sourceSchemasWithin } from '../domain/source.ts';
import { createSourceFromInput } from '../domain/source-factory.ts';
import { validate } from '../domain/validate.ts';
import type { SourceOutcome } from '../ingest/ingest-source.ts';
import type { CycleSummary } from '../ingest/run-ingest-cycle.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { UsageError } from './usage-error.ts';

/** What the source commands need: the services, and where progress lines go. */
export interface IngestCommandDeps extends Pick<Services, 'store' | 'ingestCycle' | 'now' | 'importSources'> {
  print: (line: string) => void;
}

export interface SourcesCommandDeps extends IngestCommandDeps {
  /** INGEST_MIN/MAX_INTERVAL_MINUTES: `sources add --interval` outside them is refused, as by the API. */
  pollBounds: PollBounds;
}

export const SOURCES_USAGE =
  'sources add <url> [--name N] [--category C] [--interval MIN] | sources list | sources import <file.opml>   register, list or import (OPML) external feeds';
export const INGEST_USAGE =
  'ingest [--all]                fetch due sources now (--all: every enabled one), a line per source';

/** `sources add <url> …` and `sources list`. */
export async function runSourcesCommand(deps: SourcesCommandDeps, args: string[]): Promise<void> {
  const { positionals, values } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, category: { type: 'string' }, interval: { type: 'string' } },
  });
  const [action, url] = positionals;
  if (action === 'list') return listSources(deps);
  if (action === 'import' && url) return importSources(deps, url);
  if (action !== 'add' || !url) throw new UsageError(`usage: ${SOURCES_USAGE}`);
  const input = validate(
    sourceSchemasWithin(deps.pollBounds).input,
    {
      url,
      name: values.name ?? hostOf(url),
      ...(values.category ? { categoryHint: values.category } : {}),
      ...(values.interval ? { pollIntervalMinutes: Number(values.interval) } : {}),
    },
    'source',
  );
  const source = createSourceFromInput(input, deps.now().toISOString());
  await deps.store.createSource(source);
  deps.print(
    `added ${source.id} "${source.name}" ${source.url} (every ${source.pollIntervalMinutes} min); run "ingest" to fetch it now`,
  );
}

async function listSources(deps: IngestCommandDeps): Promise<void> {
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await deps.store.listSources({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const source of page.items) deps.print(describeSource(source));
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  deps.print(`${count} source(s)`);
}

function describeSource(s: Source): string {
  const h = s.health;
  const state = !s.enabled
    ? h.disabledReason
      ? `disabled (${h.disabledReason})`
      : 'disabled'
    : h.lastError
      ? `FAILING x${h.consecutiveFailures}: ${h.lastError}`
      : h.lastFetchAt
        ? 'ok'
        : 'never fetched';
  return `${s.id}  ${s.name}  ${s.url}\n    ${state}; status ${h.lastStatus ?? '-'}; ${h.itemsStored} items; last success ${h.lastSuccessAt ?? 'never'}; next poll ${h.nextPollAt}`;
}

/** `ingest [--all]`: one cycle now, a progress line per source, a summary line; the caller sets the exit code. */
export async function runIngestCommand(deps: IngestCommandDeps, args: string[]): Promise<CycleSummary> {
  const { values } = parseCommandArgs({ args, options: { all: { type: 'boolean', default: false } } });
  if (values.all) await makeAllDue(deps);
  const summary = await deps.ingestCycle.run({
    onProgress: (outcome, done) => deps.print(progressLine(outcome, done)),
  });
  deps.print(
    `ingested ${summary.sources} source(s) in ${summary.durationMs} ms: ${summary.succeeded} updated, ${summary.notModified} unchanged, ${summary.failed} failed; ${summary.inserted} new item(s), ${summary.updated} edited, ${summary.removed} expired`,
  );
  return summary;
}

export function progressLine(o: SourceOutcome, done: number): string {
  const head = `[${done}] ${o.url}`;
  if (o.error) return `${head}  FAILED${o.status ? ` ${o.status}` : ''}: ${o.error} (${o.durationMs} ms)`;
  if (!o.isModified) return `${head}  ${o.status} not modified, ${o.itemsStored} stored (${o.durationMs} ms)`;
  return `${head}  ${o.status} ${o.inserted} new, ${o.updated} edited, ${o.removed} expired, ${o.itemsStored} stored (${o.durationMs} ms)`;
}

/** Marks every enabled source due now, so the cycle fetches them all. */
async function makeAllDue(deps: IngestCommandDeps): Promise<void> {
  const now = deps.now().toISOString();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listSources({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const source of page.items.filter((s) => s.enabled && s.health.nextPollAt > now)) {
      await deps.store.updateSource({ ...source, health: { ...source.health, nextPollAt: now } });
    }
    cursor = page.nextCursor;
  } while (cursor);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Largest OPML file read: the admin API's body limit, so both doors refuse the same lists. */
const MAX_OPML_BYTES = 1024 * 1024;

/** `sources import <file.opml>`: every feed of the list becomes a source, all or nothing. */
async function importSources(deps: IngestCommandDeps, path: string): Promise<void> {
  const opml = await readInputFile(path, MAX_OPML_BYTES);
  const report = await deps.importSources(opml).catch((error: unknown) => {
    // A refused list names each outline that cannot become a source before the one-line error.
    const invalid = (error as { details?: Partial<SourceImportReport> }).details?.invalid ?? [];
    for (const outline of invalid) deps.print(`invalid ${outline.url}: ${outline.reason}`);
    if (error instanceof DomainError) error.message = `${path}: ${error.message}`; // which file, for the one line
    throw error;
  });
  for (const source of report.created) {
    deps.print(
      `created ${source.id} "${source.name}" ${source.url}${source.categoryHint ? ` [${source.categoryHint}]` : ''}`,
    );
  }
  for (const skipped of report.skipped) deps.print(`skipped ${skipped.url}: ${skipped.reason}`);
  deps.print(`imported ${report.created.length} source(s), skipped ${report.skipped.length}`);
}
