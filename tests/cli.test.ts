import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FIXTURE = new URL('./fixtures/seed-article.txt', import.meta.url).pathname;

describe('npm run cli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-cli-'));
  const env = {
    ...process.env,
    DATABASE_PATH: join(dir, 'tidings.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    LOG_LEVEL: 'warn',
  };
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the publisher text format and publishes it into the feeds folder', async () => {
    const imported = await cli('import', FIXTURE);
    expect(imported.stdout).toMatch(
      /imported "Video Shows Russian Draftees' Tearful Goodbyes.*" as art_\w+ \(published, \/entertainment-and-news\//,
    );

    const published = await cli('publish');
    expect(published.stdout).toMatch(/^checked 3 feeds in \d+ ms; wrote 9 document\(s\)/);
    const feed = await new Parser().parseString(readFileSync(join(dir, 'feeds', 'entertainment-and-news.rss'), 'utf8'));
    expect(feed.items.map((item) => item.creator)).toEqual(['Isaac Serna-Diez']);
  });

  it('fails with a message and a non-zero exit for a file that is not an article', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'Just one line\n');
    await expect(cli('import', bad)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^tidings: /) });
  });

  it('names an unknown command and prints its usage, on stderr', async () => {
    await expect(cli('frobnicate')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^tidings: unknown command "frobnicate"\nusage: npm run cli/),
    });
  });
});
