import type { Stats } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { strongEtag } from '../../publish/digest.ts';
import { parseFeedDocumentName } from '../../publish/feed-catalog.ts';
import type { FeedDocument, FeedSink } from '../../publish/feed-sink.ts';
import { CONTENT_TYPES, type FeedFormat } from '../../render/feed-spec.ts';
import { replaceFileAtomically } from './feed-temp-files.ts';

/** How long a cached document is served before its file is checked again. */
const REVALIDATE_MS = 1_000;
/**
 * Bodies kept in memory, least recently used out first. With tag and author
 * feeds a site publishes thousands of documents (7,500 at 2,000 tags and 500
 * authors), most rarely polled: keeping every body would cost hundreds of MiB.
 */
const DEFAULT_MAX_CACHED_BYTES = 64 * 1024 * 1024;
/**
 * How often a hit moves a document to the recent end of the eviction order. Recency to the
 * second is enough to choose what to evict, and most polls then pay no reordering (nearly a
 * microsecond each, a sixth of the poll route's own work, in a CPU profile).
 */
const REORDER_MS = 1_000;
/** Where documents live under the feeds folder: feed keys are "<slug>", "tag/<slug>", "author/<slug>". */
const FOLDERS = ['', 'tag', 'author'];

interface KnownFile {
  etag: string;
  /** Identifies the file's version: a rename gives a new inode. */
  fileKey: string;
  lastModified: string;
  /** The bytes, while they fit the memory budget. */
  document?: FeedDocument;
  checkedAt: number;
  /** When its body last moved to the recent end of the eviction order. */
  reorderedAt?: number;
}

export interface FsFeedSink extends FeedSink {
  /** What this sink knows of these documents' files (those it wrote or read), to hand to another sink. */
  describeFiles(names: string[]): WrittenFile[];
  /**
   * Takes on what another sink on the same folder wrote (a publish in a worker thread), without
   * reading or hashing the files: readers here get the new bytes at once, not within a second,
   * each read from its file when first asked for, and a listing knows their tags.
   */
  adoptFiles(files: WrittenFile[]): void;
}

/** A document's file as its writer left it: plain data, to cross between threads. */
export interface WrittenFile {
  name: string;
  etag: string;
  fileKey: string;
  lastModified: string;
}

export interface FsFeedSinkOptions {
  now?: () => number;
  maxCachedBytes?: number;
}

/**
 * Feed documents as files in one folder (tag and author feeds in its tag/ and
 * author/ subfolders), each replaced by writing a temp file and renaming it
 * over the old one. A file's mtime is its Last-Modified, so a restart serves
 * the same headers. Recently used documents are served from memory; once a
 * second the file is checked again, so a document another process published
 * (`npm run cli -- publish` beside the server) is served within a second.
 */
