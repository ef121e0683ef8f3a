/**
 * bce-auth-v1 signing through the official JavaScript SDK's signer (@baiducloud/sdk 1.0.7, src/auth.js `Auth`,
 * exported as `Auth` by the package; its `generateAuthorization` reproduces the worked example of Baidu's
 * "Generate Authentication String" page, see test/backends/baiducloud/bce-signer.test.ts). Only the signer is used:
 * the SDK has no VPC client, so requests are sent with fetch.
 *
 *   authStringPrefix = bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}
 *   signingKey       = hex(hmac-sha256(SK, authStringPrefix))
 *   signature        = hex(hmac-sha256(signingKey, method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders))
 *   Authorization    = authStringPrefix/{signedHeaders}/{signature}
 */
import { createRequire } from "node:module";

interface SdkAuth {
  generateAuthorization(
    method: string,
    resource: string,
    params: Readonly<Record<string, string>>,
    headers: Readonly<Record<string, string>>,
    timestamp: number,
    expirationInSeconds: number,
    headersToSign: readonly string[],
  ): string;
}

// The package is CommonJS without type declarations for Auth; its file is loaded directly so that the SDK's
// service clients (and their dependencies) are not.
const require = createRequire(import.meta.url);
const Auth = require("@baiducloud/sdk/src/auth.js") as new (ak: string, sk: string) => SdkAuth;

/** The headers every request signs: the host (with the port), the body's type and x-bce-date. */
export const SIGNED_HEADERS = ["host", "content-type", "x-bce-date"] as const;
/** The SDK's default validity of a signature. */
export const EXPIRATION_SECONDS = 1800;

export interface SignInput {
  readonly method: string;
  readonly path: string;
  /** Query parameters; a flag such as `?accept` has the value "". */
  readonly params: Readonly<Record<string, string>>;
  /** Must contain every name of SIGNED_HEADERS. */
  readonly headers: Readonly<Record<string, string>>;
  /** Epoch seconds. */
  readonly timestamp: number;
}

export function signBceRequest(accessKey: string, secretKey: string, input: SignInput): string {
  return new Auth(accessKey, secretKey).generateAuthorization(
    input.method,
    input.path,
    input.params,
    input.headers,
    input.timestamp,
    EXPIRATION_SECONDS,
    SIGNED_HEADERS,
  );
}

/** "2026-01-01T00:00:00Z": the x-bce-date and timestamp format (ISO 8601 without fraction). */
export function bceDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d+Z$/, "Z");
}
