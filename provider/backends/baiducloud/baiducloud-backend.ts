/**
 * The baiducloud backend: the Backend interface over Baidu AI Cloud's BCE v1 VPC REST API (/v1/vpc, /v1/subnet, /v1/peerconn
 * with ?accept / ?reject / ?resize, and no flag for the name and description update, /v1/route, /v1/route/rule), signed with bce-auth-v1 by the
 * official JavaScript SDK's signer (./bce-signer.ts; the SDK has no VPC client) and sent with node:http(s) over the
 * backend's own keep-alive agent.
 *
 * - Endpoint: configurable (that is how tests reach the emulator); default `https://bcc.{region}.baidubce.com`
 *   (VPC API reference: the peer connection service uses the VPC domain, bcc.bj.baidubce.com ...).
 * - Credentials: options, else BAIDUCLOUD_ACCESS_KEY / BAIDUCLOUD_SECRET_KEY (the names the Baidu Terraform
 *   provider reads, terraform-provider-baiducloud baiducloud/provider.go), else BCE_ACCESS_KEY_ID /
 *   BCE_SECRET_ACCESS_KEY. The account id (needed to tell the two sides of a peer connection apart; an AK does not
 *   say it) comes from the options or BAIDUCLOUD_ACCOUNT_ID, a peerlink variable. Keys never reach a message.
 * - Idempotency: every create carries a clientToken (seed 001), the same on each retry, so a create whose answer
 *   was lost returns the first result. The caller's token is used when given, else one is drawn per call.
 * - Errors `{"requestId","code","message"}` are parsed back onto peerlink codes (./error-codes.ts); throttling
 *   and 5xx are retried with backoff and jitter (../shared/retry.ts), client errors never.
 *
 * Baidu has no route-table creation (one table per VPC), no per-IP limits and no re-enabling of a failed request:
 * those calls are refused with UNSUPPORTED_OPERATION.
 */

