/** Official-SDK clients for black-box tests of the emulator (tencentcloud-sdk-nodejs-common's CommonClient). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { expect } from "vitest";
import type { EmulatorAccount } from "../../provider/emulator/protocol.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";

export const ALICE: EmulatorAccount = {
  id: "300001",
  secretId: "AKIDaliceAAAAAAAAAAAAAAAAAAAAAAAAAA1",
  secretKey: "aliceSecretKeyAAAAAAAAAAAAAAAAAAA1",
};
export const BOB: EmulatorAccount = {
  id: "300002",
  secretId: "AKIDbobBBBBBBBBBBBBBBBBBBBBBBBBBBBB2",
  secretKey: "bobSecretKeyBBBBBBBBBBBBBBBBBBBBBB2",
};
export const CAROL: EmulatorAccount = {
  id: "300003",
  secretId: "AKIDcarolCCCCCCCCCCCCCCCCCCCCCCCCCC3",
  secretKey: "carolSecretKeyCCCCCCCCCCCCCCCCCCCC3",
};

export async function startTestEmulator(
  options: Omit<EmulatorOptions, "port"> = {},
): Promise<RunningEmulator & { dir: string }> {
  const dir = options.stateDir ?? mkdtempSync(join(tmpdir(), "peerlink-emulator-"));
  const emulator = await startEmulator({ accounts: [ALICE, BOB, CAROL], ...options, port: 0, stateDir: dir });
  return {
    ...emulator,
    dir,
    async close() {
      await emulator.close();
      if (options.stateDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How the SDK sends a request: ClientProfile.signMethod and HttpProfile.reqMethod (default TC3 over POST). */
export interface TencentRequestForm {
  readonly signMethod?: "TC3-HMAC-SHA256" | "HmacSHA256" | "HmacSHA1";
  readonly reqMethod?: "POST" | "GET";
}

/** The official client pointed at the emulator: the host as endpoint, "http://" as protocol. */
export function tencentClient(
  url: string,
  account: Pick<EmulatorAccount, "secretId" | "secretKey">,
  region = "ap-guangzhou",
  version = "2017-03-12",
  form: TencentRequestForm = {},
): CommonClient {
  return new CommonClient(new URL(url).host, version, {
    credential: { secretId: account.secretId, secretKey: account.secretKey },
    region,
    profile: {
      ...(form.signMethod ? { signMethod: form.signMethod } : {}),
      httpProfile: {
        protocol: "http://",
        reqTimeout: 10,
        ...(form.reqMethod ? { reqMethod: form.reqMethod } : {}),
      },
    },
  });
}

/** The SDK's error for a call, with the Tencent code (TencentCloudSDKHttpException.code). */
export async function tencentError(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; requestId: string; httpCode?: number }> {
  try {
    await call;
  } catch (error) {
    return error as { code: string; message: string; requestId: string; httpCode?: number };
  }
  expect.unreachable("the call should have failed");
}
