/**
 * The Huawei Cloud VPC protocol over the local state engine: the v1 VPC APIs (`/v1/{project_id}/vpcs`, route tables
 * `/v1/{project_id}/routetables`), the Neutron-style v2.0 peering and route APIs (`/v2.0/vpc/peerings`,
 * `/v2.0/vpc/routes`) and the v3 VPC reads and secondary CIDRs (`GET /v3/{project_id}/vpc/vpcs[/{vpc_id}]`,
 * `PUT .../{vpc_id}/add-extend-cidr` and `.../remove-extend-cidr`), as the official SDK calls them
 * (@huaweicloud/huaweicloud-sdk-vpc 3.1.173, v2/VpcClient.js and v3/VpcClient.js: paths, methods, bodies) and as the
 * API reference answers (seed 004 for POST /v2.0/vpc/peerings: same tenant ACTIVE
 * at once, cross tenant PENDING_ACCEPTANCE; opentelekomcloud/docs doc/source/vpc/api-reference/*: 201 for the
 * Neutron-style creates, 200 for v1 creates and PUTs, 204 for deletes; accept and reject answer the peering object
 * unwrapped, as AcceptVpcPeeringResponse models it).
 *
 * Every request is signed (SDK-HMAC-SHA256, ./sdk-hmac-sha256.ts); the signing AK selects the account, which is
 * the Huawei project (tenant) id. A `project_id` in the path or an X-Project-Id header naming another project is
 * refused with VPC.0007 "urlTenantId is not equal tokenTenantId".
 */
import { randomUUID } from "node:crypto";
import type {
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  VpcInfo,
} from "../../backends/backend.js";
import { BackendError } from "../../backends/errors.js";
import { fromHuaweiStatus } from "../../backends/huaweicloud/peering-status.js";
import type { LocalBackend } from "../../backends/local/local-backend.js";
import { parseCidr } from "../../core/cidr.js";
import { jsonObjectBody } from "../json-body.js";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ProtocolHandler } from "../protocol.js";
import { type ApiFamily, apiError, gatewayError, renderBackendError, tenantMismatch } from "./errors.js";
import {
  renderPeering,
  renderRoute,
  renderRouteTable,
  renderRouteTableRoute,
  renderVpc,
  renderVpcV3,
} from "./render.js";
import { verifyRequest } from "./sdk-hmac-sha256.js";

/** The region a request is served in: from a real endpoint's host name, else this default. */
export const HUAWEI_DEFAULT_REGION = "cn-north-4";

const V1 = /^\/v1\/([^/]+)\/(vpcs|routetables)(?:\/([^/]+))?\/?$/;
const PEERINGS = /^\/v2\.0\/vpc\/peerings(?:\/([^/]+)(?:\/(accept|reject))?)?\/?$/;
const ROUTES = /^\/v2\.0\/vpc\/routes(?:\/([^/]+))?\/?$/;
const V3_VPCS = /^\/v3\/([^/]+)\/vpc\/vpcs(?:\/([^/]+)(?:\/(add-extend-cidr|remove-extend-cidr))?)?\/?$/;

/** A refusal the handler decides itself (bad JSON, missing fields), before the engine is asked. */
class RequestError extends Error {
  constructor(
    readonly code: "INVALID_PARAMETER" | "INVALID_CIDR" | "NOT_FOUND" | "PERMISSION_DENIED",
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

interface Call {
  readonly request: EmulatorRequest;
  /** The engine's session: a Backend, plus the VPC description Huawei's VPCs have (LocalBackend.vpcDescription). */
  readonly session: LocalBackend;
  readonly account: string;
  readonly region: string;
  readonly family: ApiFamily;
}

function regionOf(request: EmulatorRequest): string {
  const host = (request.headers.host ?? "").split(":")[0] ?? "";
  const m = /^vpc\.([a-z]{2}-[a-z]+-\d+)\.myhuaweicloud\.com$/.exec(host);
  return m?.[1] ?? HUAWEI_DEFAULT_REGION;
}

function ok(status: number, body: unknown, requestId: string): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", "x-request-id": requestId },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

function parseBody(request: EmulatorRequest): Record<string, unknown> {
  const body = jsonObjectBody(request);
  if (body) return body;
  throw new RequestError("INVALID_PARAMETER", "Invalid request body: the body must be a JSON object.");
}

function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new RequestError("INVALID_PARAMETER", `Invalid input: '${key}' must be an object.`);
  }
  return value as Record<string, unknown>;
}

