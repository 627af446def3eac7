/**
 * Render benchmark: one feed of 50 items with ~3 KB bodies and 3 related
 * stories each, in every format, against the `feed` package rendering the
 * same items in the same run; then the publish job's worst case of
 * 51 feeds x 3 formats, in chunks as the publish job renders them, with its CPU time.
 * Every render gets items it has not seen, as the publish job loads each page anew:
 * the same objects again would let the per-item content memo (content-html.ts)
 * hide the cost of building and escaping the content. Run: npx tsx bench/render-feeds.ts
 */
import { performance } from 'node:perf_hooks';
import type { FeedItem } from '../src/domain/article.ts';
import { FEED_FORMATS } from '../src/render/feed-spec.ts';
import { documentRenderers, renderers } from '../src/render/index.ts';
import { fixtureSpec, seedItem } from '../tests/render-fixtures.ts';
import { renderWithFeedPackage } from './support/feed-package-baseline.ts';

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

/** Median and p95 of RUNS renders after a warm-up, and the size of the output. */
function measure(render: () => string) {
  for (let i = 0; i < 30; i++) render(); // warm up the JIT
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = render().length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)] ?? 0, p95: times[Math.floor(RUNS * 0.95)] ?? 0, bytes };
}

const items = benchItems();
/** The same items as new objects, as a page freshly loaded from the store. */
const freshItems = (): FeedItem[] => items.map((item) => ({ ...item }));
const spec = fixtureSpec();
const perRenderMs: Record<string, number> = {};
for (const format of FEED_FORMATS) {
  const ours = measure(() => renderers[format](spec, freshItems()));
  const baseline = measure(() => renderWithFeedPackage(spec, freshItems(), format));
  perRenderMs[format] = ours.median;
  console.log(
    `${format.padEnd(5)} ${ITEMS} items: median ${ours.median.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms, ${(ours.bytes / 1024).toFixed(0)} KiB` +
      ` | feed package: median ${baseline.median.toFixed(2)} ms, ${(baseline.bytes / 1024).toFixed(0)} KiB | ours/feed time ${(ours.median / baseline.median).toFixed(2)}x`,
  );
}

const start = performance.now();
const cpuBefore = process.cpuUsage();
for (let feed = 0; feed < 51; feed++) {
  const page = freshItems();
  for (const format of FEED_FORMATS) documentRenderers[format](spec, page);
}
const cpu = process.cpuUsage(cpuBefore);
const total = performance.now() - start;
console.log(
  `51 feeds x 3 formats x ${ITEMS} items, in chunks: ${total.toFixed(0)} ms total, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms` +
    ` (sum of whole-string medians x 51: ${(51 * Object.values(perRenderMs).reduce((a, b) => a + b, 0)).toFixed(0)} ms)`,
);
