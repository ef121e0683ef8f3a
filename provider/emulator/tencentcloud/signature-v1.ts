/**
 * Tencent Cloud's older signature ("Signature v1" in the API 3.0 docs, still offered by the SDKs as
 * `ClientProfile.signMethod = "HmacSHA1" | "HmacSHA256"`): every parameter, the common ones included (Action,
 * Version, Region, Timestamp, Nonce, SecretId, SignatureMethod), travels in the query string (GET) or in an
 * `application/x-www-form-urlencoded` body (POST), plus `Signature`:
 *
 *   StringToSign = Method + Host + Path + "?" + join("&", sorted(name=value))   (values not URL-encoded)
 *   Signature    = base64(HMAC(SecretKey, StringToSign))   HMAC-SHA256 when SignatureMethod=HmacSHA256, else SHA1
 *
 * That is how tencentcloud-sdk-python-common 3.1.195 builds it (abstract_client.py `_build_req_with_old_signature`
 * and `_format_sign_string`, sign.py `Sign.sign`): names are sorted as strings, an "_" in a name is signed as ".",
 * and the host is the endpoint as configured (with its port when it has one).
 */
import { createHmac } from "node:crypto";

export type V1SignatureMethod = "HmacSHA1" | "HmacSHA256";

/**
 * The common parameters of a v1 request; the others are the action's own. `Token` (temporary credentials),
 * `Language` and `RequestClient` are optional and not the action's either.
 */
export const V1_COMMON_PARAMETERS = [
  "Action",
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "Signature",
  "SignatureMethod",
  "Token",
  "Language",
  "RequestClient",
] as const;

/** API 3.0 "Signature" page: only the exact value HmacSHA256 selects SHA-256; anything else is verified as SHA1. */
export function v1SignatureMethod(value: string | undefined): V1SignatureMethod {
  return value === "HmacSHA256" ? "HmacSHA256" : "HmacSHA1";
}

/** The string a v1 client signs: every parameter but `Signature`, sorted by name. */
export function v1StringToSign(input: {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly params: readonly (readonly [string, string])[];
}): string {
  const pairs = input.params
    .filter(([name]) => name !== "Signature")
    .map(([name, value]) => [name.replaceAll("_", "."), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([name, value]) => `${name}=${value}`).join("&");
  return `${input.method.toUpperCase()}${input.host}${input.path}?${query}`;
}

export function v1Signature(secretKey: string, stringToSign: string, method: V1SignatureMethod): string {
  return createHmac(method === "HmacSHA256" ? "sha256" : "sha1", secretKey)
    .update(stringToSign)
    .digest("base64");
}
