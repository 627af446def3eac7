function parseInstant(iso: string, field: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`render: ${field} is not a valid date: ${JSON.stringify(iso)}`);
  return date;
}

/** RSS 2.0 dates are RFC 822 (with a four-digit year, as RFC 1123 and every reader allow). */
export function toRfc822(iso: string, field: string): string {
  return parseInstant(iso, field).toUTCString();
}

/** Atom and JSON Feed dates are RFC 3339; normalised to UTC with milliseconds. */
export function toRfc3339(iso: string, field: string): string {
  return parseInstant(iso, field).toISOString();
}
