/**
 * The emulator server (provider/emulator/server.ts) for the Huawei and Baidu black-box tests: 127.0.0.1, port 0,
 * in-memory state, three fixed accounts, and only the handler under test, so that these tests do not depend on the
 * registry's order. Rate limiting is off unless a test turns it on.
 */
import type { EmulatorAccount, ProtocolHandler } from "../../../provider/emulator/protocol.js";
import {
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../../provider/emulator/server.js";

export const TEST_ACCOUNTS: readonly EmulatorAccount[] = [
  {
    id: "0a1b2c3d4e5f4a5b8c9d0e1f2a3b4c5d",
    secretId: "TESTAKACCOUNTA000001",
    secretKey: "sk-a-0123456789abcdef",
  },
  {
    id: "1b2c3d4e5f6a4b5c8d9e0f1a2b3c4d5e",
    secretId: "TESTAKACCOUNTB000002",
    secretKey: "sk-b-0123456789abcdef",
  },
  {
    id: "2c3d4e5f6a7b4c5d8e9f0a1b2c3d4e5f",
    secretId: "TESTAKACCOUNTC000003",
    secretKey: "sk-c-0123456789abcdef",
  },
];

export function startTestEmulator(
  handler: ProtocolHandler,
  options: Omit<EmulatorOptions, "handlers" | "port" | "host"> = {},
): Promise<RunningEmulator> {
  return startEmulator({
    accounts: TEST_ACCOUNTS,
    rateLimits: false,
    ...options,
    handlers: [handler],
    port: 0,
  });
}
