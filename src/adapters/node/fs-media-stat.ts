import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { StatMedia } from '../../app/measure-image.ts';
import { IMAGE_TYPES } from '../../seed/load-sample-content.ts';

/** Type (by extension, as /media/ serves it) and size of a file in the media folder. */
export function createFsMediaStat(dir: string): StatMedia {
  return async (name) => {
    const type = IMAGE_TYPES[extname(name).toLowerCase()];
    if (!type || basename(name) !== name) return undefined; // a plain file name, never a path
    try {
      const info = await stat(join(dir, name));
      return info.isFile() ? { type, length: info.size } : undefined;
    } catch {
      return undefined;
    }
  };
}
