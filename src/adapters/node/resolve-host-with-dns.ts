import { lookup } from 'node:dns/promises';
import type { ResolveHost } from '../../ingest/fetch/ssrf-guard.ts';

/** The Node resolver for the SSRF guard: every address the system resolver returns. Node entries only. */
export const resolveHostWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
