import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTopology } from "../../../provider/core/dr/describe-plan.js";
import { planHubAndSpoke } from "../../../provider/core/dr/hub-and-spoke.js";
import type { DrSite } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr } from "../../../provider/core/dr/two-region-dr.js";
import { planTwoRegionsThreeCenters } from "../../../provider/core/dr/two-regions-three-centers.js";
import type { Cloud } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";

function site(vpc: string, cidrs: string[], region: string, extra: Partial<DrSite> = {}): DrSite {
  return { vpc, cloud: "tencentcloud", region, account: "100001", cidrs, ...extra };
}

const gz = site("vpc-gz", ["10.0.0.0/16"], "ap-guangzhou", { routeTables: ["rtb-gz-app"] });
const bj = site("vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], "ap-beijing");

function codes(plan: object): string[] {
  return validateDocument(plan).diagnostics.map((d) => `${d.code} ${d.resource}`);
}

describe("planTwoRegionDr", () => {
  const plan = planTwoRegionDr({
    name: "payments-dr",
    primary: gz,
    standby: bj,
    bandwidthMbps: 200,
    chargeType: "POSTPAID_BY_MONTH_95",
    serviceLevel: "gold",
  });

  it("plans one peering with the bandwidth and billing given (journey 1)", () => {
    expect(plan.peerings).toEqual([
      {
        id: "payments-dr",
        vpc: "vpc-gz",
        peerVpc: "vpc-bj",
        bandwidthMbps: 200,
        chargeType: "POSTPAID_BY_MONTH_95",
        serviceLevel: "gold",
      },
    ]);
  });

  it("routes every table of each side to every CIDR of the other", () => {
    expect(describeTopology(plan).routes).toEqual([
      "vpc-bj [main] 10.0.0.0/16 via vpc-gz -> vpc-bj",
      "vpc-gz [main] 10.1.0.0/16 via vpc-gz -> vpc-bj",
      "vpc-gz [main] 10.2.0.0/16 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-gz-app] 10.1.0.0/16 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-gz-app] 10.2.0.0/16 via vpc-gz -> vpc-bj",
    ]);
    expect(codes(plan)).toEqual([]);
  });

  it("puts per-IP limits on the side asked for", () => {
    const limited = planTwoRegionDr({
      name: "dr",
      primary: gz,
      standby: bj,
      bandwidthMbps: 100,
      bandwidthPolicies: [
        { ip: "10.0.1.5", limitMbps: 20 },
        { ip: "10.1.0.9", limitMbps: 10, side: "standby" },
      ],
    });
    expect(limited.bandwidthPolicies).toEqual([
      { peering: "dr", vpc: "vpc-gz", ip: "10.0.1.5", limitMbps: 20 },
      { peering: "dr", vpc: "vpc-bj", ip: "10.1.0.9", limitMbps: 10 },
    ]);
    expect(codes(limited)).toEqual([]);
  });

  it("leaves the overlap of journey 1 to the core: CIDR_OVERLAP names both VPCs", () => {
    const overlapping = planTwoRegionDr({
      name: "dr",
      primary: gz,
      standby: { ...bj, cidrs: ["10.1.0.0/16", "10.0.64.0/18"] },
      bandwidthMbps: 100,
    });
    expect(codes(overlapping)).toContain("CIDR_OVERLAP peerings[dr]");
  });

  it.each<[string, Partial<Parameters<typeof planTwoRegionDr>[0]>, string[]]>([
    [
      "no bandwidth on a Tencent cross-region peering",
      { bandwidthMbps: undefined },
      ["INVALID_BANDWIDTH peerings[dr]"],
    ],
    ["a bandwidth off the tiers", { bandwidthMbps: 300 }, ["INVALID_BANDWIDTH peerings[dr]"]],
    [
      "platinum on daily peak",
      { bandwidthMbps: 100, serviceLevel: "platinum" },
      ["INVALID_CHARGE_TYPE peerings[dr]"],
    ],
  ])("is checked by the core validators: %s", (_, options, expected) => {
    expect(codes(planTwoRegionDr({ name: "dr", primary: gz, standby: bj, ...options }))).toEqual(expected);
  });
});

describe("planTwoRegionsThreeCenters (journey 3, 两地三中心)", () => {
  const production = site("vpc-sh-prod", ["10.10.0.0/16"], "ap-shanghai");
  const backup = site("vpc-sh-backup", ["10.11.0.0/16"], "ap-shanghai");
  const dr = site("vpc-bj-dr", ["10.12.0.0/16"], "ap-beijing");
  const plan = planTwoRegionsThreeCenters({ name: "bank", production, backup, dr, bandwidthMbps: 100 });

  it("plans all three peerings; bandwidth only on the cross-region ones (same-region is free, seed 000)", () => {
    expect(plan.peerings).toEqual([
      { id: "bank-production-backup", vpc: "vpc-sh-prod", peerVpc: "vpc-sh-backup" },
      { id: "bank-production-dr", vpc: "vpc-sh-prod", peerVpc: "vpc-bj-dr", bandwidthMbps: 100 },
      { id: "bank-backup-dr", vpc: "vpc-sh-backup", peerVpc: "vpc-bj-dr", bandwidthMbps: 100 },
    ]);
  });

  it("plans full-mesh routes, never through production, and validates clean", () => {
    expect(plan.routes).toHaveLength(6);
    const drRoutes = describeTopology(plan).routes.filter((r) => r.startsWith("vpc-bj-dr"));
    expect(drRoutes).toEqual([
      "vpc-bj-dr [main] 10.10.0.0/16 via vpc-sh-prod -> vpc-bj-dr",
      "vpc-bj-dr [main] 10.11.0.0/16 via vpc-sh-backup -> vpc-bj-dr",
    ]);
    expect(validateDocument(plan).diagnostics).toEqual([]);
  });

  it("fails with TRANSITIVE_ROUTE naming the chain when Beijing is routed to backup through production", () => {
    const edited = {
      ...plan,
      routes: plan.routes.map((r) =>
        r.vpc === "vpc-bj-dr" && r.destination === "10.11.0.0/16"
          ? { ...r, peering: "bank-production-dr" }
          : r,
      ),
    };
    const transitive = validateDocument(edited).diagnostics.filter((d) => d.code === "TRANSITIVE_ROUTE");
    expect(transitive).toHaveLength(1);
    expect(transitive[0]!.message).toContain(
      '"vpc-bj-dr" → (bank-production-dr) → "vpc-sh-prod" → (bank-production-backup) → "vpc-sh-backup"',
    );
  });

  it("plans bandwidth on same-region Baidu peerings too, where the cloud requires it (seed 001)", () => {
    const baidu = (s: DrSite): DrSite => ({ ...s, cloud: "baiducloud" });
    const bd = planTwoRegionsThreeCenters({
      name: "bd",
      production: baidu(production),
      backup: baidu(backup),
      dr: baidu(dr),
      bandwidthMbps: 50,
    });
    expect(bd.peerings.map((p) => p.bandwidthMbps)).toEqual([50, 50, 50]);
    expect(codes(bd)).toEqual([]);
  });
});

describe("planHubAndSpoke", () => {
  const hub = site("vpc-hub", ["10.0.0.0/16"], "ap-guangzhou");
  const spokes = {
    a: site("vpc-a", ["10.1.0.0/16"], "ap-guangzhou"),
    b: site("vpc-b", ["10.2.0.0/16"], "ap-beijing"),
    c: site("vpc-c", ["10.3.0.0/16"], "ap-shanghai"),
  };

  it("peers the hub with every spoke and no spoke with another by default", () => {
    const plan = planHubAndSpoke({ name: "hs", hub, spokes, bandwidthMbps: 50 });
    expect(plan.peerings.map((p) => p.id)).toEqual(["hs-hub-a", "hs-hub-b", "hs-hub-c"]);
    expect(plan.peerings[0]).not.toHaveProperty("bandwidthMbps");
    expect(plan.routes).toHaveLength(6);
    expect(codes(plan)).toEqual([]);
  });

  it("peers spokes directly with meshSpokes", () => {
    const plan = planHubAndSpoke({ name: "hs", hub, spokes, meshSpokes: true, bandwidthMbps: 50 });
    expect(plan.peerings.map((p) => p.id)).toEqual([
      "hs-hub-a",
      "hs-hub-b",
      "hs-hub-c",
      "hs-a-b",
      "hs-a-c",
      "hs-b-c",
    ]);
    expect(plan.routes).toHaveLength(12);
    expect(codes(plan)).toEqual([]);
  });

  it("routing spokes through the hub comes out of the core as TRANSITIVE_ROUTE, one per route", () => {
    const plan = planHubAndSpoke({ name: "hs", hub, spokes, bandwidthMbps: 50, routeSpokesThroughHub: true });
    const found = validateDocument(plan).diagnostics;
    expect(found.filter((d) => d.code === "TRANSITIVE_ROUTE")).toHaveLength(6);
    expect(found.every((d) => d.code === "TRANSITIVE_ROUTE")).toBe(true);
    expect(found[0]!.message).toContain('"vpc-a" → (hs-hub-a) → "vpc-hub" → (hs-hub-b) → "vpc-b"');
  });

  it("is refused by the core beyond 10 spokes (PEERING_LIMIT_EXCEEDED, seed 000)", () => {
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [
        `s${i}`,
        site(`vpc-s${i}`, [`10.${i + 1}.0.0/16`], "ap-guangzhou"),
      ]),
    );
    expect(codes(planHubAndSpoke({ name: "hs", hub, spokes: many }))).toEqual([
      "PEERING_LIMIT_EXCEEDED vpcs[vpc-hub]",
    ]);
  });
});

