import type { Cidr } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { type VpcBlockRefusal, vpcBlockRefusal } from "../rulebook/index.js";
import type { Vpc } from "../topology.js";
import { blockField } from "./block-place.js";
import type { Rule } from "./rule.js";

function refusalDiagnostic(vpc: Vpc, block: Cidr, refusal: VpcBlockRefusal): Diagnostic {
  const where = `VPC "${vpc.id}" block ${block.text}`;
  const places = { field: blockField(vpc, block) };
  if (refusal.reason === "ipv6") {
    return refusal.mapped
      ? diagnostic(
          "CIDR_NOT_ALLOWED",
          vpc.ref,
          `${where} is the IPv4-mapped IPv6 form of ${refusal.mapped.text}; ${vpc.cloud} takes IPv4 VPC blocks only and assigns IPv6 itself.`,
          `Write "${refusal.mapped.text}".`,
          places,
        )
      : diagnostic(
          "CIDR_NOT_ALLOWED",
          vpc.ref,
          `${where} is IPv6; ${vpc.cloud} takes IPv4 VPC blocks only and assigns a VPC's IPv6 range itself.`,
          `Remove ${block.text} from the VPC's cidrs.`,
          places,
        );
  }
  const what = refusal.reason === "range" ? "is outside the ranges" : "has a prefix length outside what";
  return diagnostic(
    "CIDR_NOT_ALLOWED",
    vpc.ref,
    `${where} ${what} ${vpc.cloud} allows for a VPC: ${refusal.allowed}.`,
    refusal.reason === "range"
      ? `Use a block inside ${refusal.allowed}.`
      : `Use a block of ${refusal.allowed}.`,
    places,
  );
}

/**
 * Each VPC block against its cloud's documented VPC ranges (rulebook vpcBlocks: Tencent's console guide and
 * CreateVpc, Huawei's CreateVpc definition, Baidu's VPC guide). A block no cloud creates (`0.0.0.0/0`, a /29, a
 * public range on Tencent, `::/0` where IPv6 is assigned by the cloud) would only fail at apply time. The ranges
 * and prefix lengths are those of CreateVpc, so they hold for the primary block (the first); secondary blocks
 * have rules of their own that the rulebook does not hold yet, and only the IPv6 rule applies to them.
 */
export const checkVpcBlocks: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const vpc of topology.vpcs) {
    vpc.cidrs.forEach((block, position) => {
      // Assigned by the cloud, not declared: nothing the user chose to judge.
      if (vpc.assignedIpv6.includes(block)) return;
      const refusal = vpcBlockRefusal(vpc.cloud, block, position === 0 ? "primary" : "secondary");
      if (refusal) out.push(refusalDiagnostic(vpc, block, refusal));
    });
  }
  return out;
};
