import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Services } from '../app/create-services.ts';
import { createArticleFromInput } from '../domain/article-factory.ts';
import { parsePublisherText } from '../domain/import-text.ts';
import { importedToInput } from '../domain/imported-article.ts';
import { articleInputSchema } from '../domain/schemas.ts';
import { validate } from '../domain/validate.ts';
import { refreshRelatedForAllArticles } from '../related/refresh-related.ts';
import { loadSampleContent } from '../seed/load-sample-content.ts';
import { INGEST_USAGE, runIngestCommand, runSourcesCommand, SOURCES_USAGE } from './source-commands.ts';
import { UsageError } from './usage-error.ts';

export interface Command {
  usage: string;
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
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { draft: { type: 'boolean', default: false }, image: { type: 'string' } },
      });
      if (positionals.length === 0) throw new UsageError('import needs at least one file');
      for (const file of positionals) {
        const imported = parsePublisherText(await readFile(file, 'utf8'));
        const raw = importedToInput(imported, {
          status: values.draft ? 'draft' : 'published',
          ...(values.image && { image: values.image }),
        });
        const input = validate(articleInputSchema, raw, `article in ${file}`);
        const now = services.now().toISOString();
        const safe = { ...input, bodyHtml: services.sanitizeHtml(input.bodyHtml, `${services.config.siteUrl}/`) };
        const article = createArticleFromInput(safe, { now, siteUrl: services.config.siteUrl });
        await services.store.createArticle(article);
        print(
          `${file}: imported "${article.title}" as ${article.id} (${article.status}, /${article.categorySlug}/${article.slug})`,
        );
      }
    },
  },
  publish: {
    usage: 'publish                       render and write every changed feed now',
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
    run: (services, args, print) => runSourcesCommand({ ...services, print }, args),
  },
  ingest: {
    usage: INGEST_USAGE,
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