function stringField(obj: Record<string, unknown>, key: string, required: true): string;
function stringField(obj: Record<string, unknown>, key: string, required: false): string | undefined;
function stringField(obj: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) throw new RequestError("INVALID_PARAMETER", `Invalid input: '${key}' is required.`);
    return undefined;
  }
  if (typeof value !== "string") {
    throw new RequestError("INVALID_PARAMETER", `Invalid input: '${key}' must be a string.`);
  }
  return value;
}

/** Huawei paging: `limit` and `marker` (the id of the last item of the previous page). */
function page<T extends { readonly id: string }>(items: readonly T[], query: URLSearchParams): T[] {
  const marker = query.get("marker");
  let start = 0;
  if (marker) {
    const at = items.findIndex((i) => i.id === marker);
    if (at < 0) throw new RequestError("INVALID_PARAMETER", `Invalid marker ${marker}.`);
    start = at + 1;
  }
  const limitText = query.get("limit");
  const limit = limitText === null ? 2000 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RequestError("INVALID_PARAMETER", `Invalid limit ${limitText}.`);
  }
  return items.slice(start, start + (limit === 0 ? 2000 : limit));
}

async function huaweiVpc(call: Call, id: string): Promise<VpcInfo> {
  const vpc = await call.session.describeVpc(id);
  // The engine is shared by all protocols; another cloud's VPC does not exist for Huawei.
  if (vpc.cloud !== "huaweicloud") throw new RequestError("NOT_FOUND", `VPC ${id} does not exist.`, 404);
  return vpc;
}

async function huaweiVpcs(call: Call): Promise<VpcInfo[]> {
  return (await call.session.listVpcs()).filter((v) => v.cloud === "huaweicloud");
}

function mainTableOf(vpc: VpcInfo): string {
  const table = vpc.routeTables.find((t) => t.main);
  if (!table) throw new RequestError("NOT_FOUND", `VPC ${vpc.id} has no default route table.`, 404);
  return table.id;
}

/** The routes of the v2.0 route API: those of each VPC's default route table. */
async function v2Routes(call: Call, vpcs: readonly VpcInfo[]): Promise<RouteInfo[]> {
  const routes: RouteInfo[] = [];
  for (const vpc of vpcs) routes.push(...(await call.session.listRoutes(mainTableOf(vpc))));
  return routes;
}

async function huaweiPeering(call: Call, id: string): Promise<PeeringInfo> {
  const peering = await call.session.describePeering(id);
  if (peering.cloud !== "huaweicloud")
    throw new RequestError("NOT_FOUND", `Peering ${id} could not be found.`, 404);
  return peering;
}

// ---------------------------------------------------------------- v1: VPCs and route tables

