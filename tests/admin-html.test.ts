import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** Issue 10 item 2: an editor's HTML reaches every subscriber's reader and our pages, so it is cleaned like ingested HTML. */
const HOSTILE_BODY = [
  '<p onclick="steal()">Ferries stayed in <b>harbour</b>.</p>',
  '<script>alert(1)</script>',
  '<img src="/media/storm.jpg" srcset="/media/storm.jpg 1x" alt="Storm" onerror="steal()">',
  '<figure><img src="https://cdn.example/w.jpg" alt="Waves"><figcaption>Waves</figcaption></figure>',
  '<a href="javascript:steal()">bad</a> <a href="/world/other">good</a>',
  '<blockquote>Quote</blockquote><table><tr><td>1</td></tr></table>',
  '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>',
].join('');

describe('HTML an editor sends through the admin API', () => {
  let tidings: RunningTidings;
  beforeAll(async () => {
    tidings = await startTidings();
  });
  afterAll(() => tidings.stop());

  it('is stored, published and served without scripts, handlers or javascript: links, keeping safe markup', async () => {
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Storm Closes Northern Ports',
      bodyHtml: HOSTILE_BODY,
      category: 'World',
      author: { name: 'Ada Quill', role: 'Reporter' },
      status: 'published',
      publishedAt: '2026-11-24T09:00:00Z',
    });
    expect(created.status).toBe(201);
    const article = (await created.json()) as { id: string; bodyHtml: string };
    const patched = await tidings.admin('PATCH', `/api/articles/${article.id}`, {
      bodyHtml: `${HOSTILE_BODY}<p>Edited.</p>`,
    });
    const stored = ((await patched.json()) as { bodyHtml: string }).bodyHtml;

    for (const html of [article.bodyHtml, stored]) {
      expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|<style|steal\(\)/i);
      expect(html).toContain('<b>harbour</b>');
      expect(html).toMatch(/<img src="[^"]*\/media\/storm\.jpg" srcset="\/media\/storm\.jpg 1x" alt="Storm"/);
      expect(html).toContain('<figcaption>Waves</figcaption>');
      expect(html).toMatch(/<a href="[^"]*\/world\/other">good<\/a>/);
      expect(html).toContain('<blockquote>Quote</blockquote>');
      expect(html).toContain('<td>1</td>');
    }

    await tidings.publish();
    const feed = await new Parser().parseURL(`${tidings.baseUrl}/feeds/world.rss`);
    const content = feed.items[0]?.['content:encoded'] ?? '';
    expect(content).toContain('Edited.');
    expect(content).not.toMatch(/<script|onclick|onerror|javascript:|steal\(\)/i);
  });
});
