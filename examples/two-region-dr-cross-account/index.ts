/**
 * Journey 2: the application account (100001) requests a peering to the network team's shared-services VPC in
 * another account (100002). One program, two connections: the peering is created with the app account's, the
 * acceptance with the network account's, and the routes on each side with their own account's, after the
 * acceptance. No sleep, no second `pulumi up`.
 *
 * On the local backend the two accounts are two local accounts in one state file. On Tencent Cloud, set each
 * account's keys as secrets:
 *
 *   pulumi config set peerlinkExample:backend tencentcloud
 *   pulumi config set --secret peerlinkExample:appSecretId AKID...      # and appSecretKey
 *   pulumi config set --secret peerlinkExample:networkSecretId AKID...  # and networkSecretKey
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, TwoRegionDr, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkExample");
const backend = config.get("backend") ?? "local";

function connection(account: string, region: string, prefix: "app" | "network"): ConnectionArgs {
  if (backend === "local") return { kind: "local", account };
  return {
    kind: "tencentcloud",
    account,
    region,
    // getSecret/requireSecret keep them Pulumi secrets: never in plain-text state or logs.
    secretId: config.requireSecret(`${prefix}SecretId`),
    secretKey: config.requireSecret(`${prefix}SecretKey`),
  };
}

const app = connection("100001", "ap-guangzhou", "app");
const network = connection("100002", "ap-beijing", "network");

// On the local backend the VPCs are created here; on a cloud, pass the existing VPC ids instead.
const appVpc = new Vpc("app-gz", {
  connection: app,
  name: "app-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
});
const sharedVpc = new Vpc("shared-bj", {
  connection: network,
  name: "shared-bj",
  region: "ap-beijing",
  cidrs: ["172.16.0.0/16"],
});

const dr = new TwoRegionDr("app-to-shared", {
  primary: {
    vpc: appVpc,
    name: "app-gz",
    region: "ap-guangzhou",
    cidrs: ["10.0.0.0/16"],
    account: "100001",
    connection: app,
  },
  standby: {
    vpc: sharedVpc,
    name: "shared-bj",
    region: "ap-beijing",
    cidrs: ["172.16.0.0/16"],
    account: "100002",
    connection: network,
  },
  bandwidthMbps: 100,
});

export const peeringId = dr.peeringId;
/** ACTIVE once the network account has accepted it. */
export const peeringStatus = dr.status;
export const acceptanceStatus = dr.acceptance?.status;
export const routes = dr.description.routes;
export const reachability = dr.reachabilityMatrix;
export const estimatedDailyCostCny = dr.estimatedDailyCost;
