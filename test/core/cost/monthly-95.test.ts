import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  droppedPointCount,
  isEffectiveDay,
  max95,
  monthly95Cost,
  monthly95FromSamples,
  monthly95Price,
} from "../../../provider/core/cost/index.js";
import { daySamples, february2017 } from "./helpers.js";

describe("monthly-95 spec table (seed 000, ranges read as (lo, hi])", () => {
  it.each([
    [0.5, 550],
    [10, 550],
    [10.01, 410],
    [20, 410],
    [20.01, 290],
    [50, 290],
    [50.01, 220],
    [100, 220],
    [100.01, 165],
    [200, 165],
    [200.01, 115],
    [500, 115],
    [500.01, 88],
    [1000, 88],
    [1000.01, 69],
    [2000, 69],
    [2000.01, 65],
    [100000, 65],
    [0, undefined],
  ])("Max95 %s Mbps -> %s CNY/Mbps/month", (mbps, price) => {
    expect(monthly95Price(mbps)).toBe(price);
  });

  it.each([
    // The seed's formula: Max95 x P x effective days / days of the month.
    [40, 14, 28, 5800],
    [40, 28, 28, 11600],
    [10, 31, 31, 5500],
    [100, 15, 30, 11000],
    [0, 14, 28, 0],
    [40, 0, 28, 0],
  ])("Max95 %s, %s of %s days effective -> %s CNY", (mbps, effective, days, cost) => {
    expect(monthly95Cost(mbps, effective, days)).toBeCloseTo(cost, 9);
  });
});

describe("effective days and Max95", () => {
  it.each([
    [[0, 0, 0], false],
    [[0.0005, 0.001], false],
    [[0.001, 0.0011], true],
    [[0, 5], true],
    [[], false],
  ])("isEffectiveDay(%j) = %s (more than 1 Kbps)", (points, effective) => {
    expect(isEffectiveDay(points)).toBe(effective);
  });

  it.each([
    [0, 0],
    [19, 0],
    [20, 1],
    [39, 1],
    [4032, 201],
    [8928, 446],
  ])("drops floor(5%% of %s) = %s points", (n, dropped) => {
    expect(droppedPointCount(n)).toBe(dropped);
  });

  it("drops the top 5% and returns the largest remaining point", () => {
    const points = [...Array.from({ length: 38 }, () => 7), 99, 98]; // 40 points, 2 dropped
    expect(max95(points)).toEqual({ max95Mbps: 7, droppedPoints: 2 });
    expect(max95([99, 98, 97, ...Array.from({ length: 37 }, () => 7)])).toEqual({
      max95Mbps: 97,
      droppedPoints: 2,
    });
    expect(max95([])).toEqual({ max95Mbps: 0, droppedPoints: 0 });
  });

  it("Max95 never exceeds the largest point and is never below the median", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 600 }),
        (points) => {
          const { max95Mbps } = max95(points);
          const ascending = [...points].sort((a, b) => a - b);
          const n = ascending.length;
          const median = (ascending[Math.floor((n - 1) / 2)]! + ascending[Math.floor(n / 2)]!) / 2;
          expect(max95Mbps).toBeLessThanOrEqual(ascending[n - 1]!);
          expect(max95Mbps).toBeGreaterThanOrEqual(median);
          expect(points).toContain(max95Mbps);
        },
      ),
    );
  });
});

describe("monthly95FromSamples", () => {
  it("reproduces the seed's example: Feb 2017, 14 effective days, 4032 points, cost Max95 x P x 14 / 28", () => {
    // 201 spikes at 900 Mbps are exactly the dropped top 5%: Max95 is 40 Mbps, tier (20, 50] at 290.
    const [month, ...rest] = monthly95FromSamples(february2017(201));
    expect(rest).toEqual([]);
    expect(month).toMatchObject({
      month: "2017-02",
      daysInMonth: 28,
      effectiveDays: 14,
      points: 14 * 288,
      droppedPoints: 201,
      max95Mbps: 40,
      unitPrice: 290,
    });
    expect(month?.cost).toBeCloseTo((40 * 290 * 14) / 28, 9);
    expect(month?.cost).toBeCloseTo(5800, 9);
  });

  it("a spike beyond the top 5% becomes Max95", () => {
    const [month] = monthly95FromSamples(february2017(202));
    expect(month).toMatchObject({ droppedPoints: 201, max95Mbps: 900, unitPrice: 88 });
    expect(month?.cost).toBeCloseTo((900 * 88 * 14) / 28, 9);
  });

  it("splits natural months at China midnight and skips days of at most 1 Kbps", () => {
    const months = monthly95FromSamples([
      // 2017-02-28T16:30:00Z is already March 1st in China.
      { time: new Date("2017-02-28T16:30:00Z"), inMbps: 10, outMbps: 0 },
      { time: new Date("2017-02-28T15:30:00Z"), inMbps: 0, outMbps: 5 },
      ...daySamples("2017-03-05", () => 0.001),
    ]);
    expect(months.map((m) => [m.month, m.effectiveDays, m.points, m.max95Mbps, m.unitPrice])).toEqual([
      ["2017-02", 1, 1, 5, 550],
      ["2017-03", 1, 1, 10, 550],
    ]);
    expect(months[0]?.cost).toBeCloseTo((5 * 550 * 1) / 28, 9);
    expect(months[1]?.cost).toBeCloseTo((10 * 550 * 1) / 31, 9);
  });

  it("a month without an effective day costs 0", () => {
    expect(monthly95FromSamples(daySamples("2017-04-02", () => 0))).toEqual([
      {
        month: "2017-04",
        daysInMonth: 30,
        effectiveDays: 0,
        points: 0,
        droppedPoints: 0,
        max95Mbps: 0,
        cost: 0,
      },
    ]);
  });
});
