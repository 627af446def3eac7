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
    return {
      body: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('Content-Type') ?? 'application/octet-stream',
    };
  };
}
