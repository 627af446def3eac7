import type { RelatedLink } from '../domain/related.ts';
import { MAX_RELATED_LINKS } from '../domain/related.ts';
import { copyFeatures, isNearCopy } from './near-copy.ts';

/**
 * An article's links with newly scored stories merged in: the editor's links
 * first and unchanged, then the computed ones, old and new, best score first,
 * one per target and none a near-copy of another (same link, headline or
 * text), k in all (never fewer than the editor's). Pure; positions are
 * renumbered.
 */
export function mergeRelatedLinks(
  existing: RelatedLink[],
  additions: RelatedLink[],
  k = MAX_RELATED_LINKS,
): RelatedLink[] {
  const editorial = existing.filter((l) => l.editorial);
  const added = new Set(additions.map(targetKey));
  // A new score for a story already linked replaces the old one.
  const computed = [...existing.filter((l) => !l.editorial && !added.has(targetKey(l))), ...additions].sort(
    (a, b) => b.score - a.score || targetKey(a).localeCompare(targetKey(b)),
  );
  const keys = new Set(editorial.map(targetKey));
  const seen = editorial.map(copyFeatures);
  const kept: RelatedLink[] = [];
  for (const link of computed) {
    if (editorial.length + kept.length >= k) break;
    const features = copyFeatures(link);
    if (keys.has(targetKey(link)) || seen.some((other) => isNearCopy(other, features))) continue;
    kept.push(link);
    keys.add(targetKey(link));
    seen.push(features);
  }
  return [...editorial, ...kept].map((link, position) => ({ ...link, position }));
}

function targetKey(link: RelatedLink): string {
  return link.kind && link.targetId ? `${link.kind}:${link.targetId}` : `title:${link.title}`;
}
