/**
 * CIDR math. Blocks are parsed once into numeric `[start, end]` ranges (number for IPv4, bigint for IPv6) and
 * never compared as strings: "10.1.0.0/16" sorts before "10.10.0.0/16" numerically, not lexically.
 *
 * A block is read only as written canonically: " 10.0.0.0/8 " (spaces) and "10.0.0.0/08" (a leading zero) are
 * refused with the canonical text as the fix (`not-canonical`), never silently rewritten, because the same string
 * is what the clouds receive and a backend would send it as is.
 *
 * Parsing is delegated to ipaddr.js; only the range arithmetic lives here.
 */
import ipaddr from "ipaddr.js";

export type IpFamily = 4 | 6;

export interface Cidr {
  /** The block as written in canonical form, e.g. `10.0.0.0/16`. */
  readonly text: string;
  readonly family: IpFamily;
  readonly prefix: number;
  /** First address of the block (number for IPv4, bigint for IPv6). */
  readonly start: number | bigint;
  /** Last address of the block, inclusive. */
  readonly end: number | bigint;
}

export type CidrParseResult =
  | { readonly ok: true; readonly cidr: Cidr }
  | {
      readonly ok: false;
      readonly reason: "unparsable" | "host-bits-set" | "not-canonical";
      /**
       * For `host-bits-set`: the network address the user most likely meant. For `not-canonical`: the block written
       * canonically (no spaces, no leading zeros), when that reading is a valid block.
       */
      readonly suggestion?: string;
    };

const V4_BITS = 32;
const V6_BITS = 128;

function v4ToNumber(bytes: number[]): number {
  // >>> 0 keeps the value an unsigned 32-bit integer.
  return (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0) as number;
}

function v6ToBigInt(parts: number[]): bigint {
  let value = 0n;
  for (const part of parts) value = (value << 16n) | BigInt(part);
  return value;
}

function v4Text(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

function v6Text(value: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return ipaddr.IPv6.parse(parts.map((p) => p.toString(16)).join(":")).toString();
}

function rangeOf(
  family: IpFamily,
  address: number | bigint,
  prefix: number,
): { start: number | bigint; end: number | bigint } {
  if (family === 4) {
    const size = 2 ** (V4_BITS - prefix);
    const start = Math.floor((address as number) / size) * size;
    return { start, end: start + size - 1 };
  }
  const hostBits = BigInt(V6_BITS - prefix);
  const mask = (1n << hostBits) - 1n;
  const start = (address as bigint) & ~mask;
  return { start, end: start | mask };
}

function makeCidr(family: IpFamily, start: number | bigint, prefix: number): Cidr {
  const range = rangeOf(family, start, prefix);
  const addressText = family === 4 ? v4Text(range.start as number) : v6Text(range.start as bigint);
  return { text: `${addressText}/${prefix}`, family, prefix, start: range.start, end: range.end };
}

/**
 * ipaddr.js also accepts inet_aton shorthands ("10.0.0/16", "0x0a.0.0.1"); the clouds accept only four-part
 * dotted decimal IPv4, so that is required here.
 */
function isAddress(text: string): boolean {
  if (text.includes(":")) return ipaddr.IPv6.isValid(text);
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

/**
 * The common case, canonical dotted-quad IPv4 `a.b.c.d/p`, read straight from the character codes. ipaddr.js
 * spends about 10 µs per block (it tries every format it knows), which made parsing 60% of validating a
 * 100k-VPC topology; this reads the same strings in well under 1 µs. Anything it does not recognise exactly
 * (IPv6, leading zeros, out-of-range parts, spaces) returns undefined and goes through ipaddr.js, so the accepted
 * language is unchanged: the property tests compare both paths.
 */
function parseCanonicalV4(text: string): { value: number; prefix: number } | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  const length = text.length;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 /* . */ || c === 47 /* / */) {
      if (digits === 0) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      if (c === 47) break;
      if (++dots > 3) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || i === length) return undefined;
  let prefix = 0;
  let prefixDigits = 0;
  for (i++; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || ++prefixDigits > 2) return undefined;
    if (prefixDigits > 1 && prefix === 0) return undefined; // leading zero ("/08")
    prefix = prefix * 10 + (c - 48);
  }
  if (prefixDigits === 0 || prefix > V4_BITS) return undefined;
  return { value, prefix };
}

/**
 * Parses a CIDR block. A block with host bits set (`10.0.0.1/16`) is refused, because the clouds refuse it too,
 * and the network address is offered as the fix.
 */
