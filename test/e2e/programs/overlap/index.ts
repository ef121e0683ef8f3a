/**
 * Journey 1's late change: payments-style DR between Guangzhou (10.0.0.0/16) and Beijing (10.1.0.0/16), where the
 * stack config `standbySecondaryCidr` adds a secondary CIDR to the Beijing VPC. Set to a block inside Guangzhou's
 * (10.0.128.0/17), the TwoRegionDr component finds CIDR_OVERLAP in the planned topology before it registers any
 * child, so `pulumi preview` fails and nothing reaches the backend: on a fresh stack as on a deployed one. A
 * disjoint block (10.2.0.0/16) is added to the deployed VPC in place, with a new route to it.
 */
import * as pulumi from "@pulumi/pulumi";
import { TwoRegionDr, Vpc } from "peerlink/pulumi";

const secondary = new pulumi.Config().get("standbySecondaryCidr");
const standbyCidrs = ["10.1.0.0/16", ...(secondary ? [secondary] : [])];

const primary = new Vpc("overlap-gz", {
  name: "overlap-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
});
const standby = new Vpc("overlap-bj", {
  name: "overlap-bj",
  region: "ap-beijing",
  cidrs: standbyCidrs,
});

const dr = new TwoRegionDr("overlap-dr", {
  primary: { vpc: primary, name: "overlap-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
  standby: { vpc: standby, name: "overlap-bj", region: "ap-beijing", cidrs: standbyCidrs },
  bandwidthMbps: 100,
});

export const peeringStatus = dr.status;
export const peeringId = dr.peeringId;
