import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strongEtag } from '../../publish/digest.ts';
import { parseFeedDocumentName } from '../../publish/feed-catalog.ts';
import type { FeedDocument, FeedSink } from '../../publish/feed-sink.ts';
import { CONTENT_TYPES, type FeedFormat } from '../../render/feed-spec.ts';

/** How long a cached document is served before its file is checked again. */
const REVALIDATE_MS = 1_000;

interface CachedDocument {
  document: FeedDocument;
  /** Identifies the file's version: a rename gives a new inode. */
  fileKey: string;
  checkedAt: number;
}

export interface FsFeedSinkOptions {
  now?: () => number;
}

/**
 * Feed documents as files in one folder, each replaced by writing a temp file
 * and renaming it over the old one. A file's mtime is its Last-Modified, so a
 * restart serves the same headers. Documents are served from memory; once a
 * second the file is checked again, so a document another process published
 * (`npm run cli -- publish` beside the server) is served within a second.
 */
export function createFsFeedSink(dir: string, { now = Date.now }: FsFeedSinkOptions = {}): FeedSink {
  const cache = new Map<string, CachedDocument>();
  const pending = new Map<string, Promise<FeedDocument | undefined>>();

  const fileKeyOf = (info: Stats) => `${info.ino}:${info.size}:${info.mtimeMs}`;
  const peek = (name: string): FeedDocument | undefined => {
    const cached = cache.get(name);
    return cached && now() - cached.checkedAt < REVALIDATE_MS ? cached.document : undefined;
  };

  /** The document as the file now is: from the cache if the file did not change, else read again. */
  async function refresh(name: string): Promise<FeedDocument | undefined> {
    const path = join(dir, name);
    const info = await stat(path).catch(ignoreMissing);
    if (!info) {
      cache.delete(name); // misses are not cached: unknown names must not grow memory
      return undefined;
    }
    const cached = cache.get(name);
    if (cached?.fileKey === fileKeyOf(info)) {
      cached.checkedAt = now();
      return cached.document;
    }
    const body = new Uint8Array(await readFile(path));
    const document: FeedDocument = {
      name,
      contentType: contentTypeOf(name),
      body,
      etag: await strongEtag(body),
      lastModified: new Date(Math.floor(info.mtimeMs / 1000) * 1000).toISOString(),
    };
    cache.set(name, { document, fileKey: fileKeyOf(info), checkedAt: now() });
    return document;
  }

  const get = async (name: string): Promise<FeedDocument | undefined> => {
    if (!isFeedFile(name)) return undefined;
    const fresh = peek(name);
    if (fresh) return fresh; // the hot path: no I/O
    let loading = pending.get(name);
    if (!loading) {
      loading = refresh(name).finally(() => pending.delete(name));
      pending.set(name, loading);
    }
    return loading;
  };

  return {
    get,
    peek,
    async listEtags() {
      const names = await readdir(dir).catch(ignoreMissing);
      const etags = new Map<string, string>();
      for (const name of (names ?? []).filter(isFeedFile)) {
        const document = await get(name);
        if (document) etags.set(name, document.etag);
      }
      return etags;
    },
    async put(document) {
      await mkdir(dir, { recursive: true });
      const path = join(dir, document.name);
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const modified = new Date(document.lastModified);
      await writeFile(temp, document.body);
      await utimes(temp, modified, modified);
      await rename(temp, path);
      cache.set(document.name, { document, fileKey: fileKeyOf(await stat(path)), checkedAt: now() });
    },
  };
}

/** A published document's name: not a temp file, not anything else in the folder. */
function isFeedFile(name: string): boolean {
  return parseFeedDocumentName(name) !== undefined;
}

function contentTypeOf(name: string): string {
  const { format } = parseFeedDocumentName(name) as { format: FeedFormat };
  return CONTENT_TYPES[format];
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
