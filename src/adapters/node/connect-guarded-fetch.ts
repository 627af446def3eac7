import { type LookupAddress, type LookupAllOptions, lookup as systemLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { followCheckedRedirects } from '../../ingest/fetch/guarded-fetch.ts';
import { BlockedAddressError, blockedAddress, whyNotPublic } from '../../ingest/fetch/ssrf-guard.ts';

export interface ConnectGuardOptions {
  /** OUTBOUND_ALLOW_NETWORKS: CIDRs allowed although they are not public, e.g. ["127.0.0.1/32"]. */
  allowNetworks?: readonly string[];
  /** The resolver sockets use; node:dns by default (a test can stand in for a rebinding DNS server). */
  lookup?: (
    hostname: string,
    options: LookupAllOptions,
    callback: (error: Error | null, addresses: LookupAddress[]) => void,
  ) => void;
}

/**
 * Node's fetch with the SSRF guard at the socket: every address a connection
 * is about to use is checked when it is looked up. checkUrlAllowed() vets a
 * host before each request, but fetch resolves the name again on its own; a
 * DNS server that answers a public address first and 127.0.0.1 a moment later
 * (DNS rebinding) would slip between the two. Here the answer that is checked
 * is the answer the socket connects to. A literal address is never looked up,
 * so it is checked here before each request, and redirects are followed by
 * hand so every hop's literal is checked too. Node entries only.
 */
export function createConnectGuardedFetch(options: ConnectGuardOptions = {}): typeof fetch {
  const allowNetworks = options.allowNetworks ?? [];
  const resolve =
    options.lookup ?? ((hostname, lookupOptions, callback) => systemLookup(hostname, lookupOptions, callback));
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const why = whyNotPublic(address, allowNetworks);
        if (why) return callback(blockedAddress(hostname, address, why), '', 0);
      }
      const [first] = addresses;
      if (!first) return callback(new BlockedAddressError(`${hostname} has no address`), '', 0);
      // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (lookupOptions.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
  const dispatcher = new Agent({ connect: { lookup } });
  const checkLiteral = (url: URL) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const why = ipaddr.isValid(host) ? whyNotPublic(host, allowNetworks) : undefined;
    if (why) throw new BlockedAddressError(`${host} is ${why}; list its network in OUTBOUND_ALLOW_NETWORKS`);
  };
  return followCheckedRedirects(
    (url, init) => undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>,
    checkLiteral,
  );
}
