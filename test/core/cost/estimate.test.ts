import { describe, expect, it } from "vitest";
import {
  type BandwidthSample,
  estimateCost,
  type PeeringCost,
  parseSamplesCsv,
} from "../../../provider/core/cost/index.js";
import { PeerlinkError } from "../../../provider/core/errors.js";
import type { Topology } from "../../../provider/core/topology.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { daySamples, february2017 } from "./helpers.js";

const vpc = (id: string, region: string, account: string, cidr: string, cloud = "tencentcloud") => ({
  id,
  cloud,
  region,
  account,
  cidrs: [cidr],
});

function topology(): Topology {
  const result = validateDocument({
    vpcs: [
      vpc("gz", "ap-guangzhou", "100001", "10.0.0.0/16"),
      vpc("gz2", "ap-guangzhou", "100002", "10.1.0.0/16"),
      vpc("sh", "ap-shanghai", "100003", "10.2.0.0/16"),
      vpc("bj", "ap-beijing", "100004", "10.3.0.0/16"),
      vpc("cd", "ap-chengdu", "100005", "10.4.0.0/16"),
      vpc("hk", "ap-hongkong", "100006", "10.5.0.0/16"),
      vpc("hw-bj", "cn-north-4", "hw-1", "172.16.0.0/16", "huaweicloud"),
      vpc("hw-sh", "cn-east-3", "hw-1", "172.17.0.0/16", "huaweicloud"),
    ],
    peerings: [
      { id: "gz-gz2", vpc: "gz", peerVpc: "gz2" },
      { id: "gz-sh", vpc: "gz", peerVpc: "sh", bandwidthMbps: 20 },
      { id: "sh-bj", vpc: "sh", peerVpc: "bj", bandwidthMbps: 50, chargeType: "POSTPAID_BY_MONTH_95" },
      { id: "gz-bj", vpc: "gz", peerVpc: "bj", bandwidthMbps: 200 },
      { id: "cd-gz2", vpc: "cd", peerVpc: "gz2" },
      { id: "gz2-hk", vpc: "gz2", peerVpc: "hk", bandwidthMbps: 10 },
      { id: "hw", vpc: "hw-bj", peerVpc: "hw-sh" },
    ],
  });
  return result.topology!;
}

function line(costs: readonly PeeringCost[], id: string): PeeringCost {
  const found = costs.find((cost) => cost.peering === id);
  if (!found) throw new Error(`no cost line for ${id}`);
  return found;
}

describe("estimateCost, planned from bandwidthMbps", () => {
  const estimate = estimateCost(topology());

  it("prices a same-region Tencent peering at 0 (seed 000: 同地域对等连接：免费)", () => {
    expect(line(estimate.peerings, "gz-gz2")).toMatchObject({
      resource: "peerings[gz-gz2]",
      regions: ["ap-guangzhou", "ap-guangzhou"],
      payerAccount: "100001",
      model: "daily-peak",
      basis: "free",
      priced: true,
      unitPrice: 0,
      perDay: 0,
      perMonth: 0,
    });
  });

  it("prices a cross-region daily-peak peering at the cap: 20 Mbps x 20 = 400/day, 30-day month", () => {
    const cost = line(estimate.peerings, "gz-sh");
    expect(cost).toMatchObject({
      vpc: "gz",
      peerVpc: "sh",
      regions: ["ap-guangzhou", "ap-shanghai"],
      payerAccount: "100001",
      model: "daily-peak",
      basis: "planned",
      priced: true,
      billedMbps: 20,
      unitPrice: 20,
      unit: "CNY/Mbps/day",
      perDay: 400,
      perMonth: 12000,
    });
    expect(cost.reason).toBeUndefined();
    expect(cost.notes.join(" ")).toContain("30-day month");
  });

  it("prices a POSTPAID_BY_MONTH_95 peering monthly: 50 Mbps in (20, 50] x 290 = 14500/month, /30 per day", () => {
    expect(line(estimate.peerings, "sh-bj")).toMatchObject({
      payerAccount: "100003",
      model: "monthly-95",
      basis: "planned",
      priced: true,
      billedMbps: 50,
      unitPrice: 290,
      unit: "CNY/Mbps/month",
      perMonth: 14500,
      perDay: 483.33,
    });
  });

  it.each([
    ["gz-bj", "tier (100, 500] Mbps: contact sales (seed 000)"],
    ["cd-gz2", "no bandwidthMbps and no samples"],
    ["gz2-hk", "region pair ap-guangzhou - ap-hongkong not mainland China"],
    ["hw", "huaweicloud peers VPCs of one region only (CROSS_REGION_UNSUPPORTED)"],
  ])("leaves %s unpriced: %s", (id, reason) => {
    const cost = line(estimate.peerings, id);
    expect(cost.priced).toBe(false);
    expect(cost.reason).toContain(reason);
    expect(cost.perDay).toBeUndefined();
    expect(cost.perMonth).toBeUndefined();
  });

  it("totals the priced peerings only and lists the unpriced ones", () => {
    expect(estimate.currency).toBe("CNY");
    expect(estimate.peerings.map((p) => p.peering)).toEqual([
      "gz-gz2",
      "gz-sh",
      "sh-bj",
      "gz-bj",
      "cd-gz2",
      "gz2-hk",
      "hw",
    ]);
    expect(estimate.unpriced).toEqual(["gz-bj", "cd-gz2", "gz2-hk", "hw"]);
    // 400 + 14500 / 30 = 883.333..., rounded once after summing.
    expect(estimate.totalPerDay).toBe(883.33);
    expect(estimate.totalPerMonth).toBe(26500);
  });

  it("options.model overrides every peering's model", () => {
    const monthly = estimateCost(topology(), { model: "monthly-95" });
    // 20 Mbps in (10, 20] at 410; 200 Mbps in (100, 200] at 165, which the monthly table prices.
    expect(line(monthly.peerings, "gz-sh")).toMatchObject({
      model: "monthly-95",
      unitPrice: 410,
      perMonth: 8200,
    });
    expect(line(monthly.peerings, "gz-bj")).toMatchObject({ priced: true, unitPrice: 165, perMonth: 33000 });
    const daily = estimateCost(topology(), { model: "daily-peak" });
    expect(line(daily.peerings, "sh-bj")).toMatchObject({ model: "daily-peak", unitPrice: 12, perDay: 600 });
    expect(daily.totalPerDay).toBe(1000);
    expect(daily.totalPerMonth).toBe(30000);
  });
});

