/**
 * `vpcs` VPCs (config peerlinkBench:vpcs, else PEERLINK_BENCH_VPCS, else 20) on the local backend, each in a
 * region of its own with one /16, peered with its ring neighbours (topology.ts) at 100 Mbps, and a route in the
 * main table of both VPCs of every peering to the other's CIDR.
 */
import * as pulumi from "@pulumi/pulumi";
import { Peering, RouteRule, Vpc } from "peerlink/pulumi";
import { DEFAULT_VPCS, ringMesh, sizeFrom } from "./topology.js";

const config = new pulumi.Config("peerlinkBench");
const mesh = ringMesh(sizeFrom(config.getNumber("vpcs"), "PEERLINK_BENCH_VPCS", DEFAULT_VPCS, 2));

const cidr = (i: number) => `10.${i}.0.0/16`;
const vpcs = Array.from(
  { length: mesh.vpcs },
  (_, i) => new Vpc(`vpc-${i}`, { name: `vpc-${i}`, region: `ap-region-${i}`, cidrs: [cidr(i)] }),
);

for (const [a, b] of mesh.peerings) {
  const peering = new Peering(`peering-${a}-${b}`, {
    vpcId: vpcs[a]!.vpcId,
    peerVpcId: vpcs[b]!.vpcId,
    name: `peering-${a}-${b}`,
    bandwidthMbps: 100,
  });
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    new RouteRule(`route-${from}-to-${to}`, {
      vpcId: vpcs[from]!.vpcId,
      destination: cidr(to),
      peeringId: peering.peeringId,
    });
  }
}

export const resources = mesh.resources;
export const peerings = mesh.peerings.length;
