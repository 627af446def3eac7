import type { ImportEdge } from './import-graph.ts';

/**
 * The dependency rule of DESIGN.md as data: for the files under `files`, which
 * of our files they may import. `may` holds for every import; `mayType` widens
 * it for type-only imports, which are erased at run time (a module may name a
 * port's types without depending on its code). `mayNot` forbids outright.
 */
export interface DependencyRule {
  name: string;
  files: string;
  may?: string[];
  mayType?: string[];
  mayNot?: string[];
}

const PORT = 'src/store/store.ts';
const ENTRIES = ['src/node.ts', 'src/worker.ts', 'src/cli.ts'];

export const RULES: DependencyRule[] = [
  { name: 'domain imports nothing of ours outside domain', files: 'src/domain/', may: ['src/domain/'] },
  { name: 'render imports only domain', files: 'src/render/', may: ['src/render/', 'src/domain/'] },
  {
    name: 'related imports only domain, and the Store port for its types',
    files: 'src/related/',
    may: ['src/related/', 'src/domain/'],
    mayType: [PORT],
  },
  { name: 'store speaks the domain and nothing else', files: 'src/store/', may: ['src/store/', 'src/domain/'] },
  {
    name: 'ingest imports domain, its own stages, the logger and the Store port',
    files: 'src/ingest/',
    may: ['src/ingest/', 'src/domain/', 'src/log.ts'],
    mayType: [PORT],
  },
  {
    name: 'publish imports domain, render types, the logger and the Store port',
    files: 'src/publish/',
    may: ['src/publish/', 'src/domain/', 'src/render/feed-spec.ts', 'src/log.ts'],
    mayType: [PORT, 'src/render/'],
  },
  {
    name: 'websub imports domain, publish, the fetch guard, the logger and the Store port',
    files: 'src/websub/',
    may: ['src/websub/', 'src/domain/', 'src/publish/', 'src/ingest/fetch/', 'src/render/feed-spec.ts', 'src/log.ts'],
    mayType: [PORT],
  },
  {
    name: 'http uses what it is given: no adapters, assembly, store, ingest, related or renderers of its own',
    files: 'src/http/',
    mayNot: [
      'src/adapters/',
      'src/app/',
      'src/store/',
      'src/ingest/',
      'src/related/',
      'src/render/index.ts',
      'src/cli/',
    ],
    mayType: ['src/'],
  },
  {
    name: 'the assembly is handed its adapters',
    files: 'src/app/',
    mayNot: ['src/adapters/', 'src/http/', 'src/cli/'],
  },
  {
    name: 'Workers adapters never import Node adapters',
    files: 'src/adapters/workers/',
    mayNot: ['src/adapters/node/'],
  },
  {
    name: 'Node adapters never import Workers adapters',
    files: 'src/adapters/node/',
    mayNot: ['src/adapters/workers/'],
  },
  { name: 'config only names the types it fills', files: 'src/config.ts', may: [], mayType: ['src/'] },
];

/** Outside src/adapters, only the entries choose adapters. */
const ADAPTERS = 'src/adapters/';

export interface Violation {
  rule: string;
  edge: ImportEdge;
}

export function checkRules(edges: ImportEdge[], rules: DependencyRule[] = RULES): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    if (!edge.from.startsWith('src/')) continue;
    for (const rule of rules) {
      if (!edge.from.startsWith(rule.files)) continue;
      if (!isAllowed(rule, edge)) violations.push({ rule: rule.name, edge });
    }
    const choosesAdapter = edge.to.startsWith(ADAPTERS) && !edge.isTypeOnly;
    if (choosesAdapter && !edge.from.startsWith(ADAPTERS) && !ENTRIES.includes(edge.from)) {
      violations.push({ rule: 'only the entries (node.ts, worker.ts, cli.ts) pick adapters', edge });
    }
  }
  return violations;
}

function isAllowed(rule: DependencyRule, edge: ImportEdge): boolean {
  const under = (prefixes: string[] | undefined) => prefixes?.some((p) => edge.to.startsWith(p)) ?? false;
  if (edge.isTypeOnly && under(rule.mayType) && !edge.to.startsWith(ADAPTERS)) return true;
  if (under(rule.mayNot)) return false;
  return rule.may ? under(rule.may) : true;
}

export function describeViolation({ rule, edge }: Violation): string {
  return `${edge.from}:${edge.line} imports ${edge.to}${edge.isTypeOnly ? ' (type-only)' : ''}: ${rule}`;
}
