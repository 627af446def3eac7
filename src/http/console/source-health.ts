import { html } from 'hono/html';
import type { Source } from '../../domain/source.ts';

/** A source is worth a look when it is switched off or its last fetch failed. */
export function needsAttention(source: Source): boolean {
  return !source.enabled || source.health.consecutiveFailures > 0 || source.health.lastError !== undefined;
}

export function sourceHealthBadge(source: Source) {
  const { health } = source;
  if (!source.enabled) return html`<span class="badge">disabled</span>`;
  if (health.consecutiveFailures > 0 || health.lastError) {
    return html`<span class="badge failing">failing ×${health.consecutiveFailures}</span>`;
  }
  if (!health.lastFetchAt) return html`<span class="badge draft">not fetched yet</span>`;
  return html`<span class="badge published">healthy</span>`;
}
