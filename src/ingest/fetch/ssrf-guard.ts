import ipaddr from 'ipaddr.js';
import { type Network, parseNetworks, whyRefused } from './classify-address.ts';

/** Resolves a host name to its addresses (node:dns on Node, DNS over HTTPS on Workers). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface SsrfPolicy {
  resolveHost: ResolveHost;
  /**
   * OUTBOUND_ALLOW_NETWORKS: CIDRs that may be contacted although they are not public, e.g.
   * ["127.0.0.1/32"] to poll a feed on this machine. Empty by default. Link-local and metadata
   * addresses pass only through an entry inside their own range (see classify-address.ts).
   */
  allowNetworks?: readonly string[];
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

/**
 * Refuses a URL whose host is, or resolves to, anything but a public unicast address outside
 * the allowlist: loopback, private, link-local (169.254.169.254, the cloud metadata service),
 * unique-local (fd00:ec2::254), CGNAT, multicast, unspecified, reserved, and every IPv6 form
 * that carries one of those. Every address a name resolves to must pass, so a name with one
 * private record is refused. Every outbound request Tidings makes goes through here: ingest
 * (each redirect hop too), image probes, WebSub callbacks.
 */
export async function checkUrlAllowed(url: URL, policy: SsrfPolicy): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockedAddressError(`only http and https are fetched, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isLiteral = ipaddr.isValid(host);
  const addresses = isLiteral ? [host] : await resolve(host, policy.resolveHost);
  if (addresses.length === 0) throw new BlockedAddressError(`${host} has no address`);
  const networks = allowedNetworks(policy.allowNetworks);
  for (const address of addresses) {
    const why = whyRefused(address, networks);
    if (!why) continue;
    throw new BlockedAddressError(
      isLiteral ? `${host} is ${why}${HINT}` : `${host} resolves to ${address}, ${why}${HINT}`,
    );
  }
}

const HINT = '; list its network in OUTBOUND_ALLOW_NETWORKS to allow it';

/** Why an address may not be contacted under this allowlist, or undefined when it may. */
export function whyNotPublic(address: string, allowNetworks: readonly string[] = []): string | undefined {
  return whyRefused(address, allowedNetworks(allowNetworks));
}

/** The error for a refused address, worded like checkUrlAllowed's. */
export function blockedAddress(hostname: string, address: string, why: string): BlockedAddressError {
  return new BlockedAddressError(`${hostname} resolves to ${address}, ${why}${HINT}`);
}

// Policies are built once per process; parsing their lists once keeps each check to a few compares.
const parsed = new WeakMap<readonly string[], Network[]>();
function allowedNetworks(list: readonly string[] | undefined): Network[] {
  if (!list || list.length === 0) return [];
  let networks = parsed.get(list);
  if (!networks) {
    networks = parseNetworks(list);
    parsed.set(list, networks);
  }
  return networks;
}

async function resolve(host: string, resolveHost: ResolveHost): Promise<string[]> {
  try {
    return await resolveHost(host);
  } catch (error) {
    throw new BlockedAddressError(`cannot resolve ${host}: ${error instanceof Error ? error.message : error}`);
  }
}
