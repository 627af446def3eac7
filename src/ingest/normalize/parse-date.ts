/** Offsets of the zone names found in feeds (RFC 822 §5.1, plus a few common in the wild). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  HST: -600,
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as feeds write it, to epoch milliseconds, or undefined when it cannot be read.
 * Handles ISO 8601 / RFC 3339 (with or without "T", zone or seconds), RFC 822/1123 with
 * named zones and two-digit years, month names in any case, and Unix timestamps.
 */
export function parseDate(value: string | undefined): number | undefined {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  const ms = parseIso(text) ?? parseRfc822(text) ?? parseEpoch(text) ?? Date.parse(text);
  return Number.isFinite(ms) && ms > Date.UTC(1970, 0, 2) && ms < Date.UTC(9999, 0) ? ms : undefined;
}

function parseIso(text: string): number | undefined {
  const m =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{1,5})?$/i.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const offset = zoneOffset(zone);
  if (offset === undefined) return undefined;
  const ms = Number(`0.${frac}`) * 1000;
  return Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, ms) - offset * 60_000;
}

function parseRfc822(text: string): number | undefined {
  const m =
    /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]([a-z]+)\.?[\s-](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([+-]\d{2}:?\d{2}|[a-z]{1,5})(?:\s*\(.*\))?)?$/i.exec(
      text,
    );
  if (!m) return undefined;
  const [, d, monthName, yearText, h = '0', mi = '0', s = '0', zone] = m;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase());
  const offset = zoneOffset(zone);
  if (month < 0 || offset === undefined) return undefined;
  let year = Number(yearText);
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900; // RFC 2822 §4.3
  return Date.UTC(year, month, +d!, +h, +mi, +s) - offset * 60_000;
}

function parseEpoch(text: string): number | undefined {
  if (!/^\d{9,13}$/.test(text)) return undefined;
  const n = Number(text);
  return text.length > 10 ? n : n * 1000;
}

/** Minutes east of UTC; an unknown zone name reads as UTC rather than losing the date. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toUpperCase()] ?? 0;
}
