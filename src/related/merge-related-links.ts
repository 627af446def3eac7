import type { RelatedLink } from '../domain/related.ts';
import { compareTitleFeatures, titleFeatures } from './match-title.ts';
import { DEFAULT_K } from './score-related.ts';

const SAME_TITLE = 0.9;

/**
 * An article's links with newly scored stories merged in: the editor's links
 * first and unchanged, then the computed ones, old and new, best score first,
 * one per target, link or near-identical headline, k in all (never fewer than
 * the editor's). Pure; positions are renumbered.
 */
export function mergeRelatedLinks(existing: RelatedLink[], additions: RelatedLink[], k = DEFAULT_K): RelatedLink[] {
  const editorial = existing.filter((l) => l.editorial);
  const added = new Set(additions.map(targetKey));
  // A new score for a story already linked replaces the old one.
  const computed = [...existing.filter((l) => !l.editorial && !added.has(targetKey(l))), ...additions].sort(
    (a, b) => b.score - a.score || targetKey(a).localeCompare(targetKey(b)),
  );
  const keys = new Set(editorial.map(targetKey));
  const urls = new Set(editorial.flatMap((l) => l.url ?? []));
  const titles = editorial.map((l) => titleFeatures(l.title));
  const kept: RelatedLink[] = [];
  for (const link of computed) {
    if (editorial.length + kept.length >= k) break;
    const features = titleFeatures(link.title);
    if (keys.has(targetKey(link)) || (link.url && urls.has(link.url))) continue;
    if (titles.some((t) => compareTitleFeatures(t, features) >= SAME_TITLE)) continue;
    kept.push(link);
    keys.add(targetKey(link));
    if (link.url) urls.add(link.url);
    titles.push(features);
  }
  return [...editorial, ...kept].map((link, position) => ({ ...link, position }));
}

function targetKey(link: RelatedLink): string {
  return link.kind && link.targetId ? `${link.kind}:${link.targetId}` : `title:${link.title}`;
}
