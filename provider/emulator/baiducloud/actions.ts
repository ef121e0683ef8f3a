/**
 * The Baidu AI Cloud VPC actions, one thin entry per API of Baidu's VPC reference (named as the SDKs name their
 * methods): read the query and body, call the signing account's session of the local state engine, answer the
 * reference's body (./render.ts); every success is HTTP 200. Which request names which action is ./handler.ts's.
 *
 * clientToken makes a create idempotent (seed 001: "the same token returns the first result"): the state engine
 * keeps the tokens of every create (peer connections, VPCs, subnets, route rules), durably and canonically.
 */
import type { PeeringInfo, SubnetInfo, VpcInfo } from "../../backends/backend.js";
import { isBackendError } from "../../backends/errors.js";
import type { ChargeType } from "../../core/index.js";
import { jsonObjectBody } from "../json-body.js";
import type { Action, ActionInput, RecognisedCall } from "../pipeline.js";
import type { EmulatorRequest } from "../protocol.js";
import { BaiduRequestError } from "./errors.js";
import { renderPeerConn, renderRouteRule, renderSubnet, renderVpc, roleOf, zoneOf } from "./render.js";

/** What ./handler.ts reads from a request's method, path and query. */
export interface BaiduCall extends RecognisedCall {
  /** The resource id of the path (`/v1/peerconn/{id}`), if any. */
  readonly id: string | undefined;
  /** The region the request is served in (from the endpoint's host name). */
  readonly region: string;
}

/** The JSON body of the answer (none: an empty 200). */
export type BaiduAnswer = unknown;

type Input = ActionInput<BaiduCall>;

/** `?clientToken=` of a create, for the engine, which makes the create idempotent (seed 001). */
function clientTokenOf(request: EmulatorRequest): { clientToken?: string } {
  const token = request.query.get("clientToken");
  return token ? { clientToken: token } : {};
}

function parseBody(request: EmulatorRequest): Record<string, unknown> {
  const body = jsonObjectBody(request);
  if (body) return body;
  throw new BaiduRequestError(
    "INVALID_PARAMETER",
    "The JSON you provided was not well-formed.",
    "MalformedJSON",
  );
}

function str(body: Record<string, unknown>, key: string, required: true): string;
function str(body: Record<string, unknown>, key: string, required: false): string | undefined;
function str(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") {
    if (required) throw new BaiduRequestError("INVALID_PARAMETER", `${key} is required.`);
    return undefined;
  }
  if (typeof value !== "string") throw new BaiduRequestError("INVALID_PARAMETER", `${key} must be a string.`);
  return value;
}

function int(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new BaiduRequestError("INVALID_PARAMETER", `${key} must be an integer.`);
  }
  return value;
}

/**
 * An integer field the engine judges when it is absent: `bandwidthInMbps` is required on every Baidu peering (seed 001
 * createPeerConn), and that rule is the rulebook's (provider/core/peering-candidate.ts, INVALID_BANDWIDTH →
 * PeerConnInvalidBandwidth), not the protocol's, so every layer refuses a missing bandwidth with the same code. A
 * value of the wrong type is still the protocol's InappropriateJSON.
 */
function optionalInt(body: Record<string, unknown>, key: string): number | undefined {
  return body[key] === undefined ? undefined : int(body, key);
}

/** Baidu paging: `marker` is where the page starts, `maxKeys` its size (at most 1000, default 1000). */
function page<T>(items: readonly T[], idOf: (t: T) => string, query: URLSearchParams) {
  const marker = query.get("marker") ?? "";
  const maxText = query.get("maxKeys");
  const maxKeys = maxText === null ? 1000 : Number(maxText);
  if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 1000) {
    throw new BaiduRequestError("INVALID_PARAMETER", `maxKeys ${maxText} must be between 1 and 1000.`);
  }
  let start = 0;
  if (marker) {
    start = items.findIndex((i) => idOf(i) === marker);
    if (start < 0) throw new BaiduRequestError("INVALID_PARAMETER", `marker ${marker} is not valid.`);
  }
  const slice = items.slice(start, start + maxKeys);
  const next = items[start + maxKeys];
  return {
    slice,
    meta: {
      marker,
      isTruncated: next !== undefined,
      ...(next === undefined ? {} : { nextMarker: idOf(next) }),
      maxKeys,
    },
  };
}

