import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** The HTML pages that lead readers to tag and author feeds (issue 11, item 2). */
describe('tag and author pages', () => {
  let tidings: RunningTidings;
  const page = async (path: string) => {
    const response = await tidings.request(path);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    tidings = await startTidings();
    for (let i = 1; i <= 23; i++) {
      const created = await tidings.admin('POST', '/api/articles', {
        title: `Harbour story ${i}`,
        bodyHtml: `<p>Story ${i}.</p>`,
        category: 'World',
        tags: i % 2 ? ['Harbour', 'Storms & <Tides>'] : ['Harbour'],
        author: { name: i === 23 ? 'Zoë Marsh' : 'Ada Quill', role: 'Reporter', bio: 'Ada covers the coast.' },
        status: 'published',
        publishedAt: `2026-11-24T${String(i).padStart(2, '0')}:00:00Z`,
      });
      expect(created.status).toBe(201);
    }
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('lists a tag’s headlines newest first, paged, with autodiscovery of its feeds', async () => {
    const { status, html } = await page('/tag/harbour');
    expect(status).toBe(200);
    for (const [type, ext] of [
      ['application/rss+xml', 'rss'],
      ['application/atom+xml', 'atom'],
      ['application/feed+json', 'json'],
    ] as const) {
      expect(html).toMatch(
        new RegExp(
          `<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="${tidings.baseUrl}/feeds/tag/harbour\\.${ext}">`,
        ),
      );
    }
    const titles = [...html.matchAll(/>(Harbour story \d+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(20);
    expect(titles[0]).toBe('Harbour story 23');
    const older = /<a rel="next" href="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(older).toMatch(/^\/tag\/harbour\?before=/);
    const next = await page(older);
    expect([...next.html.matchAll(/>(Harbour story \d+)<\/a>/g)].map((m) => m[1])).toEqual([
      'Harbour story 3',
      'Harbour story 2',
      'Harbour story 1',
    ]);
    expect(next.html).not.toContain('rel="next"');
  });

  it('shows the author’s bio and feeds; the same name is one author, accents folded in the slug', async () => {
    const ada = await page('/author/ada-quill');
    expect(ada.html).toContain('<p class="bio">Ada covers the coast.</p>');
    expect(ada.html).toContain(`href="${tidings.baseUrl}/feeds/author/ada-quill.atom"`);
    expect(ada.html).toMatch(/Harbour story 22/);
    const zoe = await page('/author/zoe-marsh');
    expect(zoe.status).toBe(200);
    expect(zoe.html).toContain('<h1>Zoë Marsh</h1>');
  });

  it('links an article page to its tags and its author, escaping tag names', async () => {
    const { html } = await page('/world/harbour-story-23');
    expect(html).toContain('<a rel="author" href="/author/zoe-marsh">Zoë Marsh</a>');
    expect(html).toContain('<a rel="tag" href="/tag/harbour">Harbour</a>');
    expect(html).toContain('<a rel="tag" href="/tag/storms-tides">Storms &amp; &lt;Tides&gt;</a>');
  });

  it('links the index to the lists of tags and authors, which link each page', async () => {
    const index = await page('/');
    expect(index.html).toContain('<a href="/tags">all tags</a>');
    expect(index.html).toContain('<a href="/authors">all authors</a>');
    const tags = await page('/tags');
    expect(tags.html).toContain('<a href="/tag/harbour">Harbour</a> · 23 stories');
    expect(tags.html).toContain('<a href="/tag/storms-tides">Storms &amp; &lt;Tides&gt;</a> · 12 stories');
    const authors = await page('/authors');
    expect(authors.html).toContain('<a href="/author/ada-quill">Ada Quill</a> · 22 stories');
  });

  it('answers 404 for an unknown tag or author and 400 for a bad page cursor', async () => {
    expect((await page('/tag/nothing')).status).toBe(404);
    expect((await page('/author/Nobody')).status).toBe(404);
    expect((await page('/tag/harbour?before=%%%')).status).toBe(400);
  });

  it('names no tag or author that only a draft has: no page, no feed', async () => {
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Merger talks, not yet announced',
      bodyHtml: '<p>Embargoed.</p>',
      category: 'Business',
      tags: ['Secret Merger'],
      author: { name: 'Dee Draft' },
    });
    expect(created.status).toBe(201); // a JSON create makes a draft
    await tidings.publish();
    for (const path of ['/tag/secret-merger', '/author/dee-draft']) expect((await page(path)).status).toBe(404);
    for (const path of ['/feeds/tag/secret-merger.rss', '/feeds/author/dee-draft.atom']) {
      expect((await tidings.request(path)).status).toBe(404);
    }
    expect((await page('/tags')).html).not.toContain('Secret Merger');
  });
});
