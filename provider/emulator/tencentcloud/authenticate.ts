/**
 * Verifies a request the way API 3.0 does, in the order its common error codes describe: a malformed
 * Authorization header is AuthFailure.InvalidAuthorization; a timestamp more than 5 minutes from the server's
 * time AuthFailure.SignatureExpire ("Timestamp and server time cannot differ by more than five minutes"); an
 * unknown key id AuthFailure.SecretIdNotFound; a wrong signature AuthFailure.SignatureFailure. Two signatures:
 * TC3-HMAC-SHA256 in the Authorization header (POST with a JSON body, or GET with the parameters in the query
 * string and the hash of an empty payload), and the older v1 in the parameters themselves (./signature-v1.ts).
 */
import type { EmulatorAccount, EmulatorContext, EmulatorRequest } from "../protocol.js";
import { TencentApiError } from "./api-error.js";
import { v1Signature, v1SignatureMethod, v1StringToSign } from "./signature-v1.js";
import {
  canonicalRequest,
  parseTc3Authorization,
  sha256Hex,
  signaturesEqual,
  tc3Date,
  tc3Signature,
  tc3SigningKey,
} from "./tc3-signature.js";

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}

/**
 * The derived signing keys in use: a key changes only with the day (the credential scope's date), so the three
 * HMACs of the derivation run once a day per secret key and service, not on every request. Bounded: a client
 * cycling through services (the service is the endpoint's first label, so anything) cannot grow it without end.
 */
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 256;

function signingKeyOf(secretKey: string, date: string, service: string): Buffer {
  const cacheKey = `${date}\u0000${service}\u0000${secretKey}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    key = tc3SigningKey(secretKey, date, service);
    signingKeys.set(cacheKey, key);
  }
  return key;
}

function signatureFailure(): TencentApiError {
  return new TencentApiError(
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  );
}

/** The request's `Timestamp` (seconds), refused when missing or further from the server's time than allowed. */
function checkedTimestamp(text: string | undefined, context: EmulatorContext): number {
  if (text === undefined || !/^\d+$/.test(text))
    throw new TencentApiError("MissingParameter", "The request is missing a required parameter `Timestamp`.");
  const timestamp = Number(text);
  const skewMs = Math.abs(context.clock.now() - timestamp * 1000);
  if (skewMs > context.maxSkewMs)
    throw new TencentApiError(
      "AuthFailure.SignatureExpire",
      `Signature expired: the timestamp ${timestamp} is ${Math.round(skewMs / 1000)} s from the server time; the limit is ${Math.round(context.maxSkewMs / 1000)} s.`,
    );
  return timestamp;
}

function accountOf(secretId: string, context: EmulatorContext): EmulatorAccount {
  const account = context.accountByKey(secretId);
  if (!account) throw new TencentApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
  return account;
}

/**
 * The host forms a client may have signed: the Node SDK signs the hostname without the port (sign.js:
 * `host:${urlObj.hostname}`), the Python SDK the endpoint as configured, which is the Host header as sent.
 */
function hostForms(request: EmulatorRequest): string[] {
  const host = request.headers.host ?? "";
  return [...new Set([hostnameOf(host), host])];
}

export function authenticate(request: EmulatorRequest, context: EmulatorContext): EmulatorAccount {
  const auth = parseTc3Authorization(request.headers.authorization);
  if (!auth)
    throw new TencentApiError(
      "AuthFailure.InvalidAuthorization",
      "The Authorization header is missing or not a TC3-HMAC-SHA256 authorization.",
    );
  const timestamp = checkedTimestamp(request.headers["x-tc-timestamp"], context);
  const account = accountOf(auth.secretId, context);
  if (auth.date !== tc3Date(timestamp) || !auth.signedHeaders.includes("host")) throw signatureFailure();

  // Values are tried as sent and lower-cased, as the signing guide asks for lower-cased values while the SDKs
  // sign them as sent. A GET carries its parameters in the query string and signs an empty payload (the body is
  // empty); a POST signs its body with an empty query string. The payload is hashed once, and the signing key
  // derived once a day per key and service (signingKeyOf), whatever the number of forms tried.
  const payloadHash = sha256Hex(request.body);
  const signingKey = signingKeyOf(account.secretKey, auth.date, auth.service);
  for (const hostForm of hostForms(request)) {
    for (const lower of [false, true]) {
      const headers = auth.signedHeaders.map((name) => {
        const value = name === "host" ? hostForm : (request.headers[name] ?? "");
        return [name, lower ? value.toLowerCase() : value] as const;
      });
      const expected = tc3Signature({
        secretKey: account.secretKey,
        timestamp,
        service: auth.service,
        signingKey,
        canonicalRequest: canonicalRequest({
          method: request.method,
          path: request.path,
          query: request.rawQuery,
          headers,
          payload: request.body,
          payloadHash,
        }),
      });
      if (signaturesEqual(expected, auth.signature)) return account;
    }
  }
  throw signatureFailure();
}

/**
 * Verifies a v1-signed request: `params` are every parameter as sent (decoded), from the query string of a GET
 * or the form body of a POST.
 */
export function authenticateV1(
  request: EmulatorRequest,
  params: readonly (readonly [string, string])[],
  context: EmulatorContext,
): EmulatorAccount {
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  const secretId = get("SecretId");
  const signature = get("Signature");
  for (const [name, value] of [
    ["SecretId", secretId],
    ["Signature", signature],
    ["Nonce", get("Nonce")],
  ] as const) {
    if (!value)
      throw new TencentApiError(
        "MissingParameter",
        `The request is missing a required parameter \`${name}\`.`,
      );
  }
  checkedTimestamp(get("Timestamp"), context);
  const account = accountOf(secretId as string, context);
  const method = v1SignatureMethod(get("SignatureMethod"));
  for (const host of hostForms(request)) {
    const stringToSign = v1StringToSign({ method: request.method, host, path: request.path, params });
    if (signaturesEqual(v1Signature(account.secretKey, stringToSign, method), signature as string))
      return account;
  }
  throw signatureFailure();
}
