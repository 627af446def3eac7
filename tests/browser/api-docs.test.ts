import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from '../support/start-tidings.ts';
import { checkPage, launchBrowser, type RunningBrowser } from './support/browser.ts';

describe('API reference page in a browser', () => {
  let tidings: RunningTidings;
  let browser: RunningBrowser;
  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tidings?.stop();
  });

  it('renders every operation from /api/openapi.json, with nothing fetched from elsewhere', async () => {
    const { page, problems, context } = await browser.newPage('desktop');
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(tidings.baseUrl)) elsewhere.push(request.url());
    });
    await page.goto(`${tidings.baseUrl}/api/docs`);
    await page.getByText('/articles/{id}/related/refresh').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(15);
    expect(elsewhere.filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads at desktop and phone width with no console error or CSP violation', async () => {
    await checkPage(browser, `${tidings.baseUrl}/api/docs`, 'api-docs');
  });
});
