// What kind of address a webhook would reach, for the SSRF guard. Takes any form an address can be
// written in: dotted IPv4 with decimal, octal (0177) or hex (0x7f) parts and the short forms
// inet_aton accepts (127.1, 2130706433), IPv6 with '::' and embedded IPv4, and IPv6 forms that
// carry an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4
// 2002::/16), which are judged by the IPv4 address inside.

export type AddressClass = 'public' | 'loopback' | 'link-local' | 'private' | 'unspecified' | 'metadata' | 'multicast' | 'reserved' | 'invalid';

/** Cloud metadata services: never reachable from a webhook, whatever the allow-list says. */
const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200']);
const METADATA_V6 = 'fd00:ec2:0:0:0:0:0:254';

/** inet_aton's forms: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let v: number;
    if (/^0x[0-9a-f]*$/i.test(part)) v = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) v = parseInt(part, 8);
    else if (/^[1-9][0-9]*$/.test(part)) v = parseInt(part, 10);
    else return null;
    values.push(v);
  }
  const last = values.pop()!;
  for (const v of values) if (v > 255) return null;
  if (last >= 2 ** (8 * (4 - values.length))) return null;
  let n = 0;
  values.forEach((v, i) => (n += v * 2 ** (8 * (3 - i))));
  return n + last;
}

const v4 = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** Eight 16-bit groups, or null. Accepts '::' once and a dotted IPv4 tail; a zone (%eth0) is dropped. */
export function parseIPv6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '').split('%')[0].toLowerCase();
  // A dotted IPv4 tail (strict decimal here, as RFC 4291 writes it) becomes two hex groups.
  const tail = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const parts = tail[2].split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    s = `${tail[1]}${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const group = (g: string) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const head = halves[0] === '' ? [] : halves[0].split(':').map(group);
  const rest = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':').map(group)) : [];
  const total = head.length + rest.length;
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  return [...head, ...Array<number>(8 - total).fill(0), ...rest];
}

function classifyV4(n: number): AddressClass {
  const ip = v4(n);
  if (METADATA_V4.has(ip)) return 'metadata';
  const [a, b, c] = ip.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  // IETF protocol assignments, documentation, benchmarking.
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved';
  return 'public';
}

function classifyV6(g: number[]): AddressClass {
  if (g.map((x) => x.toString(16)).join(':') === METADATA_V6) return 'metadata';
  const embedded = (hi: number, lo: number) => classifyV4(hi * 65536 + lo);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6], g[7]); // IPv4-mapped
  if (zeros(0, 6)) return embedded(g[6], g[7]); // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6], g[7]); // NAT64
  if (g[0] === 0x2002) return embedded(g[1], g[2]); // 6to4
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xfe00) === 0xfc00) return 'private';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved';
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved'; // outside global unicast 2000::/3
  return 'public';
}

export function classifyAddress(address: string): AddressClass {
  if (address.includes(':')) {
    const groups = parseIPv6(address);
    return groups ? classifyV6(groups) : 'invalid';
  }
  const n = parseIPv4(address);
  return n === null ? 'invalid' : classifyV4(n);
}

/** Hosts that name a metadata service, refused before any lookup. */
export function isMetadataHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'metadata.google.internal' || h === 'metadata' || h === 'metadata.goog' || h === 'instance-data' || h.endsWith('.metadata.google.internal');
}