describe("estimateCost from samples", () => {
  it("applies samples naming a peering to that peering only", () => {
    const samples: BandwidthSample[] = [
      // The seed's example day (in 30, out 20 -> 360), then a day with peak 15 (15 x 20 = 300).
      ...daySamples("2017-02-01", (i) => (i === 100 ? 30 : 3), "gz-sh"),
      ...daySamples("2017-02-02", (i) => (i === 5 ? 15 : 2), "gz-sh"),
    ];
    const estimate = estimateCost(topology(), { samples });
    const cost = line(estimate.peerings, "gz-sh");
    expect(cost).toMatchObject({
      basis: "samples",
      priced: true,
      billedMbps: 30,
      perDay: 330,
      perMonth: 9900,
      periods: [
        { period: "2017-02-01", billedMbps: 30, unitPrice: 12, cost: 360 },
        { period: "2017-02-02", billedMbps: 15, unitPrice: 20, cost: 300 },
      ],
    });
    // Two tiers in the sampled days: no single unit price.
    expect(cost.unitPrice).toBeUndefined();
    // Other peerings keep the planned basis.
    expect(line(estimate.peerings, "sh-bj").basis).toBe("planned");
    expect(line(estimate.peerings, "gz-bj")).toMatchObject({ basis: "planned", priced: false });
    expect(estimate.totalPerDay).toBe(roundTo2(330 + 14500 / 30));
  });

  it("applies samples without a peering to every cross-region peering, not to same-region ones", () => {
    const samples = daySamples("2017-02-01", (i) => (i === 10 ? 50 : 1));
    const estimate = estimateCost(topology(), { samples });
    expect(line(estimate.peerings, "gz-gz2")).toMatchObject({ basis: "free", perDay: 0 });
    expect(line(estimate.peerings, "gz-gz2").periods).toBeUndefined();
    // Capped at 200 Mbps, but the measured peak of 50 Mbps is in a priced tier.
    expect(line(estimate.peerings, "gz-bj")).toMatchObject({
      basis: "samples",
      priced: true,
      billedMbps: 50,
      unitPrice: 12,
      perDay: 600,
    });
    // No bandwidthMbps, but samples: priced.
    expect(line(estimate.peerings, "cd-gz2")).toMatchObject({ basis: "samples", priced: true, perDay: 600 });
    // Monthly-95 on one day of samples: 288 points, 14 dropped, Max95 1 Mbps at 550, 1 effective day of 28.
    expect(line(estimate.peerings, "sh-bj")).toMatchObject({
      basis: "samples",
      billedMbps: 1,
      unitPrice: 550,
      periods: [{ period: "2017-02", billedMbps: 1, unitPrice: 550, effectiveDays: 1, daysInMonth: 28 }],
    });
    expect(line(estimate.peerings, "sh-bj").perMonth).toBe(roundTo2(550 / 28));
    expect(line(estimate.peerings, "hw")).toMatchObject({ basis: "samples", priced: false });
    expect(estimate.unpriced).toEqual(["gz2-hk", "hw"]);
  });

  it("bills the seed's monthly example from samples: Feb 2017, Max95 40 x 290 x 14 / 28 = 5800", () => {
    const estimate = estimateCost(topology(), { samples: february2017(201, "sh-bj") });
    expect(line(estimate.peerings, "sh-bj")).toMatchObject({
      model: "monthly-95",
      basis: "samples",
      priced: true,
      billedMbps: 40,
      unitPrice: 290,
      perMonth: 5800,
      perDay: 193.33,
      periods: [{ period: "2017-02", billedMbps: 40, cost: 5800, effectiveDays: 14, daysInMonth: 28 }],
    });
  });

  it("leaves a peering unpriced when a sampled day peaks above 100 Mbps, keeping the breakdown", () => {
    const samples = [
      ...daySamples("2017-02-01", () => 80, "gz-sh"),
      ...daySamples("2017-02-02", (i) => (i === 0 ? 140 : 80), "gz-sh"),
    ];
    const cost = line(estimateCost(topology(), { samples }).peerings, "gz-sh");
    expect(cost.priced).toBe(false);
    expect(cost.reason).toBe("peak 140 Mbps on 2017-02-02: tier (100, 500] Mbps: contact sales (seed 000)");
    expect(cost.periods).toEqual([
      { period: "2017-02-01", billedMbps: 80, unitPrice: 12, cost: 960 },
      { period: "2017-02-02", billedMbps: 140 },
    ]);
  });

  it("works on parsed CSV text, China days included", () => {
    const samples = parseSamplesCsv(
      "time,in_mbps,out_mbps,peering\n2017-02-01T15:55:00Z,30,20,gz-sh\n2017-02-01T16:30:00Z,10,5,gz-sh\n",
    );
    const cost = line(estimateCost(topology(), { samples }).peerings, "gz-sh");
    expect(cost.periods).toEqual([
      { period: "2017-02-01", billedMbps: 30, unitPrice: 12, cost: 360 },
      { period: "2017-02-02", billedMbps: 10, unitPrice: 20, cost: 200 },
    ]);
    expect(cost.perDay).toBe(280);
  });

  it("rejects samples naming a peering that is not in the topology", () => {
    const samples = daySamples("2017-02-01", () => 1, "gz-shh");
    expect(() => estimateCost(topology(), { samples })).toThrow(PeerlinkError);
    try {
      estimateCost(topology(), { samples });
    } catch (error) {
      expect((error as PeerlinkError).code).toBe("INVALID_SAMPLES");
      expect((error as PeerlinkError).message).toContain('"gz-shh"');
      expect((error as PeerlinkError).fix).toContain("gz-sh");
    }
  });
});

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

