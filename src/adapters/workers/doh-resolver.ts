import type { ResolveHost } from '../../ingest/fetch/ssrf-guard.ts';

interface DohAnswer {
  Status: number;
  Answer?: { type: number; data: string }[];
}

const DOH_URL = 'https://cloudflare-dns.com/dns-query';
const RECORD_TYPES = { A: 1, AAAA: 28 } as const;

/**
 * Workers have no DNS API, so the SSRF guard asks DNS over HTTPS (RFC 8484, JSON
 * form) for the addresses a feed's host resolves to; every one must be public.
 * CNAME records in the answer are skipped: only the addresses at the end count.
 */
export function createDohResolver(fetchDns: typeof fetch): ResolveHost {
  const lookup = async (hostname: string, type: keyof typeof RECORD_TYPES): Promise<string[]> => {
    const url = `${DOH_URL}?name=${encodeURIComponent(hostname)}&type=${type}`;
    const response = await fetchDns(url, { headers: { accept: 'application/dns-json' } });
    if (!response.ok) throw new Error(`DNS over HTTPS answered ${response.status} for ${hostname}`);
    const answer = (await response.json()) as DohAnswer;
    return (answer.Answer ?? []).filter((record) => record.type === RECORD_TYPES[type]).map((record) => record.data);
  };
  return async (hostname) => (await Promise.all([lookup(hostname, 'A'), lookup(hostname, 'AAAA')])).flat();
}
