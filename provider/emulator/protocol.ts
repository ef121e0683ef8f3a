/**
 * The contract between the emulator's HTTP server and its protocol handlers (the moto design: the wire protocol
 * apart from the model). The server owns sockets, body reading, rate limiting and fault injection; a handler owns
 * one cloud's wire format: it recognises its requests, verifies the signature, maps parameters onto a Backend
 * session of the signing account, and renders responses and errors exactly as that cloud does.
 */

import type { Clock } from "../backends/clock.js";
import type { LocalStateEngine } from "../backends/local/local-backend.js";
import type { Cloud } from "../core/index.js";

export interface EmulatorAccount {
  /** Tencent uin, Huawei tenant/project id, Baidu account id. */
  readonly id: string;
  /** The access key id (Tencent SecretId, Huawei AK, Baidu AK). */
  readonly secretId: string;
  /** The secret key (Tencent SecretKey, Huawei SK, Baidu SK). Never logged. */
  readonly secretKey: string;
}

export interface EmulatorRequest {
  readonly method: string;
  /** Path without the query string, e.g. "/v2.0/vpc/peerings/abc/accept". */
  readonly path: string;
  /** The raw query string without "?" (signatures cover it byte for byte). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Per-account, per-action admission (the clouds' documented request rates). */
export interface RateLimiter {
  /** True when the request may proceed; false when the cloud would answer with its throttling error. */
  admit(cloud: Cloud, account: string, action: string): boolean;
}

export interface EmulatorContext {
  readonly engine: LocalStateEngine;
  readonly clock: Clock;
  /** Looks an account up by its access key id. */
  accountByKey(secretId: string): EmulatorAccount | undefined;
  readonly rateLimiter: RateLimiter;
  /** Allowed clock skew of signed requests. @default 5 minutes */
  readonly maxSkewMs: number;
}

export interface ProtocolHandler {
  readonly cloud: Cloud;
  /** True when the request belongs to this protocol (Tencent: POST with X-TC-Action; Huawei: /v1|/v2.0 VPC paths...). */
  matches(request: EmulatorRequest): boolean;
  handle(request: EmulatorRequest, context: EmulatorContext): Promise<EmulatorResponse>;
  /**
   * The response this protocol gives for an injected fault (throttling or a 5xx), in the cloud's own format.
   */
  faultResponse(kind: "throttle" | "server-error", request: EmulatorRequest): EmulatorResponse;
  /**
   * Largest request body this protocol reads, in bytes: the cloud's documented limit. The server reads the whole
   * body up to it, drains (and drops) the rest, then answers with `bodyTooLarge`; it never resets the connection.
   * @default 1 MiB
   */
  readonly maxBodyBytes?: number;
  /** The cloud's own answer to a body over `maxBodyBytes` (`request.body` is empty: it was not kept). */
  bodyTooLarge?(request: EmulatorRequest, limit: number, received: number): EmulatorResponse;
}
