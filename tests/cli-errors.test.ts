import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const FIXTURE = new URL('./fixtures/seed-article.txt', import.meta.url).pathname;
/** A line of a Node stack trace. */
const STACK_LINE = /^\s+at /m;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Issue 10 item 23, on the real CLI (src/cli.ts): a user error is one line naming the file,
 * never a stack; every way of asking for help exits 0; each event is told once.
 */
describe('the CLI with bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-cli-errors-'));
  const env = {
    ...process.env,
    DATABASE_PATH: join(dir, 'tidings.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    SEED_SAMPLE_CONTENT: 'false',
  };
  const cli = async (...args: string[]): Promise<Ran> => {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as Ran;
      return { code, stdout, stderr };
    }
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['help'], ['--help'], ['-h'], []])(
    'prints its usage and exits 0 for %j',
    async (...args) => {
      const { code, stdout, stderr } = await cli(...args.filter(Boolean));
      expect(code).toBe(0);
      expect(stdout).toMatch(/^usage: npm run cli -- <command> \[options\]\n\n {2}migrate/);
      expect(stderr).toBe('');
    },
    30_000,
  );

  it.each([
    ['import', '--help'],
    ['sources', '-h'],
    ['help', 'ingest'],
  ])(
    'prints the usage of one command for "%s %s", and exits 0',
    async (...args) => {
      const { code, stdout } = await cli(...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^usage: npm run cli -- (import|sources|ingest) /);
    },
    30_000,
  );

  it('refuses an unknown option with exit 2 and the usage, not a TypeError', async () => {
    const { code, stderr } = await cli('import', '--bogus', FIXTURE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tidings: Unknown option '--bogus'/);
    expect(stderr).not.toMatch(STACK_LINE);
  }, 30_000);

  it('names each file it could not import (missing, a directory, not text, not an article) and imports the rest', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    const notArticle = join(dir, 'one-line.txt');
    writeFileSync(notArticle, 'Just one line\n');
    const missing = join(dir, 'missing.txt');

    const { code, stdout, stderr } = await cli('import', missing, folder, FIXTURE, binary, notArticle);
    expect(code).toBe(1);
    expect(stdout).toMatch(/seed-article\.txt: imported "Video Shows Russian Draftees/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr.split('\n')).toEqual([
      'tidings: 4 of 5 file(s) not imported:',
      `  ${missing}: no such file`,
      `  ${folder} is a directory; give a file`,
      `  ${binary} is not UTF-8 text`,
      expect.stringMatching(new RegExp(`^ {2}${notArticle}: import: `)),
      '',
    ]);
  }, 30_000);

  it.each([
    ['a missing file', 'missing.opml', /missing\.opml: no such file$/],
    ['a directory', 'a-folder-too', /a-folder-too is a directory; give a file$/],
    ['a file that is not OPML', 'package.json', /package\.json: not well-formed XML/],
  ])(
    'names the OPML file in one line for %s',
    async (_what, name, message) => {
      mkdirSync(join(dir, 'a-folder-too'), { recursive: true });
      const path = name === 'package.json' ? 'package.json' : join(dir, name);
      const { code, stdout, stderr } = await cli('sources', 'import', path);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr.trim()).toMatch(/^tidings: /);
      expect(stderr.trim()).toMatch(message);
    },
    30_000,
  );

  it('tells a failed source and a failed feed once, in its own line on stdout, with no log line beside it', async () => {
    // Refused by the SSRF guard (loopback is not listed): fails at once, without the network.
    expect((await cli('sources', 'add', 'http://127.0.0.1:9/feed.xml', '--name', 'Local')).code).toBe(0);
    const ingested = await cli('ingest', '--all');
    expect(ingested.code).toBe(1);
    expect(ingested.stdout).toMatch(/^\[1\] http:\/\/127\.0\.0\.1:9\/feed\.xml {2}FAILED: fetch-source: refused/m);
    expect(`${ingested.stdout}${ingested.stderr}`).not.toContain('"message"');

    // A directory where the feed should be written: that document fails, the run goes on.
    mkdirSync(join(dir, 'feeds', 'all.rss', 'in-the-way'), { recursive: true });
    const published = await cli('publish');
    expect(published.code).toBe(1);
    expect(published.stdout.match(/FAILED all:/g)).toHaveLength(1);
    expect(`${published.stdout}${published.stderr}`).not.toContain('"message"');
    expect(published.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
