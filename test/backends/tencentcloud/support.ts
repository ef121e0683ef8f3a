/** An emulator on an ephemeral port and tencentcloud backends for its demo accounts, for the backend tests. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RetryOptions } from "../../../provider/backends/shared/retry.js";
import { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import {
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../../provider/emulator/server.js";

export const ACCOUNTS: readonly EmulatorAccount[] = [
  {
    id: "200001",
    secretId: "AKIDtestRequester000000000000000001",
    secretKey: "testSecretRequester00000000000001",
  },
  {
    id: "200002",
    secretId: "AKIDtestAccepter0000000000000000002",
    secretKey: "testSecretAccepter000000000000002",
  },
  {
    id: "200003",
    secretId: "AKIDtestStranger0000000000000000003",
    secretKey: "testSecretStranger000000000000003",
  },
];

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  readonly dir: string;
  backend(
    account: EmulatorAccount,
    options?: { retry?: RetryOptions; pacing?: boolean; region?: string },
  ): TencentCloudBackend;
  close(): Promise<void>;
}

export async function startTestEmulator(
  options: Omit<EmulatorOptions, "port" | "stateDir" | "accounts"> = {},
): Promise<TestEmulator> {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-emulator-"));
  const emulator = await startEmulator({ ...options, port: 0, stateDir: dir, accounts: ACCOUNTS });
  const backends: TencentCloudBackend[] = [];
  return {
    emulator,
    dir,
    backend(account, backendOptions = {}) {
      const backend = new TencentCloudBackend({
        account: account.id,
        region: backendOptions.region ?? "ap-guangzhou",
        regions: ["ap-beijing"],
        secretId: account.secretId,
        secretKey: account.secretKey,
        endpoint: emulator.url,
        env: {},
        ...(backendOptions.retry ? { retry: backendOptions.retry } : {}),
        ...(backendOptions.pacing !== undefined ? { pacing: backendOptions.pacing } : {}),
      });
      backends.push(backend);
      return backend;
    },
    async close() {
      for (const backend of backends) await backend.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
