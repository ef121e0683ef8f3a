/** Routes through a peering, in a VPC's main or extra route table. */
import { canonicalCidrText, type Diagnostic, isResource, overlaps, parseCidr } from "../../core/index.js";
import type { CreateRouteInput, RouteInfo } from "../backend.js";
import { TENCENT_CLOUD_CODES } from "../errors.js";
import { isOwnVpc, ownVpc, sidePeering } from "./authorization.js";
import { checkClientToken, earlierCreate, recordCreate, requestFingerprint } from "./client-tokens.js";
import type { SessionContext } from "./engine.js";
import { newId } from "./ids.js";
import { documentOf, livePeeringsOf, routeTableRow, tablesOf } from "./queries.js";
import { fail, notFound, STATE_FIX } from "./refusals.js";
import { peeringStatus, type RouteRow, routeInfo, type VpcRow } from "./rows.js";
import { peeringSpecOf, refusal } from "./rules.js";

/** Tencent distinguishes the three ways a route can collide. */
function routeCloudCode(
  d: Diagnostic,
  destination: string,
  peeringId: string,
  vpc: VpcRow,
  existing: readonly RouteRow[],
): string {
  if (d.code !== "ROUTE_CONFLICT") return TENCENT_CLOUD_CODES[d.code];
  const parsed = parseCidr(destination);
  if (parsed.ok) {
    for (const text of JSON.parse(vpc.cidrs) as string[]) {
      const own = parseCidr(text);
      if (own.ok && overlaps(own.cidr, parsed.cidr)) return "InvalidParameterValue.VpcCidrConflict";
    }
    const same = existing.find((r) => r.destination === parsed.cidr.text);
    if (same && same.peering_id !== peeringId) return "UnsupportedOperation.EcmpWithUserRoute";
  }
  return "InvalidParameterValue.Duplicate";
}

export function createRoute(ctx: SessionContext, input: CreateRouteInput): RouteInfo {
  const token = input.clientToken;
  checkClientToken(token, "route");
  if (token === undefined) return createRouteNow(ctx, input);
  const print = requestFingerprint(ctx.account, input);
  return ctx.engine.write((now) => {
    const row = (id: string) =>
      ctx.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow | undefined;
    const earlier = earlierCreate(ctx, "route", token, print, (id) => row(id) !== undefined);
    if (earlier !== undefined) return routeInfo(row(earlier)!);
    const created = createRouteNow(ctx, input);
    recordCreate(ctx, "route", token, print, created.id, now);
    return created;
  });
}

function createRouteNow(ctx: SessionContext, input: CreateRouteInput): RouteInfo {
  return ctx.engine.write((now) => {
    const vpc = ownVpc(ctx, input.vpcId);
    const tables = tablesOf(ctx, vpc.id);
    const table =
      input.routeTableId === undefined
        ? tables.find((t) => t.main === 1)
        : tables.find((t) => t.id === input.routeTableId);
    if (!table) {
      fail("NOT_FOUND", `Route table "${input.routeTableId}" does not exist in VPC "${vpc.id}".`, {
        resource: `route ${input.destination}`,
        value: input.routeTableId,
        fix: `Use one of ${tables.map((t) => `"${t.id}" (${t.name})`).join(", ")}, or omit routeTableId for the main table.`,
      });
    }
    const peering = sidePeering(ctx, input.peeringId);
    const status = peeringStatus(peering, now);
    const onPeering = peering.vpc_id === vpc.id || peering.peer_vpc_id === vpc.id;
    if (onPeering && status !== "ACTIVE") {
      fail("PEERING_NOT_ACTIVE", `Peering "${peering.id}" is ${status}; routes need an ACTIVE peering.`, {
        resource: `route ${input.destination}`,
        value: peering.id,
        fix: STATE_FIX[status] ?? "Wait until the peering is ACTIVE.",
      });
    }
    // The neighbourhood: this VPC, its peers, the peer's peers (so a transitive route names its chain), the
    // peerings between them, and the routes already in this table.
    const peerId = peering.vpc_id === vpc.id ? peering.peer_vpc_id : peering.vpc_id;
    const peerings = livePeeringsOf(ctx, [vpc.id, peerId]);
    const document = documentOf(ctx, peerings, [vpc.id, peering.vpc_id, peering.peer_vpc_id]);
    if (!peerings.some((p) => p.id === peering.id)) document.peerings.push(peeringSpecOf(peering));
    const existing = ctx.engine
      .statement("SELECT * FROM routes WHERE route_table_id = ? ORDER BY created_at, rowid")
      .all(table.id) as RouteRow[];
    for (const route of existing) {
      document.routes.push({
        vpc: vpc.id,
        ...(table.main === 1 ? {} : { routeTable: table.id }),
        destination: route.destination,
        peering: route.peering_id,
      });
    }
    const index = document.routes.length;
    document.routes.push({
      vpc: vpc.id,
      ...(table.main === 1 ? {} : { routeTable: table.id }),
      destination: input.destination,
      peering: peering.id,
    });
    const refused = refusal(
      document,
      (d) => isResource(d.ref, "routes", index),
      vpc.cloud,
      (d) => routeCloudCode(d, input.destination, peering.id, vpc, existing),
    );
    if (refused) throw refused;
    const destination = canonicalCidrText(input.destination);
    const id = newId(vpc.cloud, "rti");
    ctx.engine
      .statement(
        "INSERT INTO routes (id, vpc_id, route_table_id, destination, peering_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, vpc.id, table.id, destination, peering.id, input.description ?? "", now);
    return routeInfo(ctx.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow);
  });
}

export function deleteRoute(ctx: SessionContext, id: string): void {
  ctx.engine.write(() => {
    const row = ctx.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow | undefined;
    if (!row || !isOwnVpc(ctx, row.vpc_id)) notFound(ctx.account, "route", id);
    ctx.engine.statement("DELETE FROM routes WHERE id = ?").run(id);
  });
}

/** One route of the caller's VPCs by id; a route of another account's VPC is not found, as an unknown one. */
export function describeRoute(ctx: SessionContext, id: string): RouteInfo {
  return ctx.engine.read(() => {
    const row = ctx.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow | undefined;
    if (!row || !isOwnVpc(ctx, row.vpc_id)) notFound(ctx.account, "route", id);
    return routeInfo(row);
  });
}

export function listRoutes(ctx: SessionContext, routeTableId: string): readonly RouteInfo[] {
  return ctx.engine.read(() => {
    const table = routeTableRow(ctx, routeTableId);
    if (!isOwnVpc(ctx, table.vpc_id)) notFound(ctx.account, "route table", routeTableId);
    // Lists come in creation order: rowid breaks ties within one millisecond (ids are random, so ordering by id
    // shuffled a batch created at once, e.g. the routes of one CreateRoutes call).
    const rows = ctx.engine
      .statement("SELECT * FROM routes WHERE route_table_id = ? ORDER BY created_at, rowid")
      .all(routeTableId) as RouteRow[];
    return rows.map(routeInfo);
  });
}
