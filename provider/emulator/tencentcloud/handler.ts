/**
 * The Tencent Cloud API 3.0 protocol handler: `POST /` with the action in `X-TC-Action`, the version in
 * `X-TC-Version` (VPC: 2017-03-12), the region in `X-TC-Region`, a JSON body and a TC3-HMAC-SHA256
 * Authorization. Every answer, errors included, is HTTP 200 with `{"Response": {..., "RequestId"}}` and errors
 * as `Response.Error {Code, Message}` (the API 3.0 "Responses" and "Error Codes" pages); the official SDK reads
 * exactly that (tencentcloud-sdk-nodejs-common abstract_client.js `parseResponse`).
 */
import { randomUUID } from "node:crypto";
import { isBackendError } from "../../backends/errors.js";
import type { EmulatorRequest, EmulatorResponse, ProtocolHandler } from "../protocol.js";
import { ACTIONS } from "./actions.js";
import { TencentApiError, tencentBody, tencentErrorBody } from "./api-error.js";
import { authenticate } from "./authenticate.js";
import { Params } from "./params.js";

export const TENCENT_VPC_VERSION = "2017-03-12";

function respond(body: string, request: EmulatorRequest, status = 200): EmulatorResponse {
  const traceId = request.headers["x-tc-traceid"];
  return {
    status,
    headers: { "content-type": "application/json", ...(traceId ? { "x-tc-traceid": traceId } : {}) },
    body,
  };
}

function parseBody(request: EmulatorRequest): unknown {
  if (request.body.length === 0) return {};
  try {
    return JSON.parse(request.body.toString("utf8")) as unknown;
  } catch {
    throw new TencentApiError("InvalidParameter", "The request body is not valid JSON.");
  }
}

export const tencentcloudHandler: ProtocolHandler = {
  cloud: "tencentcloud",

  matches(request) {
    return request.method === "POST" && request.headers["x-tc-action"] !== undefined;
  },

  async handle(request, context) {
    const requestId = randomUUID();
    try {
      const version = request.headers["x-tc-version"];
      if (version !== TENCENT_VPC_VERSION)
        throw new TencentApiError(
          "NoSuchVersion",
          `The API version \`${version ?? ""}\` does not exist; the VPC API is ${TENCENT_VPC_VERSION}.`,
        );
      const account = authenticate(request, context);
      const actionName = request.headers["x-tc-action"] ?? "";
      const action = Object.hasOwn(ACTIONS, actionName) ? ACTIONS[actionName] : undefined;
      if (!action) throw new TencentApiError("InvalidAction", `The action \`${actionName}\` does not exist.`);
      const region = request.headers["x-tc-region"];
      if (!region)
        throw new TencentApiError(
          "MissingParameter",
          "The request is missing a required parameter `Region`.",
        );
      if (!context.rateLimiter.admit("tencentcloud", account.id, actionName))
        throw new TencentApiError(
          "RequestLimitExceeded",
          `Your request rate for \`${actionName}\` exceeds the frequency limit of this account. Please reduce the frequency of calls.`,
        );
      const params = new Params(parseBody(request), action.parameters);
      const result = await action.run(params, {
        session: context.engine.session(account.id),
        region,
        account: account.id,
      });
      return respond(tencentBody(result, requestId), request);
    } catch (error) {
      if (error instanceof TencentApiError)
        return respond(tencentErrorBody(error.code, error.message, requestId), request);
      // The local engine's refusals already carry Tencent's code (errors.ts TENCENT_CLOUD_CODES).
      if (isBackendError(error))
        return respond(tencentErrorBody(error.cloudCode, error.message, requestId), request);
      return respond(
        tencentErrorBody("InternalError", "An internal error has occurred. Retry your request.", requestId),
        request,
      );
    }
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
