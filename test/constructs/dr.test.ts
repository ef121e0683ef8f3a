import { describe, expect, it } from "vitest";
import { toDrSite } from "../../constructs/dr/build-plan.js";
import { HubAndSpoke } from "../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters } from "../../constructs/dr/two-regions-three-centers.js";
import { TencentcloudProvider } from "../../constructs/providers/tencentcloud/provider.js";
import { TencentcloudVpcPeerConnectAcceptOperation } from "../../constructs/providers/tencentcloud/vpc-peer-connect-accept-operation.js";
import { RouteRule } from "../../constructs/route-rule.js";
import type { VpcSite } from "../../constructs/vpc-site.js";
import { describeTopology } from "../../provider/core/dr/describe-plan.js";
import { planHubAndSpoke } from "../../provider/core/dr/hub-and-spoke.js";
import { planTwoRegionDr } from "../../provider/core/dr/two-region-dr.js";
import { planTwoRegionsThreeCenters } from "../../provider/core/dr/two-regions-three-centers.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import "../support/cdktf-matchers.js";
import { errorCodes, site, synthStack } from "../support/cdktf-stack.js";
import { describeSynthesized, siteIndex } from "../support/synthesized-topology.js";

const BANDWIDTH: Record<Cloud, number | undefined> = {
  tencentcloud: 100,
  huaweicloud: undefined,
  baiducloud: 50,
};
/** Huawei peers within one region only (the provider has no peer region). */
const DR_REGION: Record<Cloud, string> = { tencentcloud: "r-2", huaweicloud: "r-1", baiducloud: "r-2" };

