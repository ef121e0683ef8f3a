/**
 * The Pulumi components and the CDKTF constructs are two front ends over one planner: for the same inputs they
 * must describe the same peerings (pair, bandwidth, billing, service level) and the same routes (VPC, table,
 * destination, peering). The CDKTF side is read back out of the synthesized JSON, the Pulumi side out of the
 * registered children, and both are compared with describeTopology of the plan.
 */
import { describe, expect, it, vi } from "vitest";
import { HubAndSpoke as CdktfHubAndSpoke } from "../../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr as CdktfTwoRegionDr } from "../../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters as CdktfThreeCenters } from "../../../constructs/dr/two-regions-three-centers.js";
import { TencentcloudProvider } from "../../../constructs/providers/tencentcloud/provider.js";
import type { VpcSite } from "../../../constructs/vpc-site.js";
import {
  describeRoute,
  describeTopology,
  peeringPair,
  type TopologyDescription,
} from "../../../provider/core/dr/describe-plan.js";
import type { Cloud } from "../../../provider/core/topology-schema.js";
import { site, synthStack } from "../../support/cdktf-stack.js";
import { describeSynthesized, siteIndex } from "../../support/synthesized-topology.js";
import { installMocks, kindOf, outputValue, type Registered, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { HubAndSpoke, TwoRegionDr, TwoRegionsThreeCenters } = await import(
  "../../../provider/pulumi/components/index.js"
);
type DrSiteArgs = import("../../../provider/pulumi/components/index.js").DrSiteArgs;

/** The same VPC as a Pulumi component site. */
function pulumiSite(s: VpcSite): DrSiteArgs {
  return {
    vpc: s.vpcId,
    cloud: s.cloud,
    region: s.region,
    account: s.account,
    cidrs: s.cidrs,
    ...(s.routeTableIds ? { routeTableIds: s.routeTableIds } : {}),
  };
}

/** Describes a component's registered children the way describeTopology describes a plan. */
async function describeChildren(component: {
  urn: import("@pulumi/pulumi").Output<string>;
}): Promise<{ description: TopologyDescription; acceptances: number }> {
  const urn = await outputValue(component.urn);
  const children = registered.filter((r) => r.parent === urn);
  const of = (kind: string): Registered[] => children.filter((r) => kindOf(r) === kind);
  const pairById = new Map<string, string>();
  const peerings = of("Peering").map((p) => {
    const pair = peeringPair(String(p.inputs.vpcId), String(p.inputs.peerVpcId));
    pairById.set(`pcx-${p.name}`, pair);
    return {
      pair,
      ...(p.inputs.bandwidthMbps !== undefined ? { bandwidthMbps: p.inputs.bandwidthMbps as number } : {}),
      ...(p.inputs.chargeType !== undefined ? { chargeType: p.inputs.chargeType as string } : {}),
      ...(p.inputs.serviceLevel !== undefined ? { serviceLevel: p.inputs.serviceLevel as string } : {}),
    };
  });
  const routes = of("RouteRule").map((r) =>
    describeRoute(
      String(r.inputs.vpcId),
      r.inputs.routeTableId as string | undefined,
      String(r.inputs.destination),
      pairById.get(String(r.inputs.peeringId)) ?? `unknown ${String(r.inputs.peeringId)}`,
    ),
  );
  peerings.sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
  routes.sort();
  return { description: { peerings, routes }, acceptances: of("PeeringAcceptance").length };
}

const BANDWIDTH: Record<Cloud, number | undefined> = {
  tencentcloud: 100,
  huaweicloud: undefined,
  baiducloud: 50,
};
/** Huawei peers within one region only. */
const DR_REGION: Record<Cloud, string> = { tencentcloud: "r-2", huaweicloud: "r-1", baiducloud: "r-2" };
const ACCEPT_TYPES = [
  "tencentcloud_vpc_peer_connect_accept_operation",
  "huaweicloud_vpc_peering_connection_accepter",
  "baiducloud_peer_conn_acceptor",
];

describe.each<Cloud>(["tencentcloud", "huaweicloud", "baiducloud"])(
  "Pulumi components and CDKTF constructs describe the same topology (%s)",
  (cloud) => {
    const gz = site(cloud, "vpc-gz", "10.0.0.0/16", "r-1", { routeTableIds: ["rtb-gz-app"] });
    const bj = site(cloud, "vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], DR_REGION[cloud]);
    const sh = site(cloud, "vpc-sh", "10.3.0.0/16", "r-1");
    const index = siteIndex([gz, bj, sh]);
    const bandwidthMbps = BANDWIDTH[cloud];
    const billing = { omitDefaultBilling: true };

    function synthesized(build: Parameters<typeof synthStack>[0]) {
      const result = synthStack(build);
      expect(result.errors).toEqual([]);
      const acceptances = ACCEPT_TYPES.reduce(
        (n, type) => n + Object.keys(result.json?.resource?.[type] ?? {}).length,
        0,
      );
      return { description: describeSynthesized(result.json!, index, billing), acceptances };
    }

    it("TwoRegionDr", async () => {
      const cdktf = synthesized((stack) => {
        new CdktfTwoRegionDr(stack, `dr-${cloud}`, { primary: gz, standby: bj, bandwidthMbps });
      });
      const dr = new TwoRegionDr(`dr-${cloud}`, {
        primary: pulumiSite(gz),
        standby: pulumiSite(bj),
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(dr, dr.peering!, ...dr.routes);
      const pulumi = await describeChildren(dr);
      expect(pulumi.description).toEqual(cdktf.description);
      expect(pulumi.description).toEqual(describeTopology(dr.plan));
      expect(pulumi.description.routes).toHaveLength(5);
      expect(pulumi.acceptances).toBe(cdktf.acceptances);
    });

    it("TwoRegionsThreeCenters", async () => {
      const cdktf = synthesized((stack) => {
        new CdktfThreeCenters(stack, `bank-${cloud}`, { production: gz, backup: sh, dr: bj, bandwidthMbps });
      });
      const centres = new TwoRegionsThreeCenters(`bank-${cloud}`, {
        production: pulumiSite(gz),
        backup: pulumiSite(sh),
        dr: pulumiSite(bj),
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(
        centres,
        ...Object.values(centres.peerings).filter((p) => p !== undefined),
        ...centres.routes,
      );
      const pulumi = await describeChildren(centres);
      expect(pulumi.description).toEqual(cdktf.description);
      expect(pulumi.description).toEqual(describeTopology(centres.plan));
      expect(pulumi.description.peerings).toHaveLength(3);
      expect(pulumi.acceptances).toBe(cdktf.acceptances);
    });

    it("the same routing policies (subnets, named tables, none) give the same routes in all three", async () => {
      const toBj = { routes: ["10.1.4.0/24", "10.2.0.0/20"], routeTables: ["rtb-gz-app"], mainTable: false };
      const toGz = { routes: ["10.0.9.0/24"] };
      const none = { routes: "none" as const };
      const cdktf = synthesized((stack) => {
        new CdktfTwoRegionDr(stack, `lp-${cloud}`, {
          primary: gz,
          standby: bj,
          bandwidthMbps,
          routing: { primary: toBj, standby: toGz },
        });
      });
      const dr = new TwoRegionDr(`lp-${cloud}`, {
        primary: { ...pulumiSite(gz), routing: toBj },
        standby: { ...pulumiSite(bj), routing: toGz },
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(dr, dr.peering!, ...dr.routes);
      const pulumi = await describeChildren(dr);
      expect(pulumi.description).toEqual(cdktf.description);
      expect(pulumi.description.routes).toHaveLength(3);

      const bank = synthesized((stack) => {
        new CdktfThreeCenters(stack, `lpbank-${cloud}`, {
          production: gz,
          backup: sh,
          dr: bj,
          bandwidthMbps,
          routing: { backup: none, dr: toGz },
        });
      });
      const centres = new TwoRegionsThreeCenters(`lpbank-${cloud}`, {
        production: pulumiSite(gz),
        backup: { ...pulumiSite(sh), routing: none },
        dr: { ...pulumiSite(bj), routing: toGz },
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(
        centres,
        ...Object.values(centres.peerings).filter((p) => p !== undefined),
        ...centres.routes,
      );
      expect((await describeChildren(centres)).description).toEqual(bank.description);

      const hub = synthesized((stack) => {
        new CdktfHubAndSpoke(stack, `lphub-${cloud}`, {
          hub: gz,
          spokes: { bj, sh },
          bandwidthMbps,
          routing: { hub: { routes: ["10.3.1.0/24"] }, spokes: { bj: toGz } },
        });
      });
      const star = new HubAndSpoke(`lphub-${cloud}`, {
        hub: { ...pulumiSite(gz), routing: { routes: ["10.3.1.0/24"] } },
        spokes: { bj: { ...pulumiSite(bj), routing: toGz }, sh: pulumiSite(sh) },
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(star, ...star.hubPeerings.values(), ...star.routes);
      const described = (await describeChildren(star)).description;
      expect(described).toEqual(hub.description);
      expect(described.routes.filter((r) => r.startsWith("vpc-gz"))).toEqual([
        "vpc-gz [main] 10.3.1.0/24 via vpc-gz -> vpc-sh",
        "vpc-gz [rtb-gz-app] 10.3.1.0/24 via vpc-gz -> vpc-sh",
      ]);
    });

    it("HubAndSpoke with meshSpokes", async () => {
      const cdktf = synthesized((stack) => {
        new CdktfHubAndSpoke(stack, `hub-${cloud}`, {
          hub: gz,
          spokes: { bj, sh },
          meshSpokes: true,
          bandwidthMbps,
        });
      });
      const star = new HubAndSpoke(`hub-${cloud}`, {
        hub: pulumiSite(gz),
        spokes: { bj: pulumiSite(bj), sh: pulumiSite(sh) },
        meshSpokes: true,
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      });
      await settle(star, ...star.hubPeerings.values(), ...star.spokePeerings.values(), ...star.routes);
      const pulumi = await describeChildren(star);
      expect(pulumi.description).toEqual(cdktf.description);
      expect(pulumi.description).toEqual(describeTopology(star.plan));
      expect(pulumi.acceptances).toBe(cdktf.acceptances);
    });
  },
);

describe("Pulumi components and CDKTF constructs across accounts (tencentcloud)", () => {
  const gz = site("tencentcloud", "vpc-gz", "10.0.0.0/16", "r-1", { routeTableIds: ["rtb-gz-app"] });
  const bj = site("tencentcloud", "vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], "r-2", { account: "2" });

  it("TwoRegionDr: the same peerings, routes and one acceptance", async () => {
    const result = synthStack((stack) => {
      const network = new TencentcloudProvider(stack, "network", { alias: "network", region: "r-2" });
      new CdktfTwoRegionDr(stack, "xa", {
        primary: gz,
        standby: { ...bj, provider: network },
        bandwidthMbps: 100,
      });
    });
    expect(result.errors).toEqual([]);
    const cdktf = describeSynthesized(result.json!, siteIndex([gz, bj]));
    const dr = new TwoRegionDr("xa", {
      primary: pulumiSite(gz),
      standby: pulumiSite(bj),
      bandwidthMbps: 100,
    });
    await settle(dr, dr.peering!, ...dr.routes);
    const pulumi = await describeChildren(dr);
    expect(pulumi.description).toEqual(cdktf);
    expect(pulumi.acceptances).toBe(
      Object.keys(result.json?.resource?.tencentcloud_vpc_peer_connect_accept_operation ?? {}).length,
    );
    expect(pulumi.acceptances).toBe(1);
  });
});
