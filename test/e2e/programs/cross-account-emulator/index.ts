/**
 * Two tencentcloud connections to one emulator: alice (the requester, ap-guangzhou) and bob (the accepter,
 * ap-beijing). Everything that names an account comes from stack config; the keys are read as secrets, so they
 * stay encrypted in the state and masked in the CLI's output.
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, TwoRegionDr, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkE2e");
const endpoint = config.require("endpoint");

function connection(
  prefix: "alice" | "bob",
  region: string,
): { account: string; connection: ConnectionArgs } {
  const account = config.require(`${prefix}Account`);
  return {
    account,
    connection: {
      kind: "tencentcloud",
      account,
      region,
      endpoint,
      secretId: config.requireSecret(`${prefix}SecretId`),
      secretKey: config.requireSecret(`${prefix}SecretKey`),
    },
  };
}

const GZ = "ap-guangzhou";
const BJ = "ap-beijing";
const ALICE_CIDR = "10.10.0.0/16";
const BOB_CIDR = "10.20.0.0/16";
const alice = connection("alice", GZ);
const bob = connection("bob", BJ);

const aliceVpc = new Vpc("alice-gz", {
  connection: alice.connection,
  name: "alice-gz",
  region: GZ,
  cidrs: [ALICE_CIDR],
});
const bobVpc = new Vpc("bob-bj", {
  connection: bob.connection,
  name: "bob-bj",
  region: BJ,
  cidrs: [BOB_CIDR],
});

const dr = new TwoRegionDr("alice-to-bob", {
  primary: { vpc: aliceVpc, name: "alice-gz", region: GZ, cidrs: [ALICE_CIDR], ...alice },
  standby: { vpc: bobVpc, name: "bob-bj", region: BJ, cidrs: [BOB_CIDR], ...bob },
  bandwidthMbps: 100,
});

export const aliceVpcId = aliceVpc.vpcId;
export const aliceRouteTableId = aliceVpc.mainRouteTableId;
export const bobVpcId = bobVpc.vpcId;
export const bobRouteTableId = bobVpc.mainRouteTableId;
export const peeringId = dr.peeringId;
/** The acceptance's view: ACTIVE once bob has accepted. */
export const peeringStatus = dr.status;
export const acceptanceStatus = dr.acceptance?.status;
export const plannedRoutes = dr.description.routes;
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
