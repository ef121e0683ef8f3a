/**
 * The Tencent Cloud API 3.0 protocol handler, in the three request forms the official SDKs send
 * (tencentcloud-sdk-python-common 3.1.195 abstract_client.py `_build_req_inter`):
 * - TC3-HMAC-SHA256 over POST (the default): the action in `X-TC-Action`, the version in `X-TC-Version` (VPC:
 *   2017-03-12), the region in `X-TC-Region`, a JSON body;
 * - TC3-HMAC-SHA256 over GET (`HttpProfile.reqMethod = "GET"`): the same headers, the parameters flat in the
 *   query string (./flat-params.ts);
 * - signature v1 (`ClientProfile.signMethod = "HmacSHA1" | "HmacSHA256"`), GET or POST to `/`: every parameter,
 *   Action, Version and Region included, flat in the query string or a form body (./signature-v1.ts).
 * Every answer, errors included, is HTTP 200 with `{"Response": {..., "RequestId"}}` and errors
 * as `Response.Error {Code, Message}` (the API 3.0 "Responses" and "Error Codes" pages); the official SDK reads
 * exactly that (tencentcloud-sdk-nodejs-common abstract_client.js `parseResponse`).
 *
 * This is the protocol object of the shared pipeline (../pipeline.ts); the actions are the table of ./actions.ts.
 */
import { randomUUID } from "node:crypto";
import { isBackendError } from "../../backends/errors.js";
import { type Action, type Protocol, pipelineHandler } from "../pipeline.js";
import type {
  EmulatorAccount,
  EmulatorContext,
  EmulatorRequest,
  EmulatorResponse,
  ProtocolHandler,
} from "../protocol.js";
import { ACTIONS } from "./actions.js";
import { TencentApiError, tencentBody, tencentErrorBody } from "./api-error.js";
import { authenticate, authenticateV1 } from "./authenticate.js";
import { unflattenParams } from "./flat-params.js";
import { Params } from "./params.js";
import { V1_COMMON_PARAMETERS } from "./signature-v1.js";

export const TENCENT_VPC_VERSION = "2017-03-12";

function respond(body: string, request: EmulatorRequest, status = 200): EmulatorResponse {
  const traceId = request.headers["x-tc-traceid"];
  return {
    status,
    headers: { "content-type": "application/json", ...(traceId ? { "x-tc-traceid": traceId } : {}) },
    body,
  };
}

function parseJsonBody(request: EmulatorRequest): unknown {
  if (request.body.length === 0) return {};
  try {
    return JSON.parse(request.body.toString("utf8")) as unknown;
  } catch {
    throw new TencentApiError("InvalidParameter", "The request body is not valid JSON.");
  }
}

