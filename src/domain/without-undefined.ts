/** A copy without the keys whose value is undefined (optional fields stay absent, not present-but-undefined). */
export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
