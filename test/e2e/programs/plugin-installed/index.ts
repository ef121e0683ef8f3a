/**
 * Two VPCs and a peering by type token, with no `plugins.providers[].path` in Pulumi.yaml: the engine runs the
 * peerlink plugin installed in PULUMI_HOME (test/e2e/pulumi-plugin-install.test.ts installs it from the tarball
 * of scripts/plugin-package.mjs).
 */
import * as pulumi from "@pulumi/pulumi";

class Resource extends pulumi.CustomResource {}

const gz = new Resource("peerlink:index:Vpc", "inst-gz", {
  name: "inst-gz",
  region: "ap-guangzhou",
  cidrs: ["10.30.0.0/16"],
});
const bj = new Resource("peerlink:index:Vpc", "inst-bj", {
  name: "inst-bj",
  region: "ap-beijing",
  cidrs: ["10.31.0.0/16"],
});
const peering = new Resource("peerlink:index:Peering", "inst-gz-bj", {
  vpcId: gz.id,
  peerVpcId: bj.id,
  name: "inst-gz-bj",
  bandwidthMbps: 100,
  status: undefined,
});

export const status = (peering as unknown as { status: pulumi.Output<string> }).status;
