/**
 * `npm run bench`: every benchmark, one child process each so that one's
 * memory and JIT state never colour the next. `npm run bench -- publish`
 * runs only the benchmarks whose file name contains "publish".
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  'render-feeds.ts',
  'publish.ts',
  'feed-serving.ts',
  'serving-while-busy.ts',
  'websub-fanout.ts',
  'feed-archive.ts',
  'ingest-throughput.ts',
  'ingest-cycle.ts',
  'related-eval/run.ts',
  'related-perf.ts',
  'worker-bundle.ts',
  'worker-vs-node.ts',
];

const filter = process.argv[2];
const selected = BENCHMARKS.filter((file) => !filter || file.includes(filter));
let failed = 0;
for (const file of selected) {
  console.log(`\n=== bench/${file} ===`);
  const path = fileURLToPath(new URL(file, import.meta.url));
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
  if (status !== 0) {
    console.log(`bench/${file} failed with exit code ${status}`);
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