// ---------------------------------------------------------------- VPCs

async function baiduVpc(input: Input, id: string): Promise<VpcInfo> {
  const vpc = await input.session.describeVpc(id);
  // The engine is shared by all protocols; another cloud's VPC does not exist for Baidu.
  if (vpc.cloud !== "baiducloud") throw new BaiduRequestError("NOT_FOUND", `vpc ${id} not exist`);
  return vpc;
}

async function baiduVpcs(input: Input): Promise<VpcInfo[]> {
  return (await input.session.listVpcs()).filter((v) => v.cloud === "baiducloud");
}

async function createVpc({ request, session, call }: Input): Promise<BaiduAnswer> {
  const body = parseBody(request);
  const tags = Array.isArray(body.tags) ? (body.tags as { tagKey?: unknown; tagValue?: unknown }[]) : [];
  const input = {
    name: str(body, "name", true),
    region: call.region,
    cidrs: [str(body, "cidr", true)],
    cloud: "baiducloud" as const,
    tags: Object.fromEntries(tags.map((t) => [String(t.tagKey), String(t.tagValue ?? "")])),
    ...clientTokenOf(request),
  };
  // The engine keeps the token (durable, canonical): a retry returns the first VPC.
  return { vpcId: (await session.createVpc(input)).id };
}

async function listVpcs(input: Input): Promise<BaiduAnswer> {
  const { slice, meta } = page(await baiduVpcs(input), (v) => v.id, input.request.query);
  return { ...meta, vpcs: slice.map(renderVpc) };
}

/** GetVpc answers the VPC with its subnets (`subnets`), each as GetSubnet renders it. */
async function getVpc(input: Input): Promise<BaiduAnswer> {
  const vpc = await baiduVpc(input, idOf(input));
  return {
    vpc: { ...renderVpc(vpc), subnets: await renderSubnets(input, await input.session.listSubnets(vpc.id)) },
  };
}

async function deleteVpc(input: Input): Promise<BaiduAnswer> {
  const id = idOf(input);
  await baiduVpc(input, id);
  await input.session.deleteVpc(id);
  return undefined;
}

// ---------------------------------------------------------------- subnets

/**
 * What the engine keeps no column for is refused rather than silently dropped: tags, and a subnet type other than
 * BCC (创建子网: subnetType "BCC"、"BBC", optional; the emulator's subnets are all BCC, as it renders them).
 */
function refuseNotEmulated(body: Record<string, unknown>): void {
  if (Array.isArray(body.tags) ? body.tags.length > 0 : body.tags !== undefined) {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      "tags on a subnet are not supported by this emulator; omit them.",
    );
  }
  const type = str(body, "subnetType", false);
  if (type !== undefined && type !== "BCC") {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      `subnetType ${type} is not supported by this emulator; omit it or use BCC.`,
    );
  }
}

/**
 * zoneName is required by Baidu (创建子网: "zoneName | String | 是 | 可用区名称"). The engine keeps no zone, so the
 * emulator serves one zone per region, the region's first (render.ts zoneOf: cn-bj-a for bj), and refuses any
 * other rather than accept a zone its reads would not show; a missing zoneName is refused as Baidu refuses a
 * missing required item (InappropriateJSON, "lack of one necessary item").
 */
function checkZone(body: Record<string, unknown>, region: string): void {
  const zone = str(body, "zoneName", true);
  if (zone !== zoneOf(region)) {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      `zoneName ${zone} is not served by this emulator in region ${region}; use ${zoneOf(region)}, its only zone.`,
    );
  }
}

/**
 * The name and description rules of 创建子网: name "不能取值"default",长度不超过65个字符", description "不超过200字符".
 * The page's character set ("可由数字、字符、下划线组成") names "字符" without saying which, so it is not enforced.
 */
function checkSubnetText(name: string, description: string | undefined): void {
  if (name === "default" || name.length > 65) {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      `name ${JSON.stringify(name)} is not allowed: a subnet name may not be "default" and has at most 65 characters.`,
    );
  }
  if (description !== undefined && description.length > 200) {
    throw new BaiduRequestError("INVALID_PARAMETER", "description has more than 200 characters.");
  }
}

