/**
 * xml2js gives an element as a string, as { _: text, $: attributes }, or, for markup such as
 * Atom xhtml, as nested objects. These read the text out of any of those shapes.
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : undefined;
  if (value && typeof value === 'object') {
    const { _: text, $: _attributes, ...children } = value as Record<string, unknown>;
    if (typeof text === 'string') return text;
    const parts = Object.values(children).flatMap((child) => (Array.isArray(child) ? child : [child]));
    const joined = parts
      .map(textOf)
      .filter((part) => part !== undefined)
      .join(' ');
    return joined || undefined;
  }
  return undefined;
}

/** The first element of a list that has text. */
export function firstText(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const value of list) {
    const text = textOf(value);
    if (text) return text;
  }
  return undefined;
}
