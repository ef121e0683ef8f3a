/**
 * Two VPCs whose CIDRs overlap (10.0.0.0/16 and 10.0.128.0/17), peered by the TwoRegionDr component: the
 * component validates the planned topology before it creates any child, so `pulumi preview` fails with
 * CIDR_OVERLAP and nothing reaches the backend.
 */
import { TwoRegionDr, Vpc } from "peerlink/pulumi";

const primary = new Vpc("overlap-gz", {
  name: "overlap-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
});
const standby = new Vpc("overlap-bj", {
  name: "overlap-bj",
  region: "ap-beijing",
  cidrs: ["10.0.128.0/17"],
});

const dr = new TwoRegionDr("overlap-dr", {
  primary: { vpc: primary, name: "overlap-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
  standby: { vpc: standby, name: "overlap-bj", region: "ap-beijing", cidrs: ["10.0.128.0/17"] },
  bandwidthMbps: 100,
});

export const peeringStatus = dr.status;