/**
 * vpcSecondaryCidr (创建子网: "如果想将子网创建在VPC的辅助网段内,则需要填写参数vpcSecondaryCidr") must be one of the VPC's
 * secondary blocks; the engine then judges the subnet against all of the VPC's blocks (withinVpc).
 */
function checkSecondaryCidr(body: Record<string, unknown>, vpc: VpcInfo): void {
  const secondary = str(body, "vpcSecondaryCidr", false);
  if (secondary !== undefined && !vpc.cidrs.slice(1).includes(secondary)) {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      `vpcSecondaryCidr ${secondary} is not a secondary CIDR of vpc ${vpc.id} (${vpc.cidrs.slice(1).join(", ") || "none"}).`,
    );
  }
}

function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw new BaiduRequestError("INVALID_PARAMETER", `${key} must be a boolean.`);
  return value;
}

/**
 * CreateSubnet (创建子网, cloud.baidu.com/doc/VPC/s/Yjwvyu8o1: `POST /v1/subnet?clientToken`, body name, zoneName,
 * cidr, vpcId required; subnetType, description, enableIpv6, vpcSecondaryCidr, tags optional; as bce-python-sdk
 * 0.9.79 subnet_client.py `create_subnet` sends them). The engine judges the block (core subnetProblems: inside the
 * VPC, Baidu's only documented rule) and assigns a dual-stack subnet its IPv6 block; the token makes the create
 * idempotent. Answers `{"subnetId"}` only, as the reference does.
 */
async function createSubnet(input: Input): Promise<BaiduAnswer> {
  const { request, session, call } = input;
  const body = parseBody(request);
  refuseNotEmulated(body);
  checkZone(body, call.region);
  const name = str(body, "name", true);
  const description = str(body, "description", false);
  checkSubnetText(name, description);
  const vpc = await baiduVpc(input, str(body, "vpcId", true));
  checkSecondaryCidr(body, vpc);
  const created = await session.createSubnet({
    vpcId: vpc.id,
    name,
    cidr: str(body, "cidr", true),
    ipv6: optionalBoolean(body, "enableIpv6") ?? false,
    ...(description === undefined ? {} : { description }),
    ...clientTokenOf(request),
  });
  return { subnetId: created.id };
}

/** The caller's subnet of a Baidu VPC; any other is NoSuchObject, as an unknown one is. */
async function baiduSubnet(input: Input, id: string): Promise<SubnetInfo> {
  const missing = () => new BaiduRequestError("NOT_FOUND", `subnet ${id} not exist`);
  let subnet: SubnetInfo;
  try {
    subnet = await input.session.describeSubnet(id);
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND")) throw missing();
    throw error;
  }
  if ((await input.session.describeVpc(subnet.vpcId)).cloud !== "baiducloud") throw missing();
  return subnet;
}

async function renderSubnets(input: Input, subnets: readonly SubnetInfo[]) {
  const out = [];
  for (const s of subnets) {
    out.push(renderSubnet(s, zoneOf(input.call.region), await input.session.subnetDescription(s.id)));
  }
  return out;
}

async function getSubnet(input: Input): Promise<BaiduAnswer> {
  const [subnet] = await renderSubnets(input, [await baiduSubnet(input, idOf(input))]);
  return { subnet };
}

/**
 * ListSubnets (查询子网列表, cloud.baidu.com/doc/VPC/s/xjwvyu8zu: `GET /v1/subnet?marker&maxKeys&vpcId&zoneName
 * &subnetType&subnetIds`, all optional; subnetIds "多个子网id用,分割"). Every subnet is in the one served zone and of
 * type BCC, so those two filters keep all or nothing.
 */
async function listSubnets(input: Input): Promise<BaiduAnswer> {
  const { request, session, call } = input;
  const q = request.query;
  const vpcId = q.get("vpcId");
  const vpcs = vpcId ? [await baiduVpc(input, vpcId)] : await baiduVpcs(input);
  const zone = q.get("zoneName");
  const type = q.get("subnetType");
  const idsText = q.get("subnetIds");
  const ids = idsText ? new Set(idsText.split(",").map((id) => id.trim())) : undefined;
  const all: SubnetInfo[] = [];
  if ((!zone || zone === zoneOf(call.region)) && (!type || type === "BCC")) {
    for (const vpc of vpcs) all.push(...(await session.listSubnets(vpc.id)));
  }
  const { slice, meta } = page(
    all.filter((s) => ids === undefined || ids.has(s.id)),
    (s) => s.id,
    q,
  );
  return { ...meta, subnets: await renderSubnets(input, slice) };
}

