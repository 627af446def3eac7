import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_TYPES, type FeedFormat } from '../render/feed-spec.ts';
import { strongEtag } from './digest.ts';
import type { FeedDocument, FeedSink } from './feed-sink.ts';

/**
 * Feed documents as files in one folder, each replaced by writing a temp
 * file and renaming it over the old one. The
 * file's mtime is its Last-Modified, so a restart serves the same headers.
 * Documents are cached in memory once read: the feed route never touches disk
 * on the hot path.
 */
export function createFsFeedSink(dir: string): FeedSink {
  const cache = new Map<string, Promise<FeedDocument | undefined>>();

  async function writeAtomically(path: string, bytes: Uint8Array, modified: Date): Promise<void> {
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await utimes(temp, modified, modified);
    await rename(temp, path);
  }

  async function load(name: string): Promise<FeedDocument | undefined> {
    const format = name.slice(name.lastIndexOf('.') + 1) as FeedFormat;
    if (!(format in CONTENT_TYPES)) return undefined;
    try {
      const path = join(dir, name);
      const [body, info] = await Promise.all([readFile(path), stat(path)]);
      return {
        name,
        contentType: CONTENT_TYPES[format],
        body: new Uint8Array(body),
        etag: await strongEtag(body),
        lastModified: new Date(Math.floor(info.mtimeMs / 1000) * 1000).toISOString(),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  return {
    async put(document) {
      await mkdir(dir, { recursive: true });
      await writeAtomically(join(dir, document.name), document.body, new Date(document.lastModified));
      cache.set(document.name, Promise.resolve(document));
    },
    get(name) {
      let cached = cache.get(name);
      if (!cached) {
        cached = load(name);
        cache.set(name, cached);
        cached.then((doc) => doc ?? cache.delete(name)).catch(() => cache.delete(name));
      }
      return cached;
    },
  };
}
