/**
 * A new subnet against its VPC and the VPC's other subnets, decided once for every layer (the `Subnet` resource's
 * check, the local engine, and so the emulator) from the rulebook's `subnets` entries. Open entries refuse
 * nothing. Every problem is returned, not only the first; callers raise them as SUBNET_INVALID.
 */
import { type Cidr, contains, makeHostAddress, overlaps, parseCidr, parseIp } from "./cidr.js";
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
  /** A gateway of the caller's choosing (Huawei `gateway_ip`); none: the block's first host (defaultGateway). */
  readonly gatewayIp?: string;
}

export interface SubnetNeighbourhood {
  readonly cloud: Cloud;
  readonly vpcId: string;
  /** The VPC's blocks, primary first (IPv4; IPv6 blocks the cloud assigned are ignored). */
  readonly vpcCidrs: readonly string[];
  /** The VPC's other subnets. */
  readonly siblings: readonly { readonly id: string; readonly cidr: string }[];
}

/** The rule a problem breaks: a rulebook `subnets` entry, or what every cloud needs of a block and a gateway. */
export type SubnetRule =
  | "withinVpc"
  | "ipv4MaxPrefix"
  | "disjoint"
  | "ipv6AtCreate"
  | "block"
  | "name"
  | "gateway";

export interface SubnetProblem {
  readonly field: "name" | "cidr" | "ipv6" | "gatewayIp";
  /** Which rule: a cloud may answer each with its own code (Huawei VPC.0203 for withinVpc, error-codes.ts). */
  readonly rule: SubnetRule;
  readonly value: string;
  readonly message: string;
  readonly fix: string;
  /** For `disjoint`: the id of the subnet this one overlaps. */
  readonly sibling?: string;
}

/** A create request (the Backend's CreateSubnetInput, a wire body) as the subnet rules take it. */
export function subnetCandidate(input: {
  readonly name: string;
  readonly cidr: string;
  readonly ipv6?: boolean;
  readonly gatewayIp?: string;
}): SubnetCandidate {
  return {
    name: input.name,
    cidr: input.cidr,
    ipv6: input.ipv6 ?? false,
    ...(input.gatewayIp === undefined ? {} : { gatewayIp: input.gatewayIp }),
  };
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
      rule: "name",
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
      rule: "ipv4MaxPrefix",
      value: subnet.cidr,
      message: `${label} block ${block.text} is smaller than ${cloud} allows: its mask may be at most /${rules.ipv4MaxPrefix.value} (rulebook: subnets.ipv4MaxPrefix).`,
      fix: `Use a block of /${rules.ipv4MaxPrefix.value} or larger.`,
    });
  }
  if (subnet.ipv6 && !isOpen(rules.ipv6AtCreate) && !rules.ipv6AtCreate.value) {
    out.push({
      field: "ipv6",
      rule: "ipv6AtCreate",
      value: "true",
      message: `${label} asks for IPv6 at creation, but ${cloud} creates subnets IPv4-only and assigns IPv6 to them by other calls (rulebook: subnets.ipv6AtCreate).`,
      fix: `Leave ipv6 off on ${cloud}; dual-stack sites over peering are Huawei's (rulebook: ipv6PeeringRoutes).`,
    });
  }
  if (subnet.gatewayIp !== undefined) out.push(...gatewayProblems(subnet, block));
  return out;
}

/**
 * A gateway named at creation must be an IPv4 address inside the subnet's block: Huawei documents `gateway_ip` as
 * "子网的网关 取值范围:子网网段中的IP地址 约束:必须是ip格式" (华为云 虚拟私有云 API参考: 创建子网 - CreateSubnet,
 * https://support.huaweicloud.com/api-vpc/vpc_subnet01_0001.html); a gateway outside its subnet routes nothing on
 * any cloud. The block's network address is refused too, peerlink's own choice (the reference does not say it): it
 * names the subnet, not a host. Nothing more is checked (the broadcast address, addresses a cloud reserves).
 */
function gatewayProblems(subnet: SubnetCandidate, block: Cidr | undefined): SubnetProblem[] {
  const gateway = subnet.gatewayIp as string;
  const label = `Subnet "${subnet.name}"`;
  const address = parseIp(gateway);
  const first = block === undefined ? undefined : makeHostAddress(block, 1);
  const fix =
    first === undefined
      ? "Give the gateway as an IPv4 address of the subnet's block."
      : `Use an address inside ${block?.text}, e.g. ${first} (the default when gatewayIp is left out).`;
  if (address === undefined || address.family !== 4) {
    return [
      {
        field: "gatewayIp",
        rule: "gateway",
        value: gateway,
        message: `${label} gateway "${gateway}" is no IPv4 address.`,
        fix,
      },
    ];
  }
  if (block === undefined) return [];
  if (!contains(block, address) || address.start === block.start) {
    const where = contains(block, address)
      ? `the network address of ${block.text}`
      : `outside its block ${block.text}`;
    return [
      {
        field: "gatewayIp",
        rule: "gateway",
        value: gateway,
        message: `${label} gateway ${address.text.replace(/\/32$/, "")} is ${where}; a subnet's gateway is an address of the subnet.`,
        fix,
      },
    ];
  }
  return [];
}

/** One refusal of several problems: the first one's value and fix, all of them in the message. */
export function subnetRefusal(problems: readonly SubnetProblem[]): {
  readonly message: string;
  readonly value: string;
  readonly fix: string;
} {
  const first = problems[0];
  if (first === undefined) throw new Error("subnetRefusal: no problems");
  const message =
    problems.length === 1
      ? first.message
      : `${problems.length} problems: ${problems.map((p, i) => `(${i + 1}) ${p.message}`).join(" ")}`;
  return { message, value: first.value, fix: first.fix };
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
      rule: "withinVpc",
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
        rule: "disjoint",
        value: subnet.cidr,
        sibling: sibling.id,
        message: `${label} block ${block.cidr.text} overlaps subnet "${sibling.id}" (${other.cidr.text}) of VPC "${where.vpcId}"; the subnets of one VPC must be disjoint (rulebook: subnets.disjoint).`,
        fix: `Choose a block clear of ${other.cidr.text}.`,
      });
    }
  }
  return out;
}

/** The gateway a subnet is given when none is named: its first host address (`10.0.1.1` for `10.0.1.0/24`). */
export function defaultGateway(cidr: string): string {
  const gateway = defaultGatewayOf(cidr);
  if (gateway === undefined) throw new Error(`defaultGateway: ${cidr} is no IPv4 block`);
  return gateway;
}

/** `defaultGateway`, or undefined for a block that is no IPv4 block (one read back from a cloud, not yet judged). */
export function defaultGatewayOf(cidr: string): string | undefined {
  const parsed = parseCidr(cidr);
  return parsed.ok && parsed.cidr.family === 4 ? makeHostAddress(parsed.cidr, 1) : undefined;
}

function subnetBlock(subnet: SubnetCandidate, out: SubnetProblem[]): Cidr | undefined {
  const parsed = parseCidr(subnet.cidr);
  if (!parsed.ok) {
    out.push({
      field: "cidr",
      rule: "block",
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
      rule: "block",
      value: subnet.cidr,
      message: `Subnet "${subnet.name}" block ${parsed.cidr.text} is IPv6; a subnet's block is IPv4, and its IPv6 block is the cloud's to assign.`,
      fix: "Give an IPv4 block and set ipv6: true for a dual-stack subnet.",
    });
    return undefined;
  }
  return parsed.cidr;
}
