import { describe, expect, it } from "vitest";
import { describeTopology } from "../../../provider/core/dr/describe-plan.js";
import type { DrSite } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr, type TwoRegionDrInput } from "../../../provider/core/dr/two-region-dr.js";

const alice: DrSite = {
  vpc: "vpc-alice",
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  account: "100001",
  cidrs: ["10.10.0.0/16"],
};
const bob: DrSite = {
  ...alice,
  vpc: "vpc-bob",
  region: "ap-beijing",
  account: "100002",
  cidrs: ["10.20.0.0/16"],
};

const plan = (extra: Partial<TwoRegionDrInput>) =>
  planTwoRegionDr({ name: "dr", primary: alice, standby: bob, ...extra });
const refusals = (p: ReturnType<typeof plan>) => (p.diagnostics ?? []).map((d) => `${d.code} ${d.resource}`);

describe("external peerings of a TwoRegionDr", () => {
  it("requester-only requests the peering with its bandwidth and routes the primary's side only", () => {
    const p = plan({ requesterOnly: true, bandwidthMbps: 100 });
    expect(p.externalPeerings).toEqual({ dr: { mode: "requester-only" } });
    expect(p.peerings).toEqual([{ id: "dr", vpc: "vpc-alice", peerVpc: "vpc-bob", bandwidthMbps: 100 }]);
    expect(describeTopology(p).routes).toEqual(["vpc-alice [main] 10.20.0.0/16 via vpc-alice -> vpc-bob"]);
    expect(p).not.toHaveProperty("diagnostics");
  });

  it("accept-existing routes the standby's side only, with no bandwidth or billing of its own", () => {
    const p = plan({
      existingPeeringId: "pcx-partner1",
      standby: { ...bob, routing: { routes: ["10.10.4.0/24"] } },
    });
    expect(p.externalPeerings).toEqual({ dr: { mode: "accept-existing", peeringId: "pcx-partner1" } });
    expect(p.peerings).toEqual([{ id: "dr", vpc: "vpc-alice", peerVpc: "vpc-bob" }]);
    expect(describeTopology(p).routes).toEqual(["vpc-bob [main] 10.10.4.0/24 via vpc-alice -> vpc-bob"]);
    expect(p).not.toHaveProperty("diagnostics");
  });

  it.each<[string, Partial<TwoRegionDrInput>, string[]]>([
    [
      "both modes at once",
      { requesterOnly: true, existingPeeringId: "pcx-1" },
      ["EXTERNAL_PEERING_INVALID requesterOnly"],
    ],
    [
      "requester-only in one account (nobody else to accept)",
      { requesterOnly: true, standby: { ...bob, account: "100001" } },
      ["EXTERNAL_PEERING_INVALID requesterOnly"],
    ],
    [
      "requester-only with standby routes (the other stack's)",
      { requesterOnly: true, standby: { ...bob, routing: { routes: ["10.10.0.0/24"] } } },
      ["EXTERNAL_PEERING_INVALID standby.routing"],
    ],
    [
      "bandwidth, billing and limits on an existing peering (the requester's)",
      {
        existingPeeringId: "pcx-1",
        bandwidthMbps: 100,
        chargeType: "POSTPAID_BY_DAY_MAX",
        bandwidthPolicies: [{ ip: "10.10.0.5", limitMbps: 10 }],
      },
      [
        "EXTERNAL_PEERING_INVALID bandwidthMbps",
        "EXTERNAL_PEERING_INVALID chargeType",
        "EXTERNAL_PEERING_INVALID bandwidthPolicies",
      ],
    ],
    [
      "primary routes on an existing peering",
      { existingPeeringId: "pcx-1", primary: { ...alice, routing: { routeTables: [] } } },
      ["EXTERNAL_PEERING_INVALID primary.routing"],
    ],
    ["an empty existing id", { existingPeeringId: " " }, ["EXTERNAL_PEERING_INVALID existingPeeringId"]],
  ])("refuses %s", (_, extra, expected) => {
    const p = plan(extra);
    expect(refusals(p)).toEqual(expected);
    for (const d of p.diagnostics ?? []) expect(d.fix).not.toBe("");
  });

  it("names the existing peering id and says who sets the bandwidth", () => {
    const [d] = plan({ existingPeeringId: "pcx-abc", bandwidthMbps: 100 }).diagnostics!;
    expect(d!.message).toContain('"pcx-abc"');
    expect(d!.fix).toMatch(/requester/);
  });

  it('allows routes: "none" explicitly on the side it does not own', () => {
    expect(
      plan({ requesterOnly: true, standby: { ...bob, routing: { routes: "none" } } }),
    ).not.toHaveProperty("diagnostics");
  });
});
