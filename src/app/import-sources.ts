import { ValidationError } from '../domain/errors.ts';
import { parseOpmlSubscriptions } from '../domain/parse-opml.ts';
import { type PollBounds, type Source, sourceSchemasWithin } from '../domain/source.ts';
import { createSourceFromInput } from '../domain/source-factory.ts';
import type { SourceStore } from '../store/store.ts';

/** What an OPML import did, outline by outline. */
export interface SourceImportReport {
  created: { id: string; url: string; name: string; categoryHint?: string }[];
  skipped: { url: string; reason: string }[];
  invalid: { url: string; reason: string }[];
}

/**
 * Registers the feeds of an OPML subscription list as sources (issue 11):
 * each outline with an xmlUrl becomes a source named by its title, filed
 * under the enclosing outline's text as its category hint. URLs already
 * registered, or named twice in the list, are skipped. All or nothing: one
 * invalid outline (a javascript: URL, an overlong name) refuses the whole
 * list with a ValidationError whose details are the full report, and nothing
 * is written; otherwise every new source is created in one batch.
 */
export async function importSourcesFromOpml(
  store: SourceStore,
  opml: string,
  now: string,
  bounds: PollBounds,
): Promise<SourceImportReport> {
  // OPML names no poll interval: each source gets the default, within the configured bounds.
  const sourceInputSchema = sourceSchemasWithin(bounds).input;
  const report: SourceImportReport = { created: [], skipped: [], invalid: [] };
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const outline of parseOpmlSubscriptions(opml)) {
    const parsed = sourceInputSchema.safeParse({
      url: outline.xmlUrl,
      name: outline.title ?? hostOf(outline.xmlUrl),
      ...(outline.folder && { categoryHint: outline.folder }),
    });
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'outline'}: ${i.message}`).join('; ');
      report.invalid.push({ url: outline.xmlUrl.slice(0, 300), reason });
      continue;
    }
    if (seen.has(parsed.data.url)) {
      report.skipped.push({ url: parsed.data.url, reason: 'named twice in this list' });
      continue;
    }
    seen.add(parsed.data.url);
    sources.push(createSourceFromInput(parsed.data, now));
  }
  if (report.invalid.length > 0) {
    throw new ValidationError(
      `${report.invalid.length} outline(s) cannot become sources; nothing was imported. Fix or remove them and send the list again`,
      report,
    );
  }
  const created = await store.createSources(sources);
  sources.forEach((source, i) => {
    if (!created[i]) {
      report.skipped.push({ url: source.url, reason: 'already registered' });
      return;
    }
    const { id, url, name, categoryHint } = source;
    report.created.push({ id, url, name, ...(categoryHint && { categoryHint }) });
  });
  return report;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url.slice(0, 200);
  }
}
