/**
 * The Huawei Cloud VPC actions, one thin entry per SDK method (@huaweicloud/huaweicloud-sdk-vpc 3.1.173,
 * v2/VpcClient.js and v3/VpcClient.js): read the path, query and body, call the signing project's session of the
 * local state engine, answer the SDK's response model (./render.ts) with the API reference's status (201 for the
 * Neutron-style creates, 200 for v1 creates and PUTs, 204 for deletes; accept and reject answer the peering object
 * unwrapped, as AcceptVpcPeeringResponse models it). Which request names which action is ./handler.ts's business.
 */
import { randomUUID } from "node:crypto";
import type {
  PeeringFilter,
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../../backends/backend.js";
import { isBackendError } from "../../backends/errors.js";
import { fromHuaweiStatus } from "../../backends/huaweicloud/peering-status.js";
import { parseCidr } from "../../core/cidr.js";
import { jsonObjectBody } from "../json-body.js";
import type { Action, ActionInput, RecognisedCall } from "../pipeline.js";
import type { EmulatorRequest } from "../protocol.js";
import { type ApiFamily, HuaweiApiError } from "./errors.js";
import {
  renderPeering,
  renderRoute,
  renderRouteTable,
  renderRouteTableRoute,
  renderSubnet,
  renderVpc,
  renderVpcV3,
} from "./render.js";

/** What ./handler.ts reads from a request's method and path. */
export interface HuaweiCall extends RecognisedCall {
  readonly family: ApiFamily;
  /** The `{project_id}` of a v1 or v3 path. */
  readonly projectInPath: string | undefined;
  /** The resource id of the path (`/peerings/{id}`), if any. */
  readonly id: string | undefined;
  /** The `{vpc_id}` of a path below a VPC (DeleteSubnet's `/vpcs/{vpc_id}/subnets/{subnet_id}`). */
  readonly vpcInPath?: string | undefined;
  /** The region the request is served in (from the endpoint's host name). */
  readonly region: string;
}

/** A status and the JSON body (none for 204). */
export interface HuaweiAnswer {
  readonly status: number;
  readonly body?: unknown;
}

type Input = ActionInput<HuaweiCall>;

function ok(status: number, body?: unknown): HuaweiAnswer {
  return { status, body };
}

function parseBody(request: EmulatorRequest): Record<string, unknown> {
  const body = jsonObjectBody(request);
  if (body) return body;
  throw new HuaweiApiError("INVALID_PARAMETER", "Invalid request body: the body must be a JSON object.");
}

function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new HuaweiApiError("INVALID_PARAMETER", `Invalid input: '${key}' must be an object.`);
  }
  return value as Record<string, unknown>;
}

function stringField(obj: Record<string, unknown>, key: string, required: true): string;
function stringField(obj: Record<string, unknown>, key: string, required: false): string | undefined;
function stringField(obj: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) throw new HuaweiApiError("INVALID_PARAMETER", `Invalid input: '${key}' is required.`);
    return undefined;
  }
  if (typeof value !== "string") {
    throw new HuaweiApiError("INVALID_PARAMETER", `Invalid input: '${key}' must be a string.`);
  }
  return value;
}

/** Huawei paging: `limit` and `marker` (the id of the last item of the previous page). */
function page<T extends { readonly id: string }>(items: readonly T[], query: URLSearchParams): T[] {
  const marker = query.get("marker");
  let start = 0;
  if (marker) {
    const at = items.findIndex((i) => i.id === marker);
    if (at < 0) throw new HuaweiApiError("INVALID_PARAMETER", `Invalid marker ${marker}.`);
    start = at + 1;
  }
  const limitText = query.get("limit");
  const limit = limitText === null ? 2000 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new HuaweiApiError("INVALID_PARAMETER", `Invalid limit ${limitText}.`);
  }
  return items.slice(start, start + (limit === 0 ? 2000 : limit));
}

