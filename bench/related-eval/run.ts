/**
 * Related-stories quality: precision@5, recall@10 and nDCG@10 of Tidings'
 * ranker (FTS5 through the real migrations and store in a temp SQLite file,
 * then scoreRelated) against two baselines on two hand-labelled sets of
 * stories grouped by event (stories.json, then stories-hard.json; README.md
 * says how each was built). Every story of a multi-story group stored as one
 * of our articles is a query; the other stories of its group are the
 * relevant answers.
 *
 * Tidings refuses weak links, so it may show fewer than 10; each baseline is
 * cut to the same number of links for the same query, and the ratios compare
 * at that number (TF-IDF with all 10 is printed too).
 *
 *   npx tsx bench/related-eval/run.ts
 */
import { readFileSync } from 'node:fs';
import { scoreForArticle } from '../../src/related/find-related-links.ts';
import type { ScoreOptions } from '../../src/related/score-related.ts';
import { createCategoryRanker, createTfIdfRanker, type EvalStory } from './baselines.ts';
import { type EvalArchive, openEvalArchive, toArticle } from './eval-archive.ts';
import { ndcgAt, precisionAt, recallAt } from './metrics.ts';

type Ranker = (query: EvalStory, k: number) => Promise<string[]> | string[];

function loadSet(file: string): EvalStory[] {
  return (JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as { stories: EvalStory[] }).stories;
}
const SITE = 'https://tidings.example';
const NOW = '2025-01-01T00:00:00.000Z';

function tidingsRanker(archive: EvalArchive, options: Omit<ScoreOptions, 'k'> = {}): Ranker {
  return async (query, k) => {
    const scored = await scoreForArticle(archive.store, toArticle(query), [], {
      now: NOW,
      siteUrl: SITE,
      k,
      ...options,
    });
    return scored.map((s) => archive.labelOf(s.kind, s.id));
  };
}

interface Scores {
  p5: number;
  r10: number;
  ndcg10: number;
  links: number;
  /** Of the first five links, the share that are external items. */
  external: number;
}

/** `counts` (per query id) cuts the ranker to that many links; without it the ranker gets 10. */
async function evaluate(
  ranker: Ranker,
  queries: EvalStory[],
  stories: EvalStory[],
  isExternal: (id: string) => boolean,
  counts?: Map<string, number>,
) {
  const totals: Scores = { p5: 0, r10: 0, ndcg10: 0, links: 0, external: 0 };
  const shown = new Map<string, number>();
  let top5 = 0;
  for (const query of queries) {
    const relevant = new Set(stories.filter((s) => s.group === query.group && s.id !== query.id).map((s) => s.id));
    const k = counts?.get(query.id) ?? 10;
    const ranked = k > 0 ? (await ranker(query, 10)).slice(0, k) : [];
    shown.set(query.id, ranked.length);
    totals.p5 += precisionAt(5, ranked, relevant);
    totals.r10 += recallAt(10, ranked, relevant);
    totals.ndcg10 += ndcgAt(10, ranked, relevant);
    totals.links += ranked.length;
    totals.external += ranked.slice(0, 5).filter(isExternal).length;
    top5 += Math.min(5, ranked.length);
  }
  const n = queries.length;
  const scores: Scores = {
    p5: totals.p5 / n,
    r10: totals.r10 / n,
    ndcg10: totals.ndcg10 / n,
    links: totals.links / n,
    external: top5 ? totals.external / top5 : 0,
  };
  return { scores, shown };
}

/**
 * Three conditions: the stories as written, all ours; "feed-like", where
 * every story keeps only its title and summary; and "mixed", as a newsroom
 * has it: two stories in five are our full-text articles, the rest external
 * items with a title and summary only. All rankers see the same text.
 */
async function main() {
  await runSet(loadSet('stories.json'));
  console.log('\n#### set 2: stories-hard.json (events followed over weeks, look-alike distractors; see README.md)');
  await runSet(loadSet('stories-hard.json'));
}

