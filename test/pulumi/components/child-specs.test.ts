import { describe, expect, it } from "vitest";
import type { DrSite } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr } from "../../../provider/core/dr/two-region-dr.js";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { getChildSpecs, nameSafe } from "../../../provider/pulumi/components/child-specs.js";
import { reachabilityMatrix, reportPlan } from "../../../provider/pulumi/components/plan-report.js";

const gz: DrSite = {
  vpc: "vpc-gz",
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  account: "1",
  cidrs: ["10.0.0.0/16"],
};
const bj: DrSite = {
  vpc: "vpc-bj",
  cloud: "tencentcloud",
  region: "ap-beijing",
  account: "2",
  cidrs: ["fd00:1::/48"],
};

describe("getChildSpecs (pure)", () => {
  const plan = planTwoRegionDr({
    name: "dr",
    primary: gz,
    standby: bj,
    bandwidthMbps: 100,
    bandwidthPolicies: [
      { ip: "10.0.0.1", limitMbps: 10 },
      { ip: "fd00:1::1", limitMbps: 20, side: "standby" },
    ],
  });
  const specs = getChildSpecs(plan, { prefix: "app", peeringKey: () => "peering" });

  it("names one peering, its acceptance when the accounts differ, and the sides", () => {
    expect(specs.peerings).toEqual([
      {
        plannedId: "dr",
        resourceName: "app-peering",
        requester: "vpc-gz",
        accepter: "vpc-bj",
        name: "dr",
        bandwidthMbps: 100,
        crossAccount: true,
        acceptanceName: "app-peering-acceptance",
      },
    ]);
  });

  it("names routes by VPC, table and a URN-safe destination", () => {
    expect(specs.routes.map((r) => r.resourceName)).toEqual([
      "app-peering-route-vpc-gz-main-fd00-1-48",
      "app-peering-route-vpc-bj-main-10.0.0.0-16",
    ]);
    expect(nameSafe("fd00::/8")).toBe("fd00-8");
  });

  it("gathers a peering's per-IP limits into one BandwidthPolicy, each on its side", () => {
    expect(specs.bandwidthPolicies).toEqual([
      {
        resourceName: "app-peering-bandwidth-policy",
        peering: "dr",
        limits: [
          { vpc: "vpc-gz", ip: "10.0.0.1", limitMbps: 10 },
          { vpc: "vpc-bj", ip: "fd00:1::1", limitMbps: 20 },
        ],
      },
    ]);
  });
});

describe("reportPlan (pure)", () => {
  it("throws every error, each resource prefixed by the component's name", () => {
    const plan = planTwoRegionDr({
      name: "dr",
      primary: gz,
      standby: { ...gz, vpc: "vpc-copy" },
      bandwidthMbps: 7,
    });
    expect(() => reportPlan(plan, "app")).toThrow(TopologyValidationError);
    try {
      reportPlan(plan, "app");
    } catch (e) {
      expect((e as TopologyValidationError).diagnostics.map((d) => `${d.code} ${d.resource}`)).toEqual(
        expect.arrayContaining(["CIDR_OVERLAP app/peerings[dr]"]),
      );
      expect((e as Error).message).toContain("[app/peerings[dr]] CIDR_OVERLAP");
    }
  });

  it("keeps a one-way peering one-way in the matrix", () => {
    expect(
      reachabilityMatrix({
        vpcs: ["a", "b"],
        entries: [
          {
            from: "a",
            to: "b",
            peering: "p",
            destinations: ["10.1.0.0/16"],
            dropped: [],
            routeTables: ["main"],
            returnPath: false,
            flows: false,
          },
          {
            from: "b",
            to: "a",
            peering: "p",
            destinations: [],
            dropped: [],
            routeTables: [],
            returnPath: true,
            flows: false,
          },
        ],
      }),
    ).toEqual({ a: { b: false }, b: { a: false } });
  });
});