async function vpcs(call: Call, id: string | undefined, requestId: string): Promise<EmulatorResponse> {
  const { request, session } = call;
  if (id === undefined && request.method === "POST") {
    const vpc = objectField(parseBody(request), "vpc");
    const cidr = stringField(vpc, "cidr", false);
    // CreateVpcOption.description (v2/model CreateVpcOption; API reference "Creating a VPC": 0-255 characters,
    // no angle brackets), stored by the engine alongside the VPC.
    const description = stringField(vpc, "description", false) ?? "";
    if (description.length > 255 || /[<>]/.test(description)) {
      throw new RequestError(
        "INVALID_PARAMETER",
        "Invalid input: 'description' must be at most 255 characters and must not contain < or >.",
      );
    }
    const created = await session.createVpc({
      name: stringField(vpc, "name", false) ?? `vpc-${randomUUID().slice(0, 4)}`,
      region: call.region,
      cidrs: cidr === undefined ? [] : [cidr],
      cloud: "huaweicloud",
      description,
    });
    return ok(200, { vpc: renderVpc(created, [], description) }, requestId);
  }
  if (id === undefined && request.method === "GET") {
    let list = await huaweiVpcs(call);
    const wanted = request.query.get("id");
    if (wanted) list = list.filter((v) => v.id === wanted);
    const rendered = [];
    for (const vpc of page(list, request.query)) {
      rendered.push(
        renderVpc(vpc, await session.listRoutes(mainTableOf(vpc)), await session.vpcDescription(vpc.id)),
      );
    }
    return ok(200, { vpcs: rendered }, requestId);
  }
  if (id !== undefined && request.method === "GET") {
    const vpc = await huaweiVpc(call, id);
    const routes = await session.listRoutes(mainTableOf(vpc));
    return ok(200, { vpc: renderVpc(vpc, routes, await session.vpcDescription(vpc.id)) }, requestId);
  }
  if (id !== undefined && request.method === "DELETE") {
    await huaweiVpc(call, id);
    await session.deleteVpc(id);
    return ok(204, undefined, requestId);
  }
  return apiError("v1", "INVALID_PARAMETER", `${request.method} is not supported here.`, requestId, 405);
}

/** One route table with its routes, as ShowRouteTable and UpdateRouteTable answer. */
async function routeTableAnswer(
  call: Call,
  table: RouteTableInfo,
  vpc: VpcInfo,
  requestId: string,
): Promise<EmulatorResponse> {
  const routes = await call.session.listRoutes(table.id);
  return ok(
    200,
    {
      routetable: {
        ...renderRouteTable(table, call.account, vpc.createdAt),
        routes: routes.map(renderRouteTableRoute),
      },
    },
    requestId,
  );
}

async function routeTables(call: Call, id: string | undefined, requestId: string): Promise<EmulatorResponse> {
  const { request, session, account } = call;
  if (id === undefined && request.method === "GET") {
    const vpcId = request.query.get("vpc_id");
    const list = vpcId ? [await huaweiVpc(call, vpcId)] : await huaweiVpcs(call);
    const tables = list.flatMap((v) => v.routeTables.map((t) => renderRouteTable(t, account, v.createdAt)));
    return ok(200, { routetables: page(tables, request.query) }, requestId);
  }
  if (id === undefined && request.method === "POST") {
    const body = objectField(parseBody(request), "routetable");
    const vpc = await huaweiVpc(call, stringField(body, "vpc_id", true));
    const table = await session.createRouteTable(vpc.id, stringField(body, "name", true));
    return ok(
      200,
      { routetable: { ...renderRouteTable(table, account, vpc.createdAt), routes: [] } },
      requestId,
    );
  }
  if (id !== undefined && request.method === "GET") {
    for (const vpc of await huaweiVpcs(call)) {
      const table = vpc.routeTables.find((t) => t.id === id);
      if (!table) continue;
      return routeTableAnswer(call, table, vpc, requestId);
    }
    throw new RequestError("NOT_FOUND", `Route table ${id} does not exist.`, 404);
  }
  if (id !== undefined && request.method === "PUT") return updateRouteTable(call, id, requestId);
  return apiError("v1", "INVALID_PARAMETER", `${request.method} is not supported here.`, requestId, 405);
}

/**
 * UpdateRouteTable (`PUT /v1/{project_id}/routetables/{routetable_id}`, v2/model UpdateRouteTableReq): `routes.add`
 * (AddRouteTableRoute: type, destination, nexthop, description) and `routes.del` (DelRouteTableRoute: type,
 * destination). Only peering routes are emulated; `mod`, `name` and `description` of the table are refused rather
 * than silently ignored. Answers the table with its routes (UpdateRouteTableResponse.routetable).
 */
