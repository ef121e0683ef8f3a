/** External peerings in CDKTF: requester-only links (no acceptance) and existing peerings (accept and route one side). */
import { describe, expect, it } from "vitest";
import { HubAndSpoke } from "../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters } from "../../constructs/dr/two-regions-three-centers.js";
import { PeerlinkConstructError } from "../../constructs/errors.js";
import { ExistingPeering } from "../../constructs/existing-peering.js";
import { RouteRule } from "../../constructs/route-rule.js";
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

describe("CDKTF TwoRegionDr accepting an existing peering (existingPeeringId)", () => {
  const alice = site("tencentcloud", "vpc-alice", "10.10.0.0/16", "ap-guangzhou", { account: "100001" });
  const bob = site("tencentcloud", "vpc-bob", "10.20.0.0/16", "ap-beijing", { account: "100002" });
  type Json = Record<string, Record<string, Record<string, unknown>>>;

  it("synthesizes the acceptance of the given id and the standby's routes through it, nothing of the requester's", () => {
    const result = synthStack((stack) => {
      const dr = new TwoRegionDr(stack, "from-alice", {
        primary: alice,
        standby: bob,
        existingPeeringId: "pcx-from-partner",
      });
      expect(dr.peering).toBeInstanceOf(ExistingPeering);
      expect(dr.peering.peeringId).toBe("pcx-from-partner");
      expect(dr.built.acceptances).toHaveLength(1);
      expect(dr.built.routes.map((r) => `${r.props.vpc.vpcId} ${r.props.destination}`)).toEqual([
        "vpc-bob 10.10.0.0/16",
      ]);
    });
    // No INVALID_BANDWIDTH for the cross-region peering without a bandwidth (the requester's), no missing return
    // route warning (the requester's stack routes its side).
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const resources = result.json!.resource as Json;
    expect(Object.keys(resources).sort()).toEqual([
      "tencentcloud_route_table_entry",
      "tencentcloud_vpc_peer_connect_accept_operation",
    ]);
    const [accept] = Object.values(resources.tencentcloud_vpc_peer_connect_accept_operation!);
    expect(accept).toMatchObject({ peering_connection_id: "pcx-from-partner" });
    const [route] = Object.values(resources.tencentcloud_route_table_entry!);
    expect(route).toMatchObject({ next_type: "PEERCONNECTION", next_hub: "pcx-from-partner" });
    expect(route!.depends_on).toEqual([
      expect.stringContaining("tencentcloud_vpc_peer_connect_accept_operation"),
    ]);
  });

  it("on Huawei: the accepter resource in the standby's region, the route with the id as next hop", () => {
    const a = site("huaweicloud", "vpc-a", "10.1.0.0/16", "cn-north-4", { account: "proj-a" });
    const b = site("huaweicloud", "vpc-b", "10.2.0.0/16", "cn-north-4", { account: "proj-b" });
    const result = synthStack((stack) => {
      new TwoRegionDr(stack, "from-a", { primary: a, standby: b, existingPeeringId: "4b3f6e1c-hw" });
    });
    expect(result.errors).toEqual([]);
    const resources = result.json!.resource as Json;
    expect(Object.values(resources.huaweicloud_vpc_peering_connection_accepter!)).toEqual([
      expect.objectContaining({
        vpc_peering_connection_id: "4b3f6e1c-hw",
        accept: true,
        region: "cn-north-4",
      }),
    ]);
    expect(
      Object.values(resources.huaweicloud_vpc_route!).map((r) => [r.vpc_id, r.destination, r.nexthop]),
    ).toEqual([["vpc-b", "10.1.0.0/16", "4b3f6e1c-hw"]]);
    expect(resources.huaweicloud_vpc_peering_connection).toBeUndefined();
  });

  it("in one account: no acceptance (a same-account peering is active at once), the standby's routes only", () => {
    const result = synthStack((stack) => {
      const dr = new TwoRegionDr(stack, "own", {
        primary: alice,
        standby: { ...bob, account: "100001" },
        existingPeeringId: "pcx-made-by-hand",
      });
      expect(dr.built.acceptances).toEqual([]);
    });
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.json!.resource ?? {})).toEqual(["tencentcloud_route_table_entry"]);
  });

  it.each([
    [
      "the requester's bandwidth",
      { bandwidthMbps: 100 },
      /\[stack\/from-alice\/bandwidthMbps\] EXTERNAL_PEERING_INVALID/,
    ],
    [
      "a standby route outside the requester's VPC",
      { routing: { standby: { routes: ["10.99.0.0/24"] } } },
      /ROUTING_OUTSIDE_PEER/,
    ],
  ] as const)("refuses %s at construction", (_, extra, error) => {
    expect(() =>
      synthStack((stack) => {
        new TwoRegionDr(stack, "from-alice", {
          primary: alice,
          standby: bob,
          existingPeeringId: "pcx-from-partner",
          ...extra,
        });
      }),
    ).toThrow(error);
  });

  it("still validates at synth what the stack adds: a route through it outside the requester's VPC", () => {
    const result = synthStack((stack) => {
      const dr = new TwoRegionDr(stack, "from-alice", {
        primary: alice,
        standby: bob,
        existingPeeringId: "pcx-from-partner",
      });
      new RouteRule(stack, "extra", {
        cloud: "tencentcloud",
        vpc: bob,
        peering: dr.peering,
        destination: "10.99.0.0/24",
      });
    });
    expect(result.synth).toBeUndefined();
    expect(result.errors).toEqual([expect.stringMatching(/^\[stack\/extra\] ROUTE_DESTINATION_NOT_IN_PEER/)]);
  });

  it("an ExistingPeering with an empty id is refused at construction", () => {
    expect(() =>
      synthStack((stack) => {
        new ExistingPeering(stack, "x", { cloud: "tencentcloud", peeringId: " ", vpc: alice, peerVpc: bob });
      }),
    ).toThrow(PeerlinkConstructError);
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

  it("an existing hub link: the spoke accepts the hub's request and routes its side, nothing in the hub's account", () => {
    const result = synthStack((stack) => {
      const shared = new HubAndSpoke(stack, "shared", {
        hub: production,
        spokes: { partner: dr },
        externalPeerings: { partner: { existingPeeringId: "pcx-from-hub" } },
      });
      const partner = shared.hubPeerings.get("partner")!;
      expect(partner).toBeInstanceOf(ExistingPeering);
      const via = shared.built.routes.filter((r) => r.props.peering === partner);
      expect(via.map((r) => `${r.props.vpc.vpcId} ${r.props.destination}`)).toEqual(["vpc-dr 10.1.0.0/16"]);
      expect(shared.built.acceptances.map((a) => a.peering)).toEqual([partner]);
    });
    expect(result.errors).toEqual([]);
    const resources = result.json!.resource as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.values(resources.tencentcloud_vpc_peer_connect_accept_operation!)).toEqual([
      expect.objectContaining({ peering_connection_id: "pcx-from-hub" }),
    ]);
    expect(resources.tencentcloud_vpc_peer_connect_manager).toBeUndefined();
  });
});
