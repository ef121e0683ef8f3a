/**
 * One cross-account peering on the cloud `peerlinkE2e:kind` names (tencentcloud, huaweicloud or baiducloud), every
 * custom resource kind once: two Vpcs, a Peering, its PeeringAcceptance by the other account, a RouteRule on each
 * side. Huawei peerings are regional and one Baidu endpoint serves one region, so alice and bob share a region
 * there; Tencent's is cross-region (and so needs a bandwidth tier), as in the DR example.
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, Peering, PeeringAcceptance, RouteRule, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkE2e");
const kind = config.require("kind") as "tencentcloud" | "huaweicloud" | "baiducloud";
const endpoint = config.require("endpoint");
const REGIONS = {
  tencentcloud: ["ap-guangzhou", "ap-beijing"],
  huaweicloud: ["cn-north-4", "cn-north-4"],
  baiducloud: ["bj", "bj"],
} as const;
const [aliceRegion, bobRegion] = REGIONS[kind];

function connection(
  prefix: "alice" | "bob",
  region: string,
): { account: string; connection: ConnectionArgs } {
  const account = config.require(`${prefix}Account`);
  return {
    account,
    connection: {
      kind,
      account,
      region,
      endpoint,
      secretId: config.requireSecret(`${prefix}SecretId`),
      secretKey: config.requireSecret(`${prefix}SecretKey`),
    },
  };
}

const ALICE_CIDR = "10.10.0.0/16";
const BOB_CIDR = "10.20.0.0/16";
const alice = connection("alice", aliceRegion);
const bob = connection("bob", bobRegion);

const aliceVpc = new Vpc("alice-vpc", {
  connection: alice.connection,
  name: "alice-vpc",
  region: aliceRegion,
  cidrs: [ALICE_CIDR],
});
const bobVpc = new Vpc("bob-vpc", {
  connection: bob.connection,
  name: "bob-vpc",
  region: bobRegion,
  cidrs: [BOB_CIDR],
});

const peering = new Peering("alice-bob", {
  connection: alice.connection,
  vpcId: aliceVpc.vpcId,
  peerVpcId: bobVpc.vpcId,
  peerAccount: bob.account,
  peerRegion: bobRegion,
  peerVpcCidrs: [BOB_CIDR],
  name: "alice-bob",
  ...(kind === "huaweicloud" ? {} : { bandwidthMbps: 10 }),
});
const acceptance = new PeeringAcceptance("alice-bob-accept", {
  connection: bob.connection,
  peeringId: peering.peeringId,
});

const aliceRoute = new RouteRule(
  "alice-to-bob",
  {
    connection: alice.connection,
    vpcId: aliceVpc.vpcId,
    destination: BOB_CIDR,
    peeringId: peering.peeringId,
  },
  { dependsOn: [acceptance] },
);
const bobRoute = new RouteRule(
  "bob-to-alice",
  { connection: bob.connection, vpcId: bobVpc.vpcId, destination: ALICE_CIDR, peeringId: peering.peeringId },
  { dependsOn: [acceptance] },
);

export const peeringId = peering.peeringId;
export const aliceVpcId = aliceVpc.vpcId;
export const bobVpcId = bobVpc.vpcId;
export const routeIds = [aliceRoute.routeId, bobRoute.routeId];
