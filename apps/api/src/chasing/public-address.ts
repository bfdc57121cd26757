import { isIP } from 'node:net';

/**
 * Whether an address the robot host resolved to may be connected to: a public unicast address,
 * not loopback, private, link-local (incl. the cloud metadata 169.254.169.254), CGNAT, multicast,
 * reserved, benchmarking or documentation, in IPv4 or IPv6 (IANA's special-purpose registries).
 *
 * Pure, and strict about spellings: the address goes through the WHATWG host parser first (what a
 * URL would make of it), so `2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1` and `[::ffff:127.0.0.1]` are
 * judged as the 127.0.0.1 they are; anything that is not an IP address at all is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const canonical = canonicalIp(ip);
  if (!canonical) return false;
  return canonical.includes(':') ? isPublicV6(v6ToBigInt(canonical)) : isPublicV4(v4ToInt(canonical));
}

/** The canonical spelling (dotted quad, or compressed IPv6 without brackets), or null if not an IP. */
export function canonicalIp(raw: string): string | null {
  const text = raw.trim();
  if (!text || /[\s/?#@\\]/.test(text)) return null;
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // Zone ids (fe80::1%eth0) are link-local by nature; the host parser refuses them.
  if (bare.includes('%')) return null;
  let host: string;
  try {
    host = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return null;
  }
  const unbracketed = host.startsWith('[') ? host.slice(1, -1) : host;
  return isIP(unbracketed) ? unbracketed : null;
}

// [first address, prefix length] of every IPv4 range that is not public.
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];
const V4_RANGES = V4_BLOCKED.map(([base, len]) => ({ base: v4ToInt(base), mask: len === 0 ? 0 : (~0 << (32 - len)) >>> 0 }));

function isPublicV4(n: number): boolean {
  return !V4_RANGES.some((r) => (n & r.mask) >>> 0 === r.base);
}

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0) >>> 0;
}

const V6_BITS = 128n;
const prefix6 = (ip: string, len: number) => ({ base: v6ToBigInt(ip), len: BigInt(len) });
const inRange6 = (n: bigint, r: { base: bigint; len: bigint }) => n >> (V6_BITS - r.len) === r.base >> (V6_BITS - r.len);
const low32 = (n: bigint) => Number(n & 0xffffffffn);

const MAPPED = prefix6('::ffff:0:0', 96); // IPv4-mapped: judged as the IPv4 address
const NAT64 = prefix6('64:ff9b::', 96); // well-known NAT64: the IPv4 address it translates to
const SIX_TO_FOUR = prefix6('2002::', 16); // 6to4: the IPv4 address in bits 16-47
const GLOBAL_UNICAST = prefix6('2000::', 3); // everything outside it (::1, ::, fc00::/7, fe80::/10, ff00::/8, …) is refused
const V6_BLOCKED = [
  prefix6('2001::', 23), // IETF protocol assignments (Teredo, benchmarking 2001:2::/48, ORCHID)
  prefix6('2001:db8::', 32), // documentation
  prefix6('3fff::', 20), // documentation (RFC 9637)
];

function isPublicV6(n: bigint): boolean {
  if (inRange6(n, MAPPED) || inRange6(n, NAT64)) return isPublicV4(low32(n));
  if (inRange6(n, SIX_TO_FOUR)) return isPublicV4(Number((n >> 80n) & 0xffffffffn));
  if (!inRange6(n, GLOBAL_UNICAST)) return false;
  return !V6_BLOCKED.some((r) => inRange6(n, r));
}

/** A canonical IPv6 address (as the URL parser writes it: hex groups, at most one `::`) as 128 bits. */
function v6ToBigInt(ip: string): bigint {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, null];
  const groups = (s: string) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = tail === null ? [] : groups(tail);
  const all = tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}
