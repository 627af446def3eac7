import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strongEtag } from '../../publish/digest.ts';
import type { FeedDocument } from '../../publish/feed-sink.ts';
import { createFsFeedSink } from './fs-feed-sink.ts';

async function documentOf(text: string, lastModified = '2026-11-25T12:00:00.000Z'): Promise<FeedDocument> {
  const body = new TextEncoder().encode(text);
  return {
    name: 'all.rss',
    contentType: 'application/rss+xml; charset=utf-8',
    body,
    etag: await strongEtag(body),
    lastModified,
  };
}

describe('createFsFeedSink', () => {
  let dir: string;
  let clock: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-sink-'));
    clock = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes atomically and reads back the same bytes, ETag and Last-Modified after a restart', async () => {
    const written = await documentOf('<rss>one</rss>');
    await createFsFeedSink(dir).put(written);
    expect(await readdir(dir)).toEqual(['all.rss']); // no temp file left behind
    const restarted = await createFsFeedSink(dir).get('all.rss');
    expect(restarted?.etag).toBe(written.etag);
    expect(restarted?.lastModified).toBe(written.lastModified);
    expect(new TextDecoder().decode(restarted?.body)).toBe('<rss>one</rss>');
  });

  it('serves a document another process published once its cached copy is a second old', async () => {
    const server = createFsFeedSink(dir, { now: () => clock });
    const cli = createFsFeedSink(dir, { now: () => clock });
    await server.put(await documentOf('<rss>old</rss>'));
    const fresh = await documentOf('<rss>new</rss>', '2026-11-25T12:01:00.000Z');
    await cli.put(fresh);

    expect((await server.get('all.rss'))?.etag).not.toBe(fresh.etag); // within the second: from memory
    clock += 1_000;
    expect((await server.get('all.rss'))?.etag).toBe(fresh.etag);
    expect((await server.get('all.rss'))?.lastModified).toBe('2026-11-25T12:01:00.000Z');
  });

  it('keeps the bodies used last within its budget, ordered by use to the second', async () => {
    const sink = createFsFeedSink(dir, { now: () => clock, maxCachedBytes: 2 * '<rss>a</rss>'.length });
    const put = async (name: string) => sink.put({ ...(await documentOf(`<rss>${name[0]}</rss>`)), name });
    await put('a.rss');
    await put('b.rss');
    sink.peek?.('a.rss'); // within the same second: the order stays as written
    await put('c.rss');
    expect([sink.peek?.('a.rss'), sink.peek?.('b.rss'), sink.peek?.('c.rss')].map(Boolean)).toEqual([
      false,
      true,
      true,
    ]);

    clock += 1_000; // a second later each hit moves its document to the recent end: c, then b
    await sink.get('c.rss');
    await sink.get('b.rss');
    await put('d.rss');
    expect([sink.peek?.('b.rss'), sink.peek?.('c.rss'), sink.peek?.('d.rss')].map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('answers undefined for a missing or foreign file, and does not remember misses', async () => {
    const sink = createFsFeedSink(dir, { now: () => clock });
    expect(await sink.get('world.rss')).toBeUndefined();
    await writeFile(join(dir, 'notes.txt'), 'not a feed');
    expect(await sink.get('notes.txt')).toBeUndefined();
    await createFsFeedSink(dir).put({ ...(await documentOf('<rss/>')), name: 'world.rss' });
    expect((await sink.get('world.rss'))?.name).toBe('world.rss');
  });

  it('removes its temp file and keeps the old document when the rename fails', async () => {
    const sink = createFsFeedSink(dir);
    await sink.put({ ...(await documentOf('<rss>good</rss>')), name: 'world.rss' });
    // A directory where the document should go: the temp file is written, the rename fails.
    await mkdir(join(dir, 'all.rss', 'in-the-way'), { recursive: true });
    await expect(sink.put(await documentOf('<rss>new</rss>'))).rejects.toThrow(/all\.rss/);
    expect((await readdir(dir)).sort()).toEqual(['all.rss', 'world.rss']);
    expect(new TextDecoder().decode((await createFsFeedSink(dir).get('world.rss'))?.body)).toBe('<rss>good</rss>');
  });

  it('keeps no body with a budget of 0 bytes (a job thread), yet knows every tag and reads the current bytes', async () => {
    const jobThread = createFsFeedSink(dir, { maxCachedBytes: 0, now: () => clock });
    const first = await documentOf('<rss>first</rss>');
    await jobThread.put(first);
    expect(jobThread.peek?.('all.rss')).toBeUndefined(); // nothing in memory to answer from
    expect(await jobThread.listEtags()).toEqual(new Map([['all.rss', first.etag]]));
    const second = await documentOf('<rss>second</rss>', '2026-11-25T12:01:00.000Z');
    await createFsFeedSink(dir).put(second); // another writer
    clock += 1_000;
    const read = await jobThread.get('all.rss');
    expect(new TextDecoder().decode(read?.body)).toBe('<rss>second</rss>');
    expect(read?.etag).toBe(second.etag);
  });

  it('serves what another sink wrote at once after taking on its description, reading the file only then', async () => {
    const server = createFsFeedSink(dir, { now: () => clock });
    await server.put(await documentOf('<rss>old</rss>'));
    expect(new TextDecoder().decode(server.peek?.('all.rss')?.body)).toBe('<rss>old</rss>');
    const thread = createFsFeedSink(dir, { maxCachedBytes: 0 }); // a publish in a worker thread
    const fresh = await documentOf('<rss>new</rss>', '2026-11-25T12:05:00.000Z');
    await thread.put(fresh);
    expect(thread.describeFiles(['all.rss', 'world.rss']).map((file) => file.name)).toEqual(['all.rss']);
    server.adoptFiles(thread.describeFiles(['all.rss']));
    expect(server.peek?.('all.rss')).toBeUndefined(); // the old bytes are gone, though a second has not passed
    expect(await server.listEtags()).toEqual(new Map([['all.rss', fresh.etag]]));
    const served = await server.get('all.rss');
    expect(new TextDecoder().decode(served?.body)).toBe('<rss>new</rss>');
    expect(served).toMatchObject({ etag: fresh.etag, lastModified: fresh.lastModified });
  });
});