describe("estimateCost: what each cloud documents as free (the rulebook's billing.free)", () => {
  const { topology } = validateDocument({
    vpcs: [
      vpc("hw-a", "cn-north-4", "hw-1", "172.16.0.0/16", "huaweicloud"),
      vpc("hw-b", "cn-north-4", "hw-2", "172.17.0.0/16", "huaweicloud"),
      vpc("bd-a", "bj", "bd-1", "10.0.0.0/16", "baiducloud"),
      vpc("bd-b", "bj", "bd-1", "10.1.0.0/16", "baiducloud"),
      vpc("bd-c", "gz", "bd-1", "10.2.0.0/16", "baiducloud"),
      vpc("tc", "ap-guangzhou", "100001", "10.3.0.0/16"),
    ],
    peerings: [
      { id: "hw", vpc: "hw-a", peerVpc: "hw-b" },
      { id: "bd-same", vpc: "bd-a", peerVpc: "bd-b", bandwidthMbps: 100 },
      { id: "bd-cross", vpc: "bd-a", peerVpc: "bd-c", bandwidthMbps: 100 },
      { id: "cross-cloud", vpc: "bd-b", peerVpc: "tc", bandwidthMbps: 10 },
    ],
  });
  const estimate = estimateCost(topology!);

  it.each([
    [
      "hw",
      "huaweicloud peering: free (Huawei Cloud VPC User Guide",
      "Currently, VPC peering connections are free.",
    ],
    ["bd-same", "same-region baiducloud peering: free (seed 001", "the billing amount will be 0"],
  ])("prices %s at 0 and quotes the sentence", (id, note, quote) => {
    const cost = line(estimate.peerings, id);
    expect(cost).toMatchObject({ basis: "free", priced: true, unitPrice: 0, perDay: 0, perMonth: 0 });
    expect(cost.notes[0]).toContain(note);
    expect(cost.notes[0]).toContain(quote);
  });

  it("leaves a Baidu cross-region peering and a cross-cloud pair unpriced, even with samples", () => {
    expect(line(estimate.peerings, "bd-cross").reason).toBe(
      "no price data for baiducloud cross-region peerings in the seeds",
    );
    expect(line(estimate.peerings, "cross-cloud").reason).toContain("no price data for cross-cloud peerings");
    expect(estimate.unpriced).toEqual(["bd-cross", "cross-cloud"]);
    const sampled = estimateCost(topology!, { samples: daySamples("2017-02-01", () => 5) });
    expect(line(sampled.peerings, "hw").basis).toBe("free");
    expect(line(sampled.peerings, "bd-cross")).toMatchObject({ basis: "samples", priced: false });
  });
});