async function huaweiVpc(call: Input, id: string): Promise<VpcInfo> {
  const vpc = await call.session.describeVpc(id);
  // The engine is shared by all protocols; another cloud's VPC does not exist for Huawei.
  if (vpc.cloud !== "huaweicloud") throw new HuaweiApiError("NOT_FOUND", `VPC ${id} does not exist.`, 404);
  return vpc;
}

async function huaweiVpcs(call: Input): Promise<VpcInfo[]> {
  return (await call.session.listVpcs()).filter((v) => v.cloud === "huaweicloud");
}

function mainTableOf(vpc: VpcInfo): string {
  const table = vpc.routeTables.find((t) => t.main);
  if (!table) throw new HuaweiApiError("NOT_FOUND", `VPC ${vpc.id} has no default route table.`, 404);
  return table.id;
}

/** The routes of the v2.0 route API: those of each VPC's default route table. */
async function v2Routes(call: Input, vpcs: readonly VpcInfo[]): Promise<RouteInfo[]> {
  const routes: RouteInfo[] = [];
  for (const vpc of vpcs) routes.push(...(await call.session.listRoutes(mainTableOf(vpc))));
  return routes;
}

async function huaweiPeering(call: Input, id: string): Promise<PeeringInfo> {
  const peering = await call.session.describePeering(id);
  if (peering.cloud !== "huaweicloud")
    throw new HuaweiApiError("NOT_FOUND", `Peering ${id} could not be found.`, 404);
  return peering;
}

// ---------------------------------------------------------------- v1: VPCs and route tables

async function createVpc({ request, session, call }: Input): Promise<HuaweiAnswer> {
  const vpc = objectField(parseBody(request), "vpc");
  const cidr = stringField(vpc, "cidr", false);
  // CreateVpcOption.description (v2/model CreateVpcOption; API reference "Creating a VPC": 0-255 characters,
  // no angle brackets), stored by the engine alongside the VPC.
  const description = stringField(vpc, "description", false) ?? "";
  checkDescription(description);
  const created = await session.createVpc({
    name: stringField(vpc, "name", false) ?? `vpc-${randomUUID().slice(0, 4)}`,
    region: call.region,
    cidrs: cidr === undefined ? [] : [cidr],
    cloud: "huaweicloud",
    description,
  });
  return ok(200, { vpc: renderVpc(created, [], description) });
}

async function listVpcs(input: Input): Promise<HuaweiAnswer> {
  const { request, session } = input;
  let list = await huaweiVpcs(input);
  const wanted = request.query.get("id");
  if (wanted) list = list.filter((v) => v.id === wanted);
  const rendered = [];
  for (const vpc of page(list, request.query)) {
    rendered.push(
      renderVpc(vpc, await session.listRoutes(mainTableOf(vpc)), await session.vpcDescription(vpc.id)),
    );
  }
  return ok(200, { vpcs: rendered });
}

async function showVpc(input: Input): Promise<HuaweiAnswer> {
  const vpc = await huaweiVpc(input, idOf(input));
  const routes = await input.session.listRoutes(mainTableOf(vpc));
  return ok(200, { vpc: renderVpc(vpc, routes, await input.session.vpcDescription(vpc.id)) });
}

async function deleteVpc(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  await huaweiVpc(input, id);
  await input.session.deleteVpc(id);
  return ok(204);
}

/** One route table with its routes, as ShowRouteTable and UpdateRouteTable answer. */
async function routeTableAnswer(input: Input, table: RouteTableInfo, vpc: VpcInfo): Promise<HuaweiAnswer> {
  const routes = await input.session.listRoutes(table.id);
  return ok(200, {
    routetable: {
      ...renderRouteTable(table, input.account, vpc.createdAt),
      routes: routes.map(renderRouteTableRoute),
    },
  });
}

async function listRouteTables(input: Input): Promise<HuaweiAnswer> {
  const { request, account } = input;
  const vpcId = request.query.get("vpc_id");
  const list = vpcId ? [await huaweiVpc(input, vpcId)] : await huaweiVpcs(input);
  const tables = list.flatMap((v) => v.routeTables.map((t) => renderRouteTable(t, account, v.createdAt)));
  return ok(200, { routetables: page(tables, request.query) });
}