export function parseCidr(text: string): CidrParseResult {
  const fast = parseCanonicalV4(text);
  if (fast) {
    const size = 2 ** (V4_BITS - fast.prefix);
    const start = Math.floor(fast.value / size) * size;
    if (start !== fast.value)
      return { ok: false, reason: "host-bits-set", suggestion: makeCidr(4, fast.value, fast.prefix).text };
    // The fast path reads canonical text only, so the block's canonical text is the text itself.
    return { ok: true, cidr: { text, family: 4, prefix: fast.prefix, start, end: start + size - 1 } };
  }
  return parseCidrSlow(text);
}

/** Whitespace anywhere, or a leading zero in the prefix length or in a dotted-decimal IPv4 part. */
const NOT_CANONICAL = /\s|\/0\d|(?:^|[.:])0\d+(?=\.|\/)/;

/** The general path through ipaddr.js: IPv6, and every IPv4 spelling the fast path does not take. */
export function parseCidrSlow(text: string): CidrParseResult {
  if (NOT_CANONICAL.test(text)) {
    const cleaned = text
      .replace(/\s+/g, "")
      .replace(/(^|[./])0+(?=\d)/g, "$1")
      .replace(/(^|[.:])0+(?=\d+\.)/g, "$1");
    const reading = cleaned === text ? undefined : parseStrict(cleaned);
    if (reading?.ok) return { ok: false, reason: "not-canonical", suggestion: reading.cidr.text };
    if (reading?.reason === "host-bits-set")
      return { ok: false, reason: "not-canonical", suggestion: reading.suggestion! };
    return { ok: false, reason: "unparsable" };
  }
  return parseStrict(text);
}

function parseStrict(text: string): CidrParseResult {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    const slash = text.indexOf("/");
    if (slash === -1 || !isAddress(text.slice(0, slash))) return { ok: false, reason: "unparsable" };
    if (!/^\d{1,3}$/.test(text.slice(slash + 1))) return { ok: false, reason: "unparsable" };
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return { ok: false, reason: "unparsable" };
  }
  const [address, prefix] = parsed;
  const family: IpFamily = address.kind() === "ipv4" ? 4 : 6;
  const value =
    family === 4 ? v4ToNumber((address as ipaddr.IPv4).octets) : v6ToBigInt((address as ipaddr.IPv6).parts);
  const cidr = makeCidr(family, value, prefix);
  if (cidr.start !== value) return { ok: false, reason: "host-bits-set", suggestion: cidr.text };
  return { ok: true, cidr };
}

/** The address `offset` after the block's first one, as text (`10.0.1.1` for `10.0.1.0/24` and 1). */
export function makeHostAddress(block: Cidr, offset: number): string {
  if (block.family === 4) return v4Text((block.start as number) + offset);
  return v6Text((block.start as bigint) + BigInt(offset));
}

/** Parses a single IP address into a /32 (or /128) block. */
export function parseIp(text: string): Cidr | undefined {
  // Untrimmed, like blocks: " 10.0.1.5" is refused, not read as 10.0.1.5.
  if (!isAddress(text)) return undefined;
  const address = ipaddr.parse(text);
  if (address.kind() === "ipv4") return makeCidr(4, v4ToNumber((address as ipaddr.IPv4).octets), V4_BITS);
  return makeCidr(6, v6ToBigInt((address as ipaddr.IPv6).parts), V6_BITS);
}

/**
 * A memoizing parser: topologies repeat the same blocks many times (a route destination is usually a peer
 * VPC's CIDR), so each distinct string is parsed by ipaddr.js once per validation run.
 */
export class CidrCache {
  readonly #blocks = new Map<string, CidrParseResult>();

  parse(text: string): CidrParseResult {
    let result = this.#blocks.get(text);
    if (result === undefined) {
      result = parseCidr(text);
      this.#blocks.set(text, result);
    }
    return result;
  }
}

const MAPPED_PREFIX = 0xffffn; // ::ffff:0:0/96, RFC 4291 section 2.5.5.2

/**
 * The IPv4 block an IPv4-mapped IPv6 block (`::ffff:10.0.0.0/104`) stands for (`10.0.0.0/8`), or undefined. The
 * mapped block addresses the same hosts, so it overlaps and contains what its IPv4 block does.
 */
