/** VPCs: create (with its main and extra route tables), describe, list, delete, and change secondary CIDRs. */
import {
  CLOUDS,
  type Cloud,
  canonicalCidrText,
  type Diagnostic,
  firstSelfOverlap,
  parseCidr,
  validateTopology,
} from "../../core/index.js";
import type { CreateVpcInput, VpcInfo } from "../backend.js";
import { isOwnVpc, ownVpc } from "./authorization.js";
import { checkClientToken, earlierCreate, recordCreate, requestFingerprint } from "./client-tokens.js";
import type { SessionContext } from "./engine.js";
import { newId } from "./ids.js";
import { documentOf, livePeeringsOf, vpcInfoOf } from "./queries.js";
import { fail } from "./refusals.js";
import type { VpcRow } from "./rows.js";
import { emptyDocument, refusal } from "./rules.js";
import { refuseWhileSubnets } from "./subnets.js";

/**
 * Two blocks of one VPC that overlap, refused with the cloud's own code before the core validators (which report
 * the same overlap as INVALID_CIDR): Tencent answers InvalidParameterValue.VpcCidrConflict (core/cidr.ts
 * firstSelfOverlap).
 */
function refuseOwnOverlap(vpcName: string, cidrs: readonly string[], cloud: Cloud): void {
  const parsed = cidrs.map((text) => parseCidr(text)).flatMap((p) => (p.ok ? [p.cidr] : []));
  const own = parsed.length === cidrs.length ? firstSelfOverlap(parsed) : undefined;
  if (!own) return;
  fail(
    "INVALID_CIDR",
    `VPC "${vpcName}" CIDR ${own.right.text} overlaps its own CIDR ${own.left.text}; the CIDRs of one VPC must be disjoint.`,
    {
      resource: `vpc ${vpcName}`,
      value: own.right.text,
      fix: `Remove ${own.right.text}, or use a secondary block disjoint from ${own.left.text}.`,
      tencentCode: "InvalidParameterValue.VpcCidrConflict",
      cloud,
    },
  );
}

