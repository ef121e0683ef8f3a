/**
 * A dual-stack DR on Huawei Cloud, on the local backend (no cloud account needed). Huawei is the cloud whose
 * documentation has IPv6 routes through a VPC peering (peerlink's rulebook: ipv6PeeringRoutes), and it assigns
 * IPv6 per subnet: a subnet created with IPv6 on gets a /64 the cloud chooses (rulebook subnets.ipv6AtCreate). So
 * each side has a dual-stack app subnet, and the DR component routes the peer's IPv4 block and the IPv6 block the
 * cloud assigned the peer's subnet, both ways. The IPv6 blocks are known only once the subnets exist: the
 * component plans with the number of blocks and routes to the values at apply.
 *
 * Huawei peerings join VPCs of one region (the rulebook: regions), so both sites are in cn-east-3.
 *
 *   pulumi preview   # 2 IPv4 and 2 IPv6 routes (the IPv6 destinations are known after apply)
 *   pulumi up        # ends with the peering ACTIVE and the routes to the assigned /64s
 */
import { Subnet, TwoRegionDr, Vpc } from "peerlink/pulumi";

const REGION = "cn-east-3";

function dualStackSite(name: string, cidr: string, app: string) {
  const vpc = new Vpc(name, { name, region: REGION, cidrs: [cidr], cloud: "huaweicloud" });
  const subnet = new Subnet(`${name}-app`, {
    vpcId: vpc.vpcId,
    name: "app",
    cidr: app,
    ipv6: true,
    cloud: "huaweicloud",
  });
  return { vpc, subnet, cidr };
}

const primary = dualStackSite("payments-a", "10.30.0.0/16", "10.30.1.0/24");
const standby = dualStackSite("payments-b", "10.40.0.0/16", "10.40.1.0/24");

const site = (s: typeof primary, name: string) => ({
  vpc: s.vpc,
  name,
  cloud: "huaweicloud" as const,
  region: REGION,
  cidrs: [s.cidr],
  // The /64 Huawei assigned the app subnet: an Output, routed once the subnet exists.
  assignedIpv6Cidrs: [s.subnet.ipv6Cidr],
});

const dr = new TwoRegionDr("payments-dual", {
  primary: site(primary, "payments-a"),
  standby: site(standby, "payments-b"),
});

export const peeringStatus = dr.status;
/** `<vpc> [<table>] <destination> via <requester> -> <accepter>`, the IPv6 blocks as the cloud assigned them. */
export const routes = dr.plannedRoutes;
export const reachability = dr.reachabilityMatrix;
export const ipv6Blocks = { "payments-a": primary.subnet.ipv6Cidr, "payments-b": standby.subnet.ipv6Cidr };
