/**
 * Verifies a TC3-HMAC-SHA256 request the way API 3.0 does, in the order its common error codes describe:
 * a malformed Authorization header is AuthFailure.InvalidAuthorization; a timestamp more than 5 minutes from the
 * server's time AuthFailure.SignatureExpire ("Timestamp and server time cannot differ by more than five
 * minutes"); an unknown key id AuthFailure.SecretIdNotFound; a wrong signature AuthFailure.SignatureFailure.
 */
import type { EmulatorAccount, EmulatorContext, EmulatorRequest } from "../protocol.js";
import { TencentApiError } from "./api-error.js";
import {
  canonicalRequest,
  parseTc3Authorization,
  signaturesEqual,
  tc3Date,
  tc3Signature,
} from "./tc3-signature.js";

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}

export function authenticate(request: EmulatorRequest, context: EmulatorContext): EmulatorAccount {
  const auth = parseTc3Authorization(request.headers.authorization);
  if (!auth)
    throw new TencentApiError(
      "AuthFailure.InvalidAuthorization",
      "The Authorization header is missing or not a TC3-HMAC-SHA256 authorization.",
    );
  const timestampText = request.headers["x-tc-timestamp"] ?? "";
  if (!/^\d+$/.test(timestampText))
    throw new TencentApiError("MissingParameter", "The request is missing a required parameter `Timestamp`.");
  const timestamp = Number(timestampText);
  const skewMs = Math.abs(context.clock.now() - timestamp * 1000);
  if (skewMs > context.maxSkewMs)
    throw new TencentApiError(
      "AuthFailure.SignatureExpire",
      `Signature expired: the timestamp ${timestamp} is ${Math.round(skewMs / 1000)} s from the server time; the limit is ${Math.round(context.maxSkewMs / 1000)} s.`,
    );
  const account = context.accountByKey(auth.secretId);
  if (!account) throw new TencentApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
  const signatureFailure = new TencentApiError(
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  );
  if (auth.date !== tc3Date(timestamp) || !auth.signedHeaders.includes("host")) throw signatureFailure;

  const host = request.headers.host ?? "";
  // The Node SDK signs the hostname without the port (sign.js: `host:${urlObj.hostname}`); a client that signs
  // the Host header as sent (with the port) is accepted too. Values are tried as sent and lower-cased, as the
  // signing guide asks for lower-cased values while the SDK signs them as sent.
  const hostForms = [...new Set([hostnameOf(host), host])];
  for (const hostForm of hostForms) {
    for (const lower of [false, true]) {
      const headers = auth.signedHeaders.map((name) => {
        const value = name === "host" ? hostForm : (request.headers[name] ?? "");
        return [name, lower ? value.toLowerCase() : value] as const;
      });
      const expected = tc3Signature({
        secretKey: account.secretKey,
        timestamp,
        service: auth.service,
        canonicalRequest: canonicalRequest({
          method: request.method,
          path: request.path,
          query: request.rawQuery,
          headers,
          payload: request.body,
        }),
      });
      if (signaturesEqual(expected, auth.signature)) return account;
    }
  }
  throw signatureFailure;
}
