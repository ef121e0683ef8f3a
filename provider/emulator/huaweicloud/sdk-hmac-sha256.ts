/**
 * Verification of Huawei's SDK-HMAC-SHA256 request signature, byte for byte as the official Node SDK computes it
 * (@huaweicloud/huaweicloud-sdk-core 3.1.173, auth/AKSKSigner.js `sign`):
 *
 *   CanonicalRequest = method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n PayloadHash
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(SK, StringToSign))
 *   Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders={a;b;c}, Signature={hex}
 *
 * - CanonicalURI: every path segment percent-encoded with the RFC 3986 unreserved set kept (the SDK's `noEscape`
 *   table), always ending in "/". The SDK encodes the path it sends, so the server encodes the wire path again.
 * - CanonicalQueryString: keys sorted, `key=value` with both encoded the same way; repeated keys sorted by value.
 * - CanonicalHeaders: `name:value\n` for every signed header (the SDK signs every header it sets, `host` with the
 *   port, `x-sdk-date` in `YYYYMMDDTHHmmssZ`).
 * - PayloadHash: the `X-Sdk-Content-Sha256` header when present (UNSIGNED-PAYLOAD for non-JSON bodies), else
 *   hex(sha256(body)); the SDK hashes `JSON.stringify(data)`, which is exactly what axios sends.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorRequest } from "../protocol.js";

export const SDK_SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...`; undefined when malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header?.startsWith(`${SDK_SIGNING_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(SDK_SIGNING_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKey = fields.get("Access");
  const signed = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKey || !signed || !signature) return undefined;
  return { accessKey, signedHeaders: signed.split(";"), signature };
}

/** The SDK's `urlEncode`: everything but A-Z a-z 0-9 - _ . ~ as %XX of its UTF-8 bytes. */
export function sdkUrlEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e;
    out += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function canonicalUri(path: string): string {
  const encoded = path.split("/").map(sdkUrlEncode).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

export function canonicalQueryString(query: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of query) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const parts: string[] = [];
  for (const key of [...grouped.keys()].sort()) {
    const values = grouped.get(key) ?? [];
    if (values.length > 1) values.sort();
    for (const value of values) parts.push(`${sdkUrlEncode(key)}=${sdkUrlEncode(value)}`);
  }
  return parts.join("&");
}

export interface SigningInput {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly signedHeaders: readonly string[];
}

export function canonicalRequest(input: SigningInput): string {
  const names = input.signedHeaders.map((h) => h.toLowerCase());
  const canonicalHeaders = names.map((name) => `${name}:${input.headers[name] ?? ""}\n`).join("");
  const payloadHash =
    input.headers["x-sdk-content-sha256"] ??
    (input.body.length > 0 ? createHash("sha256").update(input.body).digest("hex") : EMPTY_SHA256);
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(";"),
    payloadHash,
  ].join("\n");
}

export function signature(secretKey: string, sdkDate: string, canonical: string): string {
  const hashed = createHash("sha256").update(canonical).digest("hex");
  return createHmac("sha256", secretKey)
    .update([SDK_SIGNING_ALGORITHM, sdkDate, hashed].join("\n"))
    .digest("hex");
}

/** `20260101T120000Z` → epoch ms; undefined when malformed. */
export function parseSdkDate(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export type VerifyResult =
  | { readonly ok: true; readonly accessKey: string }
  | { readonly ok: false; readonly reason: string };

export interface VerifyOptions {
  readonly secretKeyOf: (accessKey: string) => string | undefined;
  readonly now: number;
  readonly maxSkewMs: number;
}

export function verifyRequest(request: EmulatorRequest, options: VerifyOptions): VerifyResult {
  const auth = parseAuthorization(request.headers.authorization);
  if (!auth) return { ok: false, reason: "Authorization header is missing or malformed" };
  const secretKey = options.secretKeyOf(auth.accessKey);
  if (secretKey === undefined)
    return { ok: false, reason: `Get secretKey failed, ak:${auth.accessKey}, err:ak not exist` };
  const sdkDate = request.headers["x-sdk-date"];
  const at = parseSdkDate(sdkDate);
  if (sdkDate === undefined || at === undefined)
    return { ok: false, reason: "x-sdk-date is missing or malformed" };
  if (Math.abs(options.now - at) > options.maxSkewMs) {
    return {
      ok: false,
      reason: `x-sdk-date ${sdkDate} is more than ${options.maxSkewMs / 60_000} minutes off`,
    };
  }
  const names = auth.signedHeaders.map((h) => h.toLowerCase());
  if (!names.includes("host") || !names.includes("x-sdk-date")) {
    return { ok: false, reason: "host and x-sdk-date must be signed" };
  }
  const expected = signature(
    secretKey,
    sdkDate,
    canonicalRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      signedHeaders: names,
    }),
  );
  const given = Buffer.from(auth.signature, "utf8");
  const wanted = Buffer.from(expected, "utf8");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: "verify aksk signature fail" };
  }
  return { ok: true, accessKey: auth.accessKey };
}
