/**
 * `resources` dynamic resources (config peerlinkBench:resources, else PEERLINK_BENCH_RESOURCES, else as many as
 * the 20-VPC mesh has) whose provider does nothing: create returns {id, outs: {}}. No dependencies between them:
 * what the engine, the language host and the dynamic-provider plugin cost per resource. With 0 resources it is
 * the start-up of `pulumi up` alone (CLI, language host, tsx, the program, the stack resource).
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

const noop: pulumi.dynamic.ResourceProvider = {
  create: async (inputs: { n: number }) => ({ id: `noop-${inputs.n}`, outs: {} }),
};

class Noop extends pulumi.dynamic.Resource {
  constructor(n: number) {
    super(noop, `noop-${n}`, { n }, undefined, "peerlinkBench", "Noop");
  }
}

for (let n = 0; n < count; n++) new Noop(n);

export const resources = count;
