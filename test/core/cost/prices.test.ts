import { describe, expect, it } from "vitest";
import {
  chinaDay,
  chinaMonth,
  DAYS_PER_MONTH,
  daysInMonth,
  findTier,
  roundMoney,
  TENCENT_DAILY_PEAK_TIERS,
  TENCENT_MAINLAND_PRICED_REGIONS,
  TENCENT_MONTHLY_95_TIERS,
} from "../../../provider/core/cost/index.js";

describe("price tables (seed 000)", () => {
  it("tiers are contiguous, ordered and open at the top", () => {
    for (const tiers of [TENCENT_DAILY_PEAK_TIERS, TENCENT_MONTHLY_95_TIERS]) {
      expect(tiers[0]?.aboveMbps).toBe(0);
      tiers.forEach((tier, i) => {
        expect(tier.upToMbps).toBeGreaterThan(tier.aboveMbps);
        if (i > 0) expect(tier.aboveMbps).toBe(tiers[i - 1]?.upToMbps);
      });
      expect(tiers.at(-1)?.upToMbps).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it("prices exactly the seed's figures", () => {
    expect(TENCENT_DAILY_PEAK_TIERS.map((t) => t.price)).toEqual([20, 12, undefined, undefined, undefined]);
    expect(TENCENT_MONTHLY_95_TIERS.map((t) => t.price)).toEqual([550, 410, 290, 220, 165, 115, 88, 69, 65]);
    expect(TENCENT_MAINLAND_PRICED_REGIONS).toEqual([
      "ap-beijing",
      "ap-chengdu",
      "ap-shanghai",
      "ap-shanghai-fsi",
      "ap-guangzhou",
      "ap-shenzhen-fsi",
    ]);
    expect(DAYS_PER_MONTH).toBe(30);
  });

  it.each([
    [0, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [0.0001, "(0, 20] Mbps"],
    [20, "(0, 20] Mbps"],
    [20.000001, "(20, 100] Mbps"],
    [2000, "(500, 2000] Mbps"],
    [1e9, "above 2000 Mbps"],
  ])("findTier(daily, %s) is %s", (mbps, label) => {
    expect(findTier(TENCENT_DAILY_PEAK_TIERS, mbps)?.label).toBe(label);
  });
});

describe("roundMoney", () => {
  it.each([
    [1.005, 1.01],
    [0.1 + 0.2, 0.3],
    [366.6666666, 366.67],
    [2.675, 2.68],
    [360, 360],
    [0, 0],
    [-1.005, -1.01],
    [1234567.891, 1234567.89],
  ])("roundMoney(%s) = %s", (amount, rounded) => {
    expect(roundMoney(amount)).toBe(rounded);
  });
});

describe("China time (UTC+8, no DST)", () => {
  it.each([
    ["2017-02-01T16:30:00Z", "2017-02-02", "2017-02"],
    ["2017-02-01T15:59:59.999Z", "2017-02-01", "2017-02"],
    ["2017-02-01T16:00:00Z", "2017-02-02", "2017-02"],
    ["2017-02-28T16:00:00Z", "2017-03-01", "2017-03"],
    ["2016-12-31T16:00:00Z", "2017-01-01", "2017-01"],
    ["2017-07-01T00:00:00+08:00", "2017-07-01", "2017-07"],
  ])("%s is China day %s, month %s", (iso, day, month) => {
    expect(chinaDay(new Date(iso))).toBe(day);
    expect(chinaMonth(new Date(iso))).toBe(month);
  });

  it.each([
    ["2017-02", 28],
    ["2016-02", 29],
    ["2000-02", 29],
    ["1900-02", 28],
    ["2017-01", 31],
    ["2017-04", 30],
    ["2017-12", 31],
  ])("daysInMonth(%s) = %s", (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });
});
