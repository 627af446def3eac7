/**
 * Render benchmark: one feed of 50 items with ~3 KB bodies and 3 related
 * stories each, in every format, then the publish job's worst case of
 * 51 feeds x 3 formats. Run: npx tsx bench/render-feeds.ts
 */
import { performance } from 'node:perf_hooks';
import type { FeedItem } from '../src/domain/article.ts';
import { FEED_FORMATS } from '../src/render/feed-spec.ts';
import { renderers } from '../src/render/index.ts';
import { fixtureSpec, seedItem } from '../tests/render-fixtures.ts';

const ITEMS = 50;
const RUNS = 300;

function benchItems(): FeedItem[] {
  const paragraph = `<p>${'Families gathered outside to say goodbye as the buses left &amp; the crowd wept. '.repeat(4)}</p>`;
  let body = '';
  while (body.length < 3000) body += `${paragraph}\n`;
  return Array.from({ length: ITEMS }, (_, i) => ({
    ...seedItem,
    url: `${seedItem.url}-${i}`,
    article: { ...seedItem.article, id: `art_${i}`, guid: `${seedItem.article.guid}-${i}`, bodyHtml: body },
  }));
}

const items = benchItems();
const spec = fixtureSpec();
const perRenderMs: Record<string, number> = {};
for (const format of FEED_FORMATS) {
  const render = renderers[format];
  for (let i = 0; i < 30; i++) render(spec, items); // warm up the JIT
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = render(spec, items).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] ?? 0;
  const p95 = times[Math.floor(RUNS * 0.95)] ?? 0;
  perRenderMs[format] = median;
  console.log(
    `${format.padEnd(5)} ${ITEMS} items: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ${(bytes / 1024).toFixed(0)} KiB`,
  );
}

const start = performance.now();
for (let feed = 0; feed < 51; feed++) for (const format of FEED_FORMATS) renderers[format](spec, items);
const total = performance.now() - start;
console.log(
  `51 feeds x 3 formats x ${ITEMS} items: ${total.toFixed(0)} ms total (sum of medians x 51: ${(51 * Object.values(perRenderMs).reduce((a, b) => a + b, 0)).toFixed(0)} ms)`,
);
