import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser.ts';

/** The checks every page test relies on would pass vacuously if the recorder missed problems: it does not. */
describe('browser problem recorder', () => {
  let browser: RunningBrowser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-security-policy': "script-src 'self'; style-src 'self'",
      });
      res.end(
        '<!doctype html><title>x</title><style>p{}</style><script>console.log(1)</script><p style="color:red">x</p>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('records inline script and style blocked by the CSP', async () => {
    const { page, problems, context } = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(problems.filter((p) => p.includes('CSP violation: script-src'))).toHaveLength(1);
    expect(problems.filter((p) => p.includes('CSP violation: style-src')).length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