async function createRouteTable(input: Input): Promise<HuaweiAnswer> {
  const body = objectField(parseBody(input.request), "routetable");
  const vpc = await huaweiVpc(input, stringField(body, "vpc_id", true));
  const table = await input.session.createRouteTable(vpc.id, stringField(body, "name", true));
  return ok(200, { routetable: { ...renderRouteTable(table, input.account, vpc.createdAt), routes: [] } });
}

/** The caller's Huawei route table `id` and its VPC, read by id (not by reading every VPC of the account). */
async function ownTable(input: Input, id: string): Promise<{ vpc: VpcInfo; table: RouteTableInfo }> {
  try {
    const table = await input.session.describeRouteTable(id);
    return { vpc: await huaweiVpc(input, table.vpcId), table };
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND") || error instanceof HuaweiApiError)
      throw new HuaweiApiError("NOT_FOUND", `Route table ${id} does not exist.`, 404);
    throw error;
  }
}

async function showRouteTable(input: Input): Promise<HuaweiAnswer> {
  const { vpc, table } = await ownTable(input, idOf(input));
  return routeTableAnswer(input, table, vpc);
}

/**
 * UpdateRouteTable (`PUT /v1/{project_id}/routetables/{routetable_id}`, v2/model UpdateRouteTableReq): `routes.add`
 * (AddRouteTableRoute: type, destination, nexthop, description) and `routes.del` (DelRouteTableRoute: type,
 * destination). Only peering routes are emulated; `mod`, `name` and `description` of the table are refused rather
 * than silently ignored. Answers the table with its routes (UpdateRouteTableResponse.routetable).
 */
async function updateRouteTable(input: Input): Promise<HuaweiAnswer> {
  const { request, session } = input;
  const id = idOf(input);
  const body = objectField(parseBody(request), "routetable");
  const { vpc, table } = await ownTable(input, id);
  if (body.name !== undefined || body.description !== undefined) {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      "Renaming a route table is not supported by this emulator.",
    );
  }
  const changes = objectField(body, "routes");
  if (changes.mod !== undefined) {
    throw new HuaweiApiError("INVALID_PARAMETER", "routes.mod is not supported by this emulator.");
  }
  const list = (key: string): Record<string, unknown>[] => {
    const value = changes[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((r) => !r || typeof r !== "object")) {
      throw new HuaweiApiError(
        "INVALID_PARAMETER",
        `Invalid input: 'routes.${key}' must be a list of routes.`,
      );
    }
    return value as Record<string, unknown>[];
  };
  for (const route of list("del")) {
    const destination = stringField(route, "destination", true);
    const existing = (await session.listRoutes(id)).find((r) => r.destination === destination);
    if (!existing) throw new HuaweiApiError("NOT_FOUND", `Route ${destination} does not exist.`, 404);
    await session.deleteRoute(existing.id);
  }
  for (const route of list("add")) {
    peeringRouteType(route);
    const description = stringField(route, "description", false);
    if (description !== undefined && (description.length > 255 || /[<>]/.test(description))) {
      throw new HuaweiApiError(
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
  return routeTableAnswer(input, table, vpc);
}

/** Only peering routes are emulated. */
function peeringRouteType(route: Record<string, unknown>): void {
  const type = stringField(route, "type", true);
  if (type !== "peering") {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      `Invalid input: route type ${type}; only peering is supported.`,
    );
  }
}

// ---------------------------------------------------------------- v1: subnets

/** A boolean field, or undefined when absent. */
function booleanField(obj: Record<string, unknown>, key: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw new HuaweiApiError("INVALID_PARAMETER", `Invalid input: '${key}' must be a boolean.`);
  }
  return value;
}

/**
 * What the engine keeps no column for is refused rather than silently dropped: DNS servers, DHCP options, an
 * availability zone, tags, and DHCP turned off (the engine's subnets all have DHCP on, Huawei's default).
 */
