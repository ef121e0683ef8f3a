/**
 * The Baidu AI Cloud VPC protocol (BCE v1 REST) over the local state engine:
 * - VPC: POST /v1/vpc?clientToken, GET /v1/vpc, GET and DELETE /v1/vpc/{vpcId} ("VPC-Related Interfaces");
 * - peer connections: POST /v1/peerconn?clientToken (body of seed 001 createPeerConn and "Create peering
 *   connections": bandwidthInMbps, localVpcId, peerVpcId, peerRegion, peerAccountId, localIfName, description,
 *   billing.paymentTiming; answer {"peerConnId"}), GET /v1/peerconn?vpcId&marker&maxKeys, GET /v1/peerconn/{id}?role,
 *   PUT /v1/peerconn/{id}?accept | ?reject ("Process Peer Connection Application", acceptor only), ?resize (body
 *   newBandwidthInMbps), and with no action flag, only `?clientToken` or nothing, the update of the interface
 *   name and description ("Update the Local Interface Name and Comments of Peer Connection",
 *   cloud.baidu.com/doc/VPC/s/1jwvyufpd: body localIfId, description, localIfName; as bce-python-sdk 0.9.79
 *   peerconn_client.py `update_peerconn`, bce-sdk-go services/vpc/peerconn.go `UpdatePeerConn` and bce-sdk-java
 *   PeerConnClient `modifyPeerConn` send it), DELETE /v1/peerconn/{id} (release). The Java SDK sends a JSON body
 *   with accept, reject and release too; it is not read;
 * - routes: GET /v1/route?vpcId|routeTableId (the VPC's route table), POST /v1/route/rule?clientToken (nexthopType
 *   peerConn), GET /v1/route/rule?routeTableId, DELETE /v1/route/rule/{routeRuleId}.
 * Lists page with marker / maxKeys and answer {marker, isTruncated, nextMarker, maxKeys}. Every request is signed
 * with bce-auth-v1 (./bce-auth-v1.ts); the signing AK selects the account.
 *
 * clientToken makes a create idempotent (seed 001: "the same token returns the first result"): the state engine
 * keeps the tokens of every create (peer connections, VPCs, route rules), durably and canonically.
 */
import { randomUUID } from "node:crypto";
import type { Backend, PeeringInfo, VpcInfo } from "../../backends/backend.js";
import { BackendError } from "../../backends/errors.js";
import type { LocalStateEngine } from "../../backends/local/local-backend.js";
import type { ChargeType } from "../../core/index.js";
import { jsonObjectBody } from "../json-body.js";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ProtocolHandler } from "../protocol.js";
import { verifyBceRequest } from "./bce-auth-v1.js";
import { baiduError, baiduErrorOf, baiduResponse } from "./errors.js";
import { renderPeerConn, renderRouteRule, renderVpc, roleOf } from "./render.js";

/** The region a request is served in: from a real endpoint's host (bcc.bj.baidubce.com), else this default. */
export const BAIDU_DEFAULT_REGION = "bj";

const PATHS = /^\/v1\/(vpc|peerconn|route\/rule|route)(?:\/([^/]+))?\/?$/;

class RequestError extends Error {
  constructor(
    readonly code: "INVALID_PARAMETER" | "NOT_FOUND" | "IDEMPOTENCY_CONFLICT",
    message: string,
    readonly cloudCode?: string,
  ) {
    super(message);
  }
}

interface Call {
  readonly request: EmulatorRequest;
  readonly session: Backend;
  readonly account: string;
  readonly region: string;
  readonly engine: LocalStateEngine;
}

function regionOf(request: EmulatorRequest): string {
  const host = (request.headers.host ?? "").split(":")[0] ?? "";
  return /^(?:bcc|vpc)\.([a-z]+)\.baidubce\.com$/.exec(host)?.[1] ?? BAIDU_DEFAULT_REGION;
}

/** `?clientToken=` of a create, for the engine, which makes the create idempotent (seed 001). */
function clientTokenOf(request: EmulatorRequest): { clientToken?: string } {
  const token = request.query.get("clientToken");
  return token ? { clientToken: token } : {};
}

function parseBody(request: EmulatorRequest): Record<string, unknown> {
  const body = jsonObjectBody(request);
  if (body) return body;
  throw new RequestError("INVALID_PARAMETER", "The JSON you provided was not well-formed.", "MalformedJSON");
}

function str(body: Record<string, unknown>, key: string, required: true): string;
function str(body: Record<string, unknown>, key: string, required: false): string | undefined;
function str(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") {
    if (required) throw new RequestError("INVALID_PARAMETER", `${key} is required.`);
    return undefined;
  }
  if (typeof value !== "string") throw new RequestError("INVALID_PARAMETER", `${key} must be a string.`);
  return value;
}

