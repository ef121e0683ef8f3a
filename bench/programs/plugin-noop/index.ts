/**
 * `resources` custom resources (config peerlinkBench:resources, else PEERLINK_BENCH_RESOURCES, else as many as
 * the 20-VPC mesh has) of the minimal plugin in ./provider, no dependencies between them: what the engine, the
 * language host and a Node provider plugin cost per resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_VPCS, ringMesh, sizeFrom } from "../peerlink-mesh/topology.js";

const config = new pulumi.Config("peerlinkBench");
const count = sizeFrom(
  config.getNumber("resources"),
  "PEERLINK_BENCH_RESOURCES",
  ringMesh(DEFAULT_VPCS).resources,
  0,
);

class Noop extends pulumi.CustomResource {
  constructor(n: number) {
    super("peerlinkbench:index:Noop", `noop-${n}`, { n });
  }
}

for (let n = 0; n < count; n++) new Noop(n);

export const resources = count;
