import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MediaFile } from '../../http/app-deps.ts';
import type { SwaggerUiFile } from '../../http/openapi/docs-page.ts';

const TYPES: Record<SwaggerUiFile, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/**
 * The /api/docs assets, straight from the installed swagger-ui-dist package
 * (found the way Node resolves it, wherever node_modules is). Read once, then
 * kept: they never change while the process runs.
 */
export function createSwaggerUiAssetReader() {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<SwaggerUiFile, Promise<MediaFile>>();
  return (name: SwaggerUiFile): Promise<MediaFile | undefined> => {
    let file = cache.get(name);
    if (!file) {
      file = readFile(join(dir, name)).then((body) => ({ body: new Uint8Array(body), contentType: TYPES[name] }));
      cache.set(name, file);
    }
    return file;
  };
}
