/**
 * TC3-HMAC-SHA256, the Tencent Cloud API 3.0 signature ("Signature v3" in the API docs), as the official Node
 * SDK computes it (tencentcloud-sdk-nodejs-common 4.1.220, tencentcloud/common/sign.js `sign3`):
 *
 *   CanonicalRequest = Method \n Path \n Query \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
 *   StringToSign     = "TC3-HMAC-SHA256" \n Timestamp \n Date/Service/tc3_request \n hex(sha256(CanonicalRequest))
 *   SecretDate = HMAC("TC3" + SecretKey, Date); SecretService = HMAC(SecretDate, Service);
 *   SecretSigning = HMAC(SecretService, "tc3_request"); Signature = hex(HMAC(SecretSigning, StringToSign))
 *
 * The SDK signs the `host` header as the URL's hostname, without the port (`host:${urlObj.hostname}`), and the
 * service is the first label of the endpoint (abstract_client.js: `this.endpoint.split(".")[0]`), so a client
 * pointed at "127.0.0.1:4566" signs the service "127". The verifier therefore reads the credential scope from the
 * Authorization header instead of assuming "vpc".
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

/** "2026-01-01": the UTC date of a Unix timestamp in seconds, as the credential scope carries it. */
export function tc3Date(timestampSeconds: number): string {
  // Every request of a day has the same date: formatted once a day, not on each verification.
  const day = Math.floor(timestampSeconds / 86_400);
  if (day !== lastDay.day) {
    lastDay.day = day;
    lastDay.text = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return lastDay.text;
}

const lastDay = { day: Number.NaN, text: "" };

export interface CanonicalRequestInput {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /**
   * [lower-case name, value] in SignedHeaders order. The API 3.0 signing guide asks for lower-cased values; the
   * SDK signs them as sent (already lower case for the headers it signs), so callers pass the form to check.
   */
  readonly headers: readonly (readonly [string, string])[];
  readonly payload: string | Buffer;
}

export function canonicalRequest(input: CanonicalRequestInput & { readonly payloadHash?: string }): string {
  const headers = input.headers.map(([name, value]) => `${name}:${value.trim()}\n`).join("");
  const signed = input.headers.map(([name]) => name).join(";");
  return [
    input.method.toUpperCase(),
    input.path,
    input.query,
    headers,
    signed,
    input.payloadHash ?? sha256Hex(input.payload),
  ].join("\n");
}

/** SecretSigning of the scheme above: the key of one secret key, day and service. */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return hmac(secretService, "tc3_request");
}

export function tc3Signature(input: {
  readonly secretKey: string;
  readonly timestamp: number;
  readonly service: string;
  readonly canonicalRequest: string;
  /** tc3SigningKey of this secret key, the timestamp's date and the service, when the caller has it already. */
  readonly signingKey?: Buffer;
}): string {
  const date = tc3Date(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestamp),
    scope,
    sha256Hex(input.canonicalRequest),
  ].join("\n");
  const key = input.signingKey ?? tc3SigningKey(input.secretKey, date, input.service);
  return createHmac("sha256", key).update(stringToSign).digest("hex");
}

export interface Tc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=AKID/2026-01-01/vpc/tc3_request, SignedHeaders=content-type;host, Signature=hex`. */
export function parseTc3Authorization(header: string | undefined): Tc3Authorization | undefined {
  if (!header?.startsWith(`${TC3_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(TC3_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential")?.split("/") ?? [];
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (credential.length !== 4 || credential[3] !== "tc3_request" || !signedHeaders || !signature)
    return undefined;
  const [secretId, date, service] = credential as [string, string, string, string];
  if (!secretId || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !service) return undefined;
  return {
    secretId,
    date,
    service,
    signedHeaders: signedHeaders.split(";"),
    signature: signature.toLowerCase(),
  };
}

export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The Authorization header a client would send: used by the benchmark's raw-HTTP client (the backend itself
 * goes through the official SDK's signer).
 */
export function tc3AuthorizationHeader(input: {
  readonly secretId: string;
  readonly secretKey: string;
  readonly timestamp: number;
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly host: string;
  readonly contentType: string;
  readonly payload: string | Buffer;
}): string {
  const headers = [
    ["content-type", input.contentType],
    ["host", input.host],
  ] as const;
  const signature = tc3Signature({
    secretKey: input.secretKey,
    timestamp: input.timestamp,
    service: input.service,
    canonicalRequest: canonicalRequest({ ...input, headers }),
  });
  const scope = `${tc3Date(input.timestamp)}/${input.service}/tc3_request`;
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}
