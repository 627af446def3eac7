/**
 * Runs `work` over the items with at most `limit` in flight, results in item order.
 * A handful of lines, so no dependency. `work` never rejects here: its callers (the publish job
 * rendering feeds, the WebSub hub sending requests) turn failures into outcomes.
 */
export async function mapAtMost<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