describe("every planned topology over disjoint CIDRs validates without errors (property)", () => {
  const CLOUD_OPTIONS: Record<Cloud, { bandwidthMbps?: number }> = {
    tencentcloud: { bandwidthMbps: 100 },
    huaweicloud: {},
    baiducloud: { bandwidthMbps: 30 },
  };
  const REGIONS = ["r-1", "r-2", "r-3"];

  /** n sites of one cloud with distinct /16 blocks (1-2 each) and 0-2 extra route tables. */
  const arbitrarySites = (n: number) =>
    fc.record({
      cloud: fc.constantFrom<Cloud>("tencentcloud", "huaweicloud", "baiducloud"),
      layout: fc.array(
        fc.record({
          region: fc.constantFrom(...REGIONS),
          blocks: fc.integer({ min: 1, max: 2 }),
          tables: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: n, maxLength: n },
      ),
    });

  function sitesFrom(cloud: Cloud, layout: { region: string; blocks: number; tables: number }[]): DrSite[] {
    let next = 0;
    return layout.map((l, i) => ({
      vpc: `vpc-${i}`,
      cloud,
      // Huawei peerings are planned within one region only (the provider has no peer region).
      region: cloud === "huaweicloud" ? "r-1" : l.region,
      account: "1",
      cidrs: Array.from({ length: l.blocks }, () => `10.${next++}.0.0/16`),
      routeTables: Array.from({ length: l.tables }, (_, t) => `rtb-${i}-${t}`),
    }));
  }

  it("for all three planners", () => {
    fc.assert(
      fc.property(arbitrarySites(6), fc.boolean(), ({ cloud, layout }, mesh) => {
        const sites = sitesFrom(cloud, layout);
        const options = CLOUD_OPTIONS[cloud];
        const plans = [
          planTwoRegionDr({ name: "dr", primary: sites[0]!, standby: sites[1]!, ...options }),
          planTwoRegionsThreeCenters({
            name: "tc",
            production: sites[0]!,
            backup: sites[1]!,
            dr: sites[2]!,
            ...options,
          }),
          planHubAndSpoke({
            name: "hs",
            hub: sites[0]!,
            spokes: Object.fromEntries(sites.slice(1).map((s, i) => [`s${i}`, s])),
            meshSpokes: mesh,
            ...options,
          }),
        ];
        for (const plan of plans) {
          const result = validateDocument(plan);
          // No errors, and every peering carries routes both ways (no MISSING_RETURN_ROUTE, no PEERING_UNUSED).
          // The one warning allowed: bandwidth where the cloud ignores it (Huawei; TwoRegionDr within one region).
          expect(result.diagnostics.filter((d) => d.code !== "BANDWIDTH_NOT_SETTABLE")).toEqual([]);
          expect(result.ok).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