/** A diagnostic's identity, to tell the problems a change brings from those already there. */
function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.resource}\u0000${d.message}`;
}

/**
 * A VPC create as the engine takes it: the Backend's input and, for protocols whose VPCs have one (Huawei's v1
 * CreateVpcOption.description), a description. It is stored, not shown in VpcInfo: see `vpcDescription`.
 */
export interface EngineCreateVpcInput extends CreateVpcInput {
  readonly description?: string;
}

export function createVpc(ctx: SessionContext, input: EngineCreateVpcInput): VpcInfo {
  const token = input.clientToken;
  checkClientToken(token, "vpc");
  if (token === undefined) return createVpcNow(ctx, input);
  const print = requestFingerprint(ctx.account, input);
  return ctx.engine.write((now) => {
    const exists = (id: string) => isOwnVpc(ctx, id);
    const earlier = earlierCreate(ctx, "vpc", token, print, exists);
    if (earlier !== undefined) return vpcInfoOf(ctx, ownVpc(ctx, earlier));
    const created = createVpcNow(ctx, input);
    recordCreate(ctx, "vpc", token, print, created.id, now);
    return created;
  });
}

function createVpcNow(ctx: SessionContext, input: EngineCreateVpcInput): VpcInfo {
  const cloud = input.cloud ?? ctx.engine.options.defaultCloud ?? "tencentcloud";
  if (!CLOUDS.includes(cloud)) {
    fail("INVALID_PARAMETER", `VPC "${input.name}": cloud "${cloud}" is not one of ${CLOUDS.join(", ")}.`, {
      resource: "vpc",
      value: String(cloud),
      fix: `Use one of ${CLOUDS.join(", ")}.`,
    });
  }
  if (!input.name || !input.region) {
    fail(
      "INVALID_PARAMETER",
      `A VPC needs a name and a region (got name "${input.name}", region "${input.region}").`,
      {
        resource: "vpc",
        fix: "Give both.",
        cloud,
        tencentCode: "MissingParameter",
      },
    );
  }
  const extraTables = input.routeTables ?? [];
  const duplicateTable = extraTables.find((t, i) => t === "main" || extraTables.indexOf(t) !== i);
  if (duplicateTable !== undefined) {
    fail(
      "INVALID_PARAMETER",
      `VPC "${input.name}": route table name "${duplicateTable}" is used twice or is reserved.`,
      {
        resource: `vpc ${input.name}`,
        value: duplicateTable,
        fix: 'Give every extra route table a distinct name other than "main".',
        cloud,
        tencentCode: "InvalidParameterValue.Duplicate",
      },
    );
  }
  const id = newId(cloud, "vpc");
  const cidrs = input.cidrs.map(canonicalCidrText);
  if (cidrs.length === 0) {
    fail("INVALID_PARAMETER", `VPC "${input.name}" has no CIDR block.`, {
      resource: `vpc ${input.name}`,
      fix: "Give the primary CIDR first, e.g. 10.0.0.0/16, then any secondary CIDRs.",
      cloud,
      tencentCode: "MissingParameter",
    });
  }
  refuseOwnOverlap(input.name, cidrs, cloud);
  const document = emptyDocument();
  document.vpcs.push({ id, cloud, region: input.region, account: ctx.account, cidrs });
  const refused = refusal(document, () => true, cloud);
  if (refused) throw refused;
  return ctx.engine.write((now) => {
    ctx.engine
      .statement(
        "INSERT INTO vpcs (id, account, cloud, region, name, cidrs, tags, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        id,
        ctx.account,
        cloud,
        input.region,
        input.name,
        JSON.stringify(cidrs),
        JSON.stringify(input.tags ?? {}),
        input.description ?? "",
        now,
      );
    const insertTable = ctx.engine.statement(
      "INSERT INTO route_tables (id, vpc_id, name, main) VALUES (?, ?, ?, ?)",
    );
    insertTable.run(newId(cloud, "rtb"), id, "main", 1);
    for (const name of extraTables) insertTable.run(newId(cloud, "rtb"), id, name, 0);
    return vpcInfoOf(ctx, ownVpc(ctx, id));
  });
}

export function describeVpc(ctx: SessionContext, id: string): VpcInfo {
  return ctx.engine.read(() => vpcInfoOf(ctx, ownVpc(ctx, id)));
}

/** The description a VPC was created with ("" when none). */
export function vpcDescription(ctx: SessionContext, id: string): string {
  return ctx.engine.read(() => ownVpc(ctx, id).description);
}

export function listVpcs(ctx: SessionContext): readonly VpcInfo[] {
  return ctx.engine.read(() => {
    const rows = ctx.engine
      .statement("SELECT * FROM vpcs WHERE account = ? ORDER BY created_at, rowid")
      .all(ctx.account) as VpcRow[];
    return rows.map((row) => vpcInfoOf(ctx, row));
  });
}

export function deleteVpc(ctx: SessionContext, id: string): void {
  ctx.engine.write(() => {
    const row = ownVpc(ctx, id);
    // Through the live-peering indexes: the VPC's DELETED records (a Tencent VPC keeps them all) are not read.
    const live = livePeeringsOf(ctx, [id]);
    if (live.length > 0) {
      fail(
        "VPC_IN_USE",
        `VPC "${id}" is a side of peering(s) ${live.map((p) => `"${p.id}" (${p.status})`).join(", ")}.`,
        {
          resource: `vpc ${id}`,
          value: id,
          fix: "Delete those peerings first.",
          cloud: row.cloud,
        },
      );
    }
    // Tencent DeleteVpc: "Before deleting a VPC, ensure that the VPC contains no resources"; Huawei answers 409
    // VPC.0104 for a VPC with subnets (huaweicloud/error-codes.ts). Baidu's reference says nothing either way; the
    // engine refuses there too rather than drop subnets a program still manages.
    refuseWhileSubnets(ctx, row);
    ctx.engine.statement("DELETE FROM routes WHERE vpc_id = ?").run(id);
    ctx.engine.statement("DELETE FROM vpcs WHERE id = ?").run(id);
  });
}

export function setSecondaryCidrs(ctx: SessionContext, vpcId: string, secondary: readonly string[]): VpcInfo {
  return ctx.engine.write(() => {
    const row = ownVpc(ctx, vpcId);
    const primary = (JSON.parse(row.cidrs) as string[])[0]!;
    const cidrs = [primary, ...secondary.map(canonicalCidrText)];
    refuseOwnOverlap(row.name, cidrs, row.cloud);
    // The neighbourhood: this VPC, its live peerings, and its peers' live peerings (a peer's cross-region peers
    // must stay disjoint, seed 000). Only problems the new blocks bring are refusals.
    const peers = livePeeringsOf(ctx, [vpcId]).map((p) => (p.vpc_id === vpcId ? p.peer_vpc_id : p.vpc_id));
    const before = documentOf(ctx, livePeeringsOf(ctx, [vpcId, ...peers]), [vpcId]);
    const known = new Set(validateTopology(before).diagnostics.map(diagnosticKey));
    const after = {
      ...before,
      vpcs: before.vpcs.map((v) => (v.id === vpcId ? { ...v, cidrs } : v)),
    };
    const refused = refusal(after, (d) => !known.has(diagnosticKey(d)), row.cloud);
    if (refused) throw refused;
    ctx.engine.statement("UPDATE vpcs SET cidrs = ? WHERE id = ?").run(JSON.stringify(cidrs), vpcId);
    return vpcInfoOf(ctx, { ...row, cidrs: JSON.stringify(cidrs) });
  });
}
