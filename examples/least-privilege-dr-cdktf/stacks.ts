/**
 * The CDKTF twin of examples/least-privilege-dr: a two-region DR on Tencent Cloud whose routes are subnets, not
 * whole VPCs (CIS AWS Foundations 5.5; Prowler `vpc_peering_routing_tables_with_least_privilege`). Production's
 * app route table (not its main one) reaches the standby's database replica subnet; the standby routes back to
 * production's app subnet only. Kept apart from main.ts so that tests can synthesize it without writing cdktf.out/.
 */
import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { TwoRegionDr, type VpcSite } from "peerlink/cdktf";

const guangzhou: VpcSite = {
  vpcId: "vpc-2ari9m7h",
  name: "orders-gz",
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  account: "100001",
  cidrs: ["10.0.0.0/16"],
  mainRouteTableId: "rtb-gz-main",
  routeTableIds: ["rtb-gz-app"],
};

const beijing: VpcSite = {
  vpcId: "vpc-k1h3qoxa",
  name: "orders-bj",
  cloud: "tencentcloud",
  region: "ap-beijing",
  account: "100001",
  cidrs: ["10.1.0.0/16"],
  mainRouteTableId: "rtb-bj-main",
};

export class LeastPrivilegeDrStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TwoRegionDr(this, "orders-dr", {
      primary: guangzhou,
      standby: beijing,
      bandwidthMbps: 100,
      routing: {
        // The database replica subnet of the standby, from the app route table only.
        primary: { routes: ["10.1.20.0/24"], routeTables: ["rtb-gz-app"], mainTable: false },
        // Replies and replication go back to production's app subnet only.
        standby: { routes: ["10.0.10.0/24"] },
      },
    });
  }
}
