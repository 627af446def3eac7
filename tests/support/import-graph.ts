import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One `import … from './x.ts'` (or `export … from`) between two of our files, paths relative to the repo root. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  /** `import type { … }` or every name marked `type`: erased at run time, so it carries no code. */
  isTypeOnly: boolean;
}

// Static imports and re-exports (biome keeps one per statement, possibly over several lines), and import('…').
const STATIC = /^(import|export)\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every edge between the TypeScript files under `dir` (relative imports only; packages are not ours). */
export function readImportGraph(root: string, dir: string): ImportEdge[] {
  return listTsFiles(join(root, dir)).flatMap((file) => importsOf(root, file));
}

function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(root, file);
  const edge = (specifier: string, index: number, isTypeOnly: boolean): ImportEdge[] =>
    specifier.startsWith('.')
      ? [{ from, to: relative(root, resolve(dirname(file), specifier)), line: lineAt(text, index), isTypeOnly }]
      : [];
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(STATIC)) {
    const [, , typeKeyword, clause, specifier] = m;
    edges.push(...edge(specifier as string, m.index, Boolean(typeKeyword) || isAllTypes(clause)));
  }
  for (const m of text.matchAll(DYNAMIC)) edges.push(...edge(m[1] as string, m.index, false));
  return edges;
}

/** `{ type A, type B }`: a clause whose every name is a type. */
function isAllTypes(clause: string | undefined): boolean {
  const names = clause?.match(/^\{([\s\S]*)\}$/)?.[1];
  if (!names) return false;
  const parts = names
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => part.startsWith('type '));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Files reachable from `entry` through imports that carry code (type-only imports are erased). */
export function reachableFrom(edges: ImportEdge[], entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const e of edges) {
      if (e.from === file && !e.isTypeOnly && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}
