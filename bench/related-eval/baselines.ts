import { contentWords } from '../../src/related/story-terms.ts';

export interface EvalStory {
  id: string;
  group: string;
  category: string;
  publishedAt: string;
  tags: string[];
  title: string;
  summary: string;
  body: string;
}

/** Baseline 1: TF-IDF cosine over title, summary and body (log tf, log idf, same tokenizer). */
export function createTfIdfRanker(stories: EvalStory[]): (query: EvalStory, k: number) => string[] {
  const docs = stories.map((s) => termCounts(`${s.title} ${s.summary} ${s.body}`));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(stories.length / (df.get(term) ?? 1));
  const vectors = docs.map((doc) => {
    const vector = new Map<string, number>();
    for (const [term, count] of doc) vector.set(term, (1 + Math.log(count)) * idf(term));
    const norm = Math.hypot(...vector.values()) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const index = new Map(stories.map((s, i) => [s.id, i]));
  return (query, k) => {
    const q = vectors[index.get(query.id) ?? -1];
    if (!q) return [];
    return stories
      .map((s, i) => ({ id: s.id, score: s.id === query.id ? -1 : dot(q, vectors[i] ?? new Map()) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k)
      .map((s) => s.id);
  };
}

/** Baseline 2: the same category, newest first. */
export function createCategoryRanker(stories: EvalStory[]): (query: EvalStory, k: number) => string[] {
  return (query, k) =>
    stories
      .filter((s) => s.category === query.category && s.id !== query.id)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))
      .slice(0, k)
      .map((s) => s.id);
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0;
  for (const [term, weight] of a) sum += weight * (b.get(term) ?? 0);
  return sum;
}
