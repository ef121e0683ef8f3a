/** A requester-only TwoRegionDr in CDKTF: the peering and the primary's routes, no acceptance. */
import { describe, expect, it } from "vitest";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { site, synthStack } from "../support/cdktf-stack.js";

describe("CDKTF TwoRegionDr requesterOnly", () => {
  const alice = site("tencentcloud", "vpc-alice", "10.10.0.0/16", "ap-guangzhou", { account: "100001" });
  const bob = site("tencentcloud", "vpc-bob", "10.20.0.0/16", "ap-beijing", { account: "100002" });

  it("synthesizes the peering and the primary's routes only, with no acceptance", () => {
    const result = synthStack((stack) => {
      const dr = new TwoRegionDr(stack, "to-bob", {
        primary: alice,
        standby: bob,
        bandwidthMbps: 100,
        requesterOnly: true,
      });
      expect(dr.built.acceptances).toHaveLength(0);
      expect(dr.built.routes.map((r) => `${r.props.vpc.vpcId} ${r.props.destination}`)).toEqual([
        "vpc-alice 10.20.0.0/16",
      ]);
    });
    expect(result.errors).toEqual([]);
    const resources = result.json!.resource ?? {};
    expect(Object.keys(resources).sort()).toEqual([
      "tencentcloud_route_table_entry",
      "tencentcloud_vpc_peer_connect_manager",
    ]);
  });

  it("is refused in one account (EXTERNAL_PEERING_INVALID)", () => {
    expect(() =>
      synthStack((stack) => {
        new TwoRegionDr(stack, "to-self", {
          primary: alice,
          standby: { ...bob, account: "100001" },
          requesterOnly: true,
          bandwidthMbps: 100,
        });
      }),
    ).toThrow(/\[stack\/to-self\/requesterOnly\] EXTERNAL_PEERING_INVALID/);
  });
});