/** DeleteSubnet (删除子网: `DELETE /v1/subnet/{subnetId}?clientToken`): an empty 200. */
async function deleteSubnet(input: Input): Promise<BaiduAnswer> {
  const subnet = await baiduSubnet(input, idOf(input));
  await input.session.deleteSubnet(subnet.id);
  return undefined;
}

// ---------------------------------------------------------------- peer connections

async function baiduPeering(input: Input, id: string): Promise<PeeringInfo> {
  const peering = await input.session.describePeering(id);
  if (peering.cloud !== "baiducloud") throw new BaiduRequestError("NOT_FOUND", `peerconn ${id} not exist`);
  return peering;
}

async function createPeerConn(input: Input): Promise<BaiduAnswer> {
  const { request, session, account } = input;
  const body = parseBody(request);
  const billing = (body.billing ?? {}) as Record<string, unknown>;
  const paymentTiming = typeof billing.paymentTiming === "string" ? billing.paymentTiming : undefined;
  if (!paymentTiming) throw new BaiduRequestError("INVALID_PARAMETER", "billing.paymentTiming is required.");
  const localVpc = await baiduVpc(input, str(body, "localVpcId", true));
  const description = str(body, "description", false);
  const token = request.query.get("clientToken") ?? undefined;
  const created = await session.createPeering({
    vpcId: localVpc.id,
    peerVpcId: str(body, "peerVpcId", true),
    peerAccount: str(body, "peerAccountId", false) ?? account,
    peerRegion: str(body, "peerRegion", true),
    name: str(body, "localIfName", false) ?? "peerconn",
    bandwidthMbps: optionalInt(body, "bandwidthInMbps"),
    chargeType: paymentTiming as ChargeType,
    ...(description === undefined ? {} : { description }),
    ...(token === undefined ? {} : { clientToken: token }),
  });
  return { peerConnId: created.id };
}

async function listPeerConns(input: Input): Promise<BaiduAnswer> {
  const { request, session, account } = input;
  const q = request.query;
  const vpcId = q.get("vpcId");
  if (!vpcId) throw new BaiduRequestError("INVALID_PARAMETER", "vpcId is required.");
  await baiduVpc(input, vpcId);
  // The engine filters by VPC and cloud in its query; one page of 1000 per VPC, as before.
  const listed = await session.listPeerings({ vpcId, cloud: "baiducloud" }, { limit: 1000 });
  const items = listed.items;
  const { slice, meta } = page(items, (p) => p.id, q);
  // The side of the listed VPC: its local* fields are that VPC.
  const rendered = slice.map((p) =>
    renderPeerConn(p, p.vpcId === vpcId && p.account === account ? "initiator" : "acceptor"),
  );
  return { ...meta, peerConns: rendered };
}

async function getPeerConn(input: Input): Promise<BaiduAnswer> {
  const peering = await baiduPeering(input, idOf(input));
  return renderPeerConn(peering, roleOf(peering, input.account, input.request.query.get("role")));
}

/** A PUT on a peer connection of the caller: `change` runs once the peer connection is known to be Baidu's. */
function peerConnChange(
  change: (input: Input, id: string) => Promise<unknown>,
): Action<BaiduCall, BaiduAnswer> {
  return async (input) => {
    const id = idOf(input);
    await baiduPeering(input, id);
    await change(input, id);
    return undefined;
  };
}

async function updatePeerConn({ request, session }: Input, id: string): Promise<unknown> {
  const body = parseBody(request);
  const name = str(body, "localIfName", false);
  const description = str(body, "description", false);
  return session.modifyPeering(id, {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
  });
}

async function releasePeerConn(input: Input): Promise<BaiduAnswer> {
  const id = idOf(input);
  await baiduPeering(input, id);
  await input.session.deletePeering(id);
  return undefined;
}

// ---------------------------------------------------------------- route tables and rules

/** The caller's VPC owning a route table, read by the table's id (not by reading every VPC of the account). */
async function vpcOfTable(input: Input, routeTableId: string): Promise<VpcInfo> {
  try {
    return await baiduVpc(input, (await input.session.describeRouteTable(routeTableId)).vpcId);
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND") || error instanceof BaiduRequestError)
      throw new BaiduRequestError("NOT_FOUND", `routeTable ${routeTableId} not exist`);
    throw error;
  }
}

