/**
 * What a reader is shown of an article's stored links: every editorial one
 * (the editor's choice is never cut), then the computed ones in stored order
 * up to `limit` links in all. More computed links are stored than shown
 * (MAX_RELATED_LINKS in src/domain/related.ts), so the API's `?limit=` and a
 * larger RELATED_LINKS are reads, and a target that can no longer be shown
 * (our article unpublished) leaves the next candidate in its place.
 */
export function shownLinks<T>(links: T[], isEditorial: (link: T) => boolean, limit?: number): T[] {
  if (limit === undefined) return links;
  const editorial = links.filter(isEditorial);
  const computed = links.filter((link) => !isEditorial(link));
  return [...editorial, ...computed.slice(0, Math.max(0, limit - editorial.length))];
}
