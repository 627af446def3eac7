import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRules, describeViolation } from './support/dependency-rules.ts';
import { type ImportEdge, reachableFrom, readImportGraph } from './support/import-graph.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const graph = readImportGraph(root, 'src');

describe('the dependency rule (DESIGN.md)', () => {
  it('reads the import graph of src', () => {
    expect(graph.length).toBeGreaterThan(200);
    expect(graph).toContainEqual(expect.objectContaining({ from: 'src/node.ts', to: 'src/app/create-services.ts' }));
  });

  it('holds for every import in src', () => {
    expect(checkRules(graph).map(describeViolation)).toEqual([]);
  });

  it('keeps Node-only code out of the Worker bundle', () => {
    const bundled = [...reachableFrom(graph, 'src/worker.ts')];
    expect(bundled).toContain('src/adapters/workers/d1-database.ts');
    expect(bundled.filter((file) => file.startsWith('src/adapters/node/'))).toEqual([]);
  });

  it('names the offending import of a forbidden edge', () => {
    const forbidden: ImportEdge = {
      from: 'src/domain/article.ts',
      to: 'src/store/store.ts',
      line: 3,
      isTypeOnly: true,
    };
    expect(checkRules([forbidden]).map(describeViolation)).toEqual([
      'src/domain/article.ts:3 imports src/store/store.ts (type-only): domain imports nothing of ours outside domain',
    ]);
    const http: ImportEdge = {
      from: 'src/http/x.ts',
      to: 'src/adapters/node/fs-feed-sink.ts',
      line: 1,
      isTypeOnly: false,
    };
    expect(checkRules([http]).map((v) => v.rule)).toEqual([
      'http uses what it is given: no adapters, assembly, store, ingest, related or renderers of its own',
      'only the entries (node.ts, worker.ts, cli.ts) pick adapters',
    ]);
  });
});
