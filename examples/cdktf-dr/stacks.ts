/**
 * The stacks of the CDKTF example: a two-region DR on Tencent Cloud (journey 1, in CDKTF), and the same DR
 * across two accounts, where the standby's account accepts the peering through its own provider (journey 2).
 * Kept apart from main.ts so that tests can synthesize them without writing cdktf.out/.
 */
import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { TencentcloudProvider, TwoRegionDr, type VpcSite } from "peerlink/cdktf";

/** Production in Guangzhou (two route tables), the warm standby in Beijing (two CIDR blocks). */
const guangzhou: VpcSite = {
  vpcId: "vpc-2ari9m7h",
  name: "payments-gz",
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  account: "100001",
  cidrs: ["10.0.0.0/16"],
  mainRouteTableId: "rtb-gz-main",
  routeTableIds: ["rtb-gz-app"],
};

const beijing: VpcSite = {
  vpcId: "vpc-k1h3qoxa",
  name: "payments-bj",
  cloud: "tencentcloud",
  region: "ap-beijing",
  account: "100001",
  cidrs: ["10.1.0.0/16", "10.2.0.0/16"],
  mainRouteTableId: "rtb-bj-main",
};

export class PaymentsDrStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TwoRegionDr(this, "payments-dr", {
      primary: guangzhou,
      standby: beijing,
      bandwidthMbps: 200,
      chargeType: "POSTPAID_BY_MONTH_95",
      serviceLevel: "gold",
    });
  }
}

/**
 * The standby lives in the network team's account (100002). Each side gets a provider of its own account and
 * region; the standby's one assumes a role there (no second set of keys in the synthesized JSON).
 */
export class CrossAccountDrStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const app = new TencentcloudProvider(this, "app-account", { alias: "app", region: "ap-guangzhou" });
    const network = new TencentcloudProvider(this, "network-account", {
      alias: "network",
      region: "ap-beijing",
      assumeRole: {
        roleArn: "qcs::cam::uin/100002:roleName/peerlink-accepter",
        sessionName: "peerlink",
        sessionDuration: 3600,
      },
    });
    new TwoRegionDr(this, "shared-services", {
      primary: { ...guangzhou, provider: app },
      standby: { ...beijing, account: "100002", provider: network },
      bandwidthMbps: 100,
    });
  }
}

export function addStacks(app: Construct): { payments: PaymentsDrStack; crossAccount: CrossAccountDrStack } {
  return {
    payments: new PaymentsDrStack(app, "payments-dr"),
    crossAccount: new CrossAccountDrStack(app, "cross-account-dr"),
  };
}
