/**
 * Raw peerlink resources (no component, so no construction-time validation) with two topology errors:
 *
 * - CIDR_OVERLAP: VPC a (10.0.0.0/16) is peered with VPC d (10.0.128.0/17), which overlaps it;
 * - TRANSITIVE_ROUTE: VPC a routes 10.2.0.0/16 (VPC c) through its peering with b, and b is peered with c; VPC
 *   peering is never transitive.
 *
 * In a fresh stack no VPC id is known at preview, so the resources' own plan-time checks (which ask the live
 * backend) have nothing to look at: the policy pack, which sees the whole stack, is what reports both.
 */
import { Peering, RouteRule, Vpc } from "peerlink/pulumi";

const region = "ap-guangzhou";
const vpc = (name: string, cidr: string) => new Vpc(name, { name, region, cidrs: [cidr] });

const a = vpc("pv-a", "10.0.0.0/16");
const b = vpc("pv-b", "10.1.0.0/16");
const c = vpc("pv-c", "10.2.0.0/16");
const d = vpc("pv-d", "10.0.128.0/17");

const ab = new Peering("pv-a-b", { name: "pv-a-b", vpcId: a.vpcId, peerVpcId: b.vpcId });
new Peering("pv-b-c", { name: "pv-b-c", vpcId: b.vpcId, peerVpcId: c.vpcId });
new Peering("pv-a-d", { name: "pv-a-d", vpcId: a.vpcId, peerVpcId: d.vpcId });

new RouteRule("pv-a-to-b", { vpcId: a.vpcId, destination: "10.1.0.0/16", peeringId: ab.peeringId });
new RouteRule("pv-b-to-a", { vpcId: b.vpcId, destination: "10.0.0.0/16", peeringId: ab.peeringId });
// The transitive route: c's block, through the a-b peering.
new RouteRule("pv-a-to-c-via-b", { vpcId: a.vpcId, destination: "10.2.0.0/16", peeringId: ab.peeringId });
