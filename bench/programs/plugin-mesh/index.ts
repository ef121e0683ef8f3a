/**
 * bench/programs/peerlink-mesh through the provider plugin: the same VPCs, peerings and routes (topology.ts), as
 * `peerlink:index:*` custom resources instead of dynamic ones.
 *
 * With PEERLINK_BENCH_NOOP=1 the same program declares every resource as `peerlinkbench:index:Noop` of the no-op
 * plugin (../plugin-noop/provider): the same registrations, inputs, dependencies and stack traces, served by a
 * provider that does nothing, so that the two runs differ by peerlink's provider alone. A reference to another
 * resource's output then takes its id (the no-op resources have no outputs).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_VPCS, ringMesh, sizeFrom } from "../peerlink-mesh/topology.js";

const config = new pulumi.Config("peerlinkBench");
const mesh = ringMesh(sizeFrom(config.getNumber("vpcs"), "PEERLINK_BENCH_VPCS", DEFAULT_VPCS, 2));

const noop = process.env.PEERLINK_BENCH_NOOP === "1";

class Resource extends pulumi.CustomResource {}
const resource = (type: string, name: string, inputs: pulumi.Inputs, outputs: string[]) => {
  const made = new Resource(noop ? "peerlinkbench:index:Noop" : `peerlink:index:${type}`, name, {
    ...inputs,
    ...Object.fromEntries(outputs.map((k) => [k, undefined])),
  }) as Resource & Record<string, pulumi.Output<string>>;
  return noop ? Object.assign(made, Object.fromEntries(outputs.map((k) => [k, made.id]))) : made;
};

const cidr = (i: number) => `10.${i}.0.0/16`;
const vpcs = Array.from({ length: mesh.vpcs }, (_, i) =>
  resource("Vpc", `vpc-${i}`, { name: `vpc-${i}`, region: `ap-region-${i}`, cidrs: [cidr(i)] }, ["vpcId"]),
);

for (const [a, b] of mesh.peerings) {
  const peering = resource(
    "Peering",
    `peering-${a}-${b}`,
    { vpcId: vpcs[a]!.vpcId, peerVpcId: vpcs[b]!.vpcId, name: `peering-${a}-${b}`, bandwidthMbps: 100 },
    ["peeringId"],
  );
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    resource(
      "RouteRule",
      `route-${from}-to-${to}`,
      { vpcId: vpcs[from]!.vpcId, destination: cidr(to), peeringId: peering.peeringId },
      [],
    );
  }
}

export const resources = mesh.resources;
