/**
 * The emulator's HTTP server: node:http on 127.0.0.1, one SQLite state file (`<stateDir>/state.db`) shared by
 * every protocol, dispatch to the registered protocol handlers (./handlers.ts), per-account rate limiting and
 * optional fault injection. The handlers own the wire formats; this file owns sockets, bodies, and faults.
 */
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Clock, systemClock } from "../backends/clock.js";
import { LocalStateEngine } from "../backends/local/local-backend.js";
import { realSleep } from "../backends/shared/sleep.js";
import { DEMO_ACCOUNTS } from "./accounts.js";
import { DEFAULT_EMULATOR_PORT } from "./defaults.js";
import { FaultInjector, type FaultOptions, type FaultStats } from "./faults.js";
import { handlers as defaultHandlers } from "./handlers.js";
import type {
  EmulatorAccount,
  EmulatorContext,
  EmulatorRequest,
  EmulatorResponse,
  ProtocolHandler,
} from "./protocol.js";
import { type RateLimitOptions, TokenBucketRateLimiter } from "./rate-limiter.js";

export { DEFAULT_EMULATOR_PORT };

/** Largest request body of a protocol that states none (ProtocolHandler.maxBodyBytes); VPC bodies are a few KB. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

export interface EmulatorOptions {
  /** 0 picks a free port. @default 4566 */
  readonly port?: number;
  /** @default "127.0.0.1" (loopback only) */
  readonly host?: string;
  /** Directory of `state.db`; created if missing. Omitted: the state lives in memory and dies with the server. */
  readonly stateDir?: string;
  /** @default DEMO_ACCOUNTS */
  readonly accounts?: readonly EmulatorAccount[];
  /** `false` turns rate limiting off. @default on, at the clouds' documented rates */
  readonly rateLimits?: RateLimitOptions | false;
  /** @default none */
  readonly faults?: FaultOptions;
  /** The time of the state engine (7-day expiry) and of signature checks. @default the system clock */
  readonly clock?: Clock;
  /** Allowed clock skew of signed requests. @default 5 minutes */
  readonly maxSkewMs?: number;
  /** @default the registry of ./handlers.ts */
  readonly handlers?: readonly ProtocolHandler[];
}

export interface RunningEmulator {
  /** "http://127.0.0.1:4566" */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly stateFile: string;
  readonly accounts: readonly EmulatorAccount[];
  /** Replaces the fault settings of a running emulator (tests switch faults on after their setup). */
  setFaults(faults: FaultOptions): void;
  /** Faults injected since the last setFaults (or the start). */
  faultStats(): FaultStats;
  close(): Promise<void>;
}

type BodyRead =
  | { readonly kind: "body"; readonly body: Buffer }
  | { readonly kind: "too-large"; readonly received: number }
  | { readonly kind: "aborted" };

/**
 * Reads the whole body, keeping at most `limit` bytes. Past the limit the rest is still read and dropped, so that
 * the answer (the protocol's own "too large" error) reaches a client that is still sending: destroying the
 * request instead reset the connection, which the SDKs report as an unreachable endpoint and retry.
 */
function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on("end", () =>
      resolve(
        size > limit ? { kind: "too-large", received: size } : { kind: "body", body: Buffer.concat(chunks) },
      ),
    );
    // The client went away: nobody to answer.
    request.on("error", () => resolve({ kind: "aborted" }));
    request.on("aborted", () => resolve({ kind: "aborted" }));
  });
}

function toEmulatorRequest(request: IncomingMessage, body: Buffer): EmulatorRequest {
  const target = request.url ?? "/";
  const q = target.indexOf("?");
  const rawQuery = q === -1 ? "" : target.slice(q + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return {
    method: (request.method ?? "GET").toUpperCase(),
    path: q === -1 ? target : target.slice(0, q),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers,
    body,
  };
}

function send(response: ServerResponse, result: EmulatorResponse, close = false): void {
  response.writeHead(result.status, {
    ...result.headers,
    "content-length": String(Buffer.byteLength(result.body, "utf8")),
    ...(close ? { connection: "close" } : {}),
  });
  // A string, not a Buffer: node:http then sends the head and the body in one write (a Buffer goes out beside
  // the head as a second chunk, a writev of two).
  response.end(result.body, "utf8");
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const byKey = new Map(accounts.map((account) => [account.secretId, account]));
  let stateFile = ":memory:";
  if (options.stateDir !== undefined) {
    mkdirSync(options.stateDir, { recursive: true });
    stateFile = join(options.stateDir, "state.db");
  }
  const clock = options.clock ?? systemClock;
  const engine = LocalStateEngine.open({ file: stateFile, clock, defaultCloud: "tencentcloud" });
  const context: EmulatorContext = {
    engine,
    clock,
    accountByKey: (secretId) => byKey.get(secretId),
    rateLimiter:
      options.rateLimits === false
        ? { admit: () => true }
        : new TokenBucketRateLimiter(options.rateLimits ?? {}),
    maxSkewMs: options.maxSkewMs ?? 5 * 60 * 1000,
  };
  const registry = options.handlers ?? defaultHandlers;
  let faults = new FaultInjector(options.faults);

  const server = createServer((request, response) => {
    void (async () => {
      // Handlers recognise their requests by method, path and headers, so the limit is known before the body.
      const head = toEmulatorRequest(request, EMPTY);
      const handler = registry.find((h) => h.matches(head));
      const limit = handler?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const read = await readBody(request, limit);
      if (read.kind === "aborted") return;
      if (read.kind === "too-large") {
        const refusal = handler?.bodyTooLarge?.(head, limit, read.received) ?? {
          status: 413,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            error: `Request body of ${read.received} bytes is over the ${limit}-byte limit.`,
          }),
        };
        // Answered, then the connection closed cleanly (not reset): the client may not reuse a socket whose request
        // was refused unread.
        send(response, refusal, true);
        return;
      }
      const emulated = { ...head, body: read.body };
      if (!handler) {
        send(response, {
          status: 404,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            error: `No emulated cloud API answers ${emulated.method} ${emulated.path}.`,
            protocols: registry.map((h) => h.cloud),
          }),
        });
        return;
      }
      const current = faults;
      if ((current.options.latencyMs ?? 0) > 0) await realSleep(current.options.latencyMs ?? 0);
      const decision = current.before();
      if (decision !== "none") {
        send(response, handler.faultResponse(decision, emulated));
        return;
      }
      let result: EmulatorResponse;
      try {
        result = await handler.handle(emulated, context);
      } catch {
        // Handlers render their own errors; this is a bug in one, answered as a bare 500.
        result = { status: 500, body: "internal emulator error\n" };
      }
      if (current.dropAfterCommit()) {
        response.socket?.destroy();
        return;
      }
      send(response, result);
    })();
  });
  // Keep-alive clients (the SDKs' agents) reuse sockets; do not let idle ones hold close() up.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_EMULATOR_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closed = false;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    stateFile,
    accounts,
    setFaults(next) {
      faults = new FaultInjector(next);
    },
    faultStats: () => ({ ...faults.stats }),
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      engine.close();
    },
  };
}
