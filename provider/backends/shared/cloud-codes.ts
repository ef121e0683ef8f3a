/**
 * Reading a REST cloud's error answer back into a peerlink code (Huawei, Baidu): the cloud's code when the backend's
 * table knows it, else the HTTP status. Tencent answers with a code on every error and maps by name instead
 * (../tencentcloud/error-mapping.ts).
 */
import type { BackendCode } from "../errors.js";

/**
 * The reverse of a backend's table (peerlink code -> the cloud codes it is answered with): the first peerlink code
 * listed for a cloud code wins, then `preferred` settles the codes several peerlink codes share.
 */
export function reverseCodeTable(
  cloudCodesOf: Iterable<readonly [BackendCode, readonly (string | undefined)[]]>,
  preferred: Readonly<Record<string, BackendCode>>,
): ReadonlyMap<string, BackendCode> {
  const reverse = new Map<string, BackendCode>();
  for (const [code, cloudCodes] of cloudCodesOf)
    for (const cloudCode of cloudCodes)
      if (cloudCode !== undefined && !reverse.has(cloudCode)) reverse.set(cloudCode, code);
  for (const [cloudCode, code] of Object.entries(preferred)) reverse.set(cloudCode, code);
  return reverse;
}

/** The peerlink code for a cloud code, falling back on the HTTP status when the table does not know it. */
export function codeOfAnswer(
  reverse: ReadonlyMap<string, BackendCode>,
  cloudCode: string | undefined,
  httpStatus: number,
): BackendCode {
  const known = cloudCode === undefined ? undefined : reverse.get(cloudCode);
  if (known) return known;
  if (httpStatus === 401) return "AUTH_FAILED";
  if (httpStatus === 403) return "PERMISSION_DENIED";
  if (httpStatus === 404) return "NOT_FOUND";
  if (httpStatus === 409) return "INVALID_STATE_TRANSITION";
  if (httpStatus === 429) return "THROTTLED";
  if (httpStatus >= 500) return "BACKEND_UNAVAILABLE";
  return "INVALID_PARAMETER";
}

/** Throttling and server errors are worth retrying; client errors never are. */
export function isRetryableStatus(httpStatus: number): boolean {
  return httpStatus === 429 || httpStatus >= 500;
}
