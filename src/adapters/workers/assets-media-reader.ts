import type { MediaFile } from '../../http/app-deps.ts';

/**
 * Reads /media/<name> from the Workers static assets (wrangler.toml [assets],
 * the sample images in data/seed/images). The binding answers like a web
 * server, Content-Type included; anything but a 200 means "no such file".
 */
export function createAssetsMediaReader(assets: Fetcher) {
  return async (name: string): Promise<MediaFile | undefined> => {
    const response = await assets.fetch(`https://assets.invalid/${encodeURIComponent(name)}`);
    if (response.status !== 200) return undefined;
    const file: MediaFile = {
      body: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('Content-Type') ?? 'application/octet-stream',
    };
    // The binding sends validators of its own; a weak or missing ETag is left to the route to compute.
    const etag = response.headers.get('ETag');
    if (etag?.startsWith('"')) file.etag = etag;
    const lastModified = Date.parse(response.headers.get('Last-Modified') ?? '');
    if (!Number.isNaN(lastModified)) file.lastModified = new Date(lastModified).toISOString();
    return file;
  };
}
