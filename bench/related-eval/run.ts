/**
 * Related-stories quality: precision@5, recall@10 and nDCG@10 of Tidings'
 * scorer (FTS5 BM25 through the real migrations and store in a temp SQLite
 * file, then scoreRelated) against two baselines on two hand-labelled sets of
 * stories grouped by event (stories.json, then stories-hard.json; README.md
 * says how each was built). Every story of a multi-story group is a query;
 * the other stories of its group are the relevant answers.
 *
 *   npx tsx bench/related-eval/run.ts
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import type { Article } from '../../src/domain/article.ts';
import { slugify } from '../../src/domain/slug.ts';
import { scoreForArticle } from '../../src/related/find-related-links.ts';
import type { ScoreWeights } from '../../src/related/score-related.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createCategoryRanker, createTfIdfRanker, type EvalStory } from './baselines.ts';
import { ndcgAt, precisionAt, recallAt } from './metrics.ts';

type Ranker = (query: EvalStory, k: number) => Promise<string[]> | string[];

/** Set 1 (saturated: TF-IDF already near the ceiling) and set 2 (built to README.md's rules for set 2). */
function loadSet(file: string): EvalStory[] {
  return (JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as { stories: EvalStory[] }).stories;
}
const SITE = 'https://tidings.example';
const NOW = '2025-01-01T00:00:00.000Z';

function toArticle(s: EvalStory): Article {
  return {
    id: s.id,
    guid: `tag:tidings.example,2024-01-01:article/${s.id}`,
    slug: slugify(`${s.title} ${s.id}`),
    title: s.title,
    summary: s.summary,
    bodyHtml: `<p>${s.body}</p>`,
    category: s.category,
    categorySlug: slugify(s.category),
    tags: s.tags,
    author: { name: 'Eval' },
    status: 'published',
    publishedAt: s.publishedAt,
    createdAt: s.publishedAt,
    updatedAt: s.publishedAt,
    relatedLinks: [],
    revision: 1,
  };
}

function tidingsRanker(store: Store, weights?: Partial<ScoreWeights>): Ranker {
  return async (query, k) => {
    const scored = await scoreForArticle(store, toArticle(query), [], {
      now: NOW,
      siteUrl: SITE,
      k,
      minScore: 0,
      ...(weights ? { weights } : {}),
    });
    return scored.map((s) => s.id);
  };
}

async function evaluate(ranker: Ranker, queries: EvalStory[], stories: EvalStory[]) {
  const totals = { p5: 0, r10: 0, ndcg10: 0 };
  for (const query of queries) {
    const relevant = new Set(stories.filter((s) => s.group === query.group && s.id !== query.id).map((s) => s.id));
    const ranked = await ranker(query, 10);
    totals.p5 += precisionAt(5, ranked, relevant);
    totals.r10 += recallAt(10, ranked, relevant);
    totals.ndcg10 += ndcgAt(10, ranked, relevant);
  }
  const n = queries.length;
  return { p5: totals.p5 / n, r10: totals.r10 / n, ndcg10: totals.ndcg10 / n };
}

/**
 * Two conditions: the stories as written, and "feed-like", where every story
 * keeps only its title and summary, as many external feeds deliver them.
 * All rankers see the same text in each condition.
 */
async function main() {
  await runSet(loadSet('stories.json'));
  console.log('\n#### set 2: stories-hard.json (events followed over weeks, look-alike distractors; see README.md)');
  await runSet(loadSet('stories-hard.json'));
}

async function runSet(stories: EvalStory[]) {
  await runCondition('full text (title, summary, body)', stories);
  await runCondition(
    'feed-like (title and summary only)',
    stories.map((s) => ({ ...s, body: '' })),
  );
}

async function runCondition(name: string, stories: EvalStory[]) {
  console.log(`\n== ${name}`);
  const dir = await mkdtemp(join(tmpdir(), 'tidings-related-eval-'));
  const db = openSqliteDatabase(join(dir, 'eval.db'));
  try {
    await migrate(db, loadMigrations());
    const store = createSqlStore(db);
    for (const story of stories) await store.createArticle(toArticle(story));

    const sizes = new Map<string, number>();
    for (const s of stories) sizes.set(s.group, (sizes.get(s.group) ?? 0) + 1);
    const queries = stories.filter((s) => (sizes.get(s.group) ?? 0) > 1);
    const groups = new Set(queries.map((q) => q.group)).size;
    console.log(
      `${stories.length} stories, ${groups} event groups, ${stories.length - queries.length} single-story distractors, ${queries.length} queries\n`,
    );

    const rows: [string, Ranker][] = [
      ['Tidings (BM25 + tags + category + recency)', tidingsRanker(store)],
      ['  ablation: BM25 only', tidingsRanker(store, { tags: 0, category: 0, recency: 0 })],
      ['  ablation: without recency', tidingsRanker(store, { recency: 0 })],
      ['  ablation: without tags', tidingsRanker(store, { tags: 0 })],
      ['Baseline: TF-IDF cosine', createTfIdfRanker(stories)],
      ['Baseline: same category, newest first', createCategoryRanker(stories)],
    ];
    const results = new Map<string, Awaited<ReturnType<typeof evaluate>>>();
    console.log(`${'ranker'.padEnd(44)} ${'P@5'.padStart(6)} ${'R@10'.padStart(6)} ${'nDCG@10'.padStart(8)}`);
    for (const [name, ranker] of rows) {
      const r = await evaluate(ranker, queries, stories);
      results.set(name, r);
      console.log(`${name.padEnd(44)} ${fmt(r.p5)} ${fmt(r.r10)} ${fmt(r.ndcg10, 8)}`);
    }
    const tidings = results.get(rows[0]?.[0] ?? '')?.ndcg10 ?? 0;
    const tfidf = results.get('Baseline: TF-IDF cosine')?.ndcg10 ?? 1;
    const category = results.get('Baseline: same category, newest first')?.ndcg10 ?? 1;
    console.log(
      `\nnDCG@10 ratio: ${(tidings / tfidf).toFixed(2)}x TF-IDF (goal >= 1.2x), ${(tidings / category).toFixed(2)}x category (goal >= 2x)`,
    );
    // nDCG is at most 1, so no ranker can beat a baseline by more than 1 / its nDCG.
    console.log(`ceiling: a perfect ranker would reach ${(1 / tfidf).toFixed(2)}x TF-IDF on this set`);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function fmt(value: number, width = 6): string {
  return value.toFixed(3).padStart(width);
}

await main();
