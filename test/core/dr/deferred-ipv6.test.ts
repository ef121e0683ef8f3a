/** Placeholders for IPv6 blocks known only at apply: inside the discard-only prefix, distinct, and replaced back. */
import { describe, expect, it } from "vitest";
import { deferredPlaceholder, substituteDeferred } from "../../../provider/core/dr/deferred-ipv6.js";
import { contains, parseCidr } from "../../../provider/core/index.js";

const DISCARD = parseCidr("100::/64");

describe("deferredPlaceholder", () => {
  it("is a canonical IPv6 block inside 100::/64 (RFC 6666), distinct per site and position", () => {
    const all = ["primary", "standby", "hub", "a", "b"].flatMap((role) =>
      [0, 1, 2].map((i) => deferredPlaceholder(role, i)),
    );
    expect(new Set(all).size).toBe(all.length);
    for (const text of all) {
      const parsed = parseCidr(text);
      expect(parsed.ok && DISCARD.ok && contains(DISCARD.cidr, parsed.cidr)).toBe(true);
    }
    expect(deferredPlaceholder("primary", 0)).toBe(deferredPlaceholder("primary", 0));
  });
});

describe("substituteDeferred", () => {
  it("replaces placeholders in strings and keys at any depth, and nothing else", () => {
    const p = deferredPlaceholder("standby", 0);
    const real = new Map([[p, "2001:db8:0:7::/64"]]);
    const value = {
      routes: [`a [main] ${p} via a -> b`, "a [main] 10.0.0.0/16 via a -> b"],
      [p]: { n: 1, ok: true },
    };
    expect(substituteDeferred(value, real)).toEqual({
      routes: ["a [main] 2001:db8:0:7::/64 via a -> b", "a [main] 10.0.0.0/16 via a -> b"],
      "2001:db8:0:7::/64": { n: 1, ok: true },
    });
    expect(substituteDeferred(value, new Map())).toBe(value);
  });
});