async function runSet(stories: EvalStory[]) {
  await runCondition('full text (title, summary, body)', stories, []);
  const feedLike = stories.map((s) => ({ ...s, body: '' }));
  await runCondition('feed-like (title and summary only)', feedLike, []);
  const external = new Set(stories.filter((_, i) => [1, 2, 4].includes(i % 5)).map((s) => s.id));
  const mixed = stories.map((s) => (external.has(s.id) ? { ...s, body: '' } : s));
  await runCondition(
    'mixed (2 in 5 ours with full text, 3 in 5 external items: title and summary)',
    mixed.filter((s) => !external.has(s.id)),
    mixed.filter((s) => external.has(s.id)),
  );
}

async function runCondition(name: string, own: EvalStory[], external: EvalStory[]) {
  console.log(`\n== ${name}`);
  const stories = [...own, ...external];
  const archive = await openEvalArchive(own, external);
  const externalIds = new Set(external.map((s) => s.id));
  const isExternal = (id: string) => externalIds.has(id);
  try {
    const sizes = new Map<string, number>();
    for (const s of stories) sizes.set(s.group, (sizes.get(s.group) ?? 0) + 1);
    const queries = own.filter((s) => (sizes.get(s.group) ?? 0) > 1);
    const relevantExternal = queries.flatMap((q) => stories.filter((s) => s.group === q.group && s.id !== q.id));
    console.log(
      `${stories.length} stories (${external.length} external), ${new Set(queries.map((q) => q.group)).size} event groups, ` +
        `${queries.length} queries; ${share(relevantExternal.filter((s) => isExternal(s.id)).length, relevantExternal.length)} of the relevant answers are external\n`,
    );
    const shipped = await evaluate(tidingsRanker(archive), queries, stories, isExternal);
    const counts = shipped.shown;
    const rows: [string, Scores][] = [['Tidings (weak links refused)', shipped.scores]];
    const more: [string, Ranker, Map<string, number> | undefined][] = [
      ['  Tidings, no threshold (10 links)', tidingsRanker(archive, { minScore: 0 }), undefined],
      ['  ablation: text only', tidingsRanker(archive, { weights: { tags: 0, category: 0, recency: 0 } }), undefined],
      ['  ablation: without recency', tidingsRanker(archive, { weights: { recency: 0 } }), undefined],
      ['  ablation: without tags', tidingsRanker(archive, { weights: { tags: 0 } }), undefined],
      ['Baseline: TF-IDF cosine, same links', createTfIdfRanker(stories), counts],
      ['  TF-IDF cosine, 10 links', createTfIdfRanker(stories), undefined],
      ['Baseline: same category, newest, same links', createCategoryRanker(stories), counts],
    ];
    for (const [label, ranker, cut] of more) {
      rows.push([label, (await evaluate(ranker, queries, stories, isExternal, cut)).scores]);
    }
    console.log(
      `${'ranker'.padEnd(44)} ${'P@5'.padStart(6)} ${'R@10'.padStart(6)} ${'nDCG@10'.padStart(8)} ${'links'.padStart(6)} ${'ext@5'.padStart(6)}`,
    );
    for (const [label, r] of rows) {
      console.log(
        `${label.padEnd(44)} ${fmt(r.p5)} ${fmt(r.r10)} ${fmt(r.ndcg10, 8)} ${r.links.toFixed(1).padStart(6)} ${fmt(r.external)}`,
      );
    }
    const get = (label: string) => rows.find(([l]) => l === label)?.[1];
    const tfidf = get('Baseline: TF-IDF cosine, same links');
    const category = get('Baseline: same category, newest, same links');
    const t = shipped.scores;
    if (tfidf && category) {
      console.log(
        `\nat the same links: P@5 ${(t.p5 / tfidf.p5).toFixed(2)}x TF-IDF, nDCG@10 ${(t.ndcg10 / tfidf.ndcg10).toFixed(2)}x TF-IDF (goal >= 1.1x); ` +
          `nDCG@10 ${(t.ndcg10 / category.ndcg10).toFixed(2)}x category`,
      );
      // nDCG is at most 1, so no ranker can beat a baseline by more than 1 / its nDCG.
      console.log(`ceiling: a perfect ranker would reach ${(1 / tfidf.ndcg10).toFixed(2)}x TF-IDF's nDCG@10 here`);
    }
  } finally {
    await archive.close();
  }
}

function share(part: number, whole: number): string {
  return `${Math.round((100 * part) / (whole || 1))}%`;
}

function fmt(value: number, width = 6): string {
  return value.toFixed(3).padStart(width);
}

await main();
