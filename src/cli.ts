/**
 * Operator commands: `npm run cli -- <command> [options]`.
 * Each command gets the Node context (same database, feeds folder and
 * config as the server) and its own parsed arguments.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { createArticleFromInput } from './domain/article-factory.ts';
import { parsePublisherText } from './domain/import-text.ts';
import { importedToInput } from './domain/imported-article.ts';
import { articleInputSchema } from './domain/schemas.ts';
import { validate } from './http/validate.ts';
import {
  INGEST_USAGE,
  type IngestCommandDeps,
  runIngestCommand,
  runSourcesCommand,
  SOURCES_USAGE,
} from './ingest/ingest-commands.ts';
import { createLogger } from './log.ts';
import { type NodeContext, openNodeContext } from './node-context.ts';
import { refreshRelatedForAllArticles } from './related/refresh-related.ts';
import { loadSampleContent } from './seed/load-sample-content.ts';

interface Command {
  usage: string;
  run(ctx: NodeContext, args: string[]): Promise<void>;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

const commands: Record<string, Command> = {
  migrate: {
    usage: 'migrate                       create or upgrade the database',
    async run() {
      print('database is up to date'); // opening the context applies pending migrations
    },
  },
  seed: {
    usage: 'seed                          load the sample content (skips articles that exist)',
    async run(ctx) {
      const created = await loadSampleContent({ ...ctx, seedDir: ctx.config.seedDir, siteUrl: ctx.config.siteUrl });
      print(`loaded ${created} sample article(s) from ${ctx.config.seedDir}`);
    },
  },
  import: {
    usage: 'import <file...> [--draft] [--image <url>]   import articles in the publisher text format',
    async run(ctx, args) {
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
        const article = createArticleFromInput(input, { now: ctx.now().toISOString(), siteUrl: ctx.config.siteUrl });
        await ctx.store.createArticle(article);
        print(
          `${file}: imported "${article.title}" as ${article.id} (${article.status}, /${article.categorySlug}/${article.slug})`,
        );
      }
    },
  },
  publish: {
    usage: 'publish                       render and write every changed feed now',
    async run(ctx) {
      const run = await ctx.publisher.publish('cli');
      print(`checked ${run.feedsChecked} feeds in ${run.durationMs} ms; wrote ${run.feedsWritten.length} document(s)`);
      for (const name of run.feedsWritten) print(`  wrote ${ctx.config.feedsDir}/${name}`);
      for (const error of run.errors) print(`  FAILED ${error.feed}: ${error.message}`);
      if (run.errors.length) process.exitCode = 1;
    },
  },
  related: {
    usage: "related refresh               recompute every article's related stories (after a bulk import)",
    async run(ctx, args) {
      if (args[0] !== 'refresh') throw new UsageError('related takes one action: refresh');
      const options = { now: ctx.now().toISOString(), siteUrl: ctx.config.siteUrl };
      const result = await refreshRelatedForAllArticles(ctx.store, options, (done) => print(`  ${done} articles…`));
      print(
        `refreshed ${result.refreshed.length} articles; ${result.changed.length} now show different related stories`,
      );
    },
  },
  sources: {
    usage: SOURCES_USAGE,
    run: (ctx, args) => runSourcesCommand(ingestDeps(ctx), args),
  },
  ingest: {
    usage: INGEST_USAGE,
    async run(ctx, args) {
      const summary = await runIngestCommand(ingestDeps(ctx), args);
      if (summary.failed) process.exitCode = 1;
    },
  },
};

/** The CLI's ingest commands run the context's pipeline; progress goes to stdout, one line per source. */
function ingestDeps(ctx: NodeContext): IngestCommandDeps {
  const { store, ingest, log, now, config } = ctx;
  return { store, ingest, concurrency: config.ingest.concurrency, claimMs: config.ingest.claimMs, log, now, print };
}

class UsageError extends Error {}

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}`)].join(
    '\n',
  );
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    print(usage());
    process.exitCode = name && name !== 'help' ? 2 : 0;
    return;
  }
  const config = loadConfig(process.env);
  const ctx = await openNodeContext(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    await command.run(ctx, args);
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  const known = error instanceof ConfigError || error instanceof UsageError || 'status' in error;
  process.stderr.write(`tidings: ${known ? error.message : error.stack}\n`);
  if (error instanceof UsageError) process.stderr.write(`${usage()}\n`);
  process.exitCode = 1;
});
