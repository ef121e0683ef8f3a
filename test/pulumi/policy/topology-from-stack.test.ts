import { describe, expect, it } from "vitest";
import { peerlinkKind, topologyFromStack } from "../../../provider/pulumi/policy/topology-from-stack.js";
import { newPeering, newRoute, newVpc, providerText, resource, UNKNOWN } from "./stack-fixtures.js";

describe("topologyFromStack", () => {
  it("builds the topology of a first preview through property dependencies, named by resource", () => {
    const { topology, skipped } = topologyFromStack([
      newVpc("gz", "ap-guangzhou", ["10.0.0.0/16"]),
      newVpc("bj", "ap-beijing", ["10.1.0.0/16"]),
      newPeering("dr", "gz", "bj", { bandwidthMbps: 200, chargeType: "POSTPAID_BY_MONTH_95" }),
      newRoute("gz-bj", "gz", "10.1.0.0/16", "dr"),
      resource("PeeringAcceptance", "accept", { peeringId: UNKNOWN }),
    ]);
    expect(skipped).toEqual([]);
    expect(topology).toEqual({
      vpcs: [
        {
          id: "gz",
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "100001",
          cidrs: ["10.0.0.0/16"],
        },
        { id: "bj", cloud: "tencentcloud", region: "ap-beijing", account: "100001", cidrs: ["10.1.0.0/16"] },
      ],
      peerings: [
        { id: "dr", vpc: "gz", peerVpc: "bj", bandwidthMbps: 200, chargeType: "POSTPAID_BY_MONTH_95" },
      ],
      routes: [{ vpc: "gz", destination: "10.1.0.0/16", peering: "dr" }],
      bandwidthPolicies: [],
      subnets: [],
    });
  });

  it("reads Subnets by their VPC's dependency, skipping one whose block or VPC is not known", () => {
    const { topology, skipped, owners } = topologyFromStack([
      newVpc("gz", "ap-guangzhou", ["10.0.0.0/16"]),
      resource(
        "Subnet",
        "app",
        { name: "app", vpcId: UNKNOWN, cidr: "10.0.1.0/24", ipv6: true },
        { vpcId: { kind: "Vpc", name: "gz" } },
      ),
      resource(
        "Subnet",
        "later",
        { name: "later", vpcId: UNKNOWN, cidr: UNKNOWN },
        { vpcId: { kind: "Vpc", name: "gz" } },
      ),
      resource("Subnet", "elsewhere", { name: "elsewhere", vpcId: "vpc-not-in-stack", cidr: "10.0.2.0/24" }),
    ]);
    expect(topology.subnets).toEqual([
      { id: "app", vpc: "gz", cidr: "10.0.1.0/24", name: "app", ipv6: true },
    ]);
    expect(owners.get("subnets[app]")).toMatch(/::app$/);
    expect(skipped.map((s) => s.urn.split("::").pop())).toEqual(["later", "elsewhere"]);
  });

  it("puts routes in extra tables by table id, and the main table's id in the main table", () => {
    const vpc = resource("Vpc", "a", {
      name: "a",
      region: "r",
      cidrs: ["10.0.0.0/16"],
      vpcId: "vpc-a",
      mainRouteTableId: "rtb-main",
    });
    const b = resource("Vpc", "b", { name: "b", region: "r", cidrs: ["10.1.0.0/16"], vpcId: "vpc-b" });
    const peering = resource("Peering", "ab", {
      name: "ab",
      vpcId: "vpc-a",
      peerVpcId: "vpc-b",
      peeringId: "pcx-1",
    });
    const route = (name: string, table: string) =>
      resource("RouteRule", name, {
        vpcId: "vpc-a",
        destination: "10.1.0.0/16",
        peeringId: "pcx-1",
        routeTableId: table,
      });
    const { topology } = topologyFromStack([
      vpc,
      b,
      peering,
      route("r1", "rtb-main"),
      route("r2", "rtb-app"),
    ]);
    expect(topology.routes).toEqual([
      { vpc: "vpc-a", destination: "10.1.0.0/16", peering: "pcx-1" },
      { vpc: "vpc-a", routeTable: "rtb-app", destination: "10.1.0.0/16", peering: "pcx-1" },
    ]);
    expect(topology.vpcs[0]?.routeTables).toEqual(["rtb-app"]);
  });

  it("skips a peering whose VPC is described nowhere in the stack, saying why", () => {
    const { topology, skipped } = topologyFromStack([
      resource("Peering", "p", { name: "p", vpcId: "vpc-elsewhere", peerVpcId: "vpc-too" }),
    ]);
    expect(topology.peerings).toEqual([]);
    expect(skipped[0]?.reason).toMatch(/vpc-elsewhere, vpc-too is not described/);
  });

  it.each([
    ["pulumi-nodejs:dynamic/peerlink:RouteRule", {}, "RouteRule"],
    ["pulumi-nodejs:dynamic:Resource", { __provider: providerText("BandwidthPolicy") }, "BandwidthPolicy"],
    [
      "pulumi-nodejs:dynamic:Resource",
      { __provider: 'dynamicProvider("peeringAcceptance") peerlink/pulumi/runtime' },
      "PeeringAcceptance",
    ],
    ["pulumi-nodejs:dynamic:Resource", { __provider: 'kind: "peering" but another package' }, undefined],
    ["tencentcloud:Vpc/vpc:Vpc", {}, undefined],
  ])("recognises %s %j as %s", (type, props, kind) => {
    expect(peerlinkKind(type, props)).toBe(kind);
  });
});