async function updateRouteTable(call: Call, id: string, requestId: string): Promise<EmulatorResponse> {
  const { request, session } = call;
  const body = objectField(parseBody(request), "routetable");
  const vpc = (await huaweiVpcs(call)).find((v) => v.routeTables.some((t) => t.id === id));
  const table = vpc?.routeTables.find((t) => t.id === id);
  if (!vpc || !table) throw new RequestError("NOT_FOUND", `Route table ${id} does not exist.`, 404);
  if (body.name !== undefined || body.description !== undefined) {
    throw new RequestError("INVALID_PARAMETER", "Renaming a route table is not supported by this emulator.");
  }
  const changes = objectField(body, "routes");
  if (changes.mod !== undefined) {
    throw new RequestError("INVALID_PARAMETER", "routes.mod is not supported by this emulator.");
  }
  const list = (key: string): Record<string, unknown>[] => {
    const value = changes[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((r) => !r || typeof r !== "object")) {
      throw new RequestError("INVALID_PARAMETER", `Invalid input: 'routes.${key}' must be a list of routes.`);
    }
    return value as Record<string, unknown>[];
  };
  for (const route of list("del")) {
    const destination = stringField(route, "destination", true);
    const existing = (await session.listRoutes(id)).find((r) => r.destination === destination);
    if (!existing) throw new RequestError("NOT_FOUND", `Route ${destination} does not exist.`, 404);
    await session.deleteRoute(existing.id);
  }
  for (const route of list("add")) {
    const type = stringField(route, "type", true);
    if (type !== "peering") {
      throw new RequestError(
        "INVALID_PARAMETER",
        `Invalid input: route type ${type}; only peering is supported.`,
      );
    }
    const description = stringField(route, "description", false);
    if (description !== undefined && (description.length > 255 || /[<>]/.test(description))) {
      throw new RequestError(
        "INVALID_PARAMETER",
        "Invalid input: a route's 'description' must be at most 255 characters and must not contain < or >.",
      );
    }
    await session.createRoute({
      vpcId: vpc.id,
      routeTableId: id,
      destination: stringField(route, "destination", true),
      peeringId: stringField(route, "nexthop", true),
      ...(description === undefined ? {} : { description }),
    });
  }
  return routeTableAnswer(call, table, vpc, requestId);
}

// ---------------------------------------------------------------- v2.0: peerings

async function peerings(
  call: Call,
  id: string | undefined,
  action: string | undefined,
  requestId: string,
): Promise<EmulatorResponse> {
  const { request, session, account } = call;
  if (id === undefined && request.method === "POST") {
    const peering = objectField(parseBody(request), "peering");
    const requester = objectField(peering, "request_vpc_info");
    const accepter = objectField(peering, "accept_vpc_info");
    const vpc = await huaweiVpc(call, stringField(requester, "vpc_id", true));
    const requesterTenant = stringField(requester, "tenant_id", false);
    if (requesterTenant !== undefined && requesterTenant !== account) {
      throw new RequestError(
        "INVALID_PARAMETER",
        `request_vpc_info.tenant_id ${requesterTenant} is not the caller's project ${account}.`,
      );
    }
    const description = stringField(peering, "description", false);
    const created = await session.createPeering({
      vpcId: vpc.id,
      peerVpcId: stringField(accepter, "vpc_id", true),
      peerAccount: stringField(accepter, "tenant_id", false) ?? account,
      name: stringField(peering, "name", true),
      ...(description === undefined ? {} : { description }),
    });
    return ok(201, { peering: renderPeering(created) }, requestId);
  }
  if (id === undefined && request.method === "GET") {
    const q = request.query;
    const status = q.get("status");
    const filterStatus: PeeringStatus | undefined = status ? fromHuaweiStatus(status) : undefined;
    if (status && !filterStatus) throw new RequestError("INVALID_PARAMETER", `Invalid status ${status}.`);
    const all = await session.listPeerings(
      {
        ...(q.get("vpc_id") ? { vpcId: q.get("vpc_id") as string } : {}),
        ...(q.get("name") ? { name: q.get("name") as string } : {}),
        ...(q.get("id") ? { ids: [q.get("id") as string] } : {}),
      },
      { limit: 1000 },
    );
    let items = all.items.filter((p) => p.cloud === "huaweicloud");
    if (status) items = items.filter((p) => renderPeering(p).status === status);
    const tenant = q.get("tenant_id");
    if (tenant) items = items.filter((p) => p.account === tenant || p.peerAccount === tenant);
    return ok(200, { peerings: page(items, q).map(renderPeering), peerings_links: [] }, requestId);
  }
  if (id !== undefined && action === undefined && request.method === "GET") {
    return ok(200, { peering: renderPeering(await huaweiPeering(call, id)) }, requestId);
  }
  if (id !== undefined && action === undefined && request.method === "PUT") {
    await huaweiPeering(call, id);
    const body = objectField(parseBody(request), "peering");
    const name = stringField(body, "name", false);
    const description = stringField(body, "description", false);
    const updated = await session.modifyPeering(id, {
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
    });
    return ok(200, { peering: renderPeering(updated) }, requestId);
  }
  if (id !== undefined && action === undefined && request.method === "DELETE") {
    await huaweiPeering(call, id);
    await session.deletePeering(id);
    return ok(204, undefined, requestId);
  }
  if (id !== undefined && action !== undefined && request.method === "PUT") {
    await huaweiPeering(call, id);
    const result = action === "accept" ? await session.acceptPeering(id) : await session.rejectPeering(id);
    return ok(200, renderPeering(result), requestId);
  }
  return apiError("v2.0", "INVALID_PARAMETER", `${request.method} is not supported here.`, requestId, 405);
}

