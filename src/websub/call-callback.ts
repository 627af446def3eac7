/**
 * One request to a subscriber's callback, as the hub makes it: through the SSRF guard
 * first (callbacks are URLs anyone can hand us), with a timeout, and no redirects
 * followed (§5.3.1 and §7 count a 3xx as a failure).
 */
export interface CallbackClient {
  fetch: typeof fetch;
  /** Throws when the URL may not be requested (a private address, a scheme we do not speak). */
  checkUrl(url: URL): Promise<void>;
  timeoutMs: number;
  userAgent: string;
}

export type CallbackAnswer = { ok: true; response: Response } | { ok: false; error: string };

export async function callCallback(client: CallbackClient, url: URL, init: RequestInit): Promise<CallbackAnswer> {
  try {
    await client.checkUrl(url);
  } catch (error) {
    return { ok: false, error: `refused: ${messageOf(error)}` };
  }
  try {
    const headers = new Headers(init.headers);
    headers.set('user-agent', client.userAgent);
    const response = await client.fetch(url.href, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(client.timeoutMs),
    });
    return { ok: true, response };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return { ok: false, error: `no answer within ${client.timeoutMs} ms` };
    }
    // fetch() rejects with a bare "fetch failed"; the reason is in its cause (ECONNREFUSED, a blocked address…).
    const cause = error instanceof Error ? error.cause : undefined;
    return { ok: false, error: `connection failed: ${messageOf(cause ?? error)}` };
  }
}

/** At most `maxBytes` of the body as text, the rest discarded: a hostile callback cannot fill our memory. */
export async function readSmallText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      size += read.value.byteLength;
      if (size > maxBytes) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(Math.min(size, maxBytes + 1));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.byteLength - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
