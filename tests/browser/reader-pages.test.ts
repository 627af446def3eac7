import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { authorSlug } from '../../src/domain/follow-slugs.ts';
import { slugify } from '../../src/domain/slug.ts';
import { loadSampleContent } from '../../src/seed/load-sample-content.ts';
import { type RunningTidings, startTidings } from '../support/start-tidings.ts';
import { checkPage, launchBrowser, type RunningBrowser, screenshotDir } from './support/browser.ts';

/**
 * Every kind of reader page in Chromium: no console error, no uncaught
 * exception, no CSP violation (the JSON-LD block included), no sideways scroll,
 * screenshots at desktop and phone width.
 */
describe('reader pages in a browser', () => {
  let tidings: RunningTidings;
  let browser: RunningBrowser;
  let article: Article;

  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    const { ctx } = tidings;
    await loadSampleContent({ ...ctx, seedDir: ctx.config.seedDir, siteUrl: ctx.config.siteUrl });
    const [newest] = await ctx.store.listFeedArticles({ now: ctx.now().toISOString(), limit: 1 });
    if (!newest?.image) throw new Error('reader-pages: the sample content should have an article with an image');
    article = newest;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tidings?.stop();
  });

  it('loads the home page clean at desktop and phone width', async () => {
    await checkPage(browser, `${tidings.baseUrl}/`, 'reader-home');
  });

  it('loads a category page clean at desktop and phone width', async () => {
    await checkPage(browser, `${tidings.baseUrl}/${article.categorySlug}`, 'reader-category');
  });

  it('loads an article page clean, its JSON-LD read by the browser as data', async () => {
    await checkPage(browser, `${tidings.baseUrl}/${article.categorySlug}/${article.slug}`, 'reader-article');
    const { page, problems, context } = await browser.newPage('phone');
    await page.goto(`${tidings.baseUrl}/${article.categorySlug}/${article.slug}`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: article.title });
    expect(
      await page
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads tag and author pages and their lists clean under the site-wide page policy', async () => {
    const tag = article.tags[0];
    if (!tag) throw new Error('reader-pages: the sample article should have a tag');
    await checkPage(browser, `${tidings.baseUrl}/tag/${slugify(tag)}`, 'reader-tag');
    await checkPage(browser, `${tidings.baseUrl}/author/${authorSlug(article.author)}`, 'reader-author');
    await checkPage(browser, `${tidings.baseUrl}/tags`, 'reader-tags');
  });

  it('shows the styled 404 page for a dead link, its only console error the 404 itself', async () => {
    const { page, problems, context } = await browser.newPage('phone');
    const response = await page.goto(`${tidings.baseUrl}/no-such-section`);
    expect(response?.status()).toBe(404);
    await page.screenshot({ path: join(screenshotDir(), 'reader-404-phone.png') });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.locator('.error-page .status').evaluate((el) => getComputedStyle(el).fontSize)).toBe('80px');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/404/);
    await context.close();
  });

  it('shows the same styled page for an error raised anywhere else: a missing feed, a bad page cursor', async () => {
    for (const [path, status, name] of [
      ['/feeds/no-such-feed.rss', 404, 'feed-404'],
      [`/author/${authorSlug(article.author)}?before=garbage`, 400, 'cursor-400'],
    ] as const) {
      const { page, problems, context } = await browser.newPage('phone');
      const response = await page.goto(`${tidings.baseUrl}${path}`);
      expect(response?.status(), path).toBe(status);
      await page.screenshot({ path: join(screenshotDir(), `reader-${name}-phone.png`) });
      expect(await page.locator('.error-page .status').textContent(), path).toBe(String(status));
      expect(await page.locator('.error-page .status').evaluate((el) => getComputedStyle(el).fontSize)).toBe('80px');
      // The failed navigation itself is the only console error: no CSP violation, no blocked style.
      expect(problems, path).toHaveLength(1);
      expect(problems[0], path).toMatch(new RegExp(String(status)));
      await context.close();
    }
  });
});
