/**
 * `npm run worker:seed`: the sample content in the local D1 of `wrangler dev`.
 * It loads the sample content exactly as `npm start` does, into a throwaway
 * SQLite file, dumps the content tables as INSERT OR IGNORE statements (safe
 * to run again), applies the migrations to the local D1 and executes the dump
 * there. Triggers rebuild the full-text index on D1 as the rows go in.
 * Options: --persist-to <dir> (as for wrangler dev), --public-url <url>, --remote (the
 * deployed D1 instead of the local one; needs `wrangler login`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { openNodeAdapters } from '../src/adapters/node/node-adapters.ts';
import { createServices } from '../src/app/create-services.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { loadSampleContent } from '../src/seed/load-sample-content.ts';
import type { SqlDatabase, SqlValue } from '../src/store/sql-database.ts';

/** Content, in foreign-key order. Publish state (feed_documents, feed_bodies) is left out: D1 publishes its own. */
const CONTENT_TABLES = ['articles', 'sources', 'external_items', 'related_links'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

export interface SeedOptions {
  persistTo?: string;
  publicUrl?: string;
  remote?: boolean;
}

export async function seedLocalD1(options: SeedOptions = {}): Promise<{ statements: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-worker-seed-'));
  try {
    const file = join(dir, 'seed.sql');
    const statements = await buildSeedSql(dir, options.publicUrl);
    await writeFile(file, statements.join('\n'));
    const where = options.remote
      ? ['--remote']
      : ['--local', ...(options.persistTo ? ['--persist-to', options.persistTo] : [])];
    await wrangler(['d1', 'migrations', 'apply', 'DB', ...where]);
    await wrangler(['d1', 'execute', 'DB', ...where, '--file', file]);
    return { statements: statements.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function buildSeedSql(dir: string, publicUrl?: string): Promise<string[]> {
  const config = loadConfig({
    ...process.env,
    DATABASE_PATH: join(dir, 'seed.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    WORKER_THREADS: '0',
    ...(publicUrl && { PUBLIC_URL: publicUrl }),
  });
  const adapters = await openNodeAdapters(config, silentLogger);
  const ctx = createServices(config, adapters, { log: silentLogger });
  try {
    await loadSampleContent({ ...ctx, seedDir: config.seedDir, siteUrl: config.siteUrl });
    const statements: string[] = [];
    for (const table of CONTENT_TABLES) statements.push(...(await dumpTable(adapters.db, table)));
    return statements;
  } finally {
    await ctx.close();
  }
}

async function dumpTable(db: SqlDatabase, table: string): Promise<string[]> {
  const exists = await db.first("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
  if (!exists) return [];
  const rows = await db.all<Record<string, SqlValue>>(`SELECT * FROM ${table}`);
  return rows.map((row) => {
    const columns = Object.keys(row);
    const values = columns.map((column) => sqlLiteral(row[column] ?? null));
    return `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')});`;
  });
}

function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  return `'${value.replaceAll("'", "''")}'`;
}

async function wrangler(args: string[]): Promise<void> {
  await run(join(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { 'persist-to': { type: 'string' }, 'public-url': { type: 'string' }, remote: { type: 'boolean' } },
  });
  const { statements } = await seedLocalD1({
    ...(values['persist-to'] && { persistTo: values['persist-to'] }),
    ...(values['public-url'] && { publicUrl: values['public-url'] }),
    ...(values.remote && { remote: true }),
  });
  const where = values.remote ? 'remote' : 'local';
  process.stdout.write(`worker:seed: migrations applied and ${statements} rows loaded into the ${where} D1 (DB)\n`);
}
