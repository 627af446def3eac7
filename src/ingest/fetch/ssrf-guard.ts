import ipaddr from 'ipaddr.js';

/** Resolves a host name to its addresses (node:dns on Node, DNS over HTTPS on Workers). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface SsrfPolicy {
  resolveHost: ResolveHost;
  /** Allow every address (a private deployment); off by default. */
  allowPrivateNetworks: boolean;
  /** Addresses allowed even though they are not public, e.g. ["127.0.0.1"] in tests. */
  allowAddresses?: string[];
}

const RANGE_WORDS: Record<string, string> = {
  linkLocal: 'link-local (cloud metadata)',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  ipv4Mapped: 'IPv4-mapped',
  rfc6052: 'NAT64',
  '6to4': '6to4',
};

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

/**
 * Refuses a URL whose host is, or resolves to, anything but a public unicast address:
 * loopback, private, link-local (169.254.169.254, the cloud metadata service), unique-local
 * (fd00:ec2::254), CGNAT, multicast, unspecified, reserved, and IPv4-mapped IPv6 forms of them.
 * Every address a name resolves to must pass, so a name with one private record is refused.
 */
export async function checkUrlAllowed(url: URL, policy: SsrfPolicy): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockedAddressError(`only http and https are fetched, not ${url.protocol}`);
  }
  if (policy.allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isLiteral = ipaddr.isValid(host);
  const addresses = isLiteral ? [host] : await resolve(host, policy.resolveHost);
  if (addresses.length === 0) throw new BlockedAddressError(`${host} has no address`);
  for (const address of addresses) {
    const range = whyNotPublic(address, policy.allowAddresses ?? []);
    if (!range) continue;
    const what = `${RANGE_WORDS[range] ?? range} address`;
    throw new BlockedAddressError(isLiteral ? `${host} is a ${what}` : `${host} resolves to ${address}, a ${what}`);
  }
}

async function resolve(host: string, resolveHost: ResolveHost): Promise<string[]> {
  try {
    return await resolveHost(host);
  } catch (error) {
    throw new BlockedAddressError(`cannot resolve ${host}: ${error instanceof Error ? error.message : error}`);
  }
}

/** The range name when the address is not public unicast, else undefined. */
export function whyNotPublic(address: string, allowAddresses: string[] = []): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes the IPv4 it carries
  } catch {
    return 'malformed';
  }
  if (allowAddresses.some((allowed) => ipaddr.isValid(allowed) && sameAddress(ipaddr.process(allowed), parsed))) {
    return undefined;
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}

function sameAddress(a: ipaddr.IPv4 | ipaddr.IPv6, b: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}
