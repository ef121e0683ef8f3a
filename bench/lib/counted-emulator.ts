/**
 * The emulator as the emulator bench runs it: one protocol, two accounts, every request counted by action (and
 * throttled answers counted), state in memory or in a file. Shared by the bench itself (the rate-limited mesh) and
 * by bench/workers/emulator-thread.ts, which serves the lifecycle rows from a thread of its own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baiducloudHandler } from "../../provider/emulator/baiducloud/handler.js";
import { huaweicloudHandler } from "../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount, EmulatorRequest, ProtocolHandler } from "../../provider/emulator/protocol.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import { tencentcloudHandler } from "../../provider/emulator/tencentcloud/handler.js";

export const ALICE: EmulatorAccount = {
  id: "100001",
  secretId: "AKIDbenchAlice0000000000000000000001",
  secretKey: "benchAliceSecret000000000000000001",
};
export const BOB: EmulatorAccount = {
  id: "100002",
  secretId: "AKIDbenchBob000000000000000000000002",
  secretKey: "benchBobSecret00000000000000000002",
};

/** Huawei project ids and Baidu account ids are 32 hex digits. */
export const HEX_ALICE: EmulatorAccount = {
  id: "0b1c2d3e4f5a4b6c8d7e9f0a1b2c3d41",
  secretId: "BENCHAKALICE00000001",
  secretKey: "bench-alice-sk-0123456789",
};
export const HEX_BOB: EmulatorAccount = {
  id: "1c2d3e4f5a6b4c7d8e9f0a1b2c3d4e52",
  secretId: "BENCHAKBOB0000000002",
  secretKey: "bench-bob-sk-0123456789ab",
};

// ---------------------------------------------------------------- emulator with request counting

/** A protocol to count requests of: its handler, its two accounts, and how to name a request's action. */
export interface Cloud {
  readonly handler: ProtocolHandler;
  readonly accounts: readonly [EmulatorAccount, EmulatorAccount];
  readonly actionOf: (request: EmulatorRequest) => string;
  readonly throttled: (body: string) => boolean;
}

export const TENCENT: Cloud = {
  handler: tencentcloudHandler,
  accounts: [ALICE, BOB],
  actionOf: (request) => request.headers["x-tc-action"] ?? "",
  throttled: (body) => body.includes('"RequestLimitExceeded"'),
};
/** REST protocols: only the lifecycle's total is read, so the method and path name the action well enough. */
const restAction = (request: EmulatorRequest) => `${request.method} ${request.path}`;
export const HUAWEI: Cloud = {
  handler: huaweicloudHandler,
  accounts: [HEX_ALICE, HEX_BOB],
  actionOf: restAction,
  throttled: () => false,
};
export const BAIDU: Cloud = { ...HUAWEI, handler: baiducloudHandler };

export interface Counted {
  readonly emulator: RunningEmulator;
  /** Requests per action since the start. */
  readonly counts: Map<string, number>;
  throttled: number;
  close(): Promise<void>;
}

/**
 * `memory`: the state in memory (no stateDir), as moto keeps its own, so that the lifecycle rows compare the two
 * emulators' request handling rather than SQLite's file I/O; the mesh keeps a state file, as `peerlink emulator`
 * does by default.
 */
export async function countedEmulator(
  options: Omit<EmulatorOptions, "port" | "stateDir" | "accounts" | "handlers">,
  cloud: Cloud = TENCENT,
  memory = false,
): Promise<Counted> {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-bench-"));
  const counts = new Map<string, number>();
  const state = { throttled: 0 };
  const counting: ProtocolHandler = {
    ...cloud.handler,
    async handle(request, context) {
      const action = cloud.actionOf(request);
      counts.set(action, (counts.get(action) ?? 0) + 1);
      const response = await cloud.handler.handle(request, context);
      if (cloud.throttled(response.body)) state.throttled++;
      return response;
    },
  };
  const emulator = await startEmulator({
    ...options,
    port: 0,
    ...(memory ? {} : { stateDir: dir }),
    accounts: cloud.accounts,
    handlers: [counting],
  });
  return {
    emulator,
    counts,
    get throttled() {
      return state.throttled;
    },
    async close() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** The protocols by name, for a thread that is told which one to serve. */
export const CLOUDS = { tencentcloud: TENCENT, huaweicloud: HUAWEI, baiducloud: BAIDU } as const;
export type CloudName = keyof typeof CLOUDS;
