/** Topologies for the graph tests, built through the real validator so they resolve exactly as users' files do. */
import type { Topology } from "../../../provider/core/topology.js";
import { validateDocument } from "../../../provider/core/validate.js";

/** examples/two-region-dr.yaml, as a plain object. */
export const TWO_REGION_DR = {
  vpcs: [
    {
      id: "vpc-gz",
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      account: "100001",
      cidrs: ["10.0.0.0/16"],
      routeTables: ["rtb-gz-app"],
    },
    {
      id: "vpc-bj",
      cloud: "tencentcloud",
      region: "ap-beijing",
      account: "100001",
      cidrs: ["10.1.0.0/16", "10.2.0.0/16"],
    },
  ],
  peerings: [
    {
      id: "gz-bj",
      name: "payments-dr",
      vpc: "vpc-gz",
      peerVpc: "vpc-bj",
      bandwidthMbps: 200,
      chargeType: "POSTPAID_BY_MONTH_95",
      serviceLevel: "gold",
    },
  ],
  routes: [
    { vpc: "vpc-gz", destination: "10.1.0.0/16", peering: "gz-bj" },
    { vpc: "vpc-gz", routeTable: "rtb-gz-app", destination: "10.1.0.0/16", peering: "gz-bj" },
    { vpc: "vpc-gz", routeTable: "rtb-gz-app", destination: "10.2.0.0/16", peering: "gz-bj" },
    { vpc: "vpc-bj", destination: "10.0.0.0/16", peering: "gz-bj" },
  ],
  bandwidthPolicies: [{ peering: "gz-bj", ip: "10.0.1.5", limitMbps: 20 }],
};

/** Two accounts in one region: no bandwidth to show, but the peering needs the other account's acceptance. */
export const CROSS_ACCOUNT = {
  vpcs: [
    { id: "vpc-a", cloud: "tencentcloud", region: "ap-shanghai", account: "100001", cidrs: ["10.10.0.0/16"] },
    { id: "vpc-b", cloud: "tencentcloud", region: "ap-shanghai", account: "200002", cidrs: ["10.20.0.0/16"] },
  ],
  peerings: [{ id: "a-b", vpc: "vpc-a", peerVpc: "vpc-b" }],
  routes: [
    { vpc: "vpc-a", destination: "10.20.0.0/16", peering: "a-b" },
    { vpc: "vpc-b", destination: "10.10.0.0/16", peering: "a-b" },
  ],
};

/** Ids that break naive output: spaces, quotes, a Mermaid keyword, entity and label delimiters, backslashes. */
export const HOSTILE_IDS = {
  vpcs: [
    {
      id: 'vpc "prod" gz',
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      account: "1",
      cidrs: ["10.0.0.0/16"],
    },
    { id: "end", cloud: "tencentcloud", region: "ap-guangzhou", account: "2", cidrs: ["10.1.0.0/16"] },
    { id: "a|b#c;<d>&`e`", cloud: "huaweicloud", region: "cn-north-4", account: "3", cidrs: ["10.2.0.0/16"] },
    { id: "<back\\", cloud: "huaweicloud", region: "cn-north-4", account: 'x"\\>', cidrs: ["10.3.0.0/16"] },
  ],
  peerings: [
    { id: 'p "1"', vpc: 'vpc "prod" gz', peerVpc: "end" },
    { id: "p2", name: "say \\N #quot;", vpc: "a|b#c;<d>&`e`", peerVpc: "<back\\", bandwidthMbps: 10 },
  ],
  routes: [
    { vpc: 'vpc "prod" gz', destination: "10.1.0.0/16", peering: 'p "1"' },
    { vpc: "<back\\", destination: "10.2.0.0/16", peering: "p2" },
  ],
};

export function topologyOf(input: unknown): Topology {
  const result = validateDocument(input);
  if (!result.topology) throw new Error(`fixture did not resolve: ${JSON.stringify(result.diagnostics)}`);
  return result.topology;
}

/** A copy of a fixture with changes, so tests never share mutable state. */
export function variant<T>(input: T, change: (copy: T) => void): T {
  const copy = structuredClone(input);
  change(copy);
  return copy;
}
