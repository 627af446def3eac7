function parseInstant(iso: string, field: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`render: ${field} is not a valid date: ${JSON.stringify(iso)}`);
  return date;
}

/**
 * How many formatted dates each format keeps. A page's dates are printed in two or three formats
 * (publishedAt is often updatedAt too), and one article is in several feeds (its category's, all,
 * its tags', its author's), so most dates of a publish run were formatted moments before. Emptied
 * when full: at most ~1 MB per format whatever the run, never a cache that grows with the data.
 */
export const DATE_MEMO_SIZE = 8192;

/** `format` of the instant `iso` names, each value formatted once while it stays in the memo; a bad date always throws. */
function memoized(format: (date: Date) => string): (iso: string, field: string) => string {
  const memo = new Map<string, string>();
  return (iso, field) => {
    let formatted = memo.get(iso);
    if (formatted === undefined) {
      formatted = format(parseInstant(iso, field));
      if (memo.size >= DATE_MEMO_SIZE) memo.clear();
      memo.set(iso, formatted);
    }
    return formatted;
  };
}

const rfc822 = memoized((date) => date.toUTCString());
const rfc3339 = memoized((date) => date.toISOString());

/** RSS 2.0 dates are RFC 822 (with a four-digit year, as RFC 1123 and every reader allow). */
export function toRfc822(iso: string, field: string): string {
  return rfc822(iso, field);
}

/** Atom and JSON Feed dates are RFC 3339; normalised to UTC with milliseconds. */
export function toRfc3339(iso: string, field: string): string {
  return rfc3339(iso, field);
}
