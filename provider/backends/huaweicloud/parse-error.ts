/**
 * A Huawei error answer → BackendError. The body is read raw: the official SDK's own exception
 * (core exception/ExceptionUtil.js) only looks at `error.code` / `error_code`, so the Neutron bodies of the v2.0
 * APIs and the `{"code","message"}` bodies of the v1 APIs would lose their code there.
 */
import { BackendError } from "../errors.js";
import { isRetryableStatus } from "../shared/cloud-codes.js";
import { peerlinkCodeOf } from "./error-codes.js";

interface ErrorFields {
  readonly cloudCode: string | undefined;
  readonly message: string;
  readonly requestId: string | undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function errorFieldsOf(body: unknown): ErrorFields {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const neutron = b.NeutronError as Record<string, unknown> | undefined;
  if (neutron && typeof neutron === "object") {
    return {
      cloudCode: str(neutron.type),
      message: str(neutron.message) ?? "",
      requestId: str(b.request_id),
    };
  }
  if (str(b.error_code)) {
    return { cloudCode: str(b.error_code), message: str(b.error_msg) ?? "", requestId: str(b.request_id) };
  }
  const nested = b.error as Record<string, unknown> | undefined;
  if (nested && typeof nested === "object") {
    return { cloudCode: str(nested.code), message: str(nested.message) ?? "", requestId: str(b.request_id) };
  }
  return { cloudCode: str(b.code), message: str(b.message) ?? "", requestId: str(b.request_id) };
}

/**
 * `redact` removes the credentials from anything echoed back (an AK in "Get secretKey failed, ak:..." messages).
 */
export function huaweiError(
  httpStatus: number,
  body: unknown,
  action: string,
  redact: (text: string) => string,
  headerRequestId?: string,
): BackendError {
  const fields = errorFieldsOf(body);
  const code = peerlinkCodeOf(fields.cloudCode, httpStatus);
  // The emulator's messages carry peerlink's fix after " Fix: "; keep it as the fix, not twice in the message.
  const text = redact(fields.message || `HTTP ${httpStatus}`);
  const at = text.indexOf(" Fix: ");
  const message = at >= 0 ? text.slice(0, at) : text;
  const fix =
    at >= 0 ? text.slice(at + 6) : code === "AUTH_FAILED" ? "Check the AK/SK and the project id." : undefined;
  return new BackendError(
    code,
    `Huawei Cloud ${action}: ${message} (${fields.cloudCode ?? `HTTP ${httpStatus}`})`,
    {
      cloudCode: fields.cloudCode ?? `HTTP ${httpStatus}`,
      retryable: isRetryableStatus(httpStatus),
      httpStatus,
      ...((fields.requestId ?? headerRequestId) ? { requestId: fields.requestId ?? headerRequestId } : {}),
      ...(fix ? { fix } : {}),
    },
  );
}
