/**
 * Huawei's error bodies, by the layer that refuses (see provider/backends/huaweicloud/error-codes.ts for the
 * sources): the API gateway `{"error_msg", "error_code", "request_id"}`, the v1 VPC APIs `{"code", "message"}`, the
 * Neutron-style v2.0 APIs `{"NeutronError": {"type", "message", "detail"}}`, and the v3 APIs `{"request_id",
 * "error_msg", "error_code"}` (vpc_apiv3_0007 / vpc_apiv3_0008 error responses) with the v1 codes, or `v3Code`.
 */
import type { BackendCode, BackendError } from "../../backends/errors.js";
import { HUAWEI_ERRORS, HUAWEI_GATEWAY } from "../../backends/huaweicloud/error-codes.js";
import type { EmulatorResponse } from "../protocol.js";

/** Which error shape an API answers in. */
export type ApiFamily = "v1" | "v2.0" | "v3";

/** A refusal an action decides itself (bad JSON, missing fields), before the engine is asked: in the API's shape. */
export class HuaweiApiError extends Error {
  override readonly name = "HuaweiApiError";
  constructor(
    readonly code: "INVALID_PARAMETER" | "INVALID_CIDR" | "NOT_FOUND" | "PERMISSION_DENIED",
    message: string,
    readonly status?: number,
    /** The v1/v3 code where Huawei documents a finer one than the table's (e.g. VPC.0207 for a subnet's VPC). */
    readonly wireCode?: string,
  ) {
    super(message);
  }
}

/** A refusal of the API gateway (authentication, throttling), in the gateway's shape whatever the API. */
export class HuaweiGatewayError extends Error {
  override readonly name = "HuaweiGatewayError";
  constructor(
    readonly kind: keyof typeof GATEWAY,
    message: string,
  ) {
    super(message);
  }
}

/** A project id (path or X-Project-Id) other than the signer's (tenantMismatch below). */
export class HuaweiTenantMismatch extends Error {
  override readonly name = "HuaweiTenantMismatch";
}

function json(status: number, body: unknown, requestId: string): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", "x-request-id": requestId },
    body: JSON.stringify(body),
  };
}

/**
 * The gateway's refusals the backend table (HUAWEI_GATEWAY) does not need to parse back. APIG.0201 with 413 is the
 * gateway's answer to a body over its 12 MB: "APIG.0201 Request Body Oversized" (ModelArts inference FAQ, "Common
 * Errors", error code list of support.huaweicloud.com), body `{"error_msg": "Request entity too large",
 * "error_code": "APIG.0201"}`.
 */
const GATEWAY = { ...HUAWEI_GATEWAY, BODY_TOO_LARGE: { status: 413, code: "APIG.0201" } } as const;

export function gatewayError(
  kind: keyof typeof GATEWAY,
  message: string,
  requestId: string,
): EmulatorResponse {
  const spec = GATEWAY[kind];
  return json(spec.status, { error_msg: message, error_code: spec.code, request_id: requestId }, requestId);
}

export function apiError(
  family: ApiFamily,
  code: BackendCode,
  message: string,
  requestId: string,
  status?: number,
  wireCode?: string,
): EmulatorResponse {
  const spec = HUAWEI_ERRORS[code];
  if (family === "v1")
    return json(status ?? spec.status, { code: wireCode ?? spec.vpcCode, message }, requestId);
  if (family === "v3") {
    const body = {
      request_id: requestId,
      error_msg: message,
      error_code: wireCode ?? spec.v3Code ?? spec.vpcCode,
    };
    return json(status ?? spec.status, body, requestId);
  }
  return json(
    status ?? spec.status,
    { NeutronError: { type: spec.neutronType, message, detail: "" } },
    requestId,
  );
}

/**
 * A refusal of the state engine, in this API's shape (the message keeps the engine's fix). Where the engine named
 * Huawei's finer v1 code for the case (a `VPC.nnnn` cloud code: the subnet refusals and a VPC holding subnets,
 * local/refusals.ts huaweiCode), the v1 and v3 APIs answer that code instead of the table's.
 */
export function renderBackendError(
  family: ApiFamily,
  error: BackendError,
  requestId: string,
): EmulatorResponse {
  const finer = family !== "v2.0" && /^VPC\.\d{4}$/.test(error.cloudCode) ? error.cloudCode : undefined;
  return apiError(family, error.code, error.message, requestId, undefined, finer);
}

/** A project id (path or X-Project-Id) other than the signer's: VPC.0007 on v1 and v3, a policy refusal on v2.0. */
export function tenantMismatch(family: ApiFamily, requestId: string): EmulatorResponse {
  const message = "urlTenantId is not equal tokenTenantId";
  if (family === "v1") return json(400, { code: "VPC.0007", message }, requestId);
  if (family === "v3") {
    return json(400, { request_id: requestId, error_msg: message, error_code: "VPC.0007" }, requestId);
  }
  return json(403, { NeutronError: { type: "PolicyNotAuthorized", message, detail: "" } }, requestId);
}