// ---------------------------------------------------------------- v2.0: routes

async function routes(call: Call, id: string | undefined, requestId: string): Promise<EmulatorResponse> {
  const { request, session, account } = call;
  if (id === undefined && request.method === "POST") {
    const route = objectField(parseBody(request), "route");
    const type = stringField(route, "type", true);
    if (type !== "peering") {
      throw new RequestError(
        "INVALID_PARAMETER",
        `Invalid input: route type ${type}; only peering is supported.`,
      );
    }
    const vpc = await huaweiVpc(call, stringField(route, "vpc_id", true));
    const created = await session.createRoute({
      vpcId: vpc.id,
      routeTableId: mainTableOf(vpc),
      destination: stringField(route, "destination", true),
      peeringId: stringField(route, "nexthop", true),
    });
    return ok(201, { route: renderRoute(created, account) }, requestId);
  }
  if (id === undefined && request.method === "GET") {
    const q = request.query;
    const vpcId = q.get("vpc_id");
    let list = await v2Routes(call, vpcId ? [await huaweiVpc(call, vpcId)] : await huaweiVpcs(call));
    for (const [key, pick] of [
      ["id", (r: RouteInfo) => r.id],
      ["destination", (r: RouteInfo) => r.destination],
    ] as const) {
      const wanted = q.get(key);
      if (wanted) list = list.filter((r) => pick(r) === wanted);
    }
    const type = q.get("type");
    if (type && type !== "peering") list = [];
    return ok(
      200,
      { routes: page(list, q).map((r) => renderRoute(r, account)), routes_links: [] },
      requestId,
    );
  }
  if (id !== undefined) {
    const route = (await v2Routes(call, await huaweiVpcs(call))).find((r) => r.id === id);
    if (!route) throw new RequestError("NOT_FOUND", `Route ${id} could not be found.`, 404);
    if (request.method === "GET") return ok(200, { route: renderRoute(route, account) }, requestId);
    if (request.method === "DELETE") {
      await session.deleteRoute(id);
      return ok(204, undefined, requestId);
    }
  }
  return apiError("v2.0", "INVALID_PARAMETER", `${request.method} is not supported here.`, requestId, 405);
}

// ---------------------------------------------------------------- v3: VPC reads and secondary (extend) CIDRs

/**
 * `vpc.extend_cidrs` of an add/remove body (v3/model AddExtendCidrOption / RemoveExtendCidrOption): a non-empty list
 * of distinct IPv4 blocks, canonical. Huawei takes IPv4 blocks only (AddExtendCidrOption.extend_cidrs: "目前只支持
 * IPv4 网段", vpc_apiv3_0007). `dry_run` (202 when the check passes) is not emulated: the engine cannot check
 * without writing, so it is refused rather than silently applied.
 */
