const MAX_SLUG_LENGTH = 80;

/** "Putin’s War: Ukraine!" -> "putins-war-ukraine". Stable, ASCII, URL-safe. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining accents left by NFKD
    .toLowerCase()
    .replace(/['’‘`]/g, '') // apostrophes join words: "putin’s" -> "putins"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trimAtWord(slug, MAX_SLUG_LENGTH) || 'untitled';
}

function trimAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > max / 2 ? cut.slice(0, lastDash) : cut;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
