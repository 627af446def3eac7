import type { Services } from '../app/create-services.ts';
import type { SwaggerUiFile } from './openapi/docs-page.ts';

/** A file we serve as-is, e.g. a sample image. */
export interface MediaFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Strong ETag, quoted, when the runtime knows one; otherwise the route hashes the bytes. */
  etag?: string;
  /** When the file last changed (ISO 8601), for Last-Modified. */
  lastModified?: string;
}

/**
 * Everything the HTTP app needs: the services built by app/create-services.ts
 * (or a test's own), and how to read /media/ files on this runtime.
 */
export interface AppDeps
  extends Pick<
    Services,
    | 'store'
    | 'sink'
    | 'publisher'
    | 'config'
    | 'log'
    | 'now'
    | 'renderers'
    | 'refreshRelated'
    | 'sanitizeHtml'
    | 'metrics'
  > {
  /** Images and other media under /media/ (sample content on Node, static assets on Workers). */
  readMedia?: (name: string) => Promise<MediaFile | undefined>;
  /** Runs after an article is created or edited, e.g. to refresh its related stories. */
  afterArticleChange?: Services['afterArticleChange'];
  /** Our own WebSub hub (/websub and the admin API's /websub routes); absent with an external hub. */
  websub?: Services['websub'];
  /** Swagger UI's files for /api/docs, from node_modules (Node only); without it the page links the document. */
  readApiDocsAsset?: (name: SwaggerUiFile) => Promise<MediaFile | undefined>;
  /** Measures a lead image before an article is saved (its enclosure's type and length). */
  measureImage?: Services['measureImage'];
  /** External sources: the admin API's /sources routes, with "ingest this source now". */
  ingest?: Services['ingest'];
  /** POST /api/sources/import: an OPML subscription list becomes sources. */
  importSources?: Services['importSources'];
}