function sites(cloud: Cloud) {
  return {
    gz: site(cloud, "vpc-gz", "10.0.0.0/16", "r-1", { routeTableIds: ["rtb-gz-app"] }),
    bj: site(cloud, "vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], DR_REGION[cloud]),
    sh: site(cloud, "vpc-sh", "10.3.0.0/16", "r-1"),
  };
}

describe.each<Cloud>(["tencentcloud", "huaweicloud", "baiducloud"])(
  "DR constructs synthesize exactly what the planners plan (%s)",
  (cloud) => {
    const { gz, bj, sh } = sites(cloud);
    const index = siteIndex([gz, bj, sh]);
    const bandwidthMbps = BANDWIDTH[cloud];
    const omitDefaultBilling = { omitDefaultBilling: true };

    it("TwoRegionDr", () => {
      const result = synthStack((stack) => {
        new TwoRegionDr(stack, "dr", { primary: gz, standby: bj, bandwidthMbps });
      });
      expect(result.errors).toEqual([]);
      const planned = planTwoRegionDr({
        name: "dr",
        primary: toDrSite(gz),
        standby: toDrSite(bj),
        bandwidthMbps,
      });
      expect(describeSynthesized(result.json!, index, omitDefaultBilling)).toEqual(describeTopology(planned));
      expect(describeTopology(planned).routes).toHaveLength(5);
    });

    it("TwoRegionsThreeCenters", () => {
      const result = synthStack((stack) => {
        new TwoRegionsThreeCenters(stack, "bank", { production: gz, backup: sh, dr: bj, bandwidthMbps });
      });
      expect(result.errors).toEqual([]);
      const planned = planTwoRegionsThreeCenters({
        name: "bank",
        production: toDrSite(gz),
        backup: toDrSite(sh),
        dr: toDrSite(bj),
        bandwidthMbps,
      });
      expect(describeSynthesized(result.json!, index, omitDefaultBilling)).toEqual(describeTopology(planned));
      expect(describeTopology(planned).peerings).toHaveLength(3);
    });

    it("HubAndSpoke with meshed spokes", () => {
      const result = synthStack((stack) => {
        new HubAndSpoke(stack, "hs", { hub: gz, spokes: { bj, sh }, meshSpokes: true, bandwidthMbps });
      });
      expect(result.errors).toEqual([]);
      const planned = planHubAndSpoke({
        name: "hs",
        hub: toDrSite(gz),
        spokes: { bj: toDrSite(bj), sh: toDrSite(sh) },
        meshSpokes: true,
        bandwidthMbps,
      });
      expect(describeSynthesized(result.json!, index, omitDefaultBilling)).toEqual(describeTopology(planned));
    });
  },
);

describe("the equivalence helper", () => {
  it("notices a route the plan does not have", () => {
    const { gz, bj } = sites("tencentcloud");
    const result = synthStack((stack) => {
      const dr = new TwoRegionDr(stack, "dr", { primary: gz, standby: bj, bandwidthMbps: 100 });
      new RouteRule(stack, "extra", {
        cloud: "tencentcloud",
        vpc: bj,
        peering: dr.peering,
        destination: "10.0.0.0/17",
      });
    });
    const planned = planTwoRegionDr({
      name: "dr",
      primary: toDrSite(gz),
      standby: toDrSite(bj),
      bandwidthMbps: 100,
    });
    expect(describeSynthesized(result.json!, siteIndex([gz, bj])).routes).not.toEqual(
      describeTopology(planned).routes,
    );
  });
});

describe("TwoRegionDr across accounts (journey 2)", () => {
  it("accepts with the standby's provider and makes every route wait for the acceptance", () => {
    const { gz, bj } = sites("tencentcloud");
    const result = synthStack((stack) => {
      const network = new TencentcloudProvider(stack, "network", { alias: "network", region: "r-2" });
      const standby: VpcSite = { ...bj, account: "2", provider: network };
      new TwoRegionDr(stack, "dr", { primary: gz, standby, bandwidthMbps: 100 });
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectAcceptOperation, {
      provider: "tencentcloud.network",
    });
    const entries = Object.values(result.json!.resource!.tencentcloud_route_table_entry!);
    expect(entries).toHaveLength(5);
    for (const entry of entries)
      expect(entry.depends_on).toEqual([
        "tencentcloud_vpc_peer_connect_accept_operation.dr_peering-acceptance",
      ]);
  });
});

describe("TwoRegionsThreeCenters: routing DR to backup through production fails (journey 3)", () => {
  it("with TRANSITIVE_ROUTE at the offending route, naming the chain", () => {
    const production = site("tencentcloud", "vpc-sh-prod", "10.10.0.0/16", "ap-shanghai", {
      name: "production",
    });
    const backup = site("tencentcloud", "vpc-sh-backup", "10.11.0.0/16", "ap-shanghai", { name: "backup" });
    const dr = site("tencentcloud", "vpc-bj-dr", "10.12.0.0/16", "ap-beijing", { name: "dr" });
    const result = synthStack((stack) => {
      const bank = new TwoRegionsThreeCenters(stack, "bank", { production, backup, dr, bandwidthMbps: 100 });
      new RouteRule(stack, "dr-to-backup-via-production", {
        cloud: "tencentcloud",
        vpc: dr,
        peering: bank.peerings.productionDr,
        destination: "10.11.0.0/16",
        routeTableId: "rtb-vpc-bj-dr",
      });
    });
    // The planned direct route to backup is in the same table: that conflict is reported too.
    expect(errorCodes(result)).toContain("stack/dr-to-backup-via-production TRANSITIVE_ROUTE");
    const line = result.errors.find((l) => l.includes("TRANSITIVE_ROUTE"))!;
    expect(line).toContain(
      '"dr" → (bank/production-dr) → "production" → (bank/production-backup) → "backup"',
    );
    expect(line).toContain('Fix: Point this route at peering "bank/backup-dr"');
  });
});

describe("HubAndSpoke", () => {
  const hub = site("tencentcloud", "vpc-hub", "10.0.0.0/16", "ap-guangzhou", { name: "hub" });
  const spokes = {
    a: site("tencentcloud", "vpc-a", "10.1.0.0/16", "ap-guangzhou", { name: "a" }),
    b: site("tencentcloud", "vpc-b", "10.2.0.0/16", "ap-beijing", { name: "b" }),
  };

  it("refuses spoke-to-spoke routing through the hub with the core's TRANSITIVE_ROUTE", () => {
    const result = synthStack((stack) => {
      new HubAndSpoke(stack, "hs", { hub, spokes, routeSpokesThroughHub: true, bandwidthMbps: 50 });
    });
    expect(errorCodes(result)).toEqual([
      "stack/hs/hub-a-route-2 TRANSITIVE_ROUTE",
      "stack/hs/hub-b-route-2 TRANSITIVE_ROUTE",
    ]);
  });

  it("refuses spoke keys that cannot be construct ids", () => {
    expect(() =>
      synthStack((stack) => {
        new HubAndSpoke(stack, "hs", { hub, spokes: { "a/b": spokes.a } });
      }),
    ).toThrow(/INVALID_SPOKE_KEY|not plain names/);
  });
});
