import type { StatMedia } from '../../app/measure-image.ts';

/**
 * Type and size of a file in the Workers static assets (the files /media/ serves): the
 * binding answers HEAD like a web server, with Content-Type and Content-Length.
 */
export function createAssetsMediaStat(assets: Fetcher): StatMedia {
  return async (name) => {
    const response = await assets.fetch(`https://assets.invalid/${encodeURIComponent(name)}`, { method: 'HEAD' });
    const type = response.headers.get('Content-Type')?.split(';')[0]?.trim();
    const length = Number(response.headers.get('Content-Length'));
    if (response.status !== 200 || !type?.startsWith('image/') || !Number.isInteger(length) || length <= 0) {
      return undefined;
    }
    return { type, length };
  };
}
