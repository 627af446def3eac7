/**
 * Mints a permanent id per RFC 4151: tag:<authority>,<date>:<specific>.
 * The authority is the site's host and the date the day the article was
 * created, so the id survives edits to the headline, the slug, even a move
 * of the site: readers never see a republished item as new.
 */
export function mintTagUri(siteUrl: string, createdAt: string, id: string): string {
  const authority = new URL(siteUrl).hostname;
  const day = createdAt.slice(0, 10);
  return `tag:${authority},${day}:article/${id}`;
}