function mainTableOf(vpc: VpcInfo): string {
  const table = vpc.routeTables.find((t) => t.main);
  if (!table) throw new BaiduRequestError("NOT_FOUND", `vpc ${vpc.id} has no route table`);
  return table.id;
}

/** `?routeTableId=` or `?vpcId=` of the route reads: the table's VPC, and the table when one is named. */
async function tableQuery(input: Input): Promise<{ vpc: VpcInfo; tableId: string | null }> {
  const q = input.request.query;
  const tableId = q.get("routeTableId");
  const vpcId = q.get("vpcId");
  if (!tableId && !vpcId)
    throw new BaiduRequestError("INVALID_PARAMETER", "routeTableId or vpcId is required.");
  const vpc = tableId ? await vpcOfTable(input, tableId) : await baiduVpc(input, vpcId as string);
  return { vpc, tableId };
}

async function getRouteTable(input: Input): Promise<BaiduAnswer> {
  const { vpc, tableId } = await tableQuery(input);
  const id = tableId ?? mainTableOf(vpc);
  const rules = await input.session.listRoutes(id);
  return { routeTableId: id, vpcId: vpc.id, routeRules: rules.map(renderRouteRule) };
}

async function createRouteRule(input: Input): Promise<BaiduAnswer> {
  const { request, session } = input;
  const body = parseBody(request);
  const nexthopType = str(body, "nexthopType", true);
  if (nexthopType !== "peerConn") {
    throw new BaiduRequestError(
      "INVALID_PARAMETER",
      `nexthopType ${nexthopType} is not supported; use peerConn.`,
    );
  }
  const vpc = await vpcOfTable(input, str(body, "routeTableId", true));
  const description = str(body, "description", false);
  const rule = {
    vpcId: vpc.id,
    routeTableId: str(body, "routeTableId", true),
    destination: str(body, "destinationAddress", true),
    peeringId: str(body, "nexthopId", true),
    ...(description === undefined ? {} : { description }),
    ...clientTokenOf(request),
  };
  return { routeRuleId: (await session.createRoute(rule)).id };
}

async function listRouteRules(input: Input): Promise<BaiduAnswer> {
  const { vpc, tableId } = await tableQuery(input);
  const tables = tableId ? [tableId] : vpc.routeTables.map((t) => t.id);
  const rules = [];
  for (const table of tables) rules.push(...(await input.session.listRoutes(table)));
  const { slice, meta } = page(rules, (r) => r.id, input.request.query);
  return { ...meta, routeRules: slice.map(renderRouteRule) };
}

async function deleteRouteRule(input: Input): Promise<BaiduAnswer> {
  await input.session.deleteRoute(idOf(input));
  return undefined;
}

/** The path's resource id: every action of the table that reads it is named only for paths that have one. */
function idOf(input: Input): string {
  return input.call.id as string;
}

// ---------------------------------------------------------------- the table

export const ACTIONS: Readonly<Record<string, Action<BaiduCall, BaiduAnswer>>> = {
  CreateVpc: createVpc,
  ListVpcs: listVpcs,
  GetVpc: getVpc,
  DeleteVpc: deleteVpc,
  CreateSubnet: createSubnet,
  ListSubnets: listSubnets,
  GetSubnet: getSubnet,
  DeleteSubnet: deleteSubnet,
  CreatePeerConn: createPeerConn,
  ListPeerConns: listPeerConns,
  GetPeerConn: getPeerConn,
  AcceptPeerConn: peerConnChange(({ session }, id) => session.acceptPeering(id)),
  RejectPeerConn: peerConnChange(({ session }, id) => session.rejectPeering(id)),
  ResizePeerConn: peerConnChange(({ request, session }, id) =>
    session.modifyPeering(id, { bandwidthMbps: int(parseBody(request), "newBandwidthInMbps") }),
  ),
  UpdatePeerConn: peerConnChange(updatePeerConn),
  ReleasePeerConn: releasePeerConn,
  GetRouteTable: getRouteTable,
  CreateRouteRule: createRouteRule,
  ListRouteRules: listRouteRules,
  DeleteRouteRule: deleteRouteRule,
};
