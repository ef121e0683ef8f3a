import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../provider/backends/clock.js";
import { Pacer } from "../../../provider/backends/shared/pacer.js";
import { TokenBucket } from "../../../provider/backends/shared/token-bucket.js";

describe("TokenBucket", () => {
  it("admits a burst, then one token per 1/rate seconds (server side)", () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 20, clock });
    const admitted = Array.from({ length: 25 }, () => bucket.tryTake()).filter(Boolean);
    expect(admitted).toHaveLength(20);
    clock.advance(49);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(1);
    expect(bucket.tryTake()).toBe(true);
    clock.advance(10_000);
    expect(Array.from({ length: 25 }, () => bucket.tryTake()).filter(Boolean)).toHaveLength(20);
  });

  it("spaces reservations 1/rate apart once the burst is spent (client side)", () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2, clock });
    expect(Array.from({ length: 5 }, () => bucket.reserve())).toEqual([0, 0, 100, 200, 300]);
  });

  it("refuses a non-positive rate", () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});

describe("Pacer", () => {
  it("paces each action at its rate with headroom, and leaves unknown actions alone", async () => {
    const clock = new ManualClock(0);
    const slept: number[] = [];
    const pacer = new Pacer({
      rateOf: (action) => (action.startsWith("Create") ? 20 : undefined),
      clock,
      // The sleep moves the clock: no real waiting.
      sleep: async (ms) => {
        slept.push(ms);
        clock.advance(ms);
      },
    });
    const start = clock.now();
    for (let i = 0; i < 200; i++) await pacer.acquire("CreateVpcPeeringConnection");
    const elapsed = clock.now() - start;
    // 200 calls at 20/s x 0.95, after a burst of 10: (200 - 10) / 19 s.
    expect(elapsed).toBeCloseTo(((200 - 10) / 19) * 1000, 0);
    // Never faster than the documented 20/s over any second.
    expect(200 / (elapsed / 1000)).toBeLessThanOrEqual(20);
    slept.length = 0;
    for (let i = 0; i < 50; i++) await pacer.acquire("DescribeVpcs");
    expect(slept).toEqual([]);
  });

  it("keeps separate buckets per action", () => {
    const pacer = new Pacer({ rateOf: () => 20, clock: new ManualClock(0), burstRatio: 0.05 });
    expect(pacer.delayFor("A")).toBe(0);
    expect(pacer.delayFor("A")).toBeGreaterThan(0);
    expect(pacer.delayFor("B")).toBe(0);
  });
});
