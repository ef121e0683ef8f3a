/**
 * Verification of Baidu's bce-auth-v1 signature, written from the published algorithm (Baidu AI Cloud reference,
 * "Generate Authentication String", intl.cloud.baidu.com/doc/Reference/s/njwvz1yfu-en) rather than from the SDK,
 * so that the backend (which signs with the SDK) and the emulator check each other:
 *
 *   Authorization = bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}/{signedHeaders}/{signature}
 *   signingKey    = hex(hmac-sha256(SK, "bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}"))
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders
 *     CanonicalURI: the path URI-encoded except "/";
 *     CanonicalQueryString: `encode(key)=encode(value)` for every parameter but `authorization`, sorted, joined by &
 *       (a bare flag like `?accept` is `accept=`);
 *     CanonicalHeaders: `encode(lowercase(name)):encode(trim(value))` for each signed header with a value, sorted,
 *       joined by \n; with signedHeaders empty, host, content-length, content-type, content-md5 and every x-bce-*.
 *   signature = hex(hmac-sha256(signingKey, CanonicalRequest))
 * where encode is RFC 3986 percent-encoding (unreserved A-Z a-z 0-9 - . _ ~ kept).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorRequest } from "../protocol.js";

export const BCE_AUTH_PREFIX = "bce-auth-v1";
const DEFAULT_SIGNED = new Set(["host", "content-length", "content-type", "content-md5"]);

export interface BceAuthorization {
  readonly accessKey: string;
  readonly timestamp: string;
  readonly expirationSeconds: number;
  /** Empty: the default set. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseBceAuthorization(header: string | undefined): BceAuthorization | undefined {
  const parts = header?.trim().split("/");
  if (parts?.length !== 6 || parts[0] !== BCE_AUTH_PREFIX) return undefined;
  const [, accessKey, timestamp, expiration, signed, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expirationSeconds = Number(expiration);
  if (!accessKey || !signature || !Number.isInteger(expirationSeconds) || expirationSeconds <= 0)
    return undefined;
  return {
    accessKey,
    timestamp,
    expirationSeconds,
    signedHeaders: signed === "" ? [] : signed.split(";"),
    signature,
  };
}

export function uriEncode(text: string, keepSlash = false): string {
  const encoded = encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return keepSlash ? encoded.replace(/%2F/g, "/") : encoded;
}

export function canonicalUri(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  return uriEncode(decoded, true);
}

export function canonicalQueryString(query: URLSearchParams): string {
  const parts: string[] = [];
  for (const [key, value] of query) {
    if (key.toLowerCase() === "authorization") continue;
    parts.push(`${uriEncode(key)}=${uriEncode(value)}`);
  }
  return parts.sort().join("&");
}

export function canonicalHeaders(
  headers: Readonly<Record<string, string>>,
  signedHeaders: readonly string[],
): { text: string; names: string[] } {
  const wanted = new Set(signedHeaders.map((h) => h.toLowerCase()));
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const signed =
      wanted.size > 0 ? wanted.has(lower) : DEFAULT_SIGNED.has(lower) || lower.startsWith("x-bce-");
    const value = raw.trim();
    if (signed && value !== "") lines.push(`${uriEncode(lower)}:${uriEncode(value)}`);
  }
  lines.sort();
  return { text: lines.join("\n"), names: lines.map((l) => l.slice(0, l.indexOf(":"))) };
}

export function bceSignature(
  secretKey: string,
  auth: Omit<BceAuthorization, "signature">,
  request: Pick<EmulatorRequest, "method" | "path" | "query" | "headers">,
): string {
  const prefix = `${BCE_AUTH_PREFIX}/${auth.accessKey}/${auth.timestamp}/${auth.expirationSeconds}`;
  const signingKey = createHmac("sha256", secretKey).update(prefix).digest("hex");
  const canonical = [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQueryString(request.query),
    canonicalHeaders(request.headers, auth.signedHeaders).text,
  ].join("\n");
  return createHmac("sha256", signingKey).update(canonical).digest("hex");
}

/** The documented refusals: InvalidHTTPAuthHeader, InvalidAccessKeyId, RequestExpired, SignatureDoesNotMatch. */
export type BceAuthFailure =
  | "InvalidHTTPAuthHeader"
  | "InvalidAccessKeyId"
  | "RequestExpired"
  | "SignatureDoesNotMatch";

export type BceVerifyResult =
  | { readonly ok: true; readonly accessKey: string }
  | { readonly ok: false; readonly code: BceAuthFailure; readonly message: string };

export interface BceVerifyOptions {
  readonly secretKeyOf: (accessKey: string) => string | undefined;
  readonly now: number;
  readonly maxSkewMs: number;
}

export function verifyBceRequest(request: EmulatorRequest, options: BceVerifyOptions): BceVerifyResult {
  const auth = parseBceAuthorization(request.headers.authorization);
  if (!auth) {
    return {
      ok: false,
      code: "InvalidHTTPAuthHeader",
      message: "The Authorization header is missing or malformed.",
    };
  }
  const secretKey = options.secretKeyOf(auth.accessKey);
  if (secretKey === undefined) {
    return {
      ok: false,
      code: "InvalidAccessKeyId",
      message: "The Access Key ID you provided does not exist in our records.",
    };
  }
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(auth.timestamp)
    ? Date.parse(auth.timestamp)
    : Number.NaN;
  if (Number.isNaN(at))
    return { ok: false, code: "InvalidHTTPAuthHeader", message: `Bad timestamp ${auth.timestamp}.` };
  if (Math.abs(options.now - at) > options.maxSkewMs || options.now > at + auth.expirationSeconds * 1000) {
    return {
      ok: false,
      code: "RequestExpired",
      message: `Request has expired. Timestamp date is ${auth.timestamp}.`,
    };
  }
  if (auth.signedHeaders.length > 0 && !auth.signedHeaders.map((h) => h.toLowerCase()).includes("host")) {
    return { ok: false, code: "InvalidHTTPAuthHeader", message: "The host header must be signed." };
  }
  const expected = Buffer.from(bceSignature(secretKey, auth, request), "utf8");
  const given = Buffer.from(auth.signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      ok: false,
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  }
  return { ok: true, accessKey: auth.accessKey };
}
