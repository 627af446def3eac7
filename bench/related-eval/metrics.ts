/** Ranking metrics with binary relevance: `ranked` ids best first, `relevant` the right answers. */

export function precisionAt(k: number, ranked: string[], relevant: Set<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

export function recallAt(k: number, ranked: string[], relevant: Set<string>): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** nDCG with gain 1 per relevant item and the usual log2(rank + 1) discount. */
export function ndcgAt(k: number, ranked: string[], relevant: Set<string>): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}
