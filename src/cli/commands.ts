import type { Services } from '../app/create-services.ts';
import { createArticleFromInput } from '../domain/article-factory.ts';
import { DomainError, UnreadableError } from '../domain/errors.ts';
import { parsePublisherText } from '../domain/import-text.ts';
import { importedToInput } from '../domain/imported-article.ts';
import { articleInputSchema } from '../domain/schemas.ts';
import { validate } from '../domain/validate.ts';
import { refreshRelatedForAllArticles } from '../related/refresh-related.ts';
import { loadSampleContent } from '../seed/load-sample-content.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readInputFile } from './read-input-file.ts';
import { INGEST_USAGE, runIngestCommand, runSourcesCommand, SOURCES_USAGE } from './source-commands.ts';
import { UsageError } from './usage-error.ts';

export interface Command {
  usage: string;
  /**
   * Log messages of events this command prints a line for itself: the CLI drops those log
   * lines, so each event is told once (issue 10 item 23).
   */
  reports?: string[];
  run(services: Services, args: string[], print: (line: string) => void): Promise<void>;
}

/** Operator commands: `npm run cli -- <command> [options]`, on the same database and feeds as the server. */
export const commands: Record<string, Command> = {
  migrate: {
    usage: 'migrate                       create or upgrade the database',
    async run(_services, _args, print) {
      print('database is up to date'); // opening the database applies pending migrations
    },
  },
  seed: {
    usage: 'seed                          load the sample content (skips articles that exist)',
    async run(services, _args, print) {
      const { config } = services;
      const created = await loadSampleContent({ ...services, seedDir: config.seedDir, siteUrl: config.siteUrl });
      print(`loaded ${created} sample article(s) from ${config.seedDir}`);
    },
  },
  import: {
    usage: 'import <file...> [--draft] [--image <url>]   import articles in the publisher text format',
    async run(services, args, print) {
      const { values, positionals } = parseCommandArgs({
        args,
        allowPositionals: true,
        options: { draft: { type: 'boolean', default: false }, image: { type: 'string' } },
      });
      if (positionals.length === 0) throw new UsageError('import needs at least one file');
      const failures: string[] = [];
      for (const file of positionals) {
        try {
          print(await importFile(services, file, { draft: values.draft, image: values.image }));
        } catch (error) {
          // One bad file does not stop the others (each is its own transaction); all are named at the end.
          if (!(error instanceof DomainError)) throw error;
          failures.push(`  ${error.message.startsWith(file) ? '' : `${file}: `}${error.message}`);
        }
      }
      if (failures.length) {
        const count = `${failures.length} of ${positionals.length} file(s) not imported`;
        throw new UnreadableError([`${count}:`, ...failures].join('\n'));
      }
    },
  },
  publish: {
    usage: 'publish                       render and write every changed feed now',
    reports: ['publish: feed failed, previous documents kept'],
    async run(services, _args, print) {
      const run = await services.publisher.publish('cli');
      print(`checked ${run.feedsChecked} feeds in ${run.durationMs} ms; wrote ${run.feedsWritten.length} document(s)`);
      for (const name of run.feedsWritten) print(`  wrote ${services.config.feedsDir}/${name}`);
      for (const error of run.errors) print(`  FAILED ${error.feed}: ${error.message}`);
      if (run.errors.length) process.exitCode = 1;
    },
  },
  related: {
    usage: "related refresh               recompute every article's related stories (after a bulk import)",
    async run(services, args, print) {
      if (args[0] !== 'refresh') throw new UsageError('related takes one action: refresh');
      const options = { now: services.now().toISOString(), siteUrl: services.config.siteUrl };
      const onProgress = (done: number) => print(`  ${done} articles…`);
      const result = await refreshRelatedForAllArticles(services.store, options, onProgress);
      print(
        `refreshed ${result.refreshed.length} articles; ${result.changed.length} now show different related stories`,
      );
    },
  },
  sources: {
    usage: SOURCES_USAGE,
    run: (services, args, print) => runSourcesCommand({ ...services, print, pollBounds: services.config.ingest }, args),
  },
  ingest: {
    usage: INGEST_USAGE,
    reports: ['ingest: source failed'],
    async run(services, args, print) {
      const summary = await runIngestCommand({ ...services, print }, args);
      if (summary.failed) process.exitCode = 1;
    },
  },
};

export function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}`)].join(
    '\n',
  );
}

/** One file of `import`: read, parsed, validated, sanitized, stored; the line to print. */
async function importFile(
  services: Services,
  file: string,
  options: { draft: boolean; image: string | undefined },
): Promise<string> {
  const imported = parsePublisherText(await readInputFile(file));
  const raw = importedToInput(imported, {
    status: options.draft ? 'draft' : 'published',
    ...(options.image && { image: options.image }),
  });
  const input = validate(articleInputSchema, raw, `article in ${file}`);
  const now = services.now().toISOString();
  const safe = { ...input, bodyHtml: services.sanitizeHtml(input.bodyHtml, `${services.config.siteUrl}/`) };
  const article = createArticleFromInput(safe, { now, siteUrl: services.config.siteUrl });
  await services.store.createArticle(article);
  return `${file}: imported "${article.title}" as ${article.id} (${article.status}, /${article.categorySlug}/${article.slug})`;
}
