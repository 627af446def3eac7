import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { MediaFile } from '../../http/app-deps.ts';
import { IMAGE_TYPES } from '../../seed/load-sample-content.ts';

/** Serves /media/<name> from a folder (the sample images in data/seed/images). */
export function createFsMediaReader(dir: string) {
  return async (name: string): Promise<MediaFile | undefined> => {
    const type = IMAGE_TYPES[extname(name).toLowerCase()];
    if (!type) return undefined;
    try {
      const path = join(dir, name);
      const [body, info] = await Promise.all([readFile(path), stat(path)]);
      return { body: new Uint8Array(body), contentType: type, lastModified: info.mtime.toISOString() };
    } catch {
      return undefined;
    }
  };
}
