import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepStaleTempFiles } from './feed-temp-files.ts';

describe('sweepStaleTempFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-sweep-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("removes the temp files of gone writers, of this process and of older versions, and keeps a live writer's", async () => {
    const writer = spawn('sleep', ['30']); // a live process that is "about to rename" its file
    await once(writer, 'spawn');
    try {
      await mkdir(join(dir, 'tag'), { recursive: true });
      const files = {
        live: `all.atom.${writer.pid}-0a1b2c3d4e5f.tmp`,
        gone: 'all.rss.999999999-0a1b2c3d4e5f.tmp', // above any pid_max
        ours: `all.json.${process.pid}-0a1b2c3d4e5f.tmp`,
        old: 'tag/ukraine.rss.0a1b2c3d4e5f.tmp', // the name before the pid was in it
        feed: 'all.rss',
      };
      for (const name of Object.values(files)) await writeFile(join(dir, name), '<rss/>');
      await mkdir(join(dir, 'world.rss.999999999-ffffffffffff.tmp')); // a temp path that became a directory

      const removed = sweepStaleTempFiles(dir);

      expect(removed.sort()).toEqual(
        [files.gone, files.ours, files.old, 'world.rss.999999999-ffffffffffff.tmp'].sort(),
      );
      expect((await readdir(dir)).sort()).toEqual([files.live, files.feed, 'tag'].sort());
      expect(await readdir(join(dir, 'tag'))).toEqual([]);
    } finally {
      writer.kill();
    }
  });

  it('finds nothing to do in a feeds folder that does not exist yet', () => {
    expect(sweepStaleTempFiles(join(dir, 'missing'))).toEqual([]);
  });
});
