import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTopologyText } from "../../provider/core/load-document.js";
import type { TopologyInput } from "../../provider/core/topology-schema.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/diagnostics/", import.meta.url));
export const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

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