export function createFsFeedSink(
  dir: string,
  { now = Date.now, maxCachedBytes = DEFAULT_MAX_CACHED_BYTES }: FsFeedSinkOptions = {},
): FsFeedSink {
  const known = new Map<string, KnownFile>();
  const pending = new Map<string, Promise<FeedDocument | undefined>>();
  // Insertion order is recency: a hit moves the name to the end, eviction takes from the front.
  const bodies = new Map<string, number>();
  let cachedBytes = 0;
  const made = new Set<string>();

  const fileKeyOf = (info: Stats) => `${info.ino}:${info.size}:${info.mtimeMs}`;

  const forgetBody = (name: string) => {
    const entry = known.get(name);
    cachedBytes -= bodies.get(name) ?? 0;
    bodies.delete(name);
    if (entry) delete entry.document;
  };
  const keepBody = (document: FeedDocument) => {
    forgetBody(document.name);
    const entry = known.get(document.name);
    if (!entry || document.body.byteLength > maxCachedBytes) return;
    entry.document = document;
    entry.reorderedAt = now();
    bodies.set(document.name, document.body.byteLength);
    cachedBytes += document.body.byteLength;
    for (const [oldest] of bodies) {
      if (cachedBytes <= maxCachedBytes) break;
      forgetBody(oldest);
    }
  };
  const touch = (name: string, entry: KnownFile, at: number) => {
    if (at - (entry.reorderedAt ?? 0) < REORDER_MS) return;
    const size = bodies.get(name);
    if (size === undefined) return;
    entry.reorderedAt = at;
    bodies.delete(name);
    bodies.set(name, size);
  };

  const peek = (name: string): FeedDocument | undefined => {
    const entry = known.get(name);
    if (!entry?.document) return undefined;
    const at = now();
    if (at - entry.checkedAt >= REVALIDATE_MS) return undefined;
    touch(name, entry, at);
    return entry.document;
  };

  /** The document as the file now is: from memory if the file did not change, else read again. */
  async function refresh(name: string): Promise<FeedDocument | undefined> {
    const path = join(dir, name);
    const info = await stat(path).catch(ignoreMissing);
    // A directory in a document's place is no document: its publish fails alone, not the run.
    if (!info?.isFile()) {
      forgetBody(name);
      known.delete(name); // misses are not remembered: unknown names must not grow memory
      return undefined;
    }
    const entry = known.get(name);
    if (entry?.fileKey === fileKeyOf(info) && entry.document) {
      entry.checkedAt = now();
      touch(name, entry, entry.checkedAt);
      return entry.document;
    }
    const body = new Uint8Array(await readFile(path));
    const document: FeedDocument = {
      name,
      contentType: contentTypeOf(name),
      body,
      // The file did not change since we learned its tag: no need to hash it again.
      etag: entry?.fileKey === fileKeyOf(info) ? entry.etag : await strongEtag(body),
      lastModified: new Date(Math.floor(info.mtimeMs / 1000) * 1000).toISOString(),
    };
    known.set(name, {
      etag: document.etag,
      fileKey: fileKeyOf(info),
      lastModified: document.lastModified,
      checkedAt: now(),
    });
    keepBody(document);
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
    describeFiles(names) {
      return names.flatMap((name) => {
        const entry = known.get(name);
        return entry ? [{ name, etag: entry.etag, fileKey: entry.fileKey, lastModified: entry.lastModified }] : [];
      });
    },
    adoptFiles(files) {
      for (const { name, etag, fileKey, lastModified } of files) {
        forgetBody(name); // the bytes here, if any, are the old ones
        known.set(name, { etag, fileKey, lastModified, checkedAt: now() });
      }
    },
    /**
     * What the folder holds: names from one recursive listing; the tag of a
     * file this process wrote or read is taken from memory, any other file is
     * read and hashed once (after a restart).
     */
    async listEtags() {
      const listed = await Promise.all(
        FOLDERS.map(async (folder) => {
          const names = await readdir(join(dir, folder)).catch(ignoreMissing);
          return (names ?? []).map((name) => (folder ? `${folder}/${name}` : name));
        }),
      );
      const etags = new Map<string, string>();
      for (const name of listed.flat()) {
        // A name in memory is a document's (known holds no other); get() skips any other name.
        const etag = known.get(name)?.etag ?? (await get(name))?.etag;
        if (etag) etags.set(name, etag);
      }
      return etags;
    },
    /**
     * Synchronous file calls on purpose: a full publish writes thousands of small files, and
     * each async call's trip through libuv's thread pool cost more than the write (bench/publish.ts:
     * 7,653 documents took 7.1 s async, 3.0 s sync on the shared machine). One document blocks
     * the event loop for well under a millisecond; the publish job yields between documents.
     */
    async put(document) {
      const path = join(dir, document.name);
      const folder = dirname(path);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const modified = new Date(document.lastModified);
      let info: Stats;
      try {
        info = replaceFileAtomically(path, document.body, modified);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(folder, { recursive: true }); // the folder was removed under us
        info = replaceFileAtomically(path, document.body, modified);
      }
      const { etag, lastModified } = document;
      known.set(document.name, { etag, lastModified, fileKey: fileKeyOf(info), checkedAt: now() });
      keepBody(document);
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
