/**
 * A new subnet against its VPC and the VPC's other subnets, decided once for every layer (the `Subnet` resource's
 * check, the local engine, and so the emulator) from the rulebook's `subnets` entries. Open entries refuse
 * nothing. Every problem is returned, not only the first; callers raise them as SUBNET_INVALID.
 */
import { type Cidr, contains, makeHostAddress, overlaps, parseCidr } from "./cidr.js";
import { RULEBOOK } from "./rulebook/index.js";
import { isOpen } from "./rulebook/types.js";
import type { Cloud } from "./topology-schema.js";

/** The stable code every subnet refusal carries. */
export const SUBNET_INVALID = "SUBNET_INVALID";

export interface SubnetCandidate {
  readonly name: string;
  /** The subnet's IPv4 block, canonical (`10.0.1.0/24`). */
  readonly cidr: string;
  /** Ask the cloud for an IPv6 block at creation (Huawei `ipv6_enable`, Baidu `enableIpv6`). */
  readonly ipv6: boolean;
}

export interface SubnetNeighbourhood {
  readonly cloud: Cloud;
  readonly vpcId: string;
  /** The VPC's blocks, primary first (IPv4; IPv6 blocks the cloud assigned are ignored). */
  readonly vpcCidrs: readonly string[];
  /** The VPC's other subnets. */
  readonly siblings: readonly { readonly id: string; readonly cidr: string }[];
}

export interface SubnetProblem {
  readonly field: "name" | "cidr" | "ipv6";
  readonly value: string;
  readonly message: string;
  readonly fix: string;
  /** The sibling subnet an overlap is with. */
  readonly overlaps?: string;
}

/**
 * What can be decided without the VPC: the block itself, and on a known cloud its size and IPv6 at creation.
 * Plan-time safe (a `Subnet` that does not name its cloud is judged on the block only).
 */
export function subnetShapeProblems(cloud: Cloud | undefined, subnet: SubnetCandidate): SubnetProblem[] {
  const out: SubnetProblem[] = [];
  const label = `Subnet "${subnet.name}"`;
  if (subnet.name.trim() === "") {
    out.push({
      field: "name",
      value: subnet.name,
      message: "A subnet needs a name.",
      fix: "Give it a name.",
    });
  }
  const block = subnetBlock(subnet, out);
  if (cloud === undefined) return out;
  const rules = RULEBOOK[cloud].subnets;
  if (block && !isOpen(rules.ipv4MaxPrefix) && block.prefix > rules.ipv4MaxPrefix.value) {
    out.push({
      field: "cidr",
      value: subnet.cidr,
      message: `${label} block ${block.text} is smaller than ${cloud} allows: its mask may be at most /${rules.ipv4MaxPrefix.value} (rulebook: subnets.ipv4MaxPrefix).`,
      fix: `Use a block of /${rules.ipv4MaxPrefix.value} or larger.`,
    });
  }
  if (subnet.ipv6 && !isOpen(rules.ipv6AtCreate) && !rules.ipv6AtCreate.value) {
    out.push({
      field: "ipv6",
      value: "true",
      message: `${label} asks for IPv6 at creation, but ${cloud} creates subnets IPv4-only and assigns IPv6 to them by other calls (rulebook: subnets.ipv6AtCreate).`,
      fix: `Leave ipv6 off on ${cloud}; dual-stack sites over peering are Huawei's (rulebook: ipv6PeeringRoutes).`,
    });
  }
  return out;
}

/** Every problem of a new subnet in its VPC: the shape, then inside the VPC's blocks and clear of its siblings. */
export function subnetProblems(where: SubnetNeighbourhood, subnet: SubnetCandidate): SubnetProblem[] {
  const out = subnetShapeProblems(where.cloud, subnet);
  const block = parseCidr(subnet.cidr);
  if (!block.ok || block.cidr.family !== 4) return out;
  const rules = RULEBOOK[where.cloud].subnets;
  const label = `Subnet "${subnet.name}"`;
  const vpcBlocks = where.vpcCidrs.flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok && parsed.cidr.family === 4 ? [parsed.cidr] : [];
  });
  if (!isOpen(rules.withinVpc) && rules.withinVpc.value && !vpcBlocks.some((v) => contains(v, block.cidr))) {
    out.push({
      field: "cidr",
      value: subnet.cidr,
      message: `${label} block ${block.cidr.text} lies inside none of VPC "${where.vpcId}"'s blocks (${where.vpcCidrs.join(", ")}) (rulebook: subnets.withinVpc).`,
      fix: `Choose a block inside ${vpcBlocks.map((v) => v.text).join(" or ")}.`,
    });
  }
  if (!isOpen(rules.disjoint) && rules.disjoint.value) {
    for (const sibling of where.siblings) {
      const other = parseCidr(sibling.cidr);
      if (!other.ok || !overlaps(other.cidr, block.cidr)) continue;
      out.push({
        field: "cidr",
        value: subnet.cidr,
        message: `${label} block ${block.cidr.text} overlaps subnet "${sibling.id}" (${other.cidr.text}) of VPC "${where.vpcId}"; the subnets of one VPC must be disjoint (rulebook: subnets.disjoint).`,
        fix: `Choose a block clear of ${other.cidr.text}.`,
        overlaps: sibling.id,
      });
    }
  }
  return out;
}

/** The gateway a subnet is given when none is named: its first host address (`10.0.1.1` for `10.0.1.0/24`). */
export function defaultGateway(cidr: string): string {
  const parsed = parseCidr(cidr);
  if (!parsed.ok || parsed.cidr.family !== 4) throw new Error(`defaultGateway: ${cidr} is no IPv4 block`);
  return makeHostAddress(parsed.cidr, 1);
}

function subnetBlock(subnet: SubnetCandidate, out: SubnetProblem[]): Cidr | undefined {
  const parsed = parseCidr(subnet.cidr);
  if (!parsed.ok) {
    out.push({
      field: "cidr",
      value: subnet.cidr,
      message: `Subnet "${subnet.name}" block "${subnet.cidr}" is no CIDR block (${parsed.reason}).`,
      fix: parsed.suggestion
        ? `Did you mean ${parsed.suggestion}?`
        : "Write an IPv4 block, e.g. 10.0.1.0/24.",
    });
    return undefined;
  }
  if (parsed.cidr.family !== 4) {
    out.push({
      field: "cidr",
      value: subnet.cidr,
      message: `Subnet "${subnet.name}" block ${parsed.cidr.text} is IPv6; a subnet's block is IPv4, and its IPv6 block is the cloud's to assign.`,
      fix: "Give an IPv4 block and set ipv6: true for a dual-stack subnet.",
    });
    return undefined;
  }
  return parsed.cidr;
}
