import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const WRITES = ['post', 'put', 'patch', 'delete'];

/**
 * Issue 10 item 25: the README names the body of every write endpoint of the admin API. The
 * list of endpoints is the served OpenAPI document's, so a new one without a README row fails here.
 */
describe('the README and the admin API', () => {
  let tidings: RunningTidings;
  beforeAll(async () => {
    tidings = await startTidings();
  });
  afterAll(() => tidings.stop());

  it('has a "Request bodies" row for every write endpoint the OpenAPI document lists', async () => {
    const document = (await (await tidings.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => WRITES.includes(method))
        .map((method) => `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(writes.length).toBeGreaterThanOrEqual(11);
    const section = README.slice(README.indexOf('### Request bodies'));
    const rows = section.slice(0, section.indexOf('\n\n', section.indexOf('| Method and path | Body |')));
    for (const endpoint of writes) expect(rows, endpoint).toMatch(new RegExp(`\\| \`${escape(endpoint)}[?\`]`));
  });

  it('states the defaults the API has: a JSON create makes a draft, a text import publishes', async () => {
    expect(README).toContain('**a JSON create makes a draft**');
    expect(README).toContain('**a text import publishes**');
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Harbour Reopens',
      bodyHtml: '<p>Ferries sail again.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
    });
    expect(((await created.json()) as { status: string }).status).toBe('draft');
    const text = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');
    const imported = await tidings.request('/api/articles/import', {
      method: 'POST',
      admin: true,
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    expect(((await imported.json()) as { status: string }).status).toBe('published');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