function extendCidrs(request: EmulatorRequest): string[] {
  const body = parseBody(request);
  if (body.dry_run === true) {
    throw new RequestError("INVALID_PARAMETER", "dry_run is not supported by this emulator; omit it.");
  }
  const list = objectField(body, "vpc").extend_cidrs;
  if (!Array.isArray(list) || list.length === 0 || list.some((c) => typeof c !== "string")) {
    throw new RequestError(
      "INVALID_PARAMETER",
      "Invalid input: 'vpc.extend_cidrs' must be a non-empty list of CIDR strings.",
    );
  }
  const blocks: string[] = [];
  for (const text of list as string[]) {
    const parsed = parseCidr(text);
    if (!parsed.ok || parsed.cidr.family !== 4) {
      const why = parsed.ok
        ? "is not IPv4 (extend CIDRs are IPv4 only)"
        : parsed.suggestion
          ? `has host bits set (use ${parsed.suggestion})`
          : "is not a CIDR block";
      throw new RequestError("INVALID_CIDR", `Invalid input: extend_cidrs entry '${text}' ${why}.`);
    }
    if (blocks.includes(parsed.cidr.text)) {
      throw new RequestError("INVALID_CIDR", `Invalid input: extend_cidrs lists '${text}' more than once.`);
    }
    blocks.push(parsed.cidr.text);
  }
  return blocks;
}

/**
 * add-extend-cidr: the blocks join the VPC's secondary CIDRs through the engine's setSecondaryCidrs, which refuses
 * (and changes nothing) a block overlapping the VPC's own blocks (INVALID_CIDR), a live peer's (CIDR_OVERLAP) or
 * making two peers overlap (PEER_CIDR_CONFLICT). A block the VPC has already is refused here with a clearer message.
 */
async function addExtendCidrs(call: Call, vpc: VpcInfo): Promise<VpcInfo> {
  const blocks = extendCidrs(call.request);
  const present = blocks.find((b) => vpc.cidrs.includes(b));
  if (present !== undefined) {
    const role = present === vpc.cidrs[0] ? "primary CIDR" : "an extend CIDR";
    throw new RequestError(
      "INVALID_CIDR",
      `Invalid input: ${present} is already the ${role} of VPC ${vpc.id}.`,
    );
  }
  return call.session.setSecondaryCidrs(vpc.id, [...vpc.cidrs.slice(1), ...blocks]);
}

/** remove-extend-cidr: only blocks the VPC has as extend CIDRs; the primary never changes (vpc_apiv3_0007). */
async function removeExtendCidrs(call: Call, vpc: VpcInfo): Promise<VpcInfo> {
  const blocks = extendCidrs(call.request);
  const [primary, ...secondary] = vpc.cidrs;
  for (const block of blocks) {
    if (block === primary) {
      throw new RequestError(
        "INVALID_PARAMETER",
        `Invalid input: ${block} is the primary CIDR of VPC ${vpc.id}, which cannot be removed.`,
      );
    }
    if (!secondary.includes(block)) {
      const has = secondary.join(", ") || "none";
      throw new RequestError(
        "INVALID_PARAMETER",
        `Invalid input: VPC ${vpc.id} has no extend CIDR ${block} (it has: ${has}).`,
      );
    }
  }
  return call.session.setSecondaryCidrs(
    vpc.id,
    secondary.filter((c) => !blocks.includes(c)),
  );
}

/** v3 paging (ListVpcsResponse.page_info, v3/model PageInfo): `next_marker` only when another page may follow. */
function pageInfo(items: readonly { readonly id: string }[], limit: number, marker: string | null) {
  const last = items[items.length - 1]?.id;
  return {
    previous_marker: marker ?? items[0]?.id ?? "",
    current_count: items.length,
    ...(last !== undefined && items.length === limit ? { next_marker: last } : {}),
  };
}

