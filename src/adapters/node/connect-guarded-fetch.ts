import { type LookupAddress, type LookupAllOptions, lookup as systemLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { BlockedAddressError, whyNotPublic } from '../../ingest/fetch/ssrf-guard.ts';

export interface ConnectGuardOptions {
  allowPrivateNetworks: boolean;
  /** Addresses allowed even though they are not public, e.g. ["127.0.0.1"] in tests. */
  allowAddresses?: string[];
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
 * is the answer the socket connects to. Node entries only (undici, node:dns).
 */
export function createConnectGuardedFetch(options: ConnectGuardOptions): typeof fetch {
  if (options.allowPrivateNetworks) return globalThis.fetch;
  const resolve =
    options.lookup ?? ((hostname, lookupOptions, callback) => systemLookup(hostname, lookupOptions, callback));
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const range = whyNotPublic(address, options.allowAddresses);
        if (range)
          return callback(new BlockedAddressError(`${hostname} resolves to ${address}, a ${range} address`), '', 0);
      }
      const [first] = addresses;
      if (!first) return callback(new BlockedAddressError(`${hostname} has no address`), '', 0);
      // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (lookupOptions.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
  const dispatcher = new Agent({ connect: { lookup } });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as object),
      dispatcher,
    })) as unknown as typeof fetch;
}