import { randomUUID } from "node:crypto";
import { type Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { ChargeType } from "../../core/index.js";
import { canonicalCidrText, defaultGateway } from "../../core/index.js";
import { checkPeeringRequest } from "../../core/peering-candidate.js";

import type {
  Backend,
  BackendCapabilities,
  BandwidthLimitInfo,
  CreatePeeringInput,
  CreateRouteInput,
  CreateSubnetInput,
  CreateVpcInput,
  ModifyPeeringInput,
  Page,
  PageResult,
  PeeringFilter,
  PeeringInfo,
  RouteInfo,
  RouteTableInfo,
  SetBandwidthLimitInput,
  SubnetInfo,
  VpcInfo,
} from "../backend.js";
import { BACKEND_CAPABILITIES } from "../capabilities.js";
import { type Clock, systemClock } from "../clock.js";
import { type BackendCode, BackendError } from "../errors.js";
import { acceptedPeering } from "../shared/accepted-peering.js";
import { refuseFindings, refuseSubnetShape } from "../shared/client-checks.js";
import { isRetryableStatus } from "../shared/cloud-codes.js";
import { markDescription } from "../shared/create-marker.js";
import { createdPeering } from "../shared/created-peering.js";
import { type CloudCredentials, resolveCredentials } from "../shared/credentials.js";
import { keepAliveAgentFor } from "../shared/keep-alive-agent.js";
import { Pacer } from "../shared/pacer.js";
import { type RetryOptions, retryWrite, withRetry } from "../shared/retry.js";
import { bceDate, signBceRequest } from "./bce-signer.js";
import { peeringOf, routeOf, subnetOf, vpcOf } from "./convert.js";
import { peerlinkCodeOf } from "./error-codes.js";
import type {
  WirePage,
  WirePeerConn,
  WireRouteRule,
  WireRouteTable,
  WireSubnet,
  WireVpc,
} from "./wire-types.js";

export const BAIDU_ENV = {
  accessKey: ["BAIDUCLOUD_ACCESS_KEY", "BCE_ACCESS_KEY_ID"],
  secretKey: ["BAIDUCLOUD_SECRET_KEY", "BCE_SECRET_ACCESS_KEY"],
  region: ["BAIDUCLOUD_REGION"],
  accountId: ["BAIDUCLOUD_ACCOUNT_ID"],
} as const;

export interface BaiduCloudBackendOptions {
  /** @default BAIDUCLOUD_REGION, else "bj" */
  readonly region?: string;
  /** @default `https://bcc.${region}.baidubce.com` */
  readonly endpoint?: string;
  readonly accessKey?: string;
  readonly secretKey?: string;
  /** The Baidu account id of the credentials. @default BAIDUCLOUD_ACCOUNT_ID */
  readonly accountId?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly retry?: RetryOptions;
  /**
   * Client-side pacing per action: `false` for none, or a Pacer of your own. @default every action at
   * BAIDU_RATE_PER_SECOND (a lost answer's retries then are not spent on throttling, issue 17)
   */
  readonly pacer?: Pacer | false;
  /** The time signatures are dated with. @default the system clock */
  readonly clock?: Clock;
  /**
   * The bandwidth of a peer connection created without `bandwidthMbps`: Baidu requires one (seed 001,
   * bandwidthInMbps "Yes") and documents no default, so there is none unless configured here.
   */
  readonly defaultBandwidthMbps?: number;
  /**
   * The availability zone new subnets are created in; Baidu requires one (创建子网: "zoneName | String | 是"). @default
   * BAIDUCLOUD_ZONE, else the region's first zone, `cn-{region}-a` (baiduZoneOf)
   */
  readonly zoneName?: string;
}

/**
 * Zone A of a Baidu region. Baidu documents its zone names as `cn-{region}-{a-f}` (RDS API 查询子网列表,
 * cloud.baidu.com/doc/RDS/s/1kyvageqo: zoneName "由国家-地区-子网编号(a-f) ... 例如北京可用区A为"cn-bj-a""), and BCC
 * 查询可用区列表 (cloud.baidu.com/doc/BCC/s/ijwvyo9im) answers `cn-bj-a`, `cn-bj-b` for region bj. No page says every
 * region has a zone A; set `zoneName` where it has not.
 */
export function baiduZoneOf(region: string): string {
  return `cn-${region}-a`;
}

interface Request {
  readonly action: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

/**
 * The rate the backend paces each action at by default. Baidu publishes no per-action rate for its VPC API (its
 * VPC API reference and "Product Specification Limit", cloud.baidu.com/doc/VPC/s/9jwvytur6-en, list quotas of
 * resources, none of requests; searched 2026-12), so the backend keeps to the rate the emulator enforces for every
 * cloud (provider/emulator/rate-limiter.ts DEFAULT_RATE_LIMITS, Tencent's documented 20 requests/s per action).
 */
export const BAIDU_RATE_PER_SECOND = 20;

function optionalDescription(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description };
}

function unsupported(what: string, fix: string): never {
  throw new BackendError("UNSUPPORTED_OPERATION", `Baidu AI Cloud does not support ${what}.`, {
    cloudCode: "Unsupported",
    fix,
  });
}

function refuse(code: BackendCode, message: string, fix: string): never {
  throw new BackendError(code, message, { cloudCode: "ClientValidation", fix });
}

export class BaiduCloudBackend implements Backend {
  readonly kind = "baiducloud";
  readonly account: string;
  readonly region: string;
  readonly endpoint: string;
  readonly #credentials: CloudCredentials;
  readonly #retry: RetryOptions;
  readonly #pacer: Pacer | undefined;
  readonly #clock: Clock;
  readonly #defaultBandwidthMbps: number | undefined;
  readonly #zoneName: string;
  /**
   * One keep-alive agent for every call to the endpoint: requests go out through node:http(s) on it, not through
   * fetch, whose WHATWG request and stream objects cost more per call than the exchange itself on a fast network.
   */
  readonly #agent: HttpAgent;
  readonly #send: typeof httpRequest;

  constructor(options: BaiduCloudBackendOptions = {}) {
    const env = options.env ?? process.env;
    const first = (names: readonly string[]) => names.map((n) => env[n]).find(Boolean);
    this.region = options.region ?? first(BAIDU_ENV.region) ?? "bj";
    this.endpoint = (options.endpoint ?? `https://bcc.${this.region}.baidubce.com`).replace(/\/+$/, "");
    this.#credentials = resolveCredentials({
      secretId: options.accessKey,
      secretKey: options.secretKey,
      idVariables: BAIDU_ENV.accessKey,
      keyVariables: BAIDU_ENV.secretKey,
      env,
      cloudName: "Baidu AI Cloud",
      cloudCode: "InvalidAccessKeyId",
    });
    const accountId = options.accountId || first(BAIDU_ENV.accountId);
    if (!accountId) {
      throw new BackendError("AUTH_FAILED", "No Baidu AI Cloud account id.", {
        cloudCode: "InvalidAccessKeyId",
        fix: `Pass accountId in the backend options, or set ${BAIDU_ENV.accountId[0]}.`,
      });
    }
    this.account = accountId;
    this.#retry = options.retry ?? {};
    this.#pacer =
      options.pacer === false
        ? undefined
        : (options.pacer ?? new Pacer({ rateOf: () => BAIDU_RATE_PER_SECOND }));
    this.#clock = options.clock ?? systemClock;
    this.#defaultBandwidthMbps = options.defaultBandwidthMbps;
    this.#zoneName = options.zoneName ?? env.BAIDUCLOUD_ZONE ?? baiduZoneOf(this.region);
    this.#agent = keepAliveAgentFor(this.endpoint);
    this.#send = this.#agent instanceof HttpsAgent ? httpsRequest : httpRequest;
  }

  capabilities(): BackendCapabilities {
    return BACKEND_CAPABILITIES.baiducloud;
  }

  async close(): Promise<void> {
    this.#agent.destroy();
  }

  // ---------------------------------------------------------------- transport

  async #call<T>(request: Request): Promise<T> {
    return withRetry(() => this.#once<T>(request), this.#retry);
  }

  async #once<T>(request: Request): Promise<T> {
    await this.#pacer?.acquire(request.action);
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.params ?? {})) if (v !== undefined) params[k] = v;
    const url = new URL(`${this.endpoint}${request.path}`);
    // A bare flag (`?accept`) is sent as "accept=": the signed canonical form of an empty value.
    url.search = new URLSearchParams(params).toString();
    const now = this.#clock.now();
    const headers: Record<string, string> = {
      host: url.host,
      "content-type": "application/json; charset=utf-8",
      "x-bce-date": bceDate(now),
    };
    headers.authorization = signBceRequest(this.#credentials.secretId, this.#credentials.secretKey(), {
      method: request.method,
      path: url.pathname,
      params,
      headers,
      timestamp: Math.floor(now / 1000),
    });
    let answer: { status: number; requestId: string | undefined; text: string };
    try {
      answer = await this.#exchange(url, request.method, headers, request.body);
    } catch (error) {
      throw new BackendError(
        "BACKEND_UNAVAILABLE",
        `Baidu AI Cloud ${request.action}: ${this.#credentials.redact(String((error as Error).cause ?? error))}`,
        { cloudCode: "ConnectionError", retryable: true, fix: `Check that ${this.endpoint} is reachable.` },
      );
    }
    let body: unknown;
    try {
      body = answer.text === "" ? {} : JSON.parse(answer.text);
    } catch {
      body = { message: answer.text };
    }
    if (answer.status >= 400) throw this.#error(request.action, answer.status, answer.requestId, body);
    return body as T;
  }

  /** One HTTP exchange on the keep-alive agent: the status, the x-bce-request-id header and the body's text. */
  #exchange(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; requestId: string | undefined; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = this.#send(
        url,
        {
          agent: this.#agent,
          method,
          headers:
            payload === undefined
              ? headers
              : { ...headers, "content-length": String(Buffer.byteLength(payload)) },
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const id = res.headers["x-bce-request-id"];
            resolve({
              status: res.statusCode ?? 0,
              requestId: typeof id === "string" ? id : undefined,
              text: Buffer.concat(chunks).toString("utf8"),
            });
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  #error(action: string, status: number, headerRequestId: string | undefined, body: unknown): BackendError {
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const cloudCode = typeof b.code === "string" ? b.code : `HTTP ${status}`;
    const code = peerlinkCodeOf(typeof b.code === "string" ? b.code : undefined, status);
    const text = this.#credentials.redact(typeof b.message === "string" ? b.message : `HTTP ${status}`);
    const at = text.indexOf(" Fix: ");
    const fix =
      at >= 0 ? text.slice(at + 6) : code === "AUTH_FAILED" ? "Check the AK/SK and the clock." : undefined;
    const requestId = typeof b.requestId === "string" ? b.requestId : headerRequestId;
    return new BackendError(
      code,
      `Baidu AI Cloud ${action}: ${at >= 0 ? text.slice(0, at) : text} (${cloudCode})`,
      {
        cloudCode,
        retryable: isRetryableStatus(status),
        httpStatus: status,
        ...(requestId ? { requestId } : {}),
        ...(fix ? { fix } : {}),
      },
    );
  }

  /** Every page of a marker/maxKeys list. */
  async #all<T>(request: Request, key: string): Promise<T[]> {
    const items: T[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await this.#call<WirePage & Record<string, unknown>>({
        ...request,
        params: { ...request.params, maxKeys: "1000", ...(marker ? { marker } : {}) },
      });
      items.push(...((page[key] as T[] | undefined) ?? []));
      if (!page.isTruncated || !page.nextMarker) return items;
      marker = page.nextMarker;
    }
  }

  // ---------------------------------------------------------------- VPCs

  async #routeTable(vpcId: string): Promise<WireRouteTable> {
    return this.#call<WireRouteTable>({
      action: "GetRouteTable",
      method: "GET",
      path: "/v1/route",
      params: { vpcId },
    });
  }

  async #vpcInfo(vpc: WireVpc): Promise<VpcInfo> {
    return vpcOf(vpc, this.region, this.account, (await this.#routeTable(vpc.vpcId)).routeTableId);
  }

  async createVpc(input: CreateVpcInput): Promise<VpcInfo> {
    if (input.cloud !== undefined && input.cloud !== "baiducloud") {
      refuse(
        "INVALID_PARAMETER",
        `The baiducloud backend creates Baidu VPCs, not ${input.cloud}.`,
        "Omit cloud.",
      );
    }
    if (input.region !== this.region) {
      refuse(
        "INVALID_PARAMETER",
        `VPC "${input.name}" is for region ${input.region}, but this backend's endpoint serves ${this.region}.`,
        `Use a baiducloud backend configured for region ${input.region}.`,
      );
    }
    if (input.cidrs.length !== 1) unsupported("secondary CIDRs at VPC creation", "Give exactly one CIDR.");
    if ((input.routeTables ?? []).length > 0)
      unsupported("extra route tables (one per VPC)", "Omit routeTables.");
    // The caller's token makes the create idempotent across processes (seed 001: "the same token returns the
    // first result"); without one, a token of this call still covers its retries.
    const clientToken = input.clientToken ?? randomUUID();
    const { vpcId } = await this.#call<{ vpcId: string }>({
      action: "CreateVpc",
      method: "POST",
      path: "/v1/vpc",
      params: { clientToken },
      body: {
        name: input.name,
        cidr: input.cidrs[0],
        tags: Object.entries(input.tags ?? {}).map(([tagKey, tagValue]) => ({ tagKey, tagValue })),
      },
    });
    return this.describeVpc(vpcId);
  }

  async describeVpc(id: string): Promise<VpcInfo> {
    const { vpc } = await this.#call<{ vpc: WireVpc }>({
      action: "GetVpc",
      method: "GET",
      path: `/v1/vpc/${encodeURIComponent(id)}`,
    });
    return this.#vpcInfo(vpc);
  }

  async listVpcs(): Promise<readonly VpcInfo[]> {
    const vpcs = await this.#all<WireVpc>({ action: "ListVpcs", method: "GET", path: "/v1/vpc" }, "vpcs");
    const out: VpcInfo[] = [];
    for (const vpc of vpcs) out.push(await this.#vpcInfo(vpc));
    return out;
  }

  async setSecondaryCidrs(vpcId: string): Promise<VpcInfo> {
    unsupported(
      `changing the secondary CIDRs of VPC "${vpcId}" through this backend`,
      "Change them in the console and set the VPC's cidrs to match, or give the VPC new cidrs and a new name to replace it.",
    );
  }

  async deleteVpc(id: string): Promise<void> {
    await this.#deleteOnce("DeleteVpc", `/v1/vpc/${encodeURIComponent(id)}`);
  }

  /** A delete whose first answer was lost finds nothing the second time: done. */
  async #deleteOnce(action: string, path: string): Promise<void> {
    const clientToken = randomUUID();
    await retryWrite(
      () => this.#once({ action, method: "DELETE", path, params: { clientToken } }),
      async (error) => error.code === "NOT_FOUND",
      this.#retry,
    );
  }

  // ---------------------------------------------------------------- subnets (/v1/subnet)

  /**
   * CreateSubnet (创建子网, cloud.baidu.com/doc/VPC/s/Yjwvyu8o1: `POST /v1/subnet?clientToken`, body name, zoneName,
   * cidr, vpcId, description, enableIpv6; bce-python-sdk subnet_client.py `create_subnet`). The core's shape rules
   * are checked before anything is sent, so Baidu's own refusal is only for what needs the VPC (inside its blocks).
   * Baidu takes no gateway: one other than the block's first host, which the backend reports, is refused.
   *
   * The clientToken is Baidu's idempotency ("the same token returns the first result"): the caller's, else one
   * drawn for this call and kept across its retries. The create answers only `subnetId`; the subnet is read back
   * (two requests).
   */
  async createSubnet(input: CreateSubnetInput): Promise<SubnetInfo> {
    const candidate = refuseSubnetShape("baiducloud", input);
    const cidr = canonicalCidrText(input.cidr);
    if (input.gatewayIp !== undefined && input.gatewayIp !== defaultGateway(cidr)) {
      unsupported(
        `choosing subnet "${input.name}"'s gateway (${input.gatewayIp}; 创建子网 takes no gateway)`,
        `Omit gatewayIp, or give ${defaultGateway(cidr)}, the block's first host.`,
      );
    }
    const clientToken = input.clientToken ?? randomUUID();
    const { subnetId } = await this.#call<{ subnetId: string }>({
      action: "CreateSubnet",
      method: "POST",
      path: "/v1/subnet",
      params: { clientToken },
      body: {
        name: input.name,
        zoneName: this.#zoneName,
        cidr,
        vpcId: input.vpcId,
        ...optionalDescription(input.description),
        ...(candidate.ipv6 ? { enableIpv6: true } : {}),
      },
    });
    return this.describeSubnet(subnetId);
  }

  /** GetSubnet (查询指定子网: `GET /v1/subnet/{subnetId}` → `{"subnet": SubnetDetail}`). */
  async describeSubnet(id: string): Promise<SubnetInfo> {
    const { subnet } = await this.#call<{ subnet: WireSubnet }>({
      action: "GetSubnet",
      method: "GET",
      path: `/v1/subnet/${encodeURIComponent(id)}`,
    });
    return subnetOf(subnet);
  }

  /** ListSubnets (查询子网列表: `GET /v1/subnet?vpcId`), every page by marker. */
  async listSubnets(vpcId: string): Promise<readonly SubnetInfo[]> {
    const subnets = await this.#all<WireSubnet>(
      { action: "ListSubnets", method: "GET", path: "/v1/subnet", params: { vpcId } },
      "subnets",
    );
    return subnets.map(subnetOf);
  }

  /** DeleteSubnet (删除子网: `DELETE /v1/subnet/{subnetId}?clientToken`); a retry finding nothing left is done. */
  async deleteSubnet(id: string): Promise<void> {
    await this.#deleteOnce("DeleteSubnet", `/v1/subnet/${encodeURIComponent(id)}`);
  }

  async createRouteTable(vpcId: string, name: string): Promise<RouteTableInfo> {
    unsupported(
      `creating route table "${name}" in VPC "${vpcId}" (each VPC has one)`,
      "Use the VPC's route table.",
    );
  }

  async listRouteTables(vpcId: string): Promise<readonly RouteTableInfo[]> {
    const table = await this.#routeTable(vpcId);
    return [{ id: table.routeTableId, vpcId: table.vpcId, name: "main", main: true }];
  }

  // ---------------------------------------------------------------- peer connections

  async createPeering(input: CreatePeeringInput): Promise<PeeringInfo> {
    if (input.tags !== undefined && Object.keys(input.tags).length > 0) {
      unsupported("tags through this API version", "Omit tags.");
    }
    const bandwidthInMbps = input.bandwidthMbps ?? this.#defaultBandwidthMbps;
    const peerVpcRegion = input.peerRegion ?? this.region;
    // The core's request rules (a positive integer bandwidth on every peering, billing, service levels), before
    // any call; defaultBandwidthMbps stands in for a bandwidth the caller left out.
    refuseFindings(
      checkPeeringRequest({
        cloud: "baiducloud",
        region: this.region,
        peerRegion: peerVpcRegion,
        name: input.name,
        vpcId: input.vpcId,
        peerVpcId: input.peerVpcId,
        bandwidthMbps: bandwidthInMbps,
        chargeType: input.chargeType,
        serviceLevel: input.serviceLevel,
      }),
      "ClientValidation",
    );
    const clientToken = input.clientToken ?? randomUUID();
    const chargeType = input.chargeType ?? "Postpaid";
    const { peerConnId } = await this.#call<{ peerConnId: string }>({
      action: "CreatePeerConn",
      method: "POST",
      path: "/v1/peerconn",
      params: { clientToken },
      body: {
        bandwidthInMbps,
        localVpcId: input.vpcId,
        peerVpcId: input.peerVpcId,
        peerRegion: peerVpcRegion,
        localIfName: input.name,
        ...optionalDescription(markDescription(input.description, input.clientToken)),
        ...(input.peerAccount === undefined || input.peerAccount === this.account
          ? {}
          : { peerAccountId: input.peerAccount }),
        billing: { paymentTiming: chargeType },
      },
    });
    // The caller's token may name an earlier create's connection (seed 001: the same token returns the first
    // result), in whatever state it is now: read it. A token drawn for this call made a new one, known from the
    // request.
    if (input.clientToken !== undefined) return this.describePeering(peerConnId);
    return this.#createdPeering(peerConnId, input, bandwidthInMbps, peerVpcRegion, chargeType);
  }

  /**
   * A peer connection this call just created, from the request and the id the create answers (its only field,
   * "Create Peer Connection": `peerConnId`), without a GET (../shared/created-peering.ts has the state it starts
   * in); the expiry follows from the creation time as ./convert.ts peeringOf has it.
   */
  #createdPeering(
    id: string,
    input: CreatePeeringInput,
    bandwidthMbps: number | undefined,
    peerRegion: string,
    chargeType: ChargeType,
  ): PeeringInfo {
    return createdPeering(id, input, {
      cloud: "baiducloud",
      account: this.account,
      region: this.region,
      peerAccount: input.peerAccount ?? this.account,
      peerRegion,
      bandwidthMbps,
      chargeType,
      serviceLevel: undefined,
      description: input.description ?? "",
      tags: {},
      now: this.#clock.now(),
      reportsExpiry: true,
    });
  }

  async describePeering(id: string): Promise<PeeringInfo> {
    const conn = await this.#call<WirePeerConn>({
      action: "GetPeerConn",
      method: "GET",
      path: `/v1/peerconn/${encodeURIComponent(id)}`,
    });
    return peeringOf(conn, this.account);
  }

  async listPeerings(filter: PeeringFilter = {}, page: Page = {}): Promise<PageResult<PeeringInfo>> {
    const offset = page.offset ?? 0;
    const limit = page.limit ?? 100;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      refuse(
        "INVALID_PARAMETER",
        `Paging offset ${offset} / limit ${limit} is out of range.`,
        "Use an offset >= 0 and a limit between 1 and 1000.",
      );
    }
    // Baidu lists the peer connections of one VPC (vpcId is required): every own VPC is asked, unless one is given.
    const vpcIds =
      filter.vpcId !== undefined
        ? [filter.vpcId]
        : (await this.#all<WireVpc>({ action: "ListVpcs", method: "GET", path: "/v1/vpc" }, "vpcs")).map(
            (v) => v.vpcId,
          );
    // In the order the cloud lists them (creation order within a VPC); Baidu times have whole seconds only.
    const seen = new Map<string, PeeringInfo>();
    for (const vpcId of vpcIds) {
      const conns = await this.#all<WirePeerConn>(
        { action: "ListPeerConns", method: "GET", path: "/v1/peerconn", params: { vpcId } },
        "peerConns",
      );
      for (const conn of conns)
        if (!seen.has(conn.peerConnId)) seen.set(conn.peerConnId, peeringOf(conn, this.account));
    }
    const ids = filter.ids === undefined ? undefined : new Set(filter.ids);
    const statuses = filter.status === undefined ? undefined : new Set(filter.status);
    const items = [...seen.values()]
      .filter((p) => (filter.name === undefined ? true : p.name === filter.name))
      .filter((p) => (ids ? ids.has(p.id) : true))
      .filter((p) => (statuses ? statuses.has(p.status) : true));
    return { items: items.slice(offset, offset + limit), total: items.length };
  }

  async #put(id: string, action: string, flag: string | undefined, body?: unknown): Promise<PeeringInfo> {
    await this.#putOnly(id, action, flag, body);
    return this.describePeering(id);
  }

  /** A PUT on a peering; Baidu answers these with no body. */
  async #putOnly(id: string, action: string, flag: string | undefined, body?: unknown): Promise<void> {
    await this.#call({
      action,
      method: "PUT",
      path: `/v1/peerconn/${encodeURIComponent(id)}`,
      params: { ...(flag === undefined ? {} : { [flag]: "" }), clientToken: randomUUID() },
      ...(body === undefined ? {} : { body }),
    });
  }

  /** The accept answers nothing: the caller's `known` peering, accepted, is the answer; without one, it is read. */
  async acceptPeering(id: string, known?: PeeringInfo): Promise<PeeringInfo> {
    await this.#putOnly(id, "AcceptPeerConn", "accept");
    return acceptedPeering(id, known, this.#clock.now()) ?? this.describePeering(id);
  }

  async rejectPeering(id: string): Promise<PeeringInfo> {
    return this.#put(id, "RejectPeerConn", "reject");
  }

  async modifyPeering(id: string, changes: ModifyPeeringInput): Promise<PeeringInfo> {
    if (changes.chargeType !== undefined) unsupported("changing the payment timing", "Omit chargeType.");
    if (changes.tags !== undefined) unsupported("tags through this API version", "Omit tags.");
    let result: PeeringInfo | undefined;
    if (changes.bandwidthMbps !== undefined) {
      result = await this.#put(id, "ResizePeerConn", "resize", { newBandwidthInMbps: changes.bandwidthMbps });
    }
    if (changes.name !== undefined || changes.description !== undefined) {
      // "Update the Local Interface Name and Comments of Peer Connection": PUT ?clientToken, no action flag.
      result = await this.#put(id, "UpdatePeerConn", undefined, {
        localIfId: `${id}-i`,
        ...(changes.name === undefined ? {} : { localIfName: changes.name }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
      });
    }
    return result ?? this.describePeering(id);
  }

  async enablePeering(id: string): Promise<PeeringInfo> {
    unsupported(`re-enabling the failed request "${id}"`, "Release it and create a new one.");
  }

  async deletePeering(id: string): Promise<void> {
    const clientToken = randomUUID();
    const path = `/v1/peerconn/${encodeURIComponent(id)}`;
    // A retried release whose first answer was lost meets a deleted connection: done.
    await retryWrite(
      () => this.#once({ action: "ReleasePeerConn", method: "DELETE", path, params: { clientToken } }),
      async (error) => {
        if (error.retryable) return false;
        const now = await this.describePeering(id).catch(() => undefined);
        return now === undefined || now.status === "DELETED";
      },
      this.#retry,
    );
  }

  // ---------------------------------------------------------------- route rules

  async createRoute(input: CreateRouteInput): Promise<RouteInfo> {
    const routeTableId = input.routeTableId ?? (await this.#routeTable(input.vpcId)).routeTableId;
    const clientToken = input.clientToken ?? randomUUID();
    const { routeRuleId } = await this.#call<{ routeRuleId: string }>({
      action: "CreateRouteRule",
      method: "POST",
      path: "/v1/route/rule",
      params: { clientToken },
      body: {
        routeTableId,
        sourceAddress: "0.0.0.0/0",
        destinationAddress: input.destination,
        nexthopId: input.peeringId,
        nexthopType: "peerConn",
        ...(input.description === undefined ? {} : { description: input.description }),
      },
    });
    const rule = (await this.#rules(routeTableId)).find((r) => r.routeRuleId === routeRuleId);
    if (!rule) refuse("NOT_FOUND", `Route rule "${routeRuleId}" vanished after creation.`, "Retry.");
    return routeOf(rule, input.vpcId);
  }

  async #rules(routeTableId: string): Promise<WireRouteRule[]> {
    return this.#all<WireRouteRule>(
      { action: "ListRouteRules", method: "GET", path: "/v1/route/rule", params: { routeTableId } },
      "routeRules",
    );
  }

  async deleteRoute(id: string): Promise<void> {
    await this.#deleteOnce("DeleteRouteRule", `/v1/route/rule/${encodeURIComponent(id)}`);
  }

  async listRoutes(routeTableId: string): Promise<readonly RouteInfo[]> {
    const table = await this.#call<WireRouteTable>({
      action: "GetRouteTable",
      method: "GET",
      path: "/v1/route",
      params: { routeTableId },
    });
    return table.routeRules.map((r) => routeOf(r, table.vpcId));
  }

  // ---------------------------------------------------------------- per-IP bandwidth limits

  async setBandwidthLimit(peeringId: string, _input: SetBandwidthLimitInput): Promise<BandwidthLimitInfo> {
    unsupported(
      `per-IP bandwidth limits (peer connection "${peeringId}")`,
      "Remove the bandwidth policy for Baidu.",
    );
  }

  async listBandwidthLimits(_peeringId: string): Promise<readonly BandwidthLimitInfo[]> {
    return [];
  }

  async removeBandwidthLimit(peeringId: string, _ip: string): Promise<void> {
    unsupported(
      `per-IP bandwidth limits (peer connection "${peeringId}")`,
      "Remove the bandwidth policy for Baidu.",
    );
  }
}

export function openBaiduCloudBackend(options: BaiduCloudBackendOptions = {}): BaiduCloudBackend {
  return new BaiduCloudBackend(options);
}