async function v3Vpcs(
  call: Call,
  id: string | undefined,
  action: string | undefined,
  requestId: string,
): Promise<EmulatorResponse> {
  const { request } = call;
  if (id === undefined && action === undefined && request.method === "GET") {
    const wanted = request.query.getAll("id");
    const list = (await huaweiVpcs(call)).filter((v) => wanted.length === 0 || wanted.includes(v.id));
    const items = page(list, request.query);
    const limit = Number(request.query.get("limit") ?? 2000) || 2000;
    return ok(
      200,
      {
        request_id: requestId,
        vpcs: await Promise.all(
          items.map(async (v) => renderVpcV3(v, await call.session.vpcDescription(v.id))),
        ),
        page_info: pageInfo(items, limit, request.query.get("marker")),
      },
      requestId,
    );
  }
  if (id !== undefined && action === undefined && request.method === "GET") {
    const vpc = await huaweiVpc(call, id);
    const description = await call.session.vpcDescription(id);
    return ok(200, { request_id: requestId, vpc: renderVpcV3(vpc, description) }, requestId);
  }
  if (id !== undefined && action !== undefined && request.method === "PUT") {
    const vpc = await huaweiVpc(call, id);
    const now =
      action === "add-extend-cidr" ? await addExtendCidrs(call, vpc) : await removeExtendCidrs(call, vpc);
    const description = await call.session.vpcDescription(id);
    return ok(200, { request_id: requestId, vpc: renderVpcV3(now, description) }, requestId);
  }
  return apiError("v3", "INVALID_PARAMETER", `${request.method} is not supported here.`, requestId, 405);
}

// ---------------------------------------------------------------- dispatch

interface Route {
  readonly family: ApiFamily;
  /** The SDK's method name: the per-action key of rate limiting. */
  readonly action: string;
  readonly projectInPath: string | undefined;
  run(call: Call, requestId: string): Promise<EmulatorResponse>;
}

const ACTION_NAMES: Readonly<Record<string, string>> = {
  "POST vpcs": "CreateVpc",
  "GET vpcs": "ListVpcs",
  "GET vpcs/id": "ShowVpc",
  "DELETE vpcs/id": "DeleteVpc",
  "POST routetables": "CreateRouteTable",
  "GET routetables": "ListRouteTables",
  "GET routetables/id": "ShowRouteTable",
  "PUT routetables/id": "UpdateRouteTable",
  "POST peerings": "CreateVpcPeering",
  "GET peerings": "ListVpcPeerings",
  "GET peerings/id": "ShowVpcPeering",
  "PUT peerings/id": "UpdateVpcPeering",
  "DELETE peerings/id": "DeleteVpcPeering",
  "PUT peerings/id/accept": "AcceptVpcPeering",
  "PUT peerings/id/reject": "RejectVpcPeering",
  "POST routes": "CreateVpcRoute",
  "GET routes": "ListVpcRoutes",
  "GET routes/id": "ShowVpcRoute",
  "DELETE routes/id": "DeleteVpcRoute",
  // v3 (v3/VpcClient.js); its listVpcs / showVpc share the v1 names above, as their SDK methods do.
  "PUT vpcs/id/add-extend-cidr": "AddVpcExtendCidr",
  "PUT vpcs/id/remove-extend-cidr": "RemoveVpcExtendCidr",
};

function actionName(method: string, resource: string, id: string | undefined, sub?: string): string {
  const key = `${method} ${resource}${id === undefined ? "" : "/id"}${sub === undefined ? "" : `/${sub}`}`;
  return ACTION_NAMES[key] ?? `${method} ${resource}`;
}