const SUBNET_FIELDS_NOT_EMULATED = [
  "primary_dns",
  "secondary_dns",
  "dnsList",
  "availability_zone",
  "extra_dhcp_opts",
  "tags",
] as const;

/**
 * CreateSubnet (`POST /v1/{project_id}/subnets`, v2/model CreateSubnetOption; 华为云 虚拟私有云 API参考 "创建子网",
 * https://support.huaweicloud.com/api-vpc/vpc_subnet01_0001.html): name (1-64 characters), cidr, vpc_id and
 * gateway_ip are required there; description (0-255 characters, no angle brackets) and ipv6_enable are optional.
 * The engine judges the block and the gateway (core subnetProblems, SUBNET_INVALID with Huawei's code per problem:
 * VPC.0203 outside the VPC, VPC.0212 a bad block, VPC.0201 a gateway outside the subnet) and assigns a dual-stack
 * subnet its IPv6 /64. Answers 200 with the subnet, as the reference does.
 */
async function createSubnet(input: Input): Promise<HuaweiAnswer> {
  const { request, session, account } = input;
  const body = objectField(parseBody(request), "subnet");
  for (const key of SUBNET_FIELDS_NOT_EMULATED) {
    if (body[key] !== undefined) {
      throw new HuaweiApiError(
        "INVALID_PARAMETER",
        `subnet.${key} is not supported by this emulator; omit it.`,
      );
    }
  }
  if (booleanField(body, "dhcp_enable") === false) {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      "subnet.dhcp_enable false is not supported by this emulator; omit it (DHCP on, Huawei's default).",
    );
  }
  const name = stringField(body, "name", true);
  if (name.length > 64) {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      "Invalid input: 'name' must be 1-64 characters.",
      400,
      "VPC.0201",
    );
  }
  const description = stringField(body, "description", false) ?? "";
  checkDescription(description);
  const vpc = await huaweiVpc(input, stringField(body, "vpc_id", true));
  const ipv6 = booleanField(body, "ipv6_enable") ?? false;
  const created = await session.createSubnet({
    vpcId: vpc.id,
    name,
    cidr: stringField(body, "cidr", true),
    gatewayIp: stringField(body, "gateway_ip", true),
    ipv6,
    description,
  });
  return ok(200, { subnet: renderSubnet(created, account, description) });
}

/** Huawei's description rule for VPCs and subnets: 0-255 characters, no `<` or `>`. */
function checkDescription(description: string): void {
  if (description.length > 255 || /[<>]/.test(description)) {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      "Invalid input: 'description' must be at most 255 characters and must not contain < or >.",
    );
  }
}

/**
 * The caller's subnet of a Huawei VPC. An unknown one is 404 VPC.0202, the code the error-code page gives
 * "Querying a subnet" for 404/500 ("Query subnet fail."); the engine's own NOT_FOUND carries Tencent's code.
 */
async function huaweiSubnet(call: Input, id: string): Promise<SubnetInfo> {
  const missing = () => new HuaweiApiError("NOT_FOUND", `Subnet ${id} does not exist.`, 404, "VPC.0202");
  let subnet: SubnetInfo;
  try {
    subnet = await call.session.describeSubnet(id);
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND")) throw missing();
    throw error;
  }
  const vpc = await call.session.describeVpc(subnet.vpcId);
  if (vpc.cloud !== "huaweicloud") throw missing();
  return subnet;
}

async function subnetAnswer(input: Input, subnet: SubnetInfo) {
  return renderSubnet(subnet, input.account, await input.session.subnetDescription(subnet.id));
}

async function showSubnet(input: Input): Promise<HuaweiAnswer> {
  return ok(200, { subnet: await subnetAnswer(input, await huaweiSubnet(input, idOf(input))) });
}

