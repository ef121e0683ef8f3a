/**
 * A cross-account dual-stack TwoRegionDr on Huawei Cloud, through the huaweicloud backend and the emulator: alice
 * and bob (each with its own keys from stack config, secrets) make a VPC with a dual-stack subnet each; the
 * emulator's Huawei v1 subnet API assigns each subnet an IPv6 /64; alice requests the peering, bob accepts, and
 * each side routes the other's IPv4 block and the /64 assigned the other's subnet. Huawei peerings are regional
 * (rulebook regions), so both sides are in one region.
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, Subnet, TwoRegionDr, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkE2e");
const endpoint = config.require("endpoint");
const REGION = "cn-north-4";

function side(prefix: "alice" | "bob", cidr: string, app: string) {
  const account = config.require(`${prefix}Account`);
  const connection: ConnectionArgs = {
    kind: "huaweicloud",
    account,
    region: REGION,
    endpoint,
    secretId: config.requireSecret(`${prefix}SecretId`),
    secretKey: config.requireSecret(`${prefix}SecretKey`),
  };
  const vpc = new Vpc(`${prefix}-vpc`, { connection, name: `${prefix}-vpc`, region: REGION, cidrs: [cidr] });
  const subnet = new Subnet(`${prefix}-app`, {
    connection,
    vpcId: vpc.vpcId,
    name: `${prefix}-app`,
    cidr: app,
    ipv6: true,
    cloud: "huaweicloud",
  });
  const site = {
    vpc,
    name: prefix,
    region: REGION,
    cidrs: [cidr],
    cloud: "huaweicloud" as const,
    account,
    connection,
    assignedIpv6Cidrs: [subnet.ipv6Cidr],
  };
  return { vpc, subnet, site };
}

const alice = side("alice", "10.10.0.0/16", "10.10.1.0/24");
const bob = side("bob", "10.20.0.0/16", "10.20.1.0/24");

const dr = new TwoRegionDr("alice-to-bob", { primary: alice.site, standby: bob.site });

export const aliceRouteTableId = alice.vpc.mainRouteTableId;
export const bobRouteTableId = bob.vpc.mainRouteTableId;
export const aliceIpv6 = alice.subnet.ipv6Cidr;
export const bobIpv6 = bob.subnet.ipv6Cidr;
export const peeringId = dr.peeringId;
export const peeringStatus = dr.status;
export const plannedRoutes = dr.plannedRoutes;
export const reachability = dr.reachabilityMatrix;