function int(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new RequestError("INVALID_PARAMETER", `${key} must be an integer.`);
  }
  return value;
}

/** Baidu paging: `marker` is where the page starts, `maxKeys` its size (at most 1000, default 1000). */
function page<T>(items: readonly T[], idOf: (t: T) => string, query: URLSearchParams) {
  const marker = query.get("marker") ?? "";
  const maxText = query.get("maxKeys");
  const maxKeys = maxText === null ? 1000 : Number(maxText);
  if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 1000) {
    throw new RequestError("INVALID_PARAMETER", `maxKeys ${maxText} must be between 1 and 1000.`);
  }
  let start = 0;
  if (marker) {
    start = items.findIndex((i) => idOf(i) === marker);
    if (start < 0) throw new RequestError("INVALID_PARAMETER", `marker ${marker} is not valid.`);
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

async function baiduVpc(call: Call, id: string): Promise<VpcInfo> {
  const vpc = await call.session.describeVpc(id);
  // The engine is shared by all protocols; another cloud's VPC does not exist for Baidu.
  if (vpc.cloud !== "baiducloud") throw new RequestError("NOT_FOUND", `vpc ${id} not exist`);
  return vpc;
}

async function baiduVpcs(call: Call): Promise<VpcInfo[]> {
  return (await call.session.listVpcs()).filter((v) => v.cloud === "baiducloud");
}

async function vpcs(call: Call, id: string | undefined, rid: string): Promise<EmulatorResponse> {
  const { request, session } = call;
  if (id === undefined && request.method === "POST") {
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
    const vpcId = (await session.createVpc(input)).id;
    return baiduResponse(200, { vpcId }, rid);
  }
  if (id === undefined && request.method === "GET") {
    const { slice, meta } = page(await baiduVpcs(call), (v) => v.id, request.query);
    return baiduResponse(200, { ...meta, vpcs: slice.map(renderVpc) }, rid);
  }
  if (id !== undefined && request.method === "GET") {
    return baiduResponse(200, { vpc: { ...renderVpc(await baiduVpc(call, id)), subnets: [] } }, rid);
  }
  if (id !== undefined && request.method === "DELETE") {
    await baiduVpc(call, id);
    await session.deleteVpc(id);
    return baiduResponse(200, undefined, rid);
  }
  return baiduError(405, "InvalidHTTPRequest", `${request.method} is not supported here.`, rid);
}

// ---------------------------------------------------------------- peer connections

async function baiduPeering(call: Call, id: string): Promise<PeeringInfo> {
  const peering = await call.session.describePeering(id);
  if (peering.cloud !== "baiducloud") throw new RequestError("NOT_FOUND", `peerconn ${id} not exist`);
  return peering;
}

const PEERCONN_ACTIONS = ["accept", "reject", "resize"] as const;

/** The flag of a PUT on a peer connection; none is the update of its name and description. */
function peerConnAction(query: URLSearchParams): (typeof PEERCONN_ACTIONS)[number] | "update" {
  return PEERCONN_ACTIONS.find((a) => query.has(a)) ?? "update";
}

async function peerconns(call: Call, id: string | undefined, rid: string): Promise<EmulatorResponse> {
  const { request, session, account } = call;
  const q = request.query;
  if (id === undefined && request.method === "POST") {
    const body = parseBody(request);
    const billing = (body.billing ?? {}) as Record<string, unknown>;
    const paymentTiming = typeof billing.paymentTiming === "string" ? billing.paymentTiming : undefined;
    if (!paymentTiming) throw new RequestError("INVALID_PARAMETER", "billing.paymentTiming is required.");
    const localVpc = await baiduVpc(call, str(body, "localVpcId", true));
    const description = str(body, "description", false);
    const token = q.get("clientToken") ?? undefined;
    const created = await session.createPeering({
      vpcId: localVpc.id,
      peerVpcId: str(body, "peerVpcId", true),
      peerAccount: str(body, "peerAccountId", false) ?? account,
      peerRegion: str(body, "peerRegion", true),
      name: str(body, "localIfName", false) ?? "peerconn",
      bandwidthMbps: int(body, "bandwidthInMbps"),
      chargeType: paymentTiming as ChargeType,
      ...(description === undefined ? {} : { description }),
      ...(token === undefined ? {} : { clientToken: token }),
    });
    return baiduResponse(200, { peerConnId: created.id }, rid);
  }
  if (id === undefined && request.method === "GET") {
    const vpcId = q.get("vpcId");
    if (!vpcId) throw new RequestError("INVALID_PARAMETER", "vpcId is required.");
    await baiduVpc(call, vpcId);
    const listed = await session.listPeerings({ vpcId }, { limit: 1000 });
    const items = listed.items.filter((p) => p.cloud === "baiducloud");
    const { slice, meta } = page(items, (p) => p.id, q);
    // The side of the listed VPC: its local* fields are that VPC.
    const rendered = slice.map((p) =>
      renderPeerConn(p, p.vpcId === vpcId && p.account === account ? "initiator" : "acceptor"),
    );
    return baiduResponse(200, { ...meta, peerConns: rendered }, rid);
  }
  if (id !== undefined && request.method === "GET") {
    const peering = await baiduPeering(call, id);
    return baiduResponse(200, renderPeerConn(peering, roleOf(peering, account, q.get("role"))), rid);
  }
  if (id !== undefined && request.method === "PUT") {
    await baiduPeering(call, id);
    const action = peerConnAction(q);
    if (action === "accept") await session.acceptPeering(id);
    else if (action === "reject") await session.rejectPeering(id);
    else if (action === "resize") {
      await session.modifyPeering(id, { bandwidthMbps: int(parseBody(request), "newBandwidthInMbps") });
    } else {
      const body = parseBody(request);
      const name = str(body, "localIfName", false);
      const description = str(body, "description", false);
      await session.modifyPeering(id, {
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
      });
    }
    return baiduResponse(200, undefined, rid);
  }
  if (id !== undefined && request.method === "DELETE") {
    await baiduPeering(call, id);
    await session.deletePeering(id);
    return baiduResponse(200, undefined, rid);
  }
  return baiduError(405, "InvalidHTTPRequest", `${request.method} is not supported here.`, rid);
}

// ---------------------------------------------------------------- route tables and rules

/** The caller's VPC owning a route table. */
async function vpcOfTable(call: Call, routeTableId: string): Promise<VpcInfo> {
  const vpc = (await baiduVpcs(call)).find((v) => v.routeTables.some((t) => t.id === routeTableId));
  if (!vpc) throw new RequestError("NOT_FOUND", `routeTable ${routeTableId} not exist`);
  return vpc;
}

function mainTableOf(vpc: VpcInfo): string {
  const table = vpc.routeTables.find((t) => t.main);
  if (!table) throw new RequestError("NOT_FOUND", `vpc ${vpc.id} has no route table`);
  return table.id;
}

async function routeTable(call: Call, rid: string): Promise<EmulatorResponse> {
  const q = call.request.query;
  const tableId = q.get("routeTableId");
  const vpcId = q.get("vpcId");
  if (!tableId && !vpcId) throw new RequestError("INVALID_PARAMETER", "routeTableId or vpcId is required.");
  const vpc = tableId ? await vpcOfTable(call, tableId) : await baiduVpc(call, vpcId as string);
  const id = tableId ?? mainTableOf(vpc);
  const rules = await call.session.listRoutes(id);
  return baiduResponse(200, { routeTableId: id, vpcId: vpc.id, routeRules: rules.map(renderRouteRule) }, rid);
}

async function routeRules(call: Call, id: string | undefined, rid: string): Promise<EmulatorResponse> {
  const { request, session } = call;
  if (id === undefined && request.method === "POST") {
    const body = parseBody(request);
    const nexthopType = str(body, "nexthopType", true);
    if (nexthopType !== "peerConn") {
      throw new RequestError(
        "INVALID_PARAMETER",
        `nexthopType ${nexthopType} is not supported; use peerConn.`,
      );
    }
    const vpc = await vpcOfTable(call, str(body, "routeTableId", true));
    const description = str(body, "description", false);
    const input = {
      vpcId: vpc.id,
      routeTableId: str(body, "routeTableId", true),
      destination: str(body, "destinationAddress", true),
      peeringId: str(body, "nexthopId", true),
      ...(description === undefined ? {} : { description }),
      ...clientTokenOf(request),
    };
    const routeRuleId = (await session.createRoute(input)).id;
    return baiduResponse(200, { routeRuleId }, rid);
  }
  if (id === undefined && request.method === "GET") {
    const q = request.query;
    const tableId = q.get("routeTableId");
    const vpcId = q.get("vpcId");
    if (!tableId && !vpcId) throw new RequestError("INVALID_PARAMETER", "routeTableId or vpcId is required.");
    const vpc = tableId ? await vpcOfTable(call, tableId) : await baiduVpc(call, vpcId as string);
    const tables = tableId ? [tableId] : vpc.routeTables.map((t) => t.id);
    const rules = [];
    for (const table of tables) rules.push(...(await session.listRoutes(table)));
    const { slice, meta } = page(rules, (r) => r.id, q);
    return baiduResponse(200, { ...meta, routeRules: slice.map(renderRouteRule) }, rid);
  }
  if (id !== undefined && request.method === "DELETE") {
    await session.deleteRoute(id);
    return baiduResponse(200, undefined, rid);
  }
  return baiduError(405, "InvalidHTTPRequest", `${request.method} is not supported here.`, rid);
}

// ---------------------------------------------------------------- dispatch

/** The rate-limit key: the API's name in Baidu's reference, as the SDKs name their methods. */
function actionOf(request: EmulatorRequest, resource: string, id: string | undefined): string {
  const m = request.method;
  if (resource === "vpc")
    return { POST: "CreateVpc", GET: id ? "GetVpc" : "ListVpcs", DELETE: "DeleteVpc" }[m] ?? m;
  if (resource === "peerconn") {
    if (m === "PUT") {
      const action = peerConnAction(request.query);
      return {
        accept: "AcceptPeerConn",
        reject: "RejectPeerConn",
        resize: "ResizePeerConn",
        update: "UpdatePeerConn",
      }[action];
    }
    return (
      { POST: "CreatePeerConn", GET: id ? "GetPeerConn" : "ListPeerConns", DELETE: "ReleasePeerConn" }[m] ?? m
    );
  }
  if (resource === "route") return "GetRouteTable";
  return { POST: "CreateRouteRule", GET: "ListRouteRules", DELETE: "DeleteRouteRule" }[m] ?? m;
}

function requestIdOf(): string {
  return randomUUID();
}

export const baiducloudHandler: ProtocolHandler = {
  cloud: "baiducloud",

  matches(request: EmulatorRequest): boolean {
    return PATHS.test(request.path);
  },

  async handle(request: EmulatorRequest, context: EmulatorContext): Promise<EmulatorResponse> {
    const rid = requestIdOf();
    const m = PATHS.exec(request.path);
    if (!m) return baiduError(400, "InvalidURI", "Could not parse the specified URI.", rid);
    const [, resource, id] = m as unknown as [string, string, string | undefined];
    const verified = verifyBceRequest(request, {
      secretKeyOf: (ak) => context.accountByKey(ak)?.secretKey,
      now: context.clock.now(),
      maxSkewMs: context.maxSkewMs,
    });
    if (!verified.ok) {
      const status = verified.code === "InvalidAccessKeyId" ? 403 : 400;
      return baiduError(status, verified.code, verified.message, rid);
    }
    const account = context.accountByKey(verified.accessKey);
    if (!account)
      return baiduError(
        403,
        "InvalidAccessKeyId",
        "The Access Key ID you provided does not exist in our records.",
        rid,
      );
    const action = actionOf(request, resource, id);
    if (!context.rateLimiter.admit("baiducloud", account.id, action)) {
      return baiduErrorOf("THROTTLED", `Request rate of ${action} exceeded the limit.`, rid);
    }
    const call: Call = {
      request,
      session: context.engine.session(account.id),
      account: account.id,
      region: regionOf(request),
      engine: context.engine,
    };
    try {
      if (resource === "vpc") return await vpcs(call, id, rid);
      if (resource === "peerconn") return await peerconns(call, id, rid);
      if (resource === "route") return await routeTable(call, rid);
      return await routeRules(call, id, rid);
    } catch (error) {
      if (error instanceof RequestError) {
        return error.cloudCode
          ? baiduError(400, error.cloudCode, error.message, rid)
          : baiduErrorOf(error.code, error.message, rid);
      }
      if (error instanceof BackendError) return baiduErrorOf(error.code, error.message, rid);
      return baiduErrorOf("BACKEND_UNAVAILABLE", "We encountered an internal error. Please try again.", rid);
    }
  },

  /**
   * No Baidu page found states a body limit for the VPC API or a code for an oversized body: the emulator keeps its
   * own 1 MiB (the VPC bodies are a few KB) and answers Baidu's error body with HTTP 413 and the name
   * RequestEntityTooLarge, the emulator's, like the peering codes of ../../backends/baiducloud/error-codes.ts.
   */
  maxBodyBytes: 1024 * 1024,
  bodyTooLarge(_request: EmulatorRequest, limit: number, received: number): EmulatorResponse {
    return baiduError(
      413,
      "RequestEntityTooLarge",
      `The request body is ${received} bytes, over the ${limit}-byte limit.`,
      requestIdOf(),
    );
  },
  faultResponse(kind: "throttle" | "server-error"): EmulatorResponse {
    const rid = requestIdOf();
    return kind === "throttle"
      ? baiduErrorOf("THROTTLED", "Request rate exceeded the limit.", rid)
      : baiduErrorOf("BACKEND_UNAVAILABLE", "We encountered an internal error. Please try again.", rid);
  },
};
