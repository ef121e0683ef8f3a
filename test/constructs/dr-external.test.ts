/** A requester-only TwoRegionDr in CDKTF: the peering and the primary's routes, no acceptance. */
import { describe, expect, it } from "vitest";
import { buildPlan, toDrSite } from "../../constructs/dr/build-plan.js";
import { HubAndSpoke } from "../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters } from "../../constructs/dr/two-regions-three-centers.js";
import { PeerlinkConstructError } from "../../constructs/errors.js";
import { planTwoRegionDr } from "../../provider/core/dr/two-region-dr.js";
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

describe("CDKTF buildPlan of an existing peering to accept", () => {
  const alice = site("tencentcloud", "vpc-alice", "10.10.0.0/16", "ap-guangzhou", { account: "100001" });
  const bob = site("tencentcloud", "vpc-bob", "10.20.0.0/16", "ap-beijing", { account: "100002" });

  it("refuses it with EXISTING_PEERING_UNSUPPORTED naming the construct, the peering id and the fix", () => {
    let error: PeerlinkConstructError | undefined;
    synthStack((stack) => {
      const plan = planTwoRegionDr({
        name: "partner-link",
        primary: toDrSite(alice),
        standby: toDrSite(bob),
        existingPeeringId: "pcx-from-partner",
      });
      expect(plan.diagnostics).toBeUndefined();
      try {
        buildPlan(stack, plan, [alice, bob], { constructId: (id) => id });
      } catch (e) {
        error = e as PeerlinkConstructError;
      }
    });
    expect(error).toBeInstanceOf(PeerlinkConstructError);
    expect(error).toMatchObject({ code: "EXISTING_PEERING_UNSUPPORTED", value: "pcx-from-partner" });
    expect(error!.message).toContain('existing peering "pcx-from-partner"');
    expect(error!.fix).toContain("existingPeeringId");
  });
});

describe("CDKTF external links on TwoRegionsThreeCenters and HubAndSpoke", () => {
  const production = site("tencentcloud", "vpc-prod", "10.1.0.0/16", "ap-guangzhou", { account: "100001" });
  const backup = site("tencentcloud", "vpc-backup", "10.2.0.0/16", "ap-guangzhou", { account: "100001" });
  const dr = site("tencentcloud", "vpc-dr", "10.3.0.0/16", "ap-beijing", { account: "100002" });

  it("requester-only links to dr: the peerings and routes to dr, no acceptance, nothing in dr's account", () => {
    const result = synthStack((stack) => {
      const centres = new TwoRegionsThreeCenters(stack, "bank", {
        production,
        backup,
        dr,
        bandwidthMbps: 100,
        externalPeerings: { "production-dr": { requesterOnly: true }, "backup-dr": { requesterOnly: true } },
      });
      expect(centres.built.acceptances).toEqual([]);
      expect(centres.built.routes.some((r) => r.props.vpc.vpcId === "vpc-dr")).toBe(false);
      const viaProdDr = centres.built.routes.filter((r) => r.props.peering === centres.peerings.productionDr);
      expect(viaProdDr.map((r) => `${r.props.vpc.vpcId} ${r.props.destination}`)).toEqual([
        "vpc-prod 10.3.0.0/16",
      ]);
    });
    expect(result.errors).toEqual([]);
  });

  it("an existing hub link is refused with EXISTING_PEERING_UNSUPPORTED", () => {
    expect(() =>
      synthStack((stack) => {
        new HubAndSpoke(stack, "shared", {
          hub: production,
          spokes: { partner: dr },
          externalPeerings: { partner: { existingPeeringId: "pcx-from-hub" } },
        });
      }),
    ).toThrow(/existing peering "pcx-from-hub"/);
  });
});