/** ListSubnets (`GET /v1/{project_id}/subnets`, v2/model ListSubnetsRequest: vpc_id, limit, marker). */
async function listSubnets(input: Input): Promise<HuaweiAnswer> {
  const { request, session } = input;
  const vpcId = request.query.get("vpc_id");
  const vpcs = vpcId ? [await huaweiVpc(input, vpcId)] : await huaweiVpcs(input);
  const all: SubnetInfo[] = [];
  for (const vpc of vpcs) all.push(...(await session.listSubnets(vpc.id)));
  const rendered = [];
  for (const subnet of page(all, request.query)) rendered.push(await subnetAnswer(input, subnet));
  return ok(200, { subnets: rendered });
}

/**
 * DeleteSubnet (`DELETE /v1/{project_id}/vpcs/{vpc_id}/subnets/{subnet_id}`): 204. A subnet of another VPC than the
 * path's is refused with VPC.0207 "Subnet does not belong to the VPC." (error-code page, "Deleting a subnet").
 */
async function deleteSubnet(input: Input): Promise<HuaweiAnswer> {
  const vpc = await huaweiVpc(input, input.call.vpcInPath as string);
  const subnet = await huaweiSubnet(input, idOf(input));
  if (subnet.vpcId !== vpc.id) {
    throw new HuaweiApiError(
      "INVALID_PARAMETER",
      `Subnet ${subnet.id} does not belong to the VPC ${vpc.id} (it is in ${subnet.vpcId}).`,
      400,
      "VPC.0207",
    );
  }
  await input.session.deleteSubnet(subnet.id);
  return ok(204);
}

// ---------------------------------------------------------------- v2.0: peerings

