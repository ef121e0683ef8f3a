/**
 * A cross-account TwoRegionDr on the cloud `peerlinkE2e:kind` names (huaweicloud or baiducloud; tencentcloud has
 * test/e2e/programs/cross-account-emulator): alice requests, bob accepts, each with its own keys from stack config
 * (secrets). Huawei peerings are regional (the rulebook: Cloud Connect joins regions) and one Baidu endpoint serves
 * one region, so both sides share a region here; Baidu requires a bandwidth (seed 001), Huawei has none.
 * Alice routes bob's whole VPC; bob routes only alice's app subnet (the routing policy, least privilege).
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, TwoRegionDr, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkE2e");
const kind = config.require("kind") as "huaweicloud" | "baiducloud";
const endpoint = config.require("endpoint");
const REGION = { huaweicloud: "cn-north-4", baiducloud: "bj" }[kind];

function connection(prefix: "alice" | "bob"): { account: string; connection: ConnectionArgs } {
  const account = config.require(`${prefix}Account`);
  return {
    account,
    connection: {
      kind,
      account,
      region: REGION,
      endpoint,
      secretId: config.requireSecret(`${prefix}SecretId`),
      secretKey: config.requireSecret(`${prefix}SecretKey`),
    },
  };
}

const ALICE_CIDR = "10.10.0.0/16";
const BOB_CIDR = "10.20.0.0/16";
const ALICE_APP_SUBNET = "10.10.1.0/24";
const alice = connection("alice");
const bob = connection("bob");

const aliceVpc = new Vpc("alice-vpc", {
  connection: alice.connection,
  name: "alice-vpc",
  region: REGION,
  cidrs: [ALICE_CIDR],
});
const bobVpc = new Vpc("bob-vpc", {
  connection: bob.connection,
  name: "bob-vpc",
  region: REGION,
  cidrs: [BOB_CIDR],
});

const dr = new TwoRegionDr("alice-to-bob", {
  primary: { vpc: aliceVpc, name: "alice", region: REGION, cidrs: [ALICE_CIDR], cloud: kind, ...alice },
  standby: {
    vpc: bobVpc,
    name: "bob",
    region: REGION,
    cidrs: [BOB_CIDR],
    cloud: kind,
    ...bob,
    routing: { routes: [ALICE_APP_SUBNET] },
  },
  ...(kind === "baiducloud" ? { bandwidthMbps: 10 } : {}),
});

export const aliceVpcId = aliceVpc.vpcId;
export const aliceRouteTableId = aliceVpc.mainRouteTableId;
export const bobVpcId = bobVpc.vpcId;
export const bobRouteTableId = bobVpc.mainRouteTableId;
export const peeringId = dr.peeringId;
export const peeringStatus = dr.status;
export const plannedRoutes = dr.description.routes;
export const reachability = dr.reachabilityMatrix;
/** Each RouteRule as created: its resource name, route id and route table. */
export const routes = pulumi.all(
  dr.routes.map((route) =>
    pulumi.all([route.urn, route.routeId, route.effectiveRouteTableId]).apply(([urn, routeId, table]) => ({
      name: urn.split("::").pop() ?? urn,
      routeId,
      routeTableId: table,
    })),
  ),
);
