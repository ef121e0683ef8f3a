/**
 * Subnets of a VPC. A new one is judged by the core's subnetProblems (the rulebook's `subnets` entries) and
 * refused with SUBNET_INVALID and every problem found. One created with `ipv6` gets an IPv6 /64 the engine
 * assigns, as Huawei assigns one to a subnet created with ipv6_enable ("系统会自动为子网分配IPv6网段,当前不支持自定义
 * IPv6网段", rulebook subnets.ipv6AtCreate); a VPC's subnets' IPv6 blocks are its `assignedIpv6Cidrs` for the
 * core's route rules (queries.ts documentOf), so a peer may route to them where the cloud documents IPv6 peering
 * routes.
 */
import {
  canonicalCidrText,
  defaultGateway,
  SUBNET_INVALID,
  type SubnetProblem,
  subnetCandidate,
  subnetProblems,
  subnetRefusal,
} from "../../core/index.js";
import type { CreateSubnetInput, SubnetInfo } from "../backend.js";
import { HUAWEI_SUBNET_CODES, HUAWEI_VPC_HAS_SUBNETS } from "../huaweicloud/error-codes.js";
import { isOwnVpc, ownVpc } from "./authorization.js";
import { checkClientToken, earlierCreate, recordCreate, requestFingerprint } from "./client-tokens.js";
import type { SessionContext } from "./engine.js";
import { newId } from "./ids.js";
import { type FailDetails, fail, notFound } from "./refusals.js";
import { type SubnetRow, subnetInfo, type VpcRow } from "./rows.js";

/**
 * The engine's IPv6 address plan: the n-th dual-stack subnet of the state file gets `2001:db8:<n>::/64` (n over
 * two groups). 2001:db8::/32 is the documentation prefix (RFC 3849), which Huawei's own subnet reference uses for
 * its examples ("ipv6子网以2001:db8:a583:9::/64为例"); how the cloud picks a subnet's block is not documented, only
 * that it does (rulebook subnets.ipv6AtCreate).
 */
export function ipv6BlockOf(sequence: number): string {
  const high = Math.floor(sequence / 0x10000) & 0xffff;
  const low = sequence & 0xffff;
  return canonicalCidrText(`2001:db8:${high.toString(16)}:${low.toString(16)}::/64`);
}

function subnetRow(ctx: SessionContext, id: string): SubnetRow | undefined {
  return ctx.engine.statement("SELECT * FROM subnets WHERE id = ?").get(id) as SubnetRow | undefined;
}

/** The caller's subnet, or NOT_FOUND (another account's subnets are not visible). */
function ownSubnet(ctx: SessionContext, id: string): SubnetRow {
  const row = subnetRow(ctx, id);
  if (!row || !isOwnVpc(ctx, row.vpc_id)) notFound(ctx.account, "subnet", id);
  return row;
}

export function subnetRowsOf(ctx: SessionContext, vpcId: string): SubnetRow[] {
  return ctx.engine
    .statement("SELECT * FROM subnets WHERE vpc_id = ? ORDER BY created_at, rowid")
    .all(vpcId) as SubnetRow[];
}

export function createSubnet(ctx: SessionContext, input: CreateSubnetInput): SubnetInfo {
  const token = input.clientToken;
  checkClientToken(token, "subnet");
  if (token === undefined) return createSubnetNow(ctx, input);
  const print = requestFingerprint(ctx.account, input);
  return ctx.engine.write((now) => {
    const earlier = earlierCreate(ctx, "subnet", token, print, (id) => subnetRow(ctx, id) !== undefined);
    if (earlier !== undefined) return subnetInfo(ownSubnet(ctx, earlier));
    const created = createSubnetNow(ctx, input);
    recordCreate(ctx, "subnet", token, print, created.id, now);
    return created;
  });
}

