/** Baidu's error body: `{"requestId", "code", "message"}` with the HTTP status (see ../../backends/baiducloud/error-codes.ts). */
import { BAIDU_ERRORS } from "../../backends/baiducloud/error-codes.js";
import type { BackendCode } from "../../backends/errors.js";
import type { EmulatorResponse } from "../protocol.js";

export function baiduResponse(status: number, body: unknown, requestId: string): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", "x-bce-request-id": requestId },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

export function baiduError(
  status: number,
  code: string,
  message: string,
  requestId: string,
): EmulatorResponse {
  return baiduResponse(status, { requestId, code, message }, requestId);
}

export function baiduErrorOf(code: BackendCode, message: string, requestId: string): EmulatorResponse {
  const spec = BAIDU_ERRORS[code];
  return baiduError(spec.status, spec.code, message, requestId);
}

/** A refusal an action decides itself, before the engine is asked: by peerlink code, or by a Baidu code of its own. */
export class BaiduRequestError extends Error {
  override readonly name = "BaiduRequestError";
  constructor(
    readonly code: "INVALID_PARAMETER" | "NOT_FOUND" | "IDEMPOTENCY_CONFLICT",
    message: string,
    readonly cloudCode?: string,
  ) {
    super(message);
  }
}

/** A refusal with Baidu's own code and status (authentication, unsupported methods). */
export class BaiduError extends Error {
  override readonly name = "BaiduError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
