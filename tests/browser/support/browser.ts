import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install -y chromium`); BROWSER_PATH points elsewhere. */
const EXECUTABLE = process.env.BROWSER_PATH ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Where screenshots go: SCREENSHOT_DIR, or one fresh temp dir per run (printed once). */
let shotsDir: string | undefined;
export function screenshotDir(): string {
  if (!shotsDir) {
    shotsDir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'tidings-screenshots-'));
    mkdirSync(shotsDir, { recursive: true });
    console.info(`browser tests: screenshots in ${shotsDir}`);
  }
  return shotsDir;
}

export interface RunningBrowser {
  browser: Browser;
  /** A fresh context (own cookies, or those of `storageState`) with the problem recorder installed. */
  newPage(viewport?: keyof typeof VIEWPORTS, storageState?: StorageState): Promise<WatchedPage>;
  close(): Promise<void>;
}

/** Cookies and storage of a signed-in context (`await context.storageState()`), to start others from. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A page plus every console error, uncaught exception and CSP violation it has shown. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

/**
 * Headless Chromium with a throw-away profile: Playwright's launch() starts it
 * with a fresh --user-data-dir of its own in the temp dir and deletes it on
 * close (it refuses one passed in args; that is launchPersistentContext's job).
 * The flags keep Chromium from reaching the network on its own (updates, sync,
 * QUIC probes): tests only talk to the 127.0.0.1 servers they start.
 */
export async function launchBrowser(): Promise<RunningBrowser> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async newPage(viewport = 'desktop', storageState) {
      const context = await browser.newContext({
        viewport: VIEWPORTS[viewport],
        ...(storageState && { storageState }),
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000); // a missing element fails in seconds, not at the test timeout
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      // A CSP violation is also a console error in Chromium; the event says which directive.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
        });
      });
      return { page, context, problems };
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Loads `url` in a fresh page at desktop and at phone width, screenshots both
 * under screenshotDir() as `<name>-desktop.png` / `<name>-phone.png`, and
 * fails on any console error, CSP violation, HTTP error status or sideways
 * scroll. `storageState` starts each context signed in. Returns the paths written.
 */
export async function checkPage(
  running: RunningBrowser,
  url: string,
  name: string,
  storageState?: StorageState,
): Promise<string[]> {
  const written: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    const watched = await running.newPage(viewport, storageState);
    try {
      const response = await watched.page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), `${url} at ${viewport}`).toBeLessThan(400);
      const path = join(screenshotDir(), `${name}-${viewport}.png`);
      await watched.page.screenshot({ path, fullPage: true });
      written.push(path);
      expect(watched.problems, `${url} at ${viewport}`).toEqual([]);
      // Usable at phone width: nothing forces the page itself to scroll sideways.
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} at ${viewport}: wider than the viewport`).toBeLessThanOrEqual(0);
    } finally {
      await watched.context.close();
    }
  }
  return written;
}
