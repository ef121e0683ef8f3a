import { contains } from "../cidr.js";
import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, type DiagnosticPlaces, diagnostic } from "../diagnostics.js";
import { fieldRef } from "../resource-ref.js";
import type { BandwidthPolicy } from "../topology.js";
import type { Rule } from "./rule.js";

/**
 * A per-IP limit is a positive whole number of Mbps: the one rule the schema, the Pulumi inputs and the local
 * engine all use. Tencent API 3.0 ModifyGatewayFlowQos (https://cloud.tencent.com/document/api/215/43268):
 * "Bandwidth | 是 | Integer | 流控带宽值。取值大于0,表示限流到指定的Mbps;取值等于0,表示完全限流;取值为-1,不限流。"
 * peerlink limits a flow, so 0 (block) and -1 (unlimited) are not limits: remove the policy instead.
 */
export function isLimitMbps(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/**
 * Per-IP outbound limits on the peering gateway (seed 000 "对等连接网关流控", "设置对等连接流控明细"): the IP
 * belongs to one side of the peering, the limit fits in the peering's bandwidth, and the cloud offers it.
 */
export const checkBandwidthPolicy: Rule = (topology) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, BandwidthPolicy>();
  for (const policy of topology.bandwidthPolicies) {
    const { peering, vpc, ip, ref } = policy;
    const report = (message: string, fix: string, places?: DiagnosticPlaces) =>
      out.push(diagnostic("BANDWIDTH_POLICY_INVALID", ref, message, fix, places));
    const cloud = peering.vpc.cloud;
    const support = CLOUD_RULES[cloud].perIpLimits;
    if (support === "none") {
      report(
        `Per-IP limit for ${ip.text} on peering "${peering.id}": ${cloud} offers no per-IP limits on peerings.`,
        "Remove the policy; limit the peering's bandwidth instead.",
      );
      continue;
    }
    if (support === "cross-region" && !peering.crossRegion) {
      report(
        `Per-IP limit for ${ip.text} on same-region peering "${peering.id}": ${cloud} offers flow control on cross-region peerings only (seed 000).`,
        "Remove the policy; same-region peerings have no flow control.",
      );
      continue;
    }
    if (vpc !== peering.vpc && vpc !== peering.peerVpc) {
      report(
        `Policy VPC "${vpc.id}" is not a side of peering "${peering.id}" ("${peering.vpc.id}", "${peering.peerVpc.id}").`,
        `Set vpc to "${peering.vpc.id}" or "${peering.peerVpc.id}".`,
        { field: ["vpc"] },
      );
      continue;
    }
    if (!vpc.cidrs.some((c) => contains(c, ip))) {
      report(
        `IP ${ip.text.replace(/\/\d+$/, "")} is not inside VPC "${vpc.id}" (${vpc.cidrs.map((c) => c.text).join(", ")}).`,
        `Use an address of "${vpc.id}", or set vpc to the side the address belongs to.`,
        { field: ["ip"] },
      );
    }
    const limit = policy.spec.limitMbps;
    if (!isLimitMbps(limit)) {
      report(
        `limitMbps ${limit} for ${ip.text.replace(/\/\d+$/, "")} on peering "${peering.id}" is not a positive whole number of Mbps.`,
        "Set limitMbps to a positive integer, at most the peering's bandwidth.",
        { field: ["limitMbps"] },
      );
    }
    const bandwidth = peering.spec.bandwidthMbps;
    if (bandwidth !== undefined && limit > bandwidth) {
      report(
        `limitMbps ${policy.spec.limitMbps} exceeds peering "${peering.id}" bandwidth of ${bandwidth} Mbps.`,
        `Set limitMbps to at most ${bandwidth}.`,
        { field: ["limitMbps"], related: [fieldRef(peering.ref, "bandwidthMbps")] },
      );
    }
    const key = `${peering.id}\u0000${ip.text}`;
    const first = seen.get(key);
    if (first) {
      report(
        `IP ${ip.text.replace(/\/\d+$/, "")} already has a limit on peering "${peering.id}" (${first.resource}).`,
        "Keep one limit per IP and peering.",
        { field: ["ip"], related: [first.ref] },
      );
    } else seen.set(key, policy);
  }
  return out;
};