/** Every problem in one SUBNET_INVALID: the first one's value and fix, all of them in the message. */
function refuse(vpcId: string, problems: readonly SubnetProblem[], details: FailDetails): never {
  const { message, value, fix } = subnetRefusal(problems);
  fail(SUBNET_INVALID, message, { resource: `subnet of vpc ${vpcId}`, value, fix, ...details });
}

function createSubnetNow(ctx: SessionContext, input: CreateSubnetInput): SubnetInfo {
  return ctx.engine.write((now) => {
    const vpc = ownVpc(ctx, input.vpcId);
    const candidate = subnetCandidate(input);
    const siblings = subnetRowsOf(ctx, vpc.id).map((s) => ({ id: s.id, cidr: s.cidr }));
    const problems = subnetProblems(
      { cloud: vpc.cloud, vpcId: vpc.id, vpcCidrs: JSON.parse(vpc.cidrs) as string[], siblings },
      candidate,
    );
    if (problems.length > 0) {
      refuse(vpc.id, problems, {
        cloud: vpc.cloud,
        // errorcodes.py: "# CIDR与同一个私有网络内的另一个子网发生重叠。 'InvalidParameterValue.SubnetOverlap'".
        ...(problems[0]!.rule === "disjoint" ? { tencentCode: "InvalidParameterValue.SubnetOverlap" } : {}),
        // Huawei's subnet API is a v1 API with a code per problem (huaweicloud/error-codes.ts).
        huaweiCode: HUAWEI_SUBNET_CODES[problems[0]!.rule],
      });
    }
    const cidr = canonicalCidrText(input.cidr);
    const id = newId(vpc.cloud, "subnet");
    // A named gateway was checked inside the block above (core gatewayProblems); canonical text, as an address.
    const gateway = input.gatewayIp === undefined ? defaultGateway(cidr) : input.gatewayIp;
    const result = ctx.engine
      .statement(
        "INSERT INTO subnets (id, vpc_id, name, cidr, gateway_ip, ipv6_cidr, description, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
      )
      .run(id, vpc.id, input.name, cidr, gateway, input.description ?? "", now);
    if (candidate.ipv6) {
      ctx.engine
        .statement("UPDATE subnets SET ipv6_cidr = ? WHERE id = ?")
        .run(ipv6BlockOf(Number(result.lastInsertRowid)), id);
    }
    return subnetInfo(subnetRow(ctx, id)!);
  });
}

export function describeSubnet(ctx: SessionContext, id: string): SubnetInfo {
  return ctx.engine.read(() => subnetInfo(ownSubnet(ctx, id)));
}

/** The description a subnet was created with ("" when none). */
export function subnetDescription(ctx: SessionContext, id: string): string {
  return ctx.engine.read(() => ownSubnet(ctx, id).description);
}

export function listSubnets(ctx: SessionContext, vpcId: string): readonly SubnetInfo[] {
  return ctx.engine.read(() => {
    ownVpc(ctx, vpcId);
    return subnetRowsOf(ctx, vpcId).map(subnetInfo);
  });
}

export function deleteSubnet(ctx: SessionContext, id: string): void {
  ctx.engine.write(() => {
    ownSubnet(ctx, id);
    ctx.engine.statement("DELETE FROM subnets WHERE id = ?").run(id);
  });
}

/** Refuses to delete a VPC that still holds subnets (vpcs.ts deleteVpc). */
export function refuseWhileSubnets(ctx: SessionContext, vpc: VpcRow): void {
  const vpcId = vpc.id;
  const held = subnetRowsOf(ctx, vpcId);
  if (held.length === 0) return;
  fail(
    "VPC_IN_USE",
    `VPC "${vpcId}" holds subnet(s) ${held.map((s) => `"${s.id}" (${s.cidr})`).join(", ")}.`,
    {
      resource: `vpc ${vpcId}`,
      value: vpcId,
      fix: "Delete those subnets first.",
      cloud: vpc.cloud,
      huaweiCode: HUAWEI_VPC_HAS_SUBNETS,
    },
  );
}
