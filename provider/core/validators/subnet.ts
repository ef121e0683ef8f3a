import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { subnetRef } from "../resource-ref.js";
import { subnetCandidate, subnetProblems } from "../subnet-rules.js";
import type { Vpc } from "../topology.js";
import type { Rule } from "./rule.js";

/** Whether every declared block of the VPC parsed: otherwise "inside its VPC" is not judged (INVALID_CIDR said). */
function blocksResolved(vpc: Vpc): boolean {
  return vpc.cidrs.length - vpc.assignedIpv6.length === vpc.spec.cidrs.length;
}

/**
 * Each declared subnet through the one subnet decision every layer asks (core subnet-rules.ts `subnetProblems`,
 * rulebook `subnets`), against its VPC and the subnets declared before it in that VPC: in document order, as a
 * cloud creates them, so of two overlapping subnets the later one is refused, and a refused subnet is nobody's
 * sibling. Every problem of a subnet is its own SUBNET_INVALID. A VPC the credentials cannot read (visible:
 * false) has no blocks to judge against, and its subnets are skipped.
 */
export const checkSubnets: Rule = (topology) => {
  const out: Diagnostic[] = [];
  const accepted = new Map<Vpc, { id: string; cidr: string }[]>();
  for (const subnet of topology.subnets) {
    const vpc = subnet.vpc;
    if (vpc.spec.visible === false) continue;
    const siblings = accepted.get(vpc) ?? [];
    const judgeWithin = blocksResolved(vpc);
    const { spec } = subnet;
    const problems = subnetProblems(
      { cloud: vpc.cloud, vpcId: vpc.id, vpcCidrs: vpc.spec.cidrs, siblings },
      subnetCandidate({ name: subnet.name, cidr: spec.cidr, ipv6: spec.ipv6, gatewayIp: spec.gatewayIp }),
    ).filter((p) => judgeWithin || p.rule !== "withinVpc");
    if (problems.length === 0) {
      siblings.push({ id: subnet.id, cidr: spec.cidr });
      accepted.set(vpc, siblings);
    }
    for (const p of problems)
      out.push(
        diagnostic("SUBNET_INVALID", subnet.ref, p.message, p.fix, {
          field: [p.field],
          related: p.sibling === undefined ? [] : [subnetRef(p.sibling)],
        }),
      );
  }
  return out;
};
