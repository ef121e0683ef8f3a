/**
 * One Tencent Cloud API 3.0 call through the official client (tencentcloud-sdk-nodejs-common's CommonClient:
 * it signs with TC3-HMAC-SHA256 and parses `Response.Error`), paced per action, its failure turned into a
 * BackendError with the peerlink code, Tencent's code, the RequestId and `retryable`. Retrying is left to the
 * caller, which knows whether a call is safe to repeat (../shared/retry.ts, ../shared/idempotent-create.ts).
 *
 * The endpoint is configurable: "vpc.tencentcloudapi.com" (the default, HTTPS) or a URL such as
 * "http://127.0.0.1:4566" for the emulator. CommonClient takes the host as `profile.httpProfile.endpoint` and the
 * scheme as `profile.httpProfile.protocol` ("http://"; abstract_client.js builds `protocol + endpoint + "/"`).
 */
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { BackendError } from "../errors.js";
import type { CloudCredentials } from "../shared/credentials.js";
import { keepAliveAgentFor } from "../shared/keep-alive-agent.js";
import type { Pacer } from "../shared/pacer.js";
import { isRetryableCode, peerlinkCodeOf } from "./error-mapping.js";

export const TENCENT_VPC_ENDPOINT = "vpc.tencentcloudapi.com";
export const TENCENT_VPC_API_VERSION = "2017-03-12";

export interface ParsedEndpoint {
  /** "https://" or "http://" */
  readonly protocol: string;
  /** "vpc.tencentcloudapi.com" or "127.0.0.1:4566" */
  readonly host: string;
}

export function parseEndpoint(endpoint: string): ParsedEndpoint {
  if (!endpoint.includes("://")) return { protocol: "https://", host: endpoint.replace(/\/+$/, "") };
  const url = new URL(endpoint);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new BackendError("INVALID_PARAMETER", `Endpoint ${endpoint}: only http and https are supported.`, {
      cloudCode: "InvalidParameter",
      fix: 'Use e.g. "https://vpc.tencentcloudapi.com" or "http://127.0.0.1:4566".',
    });
  return { protocol: `${url.protocol}//`, host: url.host };
}

/** What the SDK throws (TencentCloudSDKHttpException, not exported by the package): read by shape. */
interface SdkError {
  readonly message?: string;
  readonly code?: string;
  readonly httpCode?: number;
  readonly requestId?: string;
}

export interface TencentApiClientOptions {
  readonly credentials: CloudCredentials;
  readonly endpoint: string;
  readonly pacer: Pacer;
  /** @default 30 */
  readonly requestTimeoutSeconds?: number;
}

export class TencentApiClient {
  readonly endpoint: ParsedEndpoint;
  readonly #options: TencentApiClientOptions;
  readonly #clients = new Map<string, CommonClient>();
  // Keep-alive, and an explicit agent so that an http_proxy variable never reroutes calls (fetch.js uses a proxy
  // agent only when no agent is given).
  readonly #agent: HttpAgent | HttpsAgent;

  constructor(options: TencentApiClientOptions) {
    this.#options = options;
    this.endpoint = parseEndpoint(options.endpoint);
    this.#agent = keepAliveAgentFor(this.endpoint.protocol);
  }

  #client(region: string): CommonClient {
    let client = this.#clients.get(region);
    if (!client) {
      const credentials = this.#options.credentials;
      client = new CommonClient(this.endpoint.host, TENCENT_VPC_API_VERSION, {
        // A DynamicCredential: the key is handed to the signer per call and never stored on the client object.
        credential: {
          getCredential: async () => ({ secretId: credentials.secretId, secretKey: credentials.secretKey() }),
        },
        region,
        profile: {
          httpProfile: {
            endpoint: this.endpoint.host,
            protocol: this.endpoint.protocol,
            reqTimeout: this.#options.requestTimeoutSeconds ?? 30,
            agent: this.#agent,
          },
        },
      });
      this.#clients.set(region, client);
    }
    return client;
  }

  /** One paced attempt of `action` in `region`; failures are BackendErrors. */
  async call<T>(action: string, params: Record<string, unknown>, region: string): Promise<T> {
    await this.#options.pacer.acquire(action);
    try {
      return (await this.#client(region).request(action, params)) as T;
    } catch (error) {
      throw this.#backendError(error, action);
    }
  }

  #backendError(error: unknown, action: string): BackendError {
    const sdk = (typeof error === "object" && error !== null ? error : {}) as SdkError;
    const credentials = this.#options.credentials;
    const text = credentials.redact(String(sdk.message ?? error));
    const requestId = sdk.requestId || undefined;
    if (sdk.code) {
      const code = peerlinkCodeOf(sdk.code, action);
      return new BackendError(code, `Tencent Cloud ${action} failed: ${text}`, {
        cloudCode: sdk.code,
        retryable: isRetryableCode(code),
        ...(requestId ? { requestId } : {}),
        ...(code === "AUTH_FAILED"
          ? {
              fix: "Check the SecretId/SecretKey (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY) and the clock.",
            }
          : {}),
      });
    }
    if (sdk.httpCode !== undefined) {
      const status = sdk.httpCode;
      const throttled = status === 429;
      const transient = throttled || status >= 500;
      return new BackendError(
        throttled ? "THROTTLED" : transient ? "BACKEND_UNAVAILABLE" : "INVALID_PARAMETER",
        `Tencent Cloud ${action} failed with HTTP ${status}: ${text}`,
        { cloudCode: `HTTP ${status}`, retryable: transient, httpStatus: status },
      );
    }
    // No HTTP answer at all: connection refused or reset, timeout, or a response lost after the request ran.
    return new BackendError("BACKEND_UNAVAILABLE", `Tencent Cloud ${action}: no response (${text}).`, {
      cloudCode: "NetworkError",
      retryable: true,
      fix: `Check that ${this.endpoint.protocol}${this.endpoint.host} is reachable.`,
    });
  }

  close(): void {
    this.#agent.destroy();
    this.#clients.clear();
  }
}
