import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import {
  type Cidr,
  compareCidrs,
  contains,
  coveredBy,
  overlaps,
  parseCidr,
  parseCidrSlow,
  parseIp,
} from "../../provider/core/cidr.js";

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad test CIDR ${text}`);
  return parsed.cidr;
}

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/16", 4, 16, 167772160, 167837695],
    ["0.0.0.0/0", 4, 0, 0, 4294967295],
    ["255.255.255.255/32", 4, 32, 4294967295, 4294967295],
    ["192.168.1.0/24", 4, 24, 3232235776, 3232236031],
  ])("%s parses to family %i /%i [%i, %i]", (text, family, prefix, start, end) => {
    const parsed = cidr(text);
    expect(parsed).toMatchObject({ family, prefix, start, end });
  });

  it.each([
    ["2001:db8::/32", "2001:db8::/32"],
    ["::/0", "::/0"],
    ["2001:DB8:0:0::/64", "2001:db8::/64"],
  ])("IPv6 %s parses with bigint bounds and canonical text %s", (text, canonical) => {
    const parsed = cidr(text);
    expect(parsed.family).toBe(6);
    expect(typeof parsed.start).toBe("bigint");
    expect(parsed.text).toBe(canonical);
  });

  it.each([
    ["10.0.0.1/16", "10.0.0.0/16"],
    ["192.168.1.77/24", "192.168.1.0/24"],
    ["2001:db8::1/32", "2001:db8::/32"],
  ])("refuses host bits in %s and suggests %s", (text, suggestion) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason: "host-bits-set", suggestion });
  });

  it.each([
    "10.0.0.0",
    "10.0.0.0/33",
    "10.0.0/16",
    "0x0a.0.0.0/8",
    "",
    "abc/8",
    "10.0.0.256/24",
    "2001:db8::/129",
  ])("refuses %j as unparsable", (text) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason: "unparsable" });
  });
});

describe("parseCidr refuses non-canonical spellings, with the canonical form as the fix (issue 16)", () => {
  it.each([
    [" 10.0.0.0/8 ", "10.0.0.0/8"],
    ["10.0.0.0/8 ", "10.0.0.0/8"],
    ["10.0.0.0 /8", "10.0.0.0/8"],
    ["\t10.0.0.0/8", "10.0.0.0/8"],
    ["10.0.0.0/08", "10.0.0.0/8"],
    ["10.0.0.0/008", "10.0.0.0/8"],
    ["010.0.0.0/8", "10.0.0.0/8"],
    ["10.01.0.0/16", "10.1.0.0/16"],
    ["192.168.001.000/24", "192.168.1.0/24"],
    ["10.0.0.1/08", "10.0.0.0/8"],
    ["2001:db8::/032", "2001:db8::/32"],
    [" 2001:db8::/32", "2001:db8::/32"],
  ])("%j → not-canonical, write %s", (text, suggestion) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason: "not-canonical", suggestion });
    expect(parseCidrSlow(text)).toEqual({ ok: false, reason: "not-canonical", suggestion });
  });

  it.each(["2001:0db8::/32", "2001:DB8::/32"])(
    "IPv6 %s: zero-padded or upper-case hextets are ordinary IPv6 spellings, accepted",
    (text) => {
      expect(cidr(text).text).toBe("2001:db8::/32");
    },
  );

  it("parseIp takes no surrounding spaces either", () => {
    expect(parseIp(" 10.0.1.5")).toBeUndefined();
    expect(parseIp("10.0.1.5")?.text).toBe("10.0.1.5/32");
  });
});

describe("IPv4-mapped IPv6 blocks overlap the IPv4 block they map (issue 16)", () => {
  it.each([
    ["::ffff:10.0.0.0/104", "10.0.0.0/8", true],
    ["::ffff:10.1.0.0/112", "10.1.0.0/16", true],
    ["::ffff:10.1.0.0/112", "10.0.0.0/8", true],
    ["::ffff:10.0.0.0/104", "10.1.2.0/24", true],
    ["::ffff:10.0.0.0/104", "11.0.0.0/8", false],
    ["::ffff:0.0.0.0/96", "192.168.0.0/16", true],
    ["::/0", "10.0.0.0/8", false],
    ["2001:db8::/32", "10.0.0.0/8", false],
    ["::a00:0/104", "10.0.0.0/8", false],
  ])("%s and %s overlap: %s (both ways)", (a, b, expected) => {
    expect(overlaps(cidr(a), cidr(b))).toBe(expected);
    expect(overlaps(cidr(b), cidr(a))).toBe(expected);
  });

  it("containment follows the mapping", () => {
    expect(contains(cidr("10.0.0.0/8"), cidr("::ffff:10.1.0.0/112"))).toBe(true);
    expect(contains(cidr("::ffff:10.0.0.0/104"), cidr("10.1.0.0/16"))).toBe(true);
    expect(contains(cidr("10.1.0.0/16"), cidr("::ffff:10.0.0.0/104"))).toBe(false);
  });
});

describe("range relations", () => {
  it.each([
    ["10.0.0.0/16", "10.0.128.0/17", true],
    ["10.0.0.0/16", "10.1.0.0/16", false],
    ["10.0.0.0/8", "10.255.255.255/32", true],
    ["0.0.0.0/0", "192.168.0.0/16", true],
    ["10.0.0.0/31", "10.0.0.2/31", false],
    ["10.0.0.0/16", "2001:db8::/32", false],
    ["2001:db8::/32", "2001:db8:ffff::/48", true],
  ])("overlaps(%s, %s) = %s", (a, b, expected) => {
    expect(overlaps(cidr(a), cidr(b))).toBe(expected);
    expect(overlaps(cidr(b), cidr(a))).toBe(expected);
  });

  it("compares numerically, not as strings (10.1 < 10.10; the aws-cdk regression)", () => {
    const sorted = ["10.10.0.0/16", "10.2.0.0/16", "10.1.0.0/16", "9.0.0.0/8"].map(cidr).sort(compareCidrs);
    expect(sorted.map((c) => c.text)).toEqual(["9.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.10.0.0/16"]);
  });

  it.each([
    ["10.1.0.0/16", ["10.1.0.0/17", "10.1.128.0/17"], true],
    ["10.1.0.0/16", ["10.1.0.0/17"], false],
    ["10.1.0.0/16", ["10.1.128.0/17", "10.1.0.0/17"], true],
    ["10.1.0.0/16", ["10.1.0.0/17", "10.1.192.0/18"], false],
    ["10.1.5.0/24", ["10.0.0.0/8"], true],
  ])("coveredBy(%s, %j) = %s", (inner, blocks, expected) => {
    expect(coveredBy(cidr(inner), blocks.map(cidr))).toBe(expected);
  });

  it("parseIp reads single addresses as host blocks", () => {
    expect(parseIp("10.0.1.5")?.text).toBe("10.0.1.5/32");
    expect(parseIp("not-an-ip")).toBeUndefined();
    expect(contains(cidr("10.0.0.0/16"), parseIp("10.0.1.5")!)).toBe(true);
  });
});

const arbitraryV4Cidr = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([address, prefix]) => {
    const size = 2 ** (32 - prefix);
    const start = Math.floor(address / size) * size;
    const text = `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${prefix}`;
    return text;
  });

describe("properties", () => {
  it("two blocks reported as non-overlapping really are disjoint (checked with ipaddr.js)", () => {
    fc.assert(
      fc.property(arbitraryV4Cidr, arbitraryV4Cidr, (a, b) => {
        const ca = cidr(a);
        const cb = cidr(b);
        const [aAddr, aLen] = ipaddr.parseCIDR(a);
        const [bAddr, bLen] = ipaddr.parseCIDR(b);
        // CIDR blocks are nested or disjoint: they share an address iff one holds the other's first address.
        const shareIndependently = aAddr.match(bAddr, bLen) || bAddr.match(aAddr, aLen);
        expect(overlaps(ca, cb)).toBe(shareIndependently);
      }),
      { numRuns: 2000 },
    );
  });

  it("the IPv4 fast path accepts and refuses exactly what the ipaddr.js path does", () => {
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom("00", "01", "007", "", "x", " 1"),
    );
    const prefix = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.constantFrom("", "08", "008", "-1", "1a"),
    );
    const text = fc.oneof(
      fc.tuple(octet, octet, octet, octet, prefix).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`),
      fc.tuple(octet, octet, octet, prefix).map(([a, b, c, p]) => `${a}.${b}.${c}/${p}`),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseCidr(t)).toEqual(parseCidrSlow(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("contains implies overlaps, and containment both ways means equality", () => {
    fc.assert(
      fc.property(arbitraryV4Cidr, arbitraryV4Cidr, (a, b) => {
        const ca = cidr(a);
        const cb = cidr(b);
        if (contains(ca, cb)) expect(overlaps(ca, cb)).toBe(true);
        if (contains(ca, cb) && contains(cb, ca)) expect(ca.text).toBe(cb.text);
      }),
    );
  });

  it("the host-bits suggestion is itself a valid block containing the written address", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
        const parsed = parseCidr(`${ip}/${prefix}`);
        if (parsed.ok) return;
        expect(parsed.reason).toBe("host-bits-set");
        const suggested = cidr(parsed.suggestion!);
        expect(contains(suggested, parseIp(ip)!)).toBe(true);
      }),
    );
  });
});
