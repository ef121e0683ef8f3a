/**
 * The tencentcloud backend's own behaviour over HTTP: error mapping, retries, pacing against the rate-limited
 * emulator, batching, and credentials that never leak into errors.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendError } from "../../../provider/backends/errors.js";
import { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { ACCOUNTS, startTestEmulator, type TestEmulator } from "./support.js";

describe("tencentcloud backend behaviour", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(async () => {
    await t.close();
  });

  it("maps refused credentials to AUTH_FAILED, does not retry them, and never shows the key", async () => {
    const secretKey = "definitelyTheWrongSecretKey000001";
    const backend = new TencentCloudBackend({
      account: ACCOUNTS[0]!.id,
      region: "ap-guangzhou",
      secretId: ACCOUNTS[0]!.secretId,
      secretKey,
      endpoint: t.emulator.url,
      env: {},
    });
    try {
      const error = (await backend.listVpcs().catch((e: unknown) => e)) as BackendError;
      expect(error).toBeInstanceOf(BackendError);
      expect(error).toMatchObject({
        code: "AUTH_FAILED",
        cloudCode: "AuthFailure.SignatureFailure",
        retryable: false,
      });
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      for (const text of [error.message, JSON.stringify(error), String(error.stack), JSON.stringify(backend)])
        expect(text).not.toContain(secretKey);
    } finally {
      await backend.close();
    }
  });

  it("reads TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, and refuses to start without credentials", async () => {
    const env = {
      TENCENTCLOUD_SECRET_ID: ACCOUNTS[1]!.secretId,
      TENCENTCLOUD_SECRET_KEY: ACCOUNTS[1]!.secretKey,
      TENCENTCLOUD_REGION: "ap-guangzhou",
    };
    const backend = new TencentCloudBackend({ account: ACCOUNTS[1]!.id, endpoint: t.emulator.url, env });
    try {
      expect(await backend.listVpcs()).toEqual([]);
    } finally {
      await backend.close();
    }
    expect(() => new TencentCloudBackend({ account: "1", region: "ap-guangzhou", env: {} })).toThrowError(
      expect.objectContaining({ code: "AUTH_FAILED" }),
    );
  });

  it("retries an unreachable endpoint, then reports BACKEND_UNAVAILABLE", async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    let retries = 0;
    const backend = new TencentCloudBackend({
      account: "1",
      region: "ap-guangzhou",
      secretId: "AKIDunreachable00000001",
      secretKey: "unreachableSecret0000001",
      endpoint: `http://127.0.0.1:${port}`,
      env: {},
      retry: { maxAttempts: 3, baseDelayMs: 1, onRetry: () => void retries++ },
    });
    try {
      const error = (await backend.listVpcs().catch((e: unknown) => e)) as BackendError;
      expect(error).toMatchObject({
        code: "BACKEND_UNAVAILABLE",
        cloudCode: "NetworkError",
        retryable: true,
      });
      expect(error.message).not.toContain("unreachableSecret0000001");
      expect(retries).toBe(2);
    } finally {
      await backend.close();
    }
  });

  it("paces itself at the documented rate: 60 concurrent calls, no throttling answer", async () => {
    // listVpcs searches two regions: 30 of them are 60 DescribeVpcs calls.
    // No retries: a single RequestLimitExceeded would fail the test.
    const backend = t.backend(ACCOUNTS[2]!, { retry: { maxAttempts: 1 } });
    const start = performance.now();
    await Promise.all(Array.from({ length: 30 }, () => backend.listVpcs()));
    const seconds = (performance.now() - start) / 1000;
    // (60 - 10 burst) / 19 per second: about 2.6 s.
    expect(seconds).toBeGreaterThan(2);
  });

  it("without pacing, the same burst is throttled by the emulator and recovered by retries", async () => {
    const unpaced = t.backend(ACCOUNTS[2]!, { pacing: false, retry: { maxAttempts: 1 } });
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => unpaced.listVpcs()));
    const throttled = results.filter((r) => r.status === "rejected");
    expect(throttled.length).toBeGreaterThan(0);
    expect((throttled[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "THROTTLED",
      retryable: true,
    });
    const retrying = t.backend(ACCOUNTS[2]!, {
      pacing: false,
      retry: { maxAttempts: 50, baseDelayMs: 20, maxDelayMs: 200 },
    });
    const recovered = await Promise.allSettled(Array.from({ length: 20 }, () => retrying.listVpcs()));
    expect(recovered.every((r) => r.status === "fulfilled")).toBe(true);
  });

  it("batches routes: one CreateRoutes per route table, results in input order", async () => {
    const backend = t.backend(ACCOUNTS[0]!);
    const hub = await backend.createVpc({
      name: "batch-hub",
      region: "ap-guangzhou",
      cidrs: ["10.250.0.0/16"],
    });
    const spokes = [];
    for (let i = 0; i < 3; i++) {
      const spoke = await backend.createVpc({
        name: `batch-${i}`,
        region: "ap-guangzhou",
        cidrs: [`10.${240 + i}.0.0/16`],
      });
      const peering = await backend.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `batch-${i}` });
      spokes.push({ spoke, peering });
    }
    const inputs = spokes.flatMap(({ spoke, peering }) => [
      { vpcId: hub.id, destination: spoke.cidrs[0]!, peeringId: peering.id },
      { vpcId: spoke.id, destination: hub.cidrs[0]!, peeringId: peering.id },
    ]);
    const routes = await backend.createRoutes(inputs);
    expect(routes.map((r) => [r.vpcId, r.destination, r.peeringId])).toEqual(
      inputs.map((i) => [i.vpcId, i.destination, i.peeringId]),
    );
    const mainTable = hub.routeTables.find((r) => r.main)!.id;
    expect((await backend.listRoutes(mainTable)).map((r) => r.destination).sort()).toEqual([
      "10.240.0.0/16",
      "10.241.0.0/16",
      "10.242.0.0/16",
    ]);
    await backend.deleteRoutes(routes.filter((r) => r.vpcId === hub.id).map((r) => r.id));
    expect(await backend.listRoutes(mainTable)).toEqual([]);
  });

  it("says what Tencent does not offer, with UNSUPPORTED_OPERATION", async () => {
    const backend = t.backend(ACCOUNTS[0]!);
    expect(backend.capabilities()).toMatchObject({
      perIpBandwidthLimits: false,
      reenableExpired: false,
      clientToken: false,
      // CreateSubnet / DescribeSubnets / DeleteSubnet.
      subnets: true,
    });
    await expect(backend.enablePeering("pcx-1")).rejects.toMatchObject({ code: "UNSUPPORTED_OPERATION" });
    await expect(backend.listBandwidthLimits("pcx-1")).rejects.toMatchObject({
      code: "UNSUPPORTED_OPERATION",
    });
  });
});
