import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const run = promisify(execFile);

const opml = (body: string) => `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>${body}</body></opml>`;

const READER_EXPORT = opml(`
  <outline text="Science">
    <outline type="rss" text="Lab notes" title="Lab Notes" xmlUrl="https://lab.example/feed.xml?a=1&amp;b=2" htmlUrl="https://lab.example/"/>
    <outline text="Space">
      <outline type="rss" text="Orbit" xmlUrl="https://orbit.example/rss"/>
    </outline>
  </outline>
  <outline type="rss" text="Loose feed" xmlUrl="https://loose.example/atom"/>
  <outline type="rss" text="Loose again" xmlUrl="https://loose.example/atom"/>
  <outline type="rss" xmlUrl="https://nameless.example/feed"/>`);

/** POST /api/sources/import and `sources import` (issue 11, item 4). */
describe('OPML import of sources', () => {
  let tidings: RunningTidings;
  const importOpml = (body: string, type = 'text/x-opml') =>
    tidings.request('/api/sources/import', { method: 'POST', admin: true, headers: { 'content-type': type }, body });
  const sourceUrls = async () => {
    const { items } = (await (await tidings.admin('GET', '/api/sources?limit=500')).json()) as {
      items: { url: string; name: string; categoryHint?: string }[];
    };
    return items.map((s) => s.url).sort();
  };

  beforeAll(async () => {
    tidings = await startTidings();
    expect(
      (await tidings.admin('POST', '/api/sources', { url: 'https://orbit.example/rss', name: 'Orbit' })).status,
    ).toBe(201);
  });
  afterAll(() => tidings.stop());

  it('walks nested outlines, files each feed under its folder, and skips duplicates', async () => {
    const response = await importOpml(READER_EXPORT);
    expect(response.status).toBe(201);
    const report = (await response.json()) as {
      created: { url: string; name: string; categoryHint?: string }[];
      skipped: { url: string; reason: string }[];
      invalid: unknown[];
    };
    expect(report.created.map(({ url, name, categoryHint }) => ({ url, name, categoryHint }))).toEqual([
      { url: 'https://lab.example/feed.xml?a=1&b=2', name: 'Lab Notes', categoryHint: 'Science' },
      { url: 'https://loose.example/atom', name: 'Loose feed', categoryHint: undefined },
      { url: 'https://nameless.example/feed', name: 'nameless.example', categoryHint: undefined },
    ]);
    expect(report.skipped).toEqual([
      { url: 'https://loose.example/atom', reason: 'named twice in this list' },
      { url: 'https://orbit.example/rss', reason: 'already registered' },
    ]);
    expect(report.invalid).toEqual([]);
    const again = await importOpml(READER_EXPORT, 'application/xml');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { created: unknown[] }).created).toEqual([]);
  });

  it('refuses a list with a javascript: URL, names it, and writes nothing', async () => {
    const before = await sourceUrls();
    const response = await importOpml(
      opml(`<outline xmlUrl="https://fine.example/feed"/><outline text="x" xmlUrl="javascript:alert(1)"/>`),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; details: { invalid: { url: string; reason: string }[] } };
    expect(body.error).toMatch(/nothing was imported/);
    expect(body.details.invalid).toEqual([{ url: 'javascript:alert(1)', reason: expect.stringMatching(/^url: /) }]);
    expect(await sourceUrls()).toEqual(before);
  });

  it('refuses an XML bomb (entity declarations) before parsing it', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<opml version="2.0"><body><outline text="&lol3;" xmlUrl="https://bomb.example/&lol3;"/></body></opml>`;
    const response = await importOpml(bomb);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/DOCTYPE/);
    expect(await sourceUrls()).not.toContain(expect.stringContaining('bomb.example'));
  });

  it('refuses too many outlines: 100,000 by the body limit, 6,000 by count', async () => {
    const many = (n: number) =>
      opml(Array.from({ length: n }, (_, i) => `<outline xmlUrl="https://m.example/${i}"/>`).join(''));
    expect((await importOpml(many(100_000))).status).toBe(413);
    const response = await importOpml(many(6_000));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/6000 outlines; at most 5000/);
    expect((await sourceUrls()).some((url) => url.startsWith('https://m.example/'))).toBe(false);
  });

  it('answers not well-formed XML with 422, something else with 422, and a wrong type with 415', async () => {
    const broken = await importOpml('<opml><body><outline xmlUrl="https://x.example/"></body></opml>');
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { error: string }).error).toMatch(/^not well-formed XML/);
    expect((await importOpml('<rss version="2.0"><channel/></rss>')).status).toBe(422);
    expect((await importOpml(READER_EXPORT, 'application/json')).status).toBe(415);
  });

  it('imports from the command line: npm run cli -- sources import <file.opml>', async () => {
    const file = join(tidings.dir, 'subscriptions.opml');
    writeFileSync(
      file,
      opml('<outline text="Wire"><outline text="Cli feed" xmlUrl="https://cli.example/rss"/></outline>'),
    );
    const env = { ...process.env, DATABASE_PATH: tidings.ctx.config.databasePath, LOG_LEVEL: 'warn' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'sources', 'import', file], {
      env,
    });
    expect(stdout).toMatch(
      /^created src_\w+ "Cli feed" https:\/\/cli\.example\/rss \[Wire\]\nimported 1 source\(s\), skipped 0/,
    );
    expect(await sourceUrls()).toContain('https://cli.example/rss');

    writeFileSync(file, opml('<outline xmlUrl="data:text/html,hi"/>'));
    const refused = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'sources', 'import', file], {
      env,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stdout: string }).stdout).toMatch(/^invalid data:text\/html,hi: url: /);
    expect((refused as { stderr: string }).stderr).toMatch(/nothing was imported/);
  });
});
