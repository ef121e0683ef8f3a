import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTopologyText } from "../../provider/core/load-document.js";
import type { TopologyInput } from "../../provider/core/topology-schema.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/diagnostics/", import.meta.url));
export const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

/**
 * The two-region DR example's text with a Shanghai VPC peered to Guangzhou, and Beijing routing Shanghai's block
 * through Guangzhou: one TRANSITIVE_ROUTE error (the change tests' head that makes the topology worse).
 */
export function withTransitiveRoute(example: string): string {
  return example
    .replace(
      "peerings:\n",
      '  - { id: vpc-sh, cloud: tencentcloud, region: ap-shanghai, account: "100001", cidrs: [10.3.0.0/16] }\npeerings:\n',
    )
    .replace("routes:\n", "  - { id: gz-sh, vpc: vpc-gz, peerVpc: vpc-sh, bandwidthMbps: 100 }\nroutes:\n")
    .replace(
      "bandwidthPolicies:\n",
      "  - { vpc: vpc-gz, destination: 10.3.0.0/16, peering: gz-sh }\n" +
        "  - { vpc: vpc-sh, destination: 10.0.0.0/16, peering: gz-sh }\n" +
        "  - { vpc: vpc-bj, destination: 10.3.0.0/16, peering: gz-bj }\nbandwidthPolicies:\n",
    );
}

export function loadFixture(path: string): unknown {
  return parseTopologyText(readFileSync(path, "utf8"), path);
}

type Vpc = TopologyInput["vpcs"] extends (infer T)[] | undefined ? T : never;

/** A Tencent VPC in `region` with one CIDR, for tests that build topologies in code. */
export function vpc(
  id: string,
  cidr: string | string[],
  region = "ap-guangzhou",
  extra: Partial<Vpc> = {},
): Vpc {
  return {
    id,
    cloud: "tencentcloud",
    region,
    account: "100001",
    cidrs: Array.isArray(cidr) ? cidr : [cidr],
    ...extra,
  };
}