export function mappedIpv4(cidr: Cidr): Cidr | undefined {
  if (cidr.family !== 6 || cidr.prefix < V6_BITS - V4_BITS) return undefined;
  const start = cidr.start as bigint;
  if (start >> 32n !== MAPPED_PREFIX) return undefined;
  return makeCidr(4, Number(start & 0xffffffffn), cidr.prefix - (V6_BITS - V4_BITS));
}

/** The two blocks in one family (an IPv4-mapped block as its IPv4 block), or undefined when they cannot meet. */
function sameFamily(a: Cidr, b: Cidr): [Cidr, Cidr] | undefined {
  if (a.family === b.family) return [a, b];
  const a4 = a.family === 4 ? a : mappedIpv4(a);
  const b4 = b.family === 4 ? b : mappedIpv4(b);
  return a4 && b4 ? [a4, b4] : undefined;
}

/**
 * True when the two blocks share at least one address. Blocks of different families never overlap, except an
 * IPv4-mapped IPv6 block (`::ffff:a.b.c.d/n`, n >= 96), which overlaps the IPv4 block it maps.
 */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family === b.family) return a.start <= b.end && b.start <= a.end;
  const pair = sameFamily(a, b);
  return pair !== undefined && pair[0].start <= pair[1].end && pair[1].start <= pair[0].end;
}

/** True when some block of `blocks` overlaps `cidr` (a loop, not `some` with a closure: rules run it per route). */
export function overlapsAny(blocks: readonly Cidr[], cidr: Cidr): boolean {
  for (const block of blocks) if (overlaps(block, cidr)) return true;
  return false;
}

/** True when `inner` lies entirely inside `outer` (an IPv4-mapped block counting as its IPv4 block). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  // The common case without building the pair (this runs per route).
  if (outer.family === inner.family) return outer.start <= inner.start && inner.end <= outer.end;
  const pair = sameFamily(outer, inner);
  return pair !== undefined && pair[0].start <= pair[1].start && pair[1].end <= pair[0].end;
}

/** Deterministic numeric order: family, then start address, then larger blocks first. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.prefix - b.prefix;
}

/**
 * True when `inner` is covered by the union of `blocks` (which may be adjacent secondary CIDRs, e.g.
 * 10.1.0.0/17 + 10.1.128.0/17 cover 10.1.0.0/16).
 */
export function coveredBy(inner: Cidr, blocks: readonly Cidr[]): boolean {
  // A destination usually lies in one block of the peer: answered without the filtered, sorted copy.
  for (const block of blocks)
    if (block.family === inner.family && block.start <= inner.start && inner.end <= block.end) return true;
  const same = blocks.filter((b) => b.family === inner.family).sort(compareCidrs);
  let cursor: number | bigint = inner.start;
  for (const block of same) {
    if (block.start > cursor) break;
    if (block.end >= cursor) {
      if (block.end >= inner.end) return true;
      cursor = inner.family === 4 ? (block.end as number) + 1 : (block.end as bigint) + 1n;
    }
  }
  return false;
}

/** The first pair (one from each list) that overlaps, in deterministic order, or undefined. */
export function firstOverlap(
  left: readonly Cidr[],
  right: readonly Cidr[],
): { left: Cidr; right: Cidr } | undefined {
  for (const a of left) for (const b of right) if (overlaps(a, b)) return { left: a, right: b };
  return undefined;
}

/**
 * The first two blocks of one list that overlap, with their positions (`earlier` < `later`), or undefined: the
 * CIDRs of one VPC must be disjoint. Tencent refuses a secondary CIDR that overlaps the VPC's own CIDRs with
 * InvalidParameterValue.VpcCidrConflict (CreateAssistantCidr's error list, tencentcloud-sdk-go vpc/v20170312).
 */
export function firstSelfOverlap(
  blocks: readonly Cidr[],
): { earlier: number; later: number; left: Cidr; right: Cidr } | undefined {
  for (let later = 1; later < blocks.length; later++)
    for (let earlier = 0; earlier < later; earlier++)
      if (overlaps(blocks[earlier]!, blocks[later]!))
        return { earlier, later, left: blocks[earlier]!, right: blocks[later]! };
  return undefined;
}

/**
 * A block's canonical text ("2001:db8::/32" for "2001:DB8:0::/32"), or the text as given when it does not parse:
 * a non-canonical IPv4 spelling (" 10.1.0.0/16", "10.1.0.0/016") is not rewritten here either, so that the
 * callers' own parse refuses it.
 */
export function canonicalCidrText(text: string): string {
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr.text : text;
}