async function createVpcPeering(input: Input): Promise<HuaweiAnswer> {
  const { request, session, account } = input;
  const peering = objectField(parseBody(request), "peering");
  const requester = objectField(peering, "request_vpc_info");
  const accepter = objectField(peering, "accept_vpc_info");
  const vpc = await huaweiVpc(input, stringField(requester, "vpc_id", true));
  const requesterTenant = stringField(requester, "tenant_id", false);
  if (requesterTenant !== undefined && requesterTenant !== account) {
    throw new HuaweiApiError(
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
  return ok(201, { peering: renderPeering(created) });
}

async function everyPeering(session: Input["session"], filter: PeeringFilter): Promise<PeeringInfo[]> {
  const items: PeeringInfo[] = [];
  for (let offset = 0; ; offset += 1000) {
    const listed = await session.listPeerings(filter, { offset, limit: 1000 });
    items.push(...listed.items);
    if (items.length >= listed.total || listed.items.length === 0) return items;
  }
}

async function listVpcPeerings({ request, session }: Input): Promise<HuaweiAnswer> {
  const q = request.query;
  const status = q.get("status");
  const filterStatus: PeeringStatus | undefined = status ? fromHuaweiStatus(status) : undefined;
  if (status && !filterStatus) throw new HuaweiApiError("INVALID_PARAMETER", `Invalid status ${status}.`);
  // Every page of the engine's list (one page of 1000 used to drop the rest of a larger account), this cloud's only.
  let items = await everyPeering(session, {
    cloud: "huaweicloud",
    ...(q.get("vpc_id") ? { vpcId: q.get("vpc_id") as string } : {}),
    ...(q.get("name") ? { name: q.get("name") as string } : {}),
    ...(q.get("id") ? { ids: [q.get("id") as string] } : {}),
  });
  if (status) items = items.filter((p) => renderPeering(p).status === status);
  const tenant = q.get("tenant_id");
  if (tenant) items = items.filter((p) => p.account === tenant || p.peerAccount === tenant);
  return ok(200, { peerings: page(items, q).map(renderPeering), peerings_links: [] });
}

async function showVpcPeering(input: Input): Promise<HuaweiAnswer> {
  return ok(200, { peering: renderPeering(await huaweiPeering(input, idOf(input))) });
}

async function updateVpcPeering(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  await huaweiPeering(input, id);
  const body = objectField(parseBody(input.request), "peering");
  const name = stringField(body, "name", false);
  const description = stringField(body, "description", false);
  const updated = await input.session.modifyPeering(id, {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
  });
  return ok(200, { peering: renderPeering(updated) });
}

async function deleteVpcPeering(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  await huaweiPeering(input, id);
  await input.session.deletePeering(id);
  return ok(204);
}

async function acceptVpcPeering(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  await huaweiPeering(input, id);
  return ok(200, renderPeering(await input.session.acceptPeering(id)));
}

async function rejectVpcPeering(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  await huaweiPeering(input, id);
  return ok(200, renderPeering(await input.session.rejectPeering(id)));
}

// ---------------------------------------------------------------- v2.0: routes

async function createVpcRoute(input: Input): Promise<HuaweiAnswer> {
  const route = objectField(parseBody(input.request), "route");
  peeringRouteType(route);
  const vpc = await huaweiVpc(input, stringField(route, "vpc_id", true));
  const created = await input.session.createRoute({
    vpcId: vpc.id,
    routeTableId: mainTableOf(vpc),
    destination: stringField(route, "destination", true),
    peeringId: stringField(route, "nexthop", true),
  });
  return ok(201, { route: renderRoute(created, input.account) });
}

async function listVpcRoutes(input: Input): Promise<HuaweiAnswer> {
  const q = input.request.query;
  const vpcId = q.get("vpc_id");
  let list = await v2Routes(input, vpcId ? [await huaweiVpc(input, vpcId)] : await huaweiVpcs(input));
  for (const [key, pick] of [
    ["id", (r: RouteInfo) => r.id],
    ["destination", (r: RouteInfo) => r.destination],
  ] as const) {
    const wanted = q.get(key);
    if (wanted) list = list.filter((r) => pick(r) === wanted);
  }
  const type = q.get("type");
  if (type && type !== "peering") list = [];
  return ok(200, { routes: page(list, q).map((r) => renderRoute(r, input.account)), routes_links: [] });
}

/** A v2.0 route of the caller by id: a route of a Huawei VPC's main table (v2Routes), read by id. */
async function ownRoute(input: Input): Promise<RouteInfo> {
  const id = idOf(input);
  const missing = () => new HuaweiApiError("NOT_FOUND", `Route ${id} could not be found.`, 404);
  let route: RouteInfo;
  let vpc: VpcInfo;
  try {
    route = await input.session.describeRoute(id);
    vpc = await huaweiVpc(input, route.vpcId);
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND") || error instanceof HuaweiApiError) throw missing();
    throw error;
  }
  if (route.routeTableId !== mainTableOf(vpc)) throw missing();
  return route;
}

async function showVpcRoute(input: Input): Promise<HuaweiAnswer> {
  return ok(200, { route: renderRoute(await ownRoute(input), input.account) });
}

async function deleteVpcRoute(input: Input): Promise<HuaweiAnswer> {
  const route = await ownRoute(input);
  await input.session.deleteRoute(route.id);
  return ok(204);
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
    throw new HuaweiApiError("INVALID_PARAMETER", "dry_run is not supported by this emulator; omit it.");
  }
  const list = objectField(body, "vpc").extend_cidrs;
  if (!Array.isArray(list) || list.length === 0 || list.some((c) => typeof c !== "string")) {
    throw new HuaweiApiError(
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
      throw new HuaweiApiError("INVALID_CIDR", `Invalid input: extend_cidrs entry '${text}' ${why}.`);
    }
    if (blocks.includes(parsed.cidr.text)) {
      throw new HuaweiApiError("INVALID_CIDR", `Invalid input: extend_cidrs lists '${text}' more than once.`);
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
async function addExtendCidrs(call: Input, vpc: VpcInfo): Promise<VpcInfo> {
  const blocks = extendCidrs(call.request);
  const present = blocks.find((b) => vpc.cidrs.includes(b));
  if (present !== undefined) {
    const role = present === vpc.cidrs[0] ? "primary CIDR" : "an extend CIDR";
    throw new HuaweiApiError(
      "INVALID_CIDR",
      `Invalid input: ${present} is already the ${role} of VPC ${vpc.id}.`,
    );
  }
  return call.session.setSecondaryCidrs(vpc.id, [...vpc.cidrs.slice(1), ...blocks]);
}

/** remove-extend-cidr: only blocks the VPC has as extend CIDRs; the primary never changes (vpc_apiv3_0007). */
async function removeExtendCidrs(call: Input, vpc: VpcInfo): Promise<VpcInfo> {
  const blocks = extendCidrs(call.request);
  const [primary, ...secondary] = vpc.cidrs;
  for (const block of blocks) {
    if (block === primary) {
      throw new HuaweiApiError(
        "INVALID_PARAMETER",
        `Invalid input: ${block} is the primary CIDR of VPC ${vpc.id}, which cannot be removed.`,
      );
    }
    if (!secondary.includes(block)) {
      const has = secondary.join(", ") || "none";
      throw new HuaweiApiError(
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

async function listVpcsV3(input: Input): Promise<HuaweiAnswer> {
  const { request, requestId } = input;
  const wanted = request.query.getAll("id");
  const list = (await huaweiVpcs(input)).filter((v) => wanted.length === 0 || wanted.includes(v.id));
  const items = page(list, request.query);
  const limit = Number(request.query.get("limit") ?? 2000) || 2000;
  return ok(200, {
    request_id: requestId,
    vpcs: await Promise.all(items.map(async (v) => renderVpcV3(v, await input.session.vpcDescription(v.id)))),
    page_info: pageInfo(items, limit, request.query.get("marker")),
  });
}

async function showVpcV3(input: Input): Promise<HuaweiAnswer> {
  const id = idOf(input);
  const vpc = await huaweiVpc(input, id);
  const description = await input.session.vpcDescription(id);
  return ok(200, { request_id: input.requestId, vpc: renderVpcV3(vpc, description) });
}

function extendCidrAction(
  change: (input: Input, vpc: VpcInfo) => Promise<VpcInfo>,
): Action<HuaweiCall, HuaweiAnswer> {
  return async (input) => {
    const id = idOf(input);
    const now = await change(input, await huaweiVpc(input, id));
    const description = await input.session.vpcDescription(id);
    return ok(200, { request_id: input.requestId, vpc: renderVpcV3(now, description) });
  };
}

/** The path's resource id: every action of the table that reads it is named only for paths that have one. */
function idOf(input: Input): string {
  return input.call.id as string;
}

// ---------------------------------------------------------------- the table

/** Keyed by SDK method; the v3 client's listVpcs / showVpc are the v3 entries (rate limited as the v2 names). */
export const ACTIONS: Readonly<Record<string, Action<HuaweiCall, HuaweiAnswer>>> = {
  CreateVpc: createVpc,
  ListVpcs: listVpcs,
  ShowVpc: showVpc,
  DeleteVpc: deleteVpc,
  CreateRouteTable: createRouteTable,
  ListRouteTables: listRouteTables,
  ShowRouteTable: showRouteTable,
  UpdateRouteTable: updateRouteTable,
  CreateSubnet: createSubnet,
  ShowSubnet: showSubnet,
  ListSubnets: listSubnets,
  DeleteSubnet: deleteSubnet,
  CreateVpcPeering: createVpcPeering,
  ListVpcPeerings: listVpcPeerings,
  ShowVpcPeering: showVpcPeering,
  UpdateVpcPeering: updateVpcPeering,
  DeleteVpcPeering: deleteVpcPeering,
  AcceptVpcPeering: acceptVpcPeering,
  RejectVpcPeering: rejectVpcPeering,
  CreateVpcRoute: createVpcRoute,
  ListVpcRoutes: listVpcRoutes,
  ShowVpcRoute: showVpcRoute,
  DeleteVpcRoute: deleteVpcRoute,
  "v3.ListVpcs": listVpcsV3,
  "v3.ShowVpc": showVpcV3,
  AddVpcExtendCidr: extendCidrAction(addExtendCidrs),
  RemoveVpcExtendCidr: extendCidrAction(removeExtendCidrs),
};