function route(request: EmulatorRequest): Route | undefined {
  const v1 = V1.exec(request.path);
  if (v1) {
    const [, project, resource, id] = v1;
    return {
      family: "v1",
      action: actionName(request.method, resource as string, id),
      projectInPath: project,
      run: (call, rid) => (resource === "vpcs" ? vpcs(call, id, rid) : routeTables(call, id, rid)),
    };
  }
  const v3 = V3_VPCS.exec(request.path);
  if (v3) {
    const [, project, id, sub] = v3;
    return {
      family: "v3",
      action: actionName(request.method, "vpcs", id, sub),
      projectInPath: project,
      run: (call, rid) => v3Vpcs(call, id, sub, rid),
    };
  }
  const p = PEERINGS.exec(request.path);
  if (p) {
    const [, id, sub] = p;
    return {
      family: "v2.0",
      action: actionName(request.method, "peerings", id, sub),
      projectInPath: undefined,
      run: (call, rid) => peerings(call, id, sub, rid),
    };
  }
  const r = ROUTES.exec(request.path);
  if (r) {
    const [, id] = r;
    return {
      family: "v2.0",
      action: actionName(request.method, "routes", id),
      projectInPath: undefined,
      run: (call, rid) => routes(call, id, rid),
    };
  }
  return undefined;
}

function requestIdOf(): string {
  return randomUUID().replaceAll("-", "");
}

export const huaweicloudHandler: ProtocolHandler = {
  cloud: "huaweicloud",

  matches(request: EmulatorRequest): boolean {
    return route(request) !== undefined;
  },

  async handle(request: EmulatorRequest, context: EmulatorContext): Promise<EmulatorResponse> {
    const requestId = requestIdOf();
    const target = route(request);
    if (!target)
      return apiError("v2.0", "NOT_FOUND", `No API at ${request.method} ${request.path}.`, requestId);
    const verified = verifyRequest(request, {
      secretKeyOf: (ak) => context.accountByKey(ak)?.secretKey,
      now: context.clock.now(),
      maxSkewMs: context.maxSkewMs,
    });
    if (!verified.ok) {
      return gatewayError("AUTH", `Incorrect IAM authentication information: ${verified.reason}`, requestId);
    }
    const account = context.accountByKey(verified.accessKey);
    if (!account)
      return gatewayError("AUTH", "Incorrect IAM authentication information: ak not exist", requestId);
    const headerProject = request.headers["x-project-id"];
    for (const project of [target.projectInPath, headerProject]) {
      if (project !== undefined && project !== account.id) {
        return tenantMismatch(target.family, requestId);
      }
    }
    if (!context.rateLimiter.admit("huaweicloud", account.id, target.action)) {
      return gatewayError(
        "THROTTLE",
        `The throttling threshold has been reached: policy user over ratelimit, action ${target.action}`,
        requestId,
      );
    }
    try {
      return await target.run(
        {
          request,
          session: context.engine.session(account.id),
          account: account.id,
          region: regionOf(request),
          family: target.family,
        },
        requestId,
      );
    } catch (error) {
      if (error instanceof RequestError) {
        return apiError(target.family, error.code, error.message, requestId, error.status);
      }
      if (error instanceof BackendError) return renderBackendError(target.family, error, requestId);
      return apiError(target.family, "BACKEND_UNAVAILABLE", "Internal server error.", requestId);
    }
  },

  // "APIG forwards only API requests whose body is no larger than 12 MB and rejects requests with a larger body."
  // (API Gateway FAQ, support.huaweicloud.com/intl/en-us/apig_faq/apig-faq-180606013.html)
  maxBodyBytes: 12 * 1024 * 1024,
  bodyTooLarge(): EmulatorResponse {
    return gatewayError("BODY_TOO_LARGE", "Request entity too large", requestIdOf());
  },
  faultResponse(kind: "throttle" | "server-error", request: EmulatorRequest): EmulatorResponse {
    const requestId = requestIdOf();
    if (kind === "throttle") {
      return gatewayError(
        "THROTTLE",
        "The throttling threshold has been reached: policy user over ratelimit",
        requestId,
      );
    }
    const family = route(request)?.family ?? "v2.0";
    // A real Neutron 500: {"NeutronError": {"type": "HTTPInternalServerError", "message": "Request Failed: internal
    // server error while processing your request.", "detail": ""}}; the v1 (and here v3) APIs answer VPC.0111
    // "Database Error.".
    return apiError(
      family,
      "BACKEND_UNAVAILABLE",
      family === "v2.0"
        ? "Request Failed: internal server error while processing your request."
        : "Database Error.",
      requestId,
    );
  },
};
