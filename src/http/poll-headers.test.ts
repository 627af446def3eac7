import { describe, expect, it } from 'vitest';
import { readPollHeaders } from './poll-headers.ts';

describe('readPollHeaders', () => {
  const request = new Request('http://127.0.0.1/feeds/all.rss', {
    headers: {
      'Accept-Encoding': 'gzip',
      'If-None-Match': '"a", "b"',
      'If-Modified-Since': 'Wed, 25 Nov 2026 12:00:00 GMT',
    },
  });

  it('reads the Request on a runtime that hands the app no Node request (Workers)', () => {
    expect(readPollHeaders(request, { DB: {} })).toEqual({
      acceptEncoding: 'gzip',
      ifNoneMatch: '"a", "b"',
      ifModifiedSince: 'Wed, 25 Nov 2026 12:00:00 GMT',
    });
    expect(readPollHeaders(request, undefined).ifNoneMatch).toBe('"a", "b"');
  });

  it("reads Node's raw header list as the Request would: any case, list fields combined, the first date", () => {
    const rawHeaders = [
      ...['IF-NONE-MATCH', '"a"', 'Host', '127.0.0.1', 'if-none-match', '"b"'],
      ...['Accept-Encoding', 'br', 'accept-encoding', 'gzip'],
      ...['If-Modified-Since', 'Wed, 25 Nov 2026 12:00:00 GMT', 'if-modified-since', 'Thu, 26 Nov 2026 12:00:00 GMT'],
    ];
    expect(readPollHeaders(new Request('http://127.0.0.1/'), { incoming: { rawHeaders } })).toEqual({
      acceptEncoding: 'br, gzip',
      ifNoneMatch: '"a", "b"',
      ifModifiedSince: 'Wed, 25 Nov 2026 12:00:00 GMT',
    });
  });

  it('leaves absent fields undefined', () => {
    expect(readPollHeaders(new Request('http://127.0.0.1/'), { incoming: { rawHeaders: ['Host', 'x'] } })).toEqual({
      acceptEncoding: undefined,
      ifNoneMatch: undefined,
      ifModifiedSince: undefined,
    });
  });
});
