/**
 * The huaweicloud backend paces itself by default at Huawei's VPC request rate (20 requests/s per action,
 * provider/backends/huaweicloud/rate-limits.ts), as the tencentcloud backend does: a burst against the emulator,
 * which throttles Huawei at that rate (provider/emulator/rate-limiter.ts DEFAULT_RATE_LIMITS), gets no APIGW.0308
 * answer; with `pacing: false` the same burst is throttled.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import {
  HUAWEI_VPC_RATE_PER_SECOND,
  huaweiRateOf,
} from "../../../provider/backends/huaweicloud/rate-limits.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { DEFAULT_RATE_LIMITS } from "../../../provider/emulator/rate-limiter.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";

const [A] = TEST_ACCOUNTS as [EmulatorAccount];
let emulator: RunningEmulator;

function backend(extra: Partial<ConstructorParameters<typeof HuaweiCloudBackend>[0]> = {}) {
  return new HuaweiCloudBackend({
    endpoint: emulator.url,
    region: "cn-north-4",
    accessKey: A.secretId,
    secretKey: A.secretKey,
    projectId: A.id,
    env: {},
    // No retries: a single throttling answer fails the call.
    retry: { maxAttempts: 1 },
    ...extra,
  });
}

beforeEach(async () => {
  // The emulator's default throttling: Huawei at 20/s per account and action.
  emulator = await startTestEmulator(huaweicloudHandler, { rateLimits: {} });
});
afterEach(() => emulator.close());

describe("huaweicloud pacing", () => {
  it("paces every action it sends at the emulator's Huawei rate", () => {
    expect(HUAWEI_VPC_RATE_PER_SECOND).toBe(DEFAULT_RATE_LIMITS.huaweicloud);
    for (const action of [
      "CreateVpc",
      "ListVpcs",
      "CreateVpcPeering",
      "ListVpcPeerings",
      "UpdateRouteTable",
    ]) {
      expect(huaweiRateOf(action)).toBe(20);
    }
  });

  it("by default, 60 concurrent calls of one action get no throttling answer and take the paced time", async () => {
    const paced = backend();
    const start = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => paced.listPeerings()));
    const seconds = (performance.now() - start) / 1000;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    // (60 - 10 burst) / 19 per second: about 2.6 s.
    expect(seconds).toBeGreaterThan(2);
  });

  it("with pacing: false, the same burst is throttled by the emulator (APIGW.0308)", async () => {
    const unpaced = backend({ pacing: false });
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => unpaced.listPeerings()));
    const throttled = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]!.reason).toMatchObject({
      code: "THROTTLED",
      cloudCode: "APIGW.0308",
      retryable: true,
    });
  });
});
