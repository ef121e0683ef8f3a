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
