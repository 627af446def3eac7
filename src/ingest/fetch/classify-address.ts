import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A CIDR from OUTBOUND_ALLOW_NETWORKS, parsed. */
export type Network = [Address, number];

/**
 * Addresses that stay refused unless an allowlist entry lies inside them: a broad entry such as
 * 0.0.0.0/0 or ::/0 never opens the cloud metadata service (169.254.169.254, fd00:ec2::254) or
 * link-local neighbours. Listing 169.254.169.254/32 itself does.
 */
const EXPLICIT_ONLY: Network[] = [
  [ipaddr.parse('169.254.0.0'), 16],
  [ipaddr.parse('fe80::'), 10],
  [ipaddr.parse('fd00:ec2::254'), 128],
];

const RANGE_WORDS: Record<string, string> = {
  linkLocal: 'link-local (cloud metadata)',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
};

/**
 * Why an address may not be contacted, in words, or undefined when it may: public unicast, or
 * inside an allowed network. IPv6 forms that carry an IPv4 address are judged by that address,
 * since that is where the packets end up: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96,
 * RFC 4291 §2.5.5.1; the URL parser turns [::127.0.0.1] into ::7f00:1), IPv4-translated
 * (RFC 6145), NAT64 (64:ff9b::/96, RFC 6052), 6to4 (2002::/16, RFC 3056) and Teredo
 * (2001::/32, RFC 4380: server in bits 32-63, client inverted in the last 32 bits).
 */
export function whyRefused(text: string, allowNetworks: readonly Network[] = []): string | undefined {
  let address: Address;
  try {
    address = ipaddr.parse(text);
  } catch {
    return 'a malformed address';
  }
  return judge(address, allowNetworks);
}

function judge(address: Address, allowNetworks: readonly Network[]): string | undefined {
  const range = address.range();
  if (address instanceof ipaddr.IPv6 && range !== 'loopback' && range !== 'unspecified') {
    const embedded = embeddedIpv4(address, range);
    for (const { v4, form } of embedded) {
      const why = judge(v4, allowNetworks);
      if (why) return `${why} (${form} ${address.toString()} carries ${v4.toString()})`;
    }
    if (embedded.length > 0) return undefined;
  }
  if (isAllowed(address, allowNetworks)) return undefined;
  if (range === 'rfc6052') return 'a NAT64 local-use address'; // 64:ff9b:1::/48, RFC 8215
  return range === 'unicast' ? undefined : `a ${RANGE_WORDS[range] ?? range} address`;
}

function embeddedIpv4(address: ipaddr.IPv6, range: string): { v4: ipaddr.IPv4; form: string }[] {
  const v4 = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;
  const [p0, p1, p2, p3, p4, p5, p6, p7] = address.parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (range === 'ipv4Mapped') return [{ v4: v4(p6, p7), form: 'IPv4-mapped' }];
  if (range === 'rfc6145') return [{ v4: v4(p6, p7), form: 'IPv4-translated' }];
  if (p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) {
    return [{ v4: v4(p6, p7), form: 'IPv4-compatible' }];
  }
  if (range === 'rfc6052' && p2 === 0) return [{ v4: v4(p6, p7), form: 'NAT64' }];
  if (range === '6to4') return [{ v4: v4(p1, p2), form: '6to4' }];
  if (range === 'teredo') {
    return [
      { v4: v4(p2, p3), form: 'Teredo server in' },
      { v4: v4(~p6 & 0xffff, ~p7 & 0xffff), form: 'Teredo client in' },
    ];
  }
  return [];
}

function isAllowed(address: Address, allowNetworks: readonly Network[]): boolean {
  const guarded = EXPLICIT_ONLY.find((network) => inside(address, network));
  return allowNetworks.some(
    (network) => inside(address, network) && (!guarded || (network[1] >= guarded[1] && inside(network[0], guarded))),
  );
}

function inside(address: Address, [base, bits]: Network): boolean {
  return address.kind() === base.kind() && address.match(base, bits);
}

/**
 * Parses OUTBOUND_ALLOW_NETWORKS: comma-separated CIDRs (a bare address means just itself).
 * Throws naming the entry that is not one.
 */
export function parseNetworks(list: readonly string[]): Network[] {
  return list.map((entry) => {
    const text = entry.includes('/') ? entry : `${entry}/${ipaddr.IPv6.isValid(entry) ? 128 : 32}`;
    try {
      return ipaddr.parseCIDR(text) as Network;
    } catch {
      throw new Error(`"${entry}" is not a network like 127.0.0.1/32 or fd00::/8`);
    }
  });
}
