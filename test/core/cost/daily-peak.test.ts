import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BandwidthSample,
  dailyPeakCost,
  dailyPeakFromSamples,
  dailyPeakPrice,
  dailyPeakTier,
} from "../../../provider/core/cost/index.js";
import { daySamples } from "./helpers.js";

describe("daily-peak price tiers (seed 000: (0,20] 20 元, (20,100] 12 元, above: contact sales)", () => {
  it.each([
    [0.001, 20],
    [10, 20],
    [20, 20],
    [20.01, 12],
    [50, 12],
    [100, 12],
    [100.01, undefined],
    [500, undefined],
    [2000.5, undefined],
  ])("peak %s Mbps -> %s CNY/Mbps/day", (peak, price) => {
    expect(dailyPeakPrice(peak)).toBe(price);
  });

  it.each([
    [20, 400],
    [20.01, 240.12],
    [100, 1200],
    [10.5, 210],
    [0, 0],
    [100.01, undefined],
  ])("a day with peak %s Mbps costs %s CNY (whole peak at its tier's price)", (peak, cost) => {
    const exact = dailyPeakCost(peak);
    if (cost === undefined) expect(exact).toBeUndefined();
    else expect(exact).toBeCloseTo(cost, 9);
  });

  it("names the unpriced tier", () => {
    expect(dailyPeakTier(150)?.label).toBe("(100, 500] Mbps");
    expect(dailyPeakTier(150)?.price).toBeUndefined();
  });

  it("is monotone non-decreasing in the peak within a tier", () => {
    for (const [lo, hi] of [
      [0, 20],
      [20, 100],
    ] as const) {
      fc.assert(
        fc.property(
          fc.double({ min: lo, max: hi, minExcluded: true, noNaN: true }),
          fc.double({ min: lo, max: hi, minExcluded: true, noNaN: true }),
          (a, b) => {
            const [small, large] = a <= b ? [a, b] : [b, a];
            expect(dailyPeakCost(small)!).toBeLessThanOrEqual(dailyPeakCost(large)!);
          },
        ),
      );
    }
  });
});

describe("dailyPeakFromSamples", () => {
  it("reproduces the seed's example: in 30 / out 20 Mbps -> 30 x 12 = 360 元", () => {
    const start = Date.parse("2017-02-01T00:00:00+08:00");
    const samples: BandwidthSample[] = [
      { time: new Date(start), inMbps: 5, outMbps: 20 },
      { time: new Date(start + 5 * 60_000), inMbps: 30, outMbps: 3 },
      { time: new Date(start + 10 * 60_000), inMbps: 12, outMbps: 8 },
    ];
    expect(dailyPeakFromSamples(samples)).toEqual([
      expect.objectContaining({ day: "2017-02-01", peakMbps: 30, unitPrice: 12, cost: 360 }),
    ]);
  });

  it("takes the max over 288 points of max(in, out) per China day, days in order", () => {
    const samples = [
      ...daySamples("2017-02-03", (i) => (i === 200 ? 18 : 4)),
      ...daySamples("2017-02-02", (i) => (i === 7 ? 64 : 10)),
    ];
    const days = dailyPeakFromSamples(samples);
    expect(days.map((d) => [d.day, d.peakMbps, d.unitPrice, d.cost])).toEqual([
      ["2017-02-02", 64, 12, 768],
      ["2017-02-03", 18, 20, 360],
    ]);
  });

  it("splits days at China midnight: 2017-02-01T16:30:00Z belongs to 2017-02-02", () => {
    const days = dailyPeakFromSamples([
      { time: new Date("2017-02-01T15:55:00Z"), inMbps: 10, outMbps: 0 },
      { time: new Date("2017-02-01T16:30:00Z"), inMbps: 50, outMbps: 0 },
    ]);
    expect(days.map((d) => [d.day, d.peakMbps, d.cost])).toEqual([
      ["2017-02-01", 10, 200],
      ["2017-02-02", 50, 600],
    ]);
  });

  it("leaves a day above 100 Mbps unpriced and a day without traffic at 0", () => {
    const days = dailyPeakFromSamples([
      ...daySamples("2017-02-01", (i) => (i === 0 ? 120 : 1)),
      ...daySamples("2017-02-02", () => 0),
    ]);
    expect(days[0]).toMatchObject({ day: "2017-02-01", peakMbps: 120 });
    expect(days[0]?.cost).toBeUndefined();
    expect(days[0]?.unitPrice).toBeUndefined();
    expect(days[0]?.tier?.label).toBe("(100, 500] Mbps");
    expect(days[1]).toEqual({ day: "2017-02-02", peakMbps: 0, cost: 0 });
  });

  it("gives [] for no samples", () => {
    expect(dailyPeakFromSamples([])).toEqual([]);
  });
});
