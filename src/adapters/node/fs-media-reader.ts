import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { MediaFile } from '../../http/app-deps.ts';
import { IMAGE_TYPES } from '../../seed/load-sample-content.ts';

/** Serves /media/<name> from a folder (the sample images in data/seed/images). */
export function createFsMediaReader(dir: string) {
  return async (name: string): Promise<MediaFile | undefined> => {
    const type = IMAGE_TYPES[extname(name).toLowerCase()];
    if (!type) return undefined;
    try {
      return { body: new Uint8Array(await readFile(join(dir, name))), contentType: type };
    } catch {
      return undefined;
    }
  };
}
