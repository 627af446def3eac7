/**
 * Worker bundle size: what `wrangler deploy --dry-run --outdir` would upload,
 * raw and gzip (goal: < 1 MiB gzip), with the largest contributors from the
 * source map, and a check that no Node-only module slipped in.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { printTable } from './support/measure.ts';

const GOAL_GZIP_BYTES = 1024 * 1024;
const NODE_ONLY = ['better-sqlite3', 'node-cron', 'node:fs', 'node:dns', 'fs-feed-sink'];

const dir = await mkdtemp(join(tmpdir(), 'tidings-bundle-'));
try {
  await promisify(execFile)('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', dir], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const bundle = await readFile(join(dir, 'worker.js'));
  const gzipBytes = gzipSync(bundle).byteLength;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  printTable('Worker bundle (wrangler deploy --dry-run)', [
    {
      raw: kib(bundle.byteLength),
      gzip: kib(gzipBytes),
      goal: `< ${kib(GOAL_GZIP_BYTES)} gzip`,
      met: gzipBytes < GOAL_GZIP_BYTES ? 'yes' : 'NO',
    },
  ]);

  // Source text per package, from the source map: where the bytes come from.
  const map = JSON.parse(await readFile(join(dir, 'worker.js.map'), 'utf8')) as {
    sources: string[];
    sourcesContent?: (string | null)[];
  };
  const sizes = new Map<string, number>();
  map.sources.forEach((source, i) => {
    const key = source.includes('node_modules/')
      ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? source)
      : `(ours) ${source.replace(/^.*?\/src\//, 'src/').replace(/\/[^/]+$/, '/')}`;
    sizes.set(key, (sizes.get(key) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  printTable(
    'Largest contributors (source text before minification)',
    [...sizes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, bytes]) => ({ name, source: kib(bytes) })),
  );

  const text = bundle.toString('utf8');
  const found = NODE_ONLY.filter((name) => text.includes(name));
  console.log(
    found.length ? `Node-only modules in the bundle: ${found.join(', ')}` : 'No Node-only module in the bundle.',
  );
  if (found.length || gzipBytes >= GOAL_GZIP_BYTES) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