function isFormBody(request: EmulatorRequest): boolean {
  return (request.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

/** A v1 request: no X-TC-Action header, the parameters (Action among them) in the query or a form body. */
function isV1Request(request: EmulatorRequest): boolean {
  if (request.path !== "/") return false;
  if (request.method === "GET") return request.query.has("Action");
  return request.method === "POST" && isFormBody(request);
}

/** What every request form comes down to: who calls, which action of which version, where, with what. */
interface TencentCall {
  readonly action: string;
  readonly version: string | undefined;
  readonly region: string | undefined;
  /** The action's parameters, in the JSON shape of a POST body. */
  readonly parameters: unknown;
  /** Verifies the signature (after the version check, as the service orders its errors). */
  authenticate(context: EmulatorContext): EmulatorAccount;
}

function readCall(request: EmulatorRequest): TencentCall {
  if (request.headers["x-tc-action"] === undefined) {
    const params = [
      ...(request.method === "GET" ? request.query : new URLSearchParams(request.body.toString("utf8"))),
    ];
    const common = new Set<string>(V1_COMMON_PARAMETERS);
    const get = (name: string) => params.find(([n]) => n === name)?.[1];
    return {
      version: get("Version"),
      action: get("Action") ?? "",
      region: get("Region"),
      parameters: unflattenParams(params.filter(([name]) => !common.has(name))),
      authenticate: (context) => authenticateV1(request, params, context),
    };
  }
  return {
    version: request.headers["x-tc-version"],
    action: request.headers["x-tc-action"],
    region: request.headers["x-tc-region"],
    parameters: request.method === "GET" ? unflattenParams(request.query) : parseJsonBody(request),
    authenticate: (context) => authenticate(request, context),
  };
}

/** The table of ./actions.ts as pipeline actions: each reads its own parameters (unknown ones are refused). */
const PIPELINE_ACTIONS: Readonly<Record<string, Action<TencentCall, Record<string, unknown>>>> =
  Object.fromEntries(
    Object.entries(ACTIONS).map(([name, action]) => [
      name,
      ({ call, session, account }) =>
        action.run(new Params(call.parameters, action.parameters), {
          session,
          // `ready` refused a call without one.
          region: call.region as string,
          account,
        }),
    ]),
  );

export const tencentcloudProtocol: Protocol<TencentCall, Record<string, unknown>> = {
  cloud: "tencentcloud",

  matches(request) {
    if (request.headers["x-tc-action"] !== undefined)
      return request.method === "POST" || request.method === "GET";
    return isV1Request(request);
  },

  recognise: readCall,

  authenticate(_request, call, context) {
    if (call.version !== TENCENT_VPC_VERSION)
      throw new TencentApiError(
        "NoSuchVersion",
        `The API version \`${call.version ?? ""}\` does not exist; the VPC API is ${TENCENT_VPC_VERSION}.`,
      );
    return call.authenticate(context);
  },

  actions: PIPELINE_ACTIONS,

  unknownAction: (call) =>
    new TencentApiError("InvalidAction", `The action \`${call.action}\` does not exist.`),

  ready(call) {
    if (!call.region)
      throw new TencentApiError("MissingParameter", "The request is missing a required parameter `Region`.");
  },

  throttled: (_call, action) =>
    new TencentApiError(
      "RequestLimitExceeded",
      `Your request rate for \`${action}\` exceeds the frequency limit of this account. Please reduce the frequency of calls.`,
    ),

  render: (result, _call, request, requestId) => respond(tencentBody(result, requestId), request),

  renderError(error, _call, request, requestId) {
    if (error instanceof TencentApiError)
      return respond(tencentErrorBody(error.code, error.message, requestId), request);
    // The local engine's refusals already carry Tencent's code (errors.ts TENCENT_CLOUD_CODES).
    if (isBackendError(error))
      return respond(tencentErrorBody(error.cloudCode, error.message, requestId), request);
    return respond(
      tencentErrorBody("InternalError", "An internal error has occurred. Retry your request.", requestId),
      request,
    );
  },

  requestId: randomUUID,

  // "POST 请求使用签名方法为 TC3-HMAC-SHA256 时支持 10MB" (API 3.0 signature v3 page, 签名方法 v3).
  maxBodyBytes: 10 * 1024 * 1024,
  /**
   * RequestSizeLimitExceeded, "请求包超过限制大小。", is an API 3.0 common error code (every product's "错误码"
   * page, 公共错误码); like every API 3.0 error it comes as HTTP 200 with Response.Error.
   */
  bodyTooLarge(request, limit, received) {
    return respond(
      tencentErrorBody(
        "RequestSizeLimitExceeded",
        `The request body is ${received} bytes, over the ${limit}-byte limit of a POST request (TC3-HMAC-SHA256).`,
        randomUUID(),
      ),
      request,
    );
  },
  faultResponse(kind, request) {
    const requestId = randomUUID();
    if (kind === "throttle")
      return respond(
        tencentErrorBody(
          "RequestLimitExceeded",
          "The request frequency exceeds the limit (injected fault).",
          requestId,
        ),
        request,
      );
    // A gateway-level 5xx: the SDK raises it with httpCode set, before reading any body.
    return respond(
      tencentErrorBody("InternalError", "Service temporarily unavailable (injected fault).", requestId),
      request,
      503,
    );
  },
};

export const tencentcloudHandler: ProtocolHandler = pipelineHandler(tencentcloudProtocol);
