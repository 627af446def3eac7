/**
 * A failure of the HTTP exchange itself rather than of the domain: no or a
 * wrong token (401), a body too large (413) or of the wrong type (415).
 */
export class HttpError extends Error {
  constructor(
    readonly status: 401 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
