import { newId } from './ids.ts';
import type { Source, SourceInput, SourcePatch } from './source.ts';

/** A new source from validated input: due at once, never fetched yet. */
export function createSourceFromInput(input: SourceInput, now: string): Source {
  const source: Source = {
    id: newId('src', Date.parse(now)),
    url: input.url,
    name: input.name,
    pollIntervalMinutes: input.pollIntervalMinutes,
    enabled: input.enabled,
    createdAt: now,
    updatedAt: now,
    health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: now },
  };
  if (input.categoryHint) source.categoryHint = input.categoryHint;
  return source;
}

/**
 * Applies a PATCH. A new URL, a new interval or re-enabling makes the source due now, so the
 * change shows in its health at the next cycle rather than after the old interval.
 */
export function applySourcePatch(source: Source, patch: SourcePatch, now: string): Source {
  const next: Source = { ...source, health: { ...source.health }, updatedAt: now };
  if (patch.url !== undefined) next.url = patch.url;
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.pollIntervalMinutes !== undefined) next.pollIntervalMinutes = patch.pollIntervalMinutes;
  if (patch.enabled !== undefined) next.enabled = patch.enabled;
  if (patch.categoryHint === null) delete next.categoryHint;
  else if (patch.categoryHint !== undefined) next.categoryHint = patch.categoryHint;
  const isRescheduled =
    next.url !== source.url ||
    next.pollIntervalMinutes !== source.pollIntervalMinutes ||
    (next.enabled && !source.enabled);
  if (isRescheduled) next.health.nextPollAt = now;
  return next;
}
