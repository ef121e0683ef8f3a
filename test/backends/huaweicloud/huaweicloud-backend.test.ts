/**
 * The huaweicloud backend against the emulator's Huawei protocol over HTTP: the Backend lifecycle (cross-tenant
 * create, accept by the peer tenant, routes both sides, delete removes routes), refusals parsed back onto peerlink
 * codes with Huawei's cloud codes, credentials from the SDK's environment variables, and retries of throttling.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackendError, isBackendError } from "../../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { PausableClock } from "../../support/pausable-clock.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "cn-north-4";
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

let emulator: RunningEmulator;
let a: HuaweiCloudBackend;
let b: HuaweiCloudBackend;

function backendFor(
  account: EmulatorAccount,
  extra: Partial<ConstructorParameters<typeof HuaweiCloudBackend>[0]> = {},
) {
  return new HuaweiCloudBackend({
    endpoint: emulator.url,
    region: REGION,
    accessKey: account.secretId,
    secretKey: account.secretKey,
    projectId: account.id,
    env: {},
    retry: FAST_RETRY,
    ...extra,
  });
}

beforeEach(async () => {
  emulator = await startTestEmulator(huaweicloudHandler);
  a = backendFor(A);
  b = backendFor(B);
});
afterEach(() => emulator.close());

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error("the call should have been refused");
}

describe("huaweicloud backend lifecycle", () => {
  it("VPCs in two tenants, cross-tenant peering accepted by the peer, routes both sides, delete removes them", async () => {
    const app = await a.createVpc({ name: "app", region: REGION, cidrs: ["10.0.0.0/16"] });
    const db = await b.createVpc({ name: "db", region: REGION, cidrs: ["10.1.0.0/16"] });
    expect(app).toMatchObject({
      cloud: "huaweicloud",
      region: REGION,
      account: A.id,
      cidrs: ["10.0.0.0/16"],
    });
    expect(app.routeTables).toEqual([expect.objectContaining({ vpcId: app.id, main: true })]);
    expect((await a.listVpcs()).map((v) => v.id)).toEqual([app.id]);
    expect(await a.describeVpc(app.id)).toEqual(app);

    const created = await a.createPeering({
      vpcId: app.id,
      peerVpcId: db.id,
      peerAccount: B.id,
      name: "app-db",
    });
    expect(created).toMatchObject({
      status: "PENDING",
      vpcId: app.id,
      peerVpcId: db.id,
      account: A.id,
      peerAccount: B.id,
      cloud: "huaweicloud",
    });
    // Huawei shows an EXPIRED status (seed 002) but documents no expiry period: the rulebook leaves it open.
    expect(created.expiresAt).toBeUndefined();
    expect(await b.describePeering(created.id)).toEqual(created);

    const notAccepter = await refusal(a.acceptPeering(created.id));
    expect({ code: notAccepter.code, cloudCode: notAccepter.cloudCode }).toEqual({
      code: "PERMISSION_DENIED",
      cloudCode: "PolicyNotAuthorized",
    });
    const early = await refusal(
      a.createRoute({ vpcId: app.id, destination: "10.1.0.0/16", peeringId: created.id }),
    );
    expect(early.code).toBe("PEERING_NOT_ACTIVE");
    expect(early.fix).toBeTruthy();

    const active = await b.acceptPeering(created.id);
    expect(active.status).toBe("ACTIVE");
    expect(active.expiresAt).toBeUndefined();

    const r1 = await a.createRoute({ vpcId: app.id, destination: "10.1.0.0/16", peeringId: created.id });
    const r2 = await b.createRoute({ vpcId: db.id, destination: "10.0.0.0/16", peeringId: created.id });
    expect(r1).toMatchObject({ vpcId: app.id, routeTableId: app.routeTables[0]?.id, peeringId: created.id });
    expect((await a.listRoutes(app.routeTables[0]?.id as string)).map((r) => r.id)).toEqual([r1.id]);
    expect((await b.listRoutes(db.routeTables[0]?.id as string)).map((r) => r.id)).toEqual([r2.id]);

    const inUse = await refusal(a.deleteVpc(app.id));
    expect({ code: inUse.code, cloudCode: inUse.cloudCode }).toEqual({
      code: "VPC_IN_USE",
      cloudCode: "VPC.0120",
    });

    const renamed = await a.modifyPeering(created.id, { name: "app-to-db", description: "d" });
    expect(renamed).toMatchObject({ name: "app-to-db", description: "d" });

    await b.deletePeering(created.id);
    expect(await a.listRoutes(app.routeTables[0]?.id as string)).toEqual([]);
    expect(await b.listRoutes(db.routeTables[0]?.id as string)).toEqual([]);
    // Huawei removes a deleted peering at once (the rulebook's onDelete.record, Huawei user guide 删除对等连接).
    const gone = await refusal(a.describePeering(created.id));
    expect({ code: gone.code, cloudCode: gone.cloudCode }).toEqual({
      code: "NOT_FOUND",
      cloudCode: "NotFound",
    });
    expect((await a.listPeerings()).items.map((p) => p.id)).not.toContain(created.id);
    await a.deleteVpc(app.id);
    await b.deleteVpc(db.id);
    expect(await a.listVpcs()).toEqual([]);
  });

  it("lists with filters and offset paging", async () => {
    const hub = await a.createVpc({ name: "hub", region: REGION, cidrs: ["10.0.0.0/16"] });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const spoke = await a.createVpc({ name: `s${i}`, region: REGION, cidrs: [`10.${i}.0.0/16`] });
      ids.push((await a.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `p${i}` })).id);
    }
    const all = await a.listPeerings();
    expect(all.total).toBe(3);
    expect((await a.listPeerings({}, { offset: 1, limit: 1 })).items.map((p) => p.id)).toEqual([ids[1]]);
    expect((await a.listPeerings({ name: "p2" })).items.map((p) => p.id)).toEqual([ids[1]]);
    expect((await a.listPeerings({ status: ["ACTIVE", "PENDING"] })).total).toBe(3);
    expect((await a.listPeerings({ status: ["REJECTED"] })).total).toBe(0);
    expect((await a.listPeerings({ ids: [ids[0] as string, ids[2] as string] })).total).toBe(2);
  });

  it("reject by the accepter", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    const y = await b.createVpc({ name: "y", region: REGION, cidrs: ["10.1.0.0/16"] });
    const p = await a.createPeering({ vpcId: x.id, peerVpcId: y.id, peerAccount: B.id, name: "p" });
    expect((await b.rejectPeering(p.id)).status).toBe("REJECTED");
    const again = await refusal(b.acceptPeering(p.id));
    expect({ code: again.code, cloudCode: again.cloudCode }).toEqual({
      code: "INVALID_STATE_TRANSITION",
      cloudCode: "PeeringStatusConflict",
    });
  });
});

describe("refusals parsed back", () => {
  it.each([
    ["CIDR overlap", "10.0.0.0/16", "10.0.0.0/24", "CIDR_OVERLAP", "PeeringCidrOverlap"],
    ["duplicate", "10.0.0.0/16", "10.1.0.0/16", "DUPLICATE_PEERING", "PeeringExists"],
  ])("%s", async (name, cidr, peerCidr, code, cloudCode) => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: [cidr] });
    const y = await a.createVpc({ name: "y", region: REGION, cidrs: [peerCidr] });
    if (name === "duplicate") await a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "first" });
    const error = await refusal(a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "p" }));
    expect({ code: error.code, cloudCode: error.cloudCode, retryable: error.retryable }).toEqual({
      code,
      cloudCode,
      retryable: false,
    });
    expect(error.message).toContain(x.id);
    expect(error.fix).toBeTruthy();
    expect(error.message).not.toContain(" Fix: Fix:");
  });

  it("an unknown VPC is NOT_FOUND (VPC.0003)", async () => {
    const error = await refusal(a.describeVpc("9d4f2a7e-0000-4000-8000-000000000000"));
    expect({ code: error.code, cloudCode: error.cloudCode, httpStatus: error.httpStatus }).toEqual({
      code: "NOT_FOUND",
      cloudCode: "VPC.0003",
      httpStatus: 404,
    });
  });

  it("a wrong secret key is AUTH_FAILED (APIGW.0301), and the message never contains the keys", async () => {
    const forged = backendFor(A, { secretKey: "wrong-secret-key-123" });
    const error = await refusal(forged.listVpcs());
    expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
      code: "AUTH_FAILED",
      cloudCode: "APIGW.0301",
    });
    expect(error.message).not.toContain("wrong-secret-key-123");
  });

  it("an unknown AK echoed back by the gateway is redacted", async () => {
    const stranger = backendFor({ id: A.id, secretId: "STRANGERAK0001", secretKey: "x-secret-key" });
    const error = await refusal(stranger.listVpcs());
    expect(error.code).toBe("AUTH_FAILED");
    expect(error.message).not.toContain("STRANGERAK0001");
    expect(JSON.stringify(stranger)).not.toContain("x-secret-key");
  });

  it("what Huawei does not offer is refused before any call", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    const y = await a.createVpc({ name: "y", region: REGION, cidrs: ["10.1.0.0/16"] });
    expect(
      (await refusal(a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 10 }))).code,
    ).toBe("BANDWIDTH_NOT_SETTABLE");
    expect(
      (await refusal(a.createVpc({ name: "z", region: "cn-south-1", cidrs: ["10.2.0.0/16"] }))).code,
    ).toBe("INVALID_PARAMETER");
    const p = await a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "p" });
    expect((await refusal(a.enablePeering(p.id))).code).toBe("UNSUPPORTED_OPERATION");
    expect((await refusal(a.setBandwidthLimit(p.id, { ip: "10.0.0.1", limitMbps: 5 }))).code).toBe(
      "UNSUPPORTED_OPERATION",
    );
    expect(a.capabilities()).toMatchObject({
      perIpBandwidthLimits: false,
      clientToken: false,
      renamePeering: true,
    });
  });
});

describe("credentials and retries", () => {
  it("reads the SDK's environment variables", async () => {
    const fromEnv = new HuaweiCloudBackend({
      endpoint: emulator.url,
      env: {
        HUAWEICLOUD_SDK_AK: A.secretId,
        HUAWEICLOUD_SDK_SK: A.secretKey,
        HUAWEICLOUD_SDK_PROJECT_ID: A.id,
      },
    });
    expect(fromEnv.account).toBe(A.id);
    expect(await fromEnv.listVpcs()).toEqual([]);
  });

  it("refuses to start without credentials, naming the variables", () => {
    expect(() => new HuaweiCloudBackend({ endpoint: emulator.url, env: {} })).toThrow(/HUAWEICLOUD_SDK_AK/);
    expect(
      () =>
        new HuaweiCloudBackend({
          endpoint: emulator.url,
          env: { HUAWEICLOUD_SDK_AK: "a", HUAWEICLOUD_SDK_SK: "b" },
        }),
    ).toThrow(/HUAWEICLOUD_SDK_PROJECT_ID/);
  });

  it("retries throttling (APIGW.0308) until the bucket refills, and surfaces it when attempts run out", async () => {
    await emulator.close();
    const clock = new PausableClock();
    emulator = await startTestEmulator(huaweicloudHandler, {
      rateLimits: { actions: { "huaweicloud:ListVpcs": 5 }, clock },
    });
    const patient = backendFor(A, { retry: { baseDelayMs: 300, maxDelayMs: 400, maxAttempts: 8 } });
    for (let i = 0; i < 8; i++) await patient.listVpcs();
    clock.pause();
    const impatient = backendFor(A, { retry: { maxAttempts: 1 } });
    for (let i = 0; i < 6; i++) await impatient.listVpcs().catch(() => undefined);
    const error = await refusal(impatient.listVpcs());
    expect({ code: error.code, cloudCode: error.cloudCode, retryable: error.retryable }).toEqual({
      code: "THROTTLED",
      cloudCode: "APIGW.0308",
      retryable: true,
    });
  });

  it("an unreachable endpoint is BACKEND_UNAVAILABLE, retryable", async () => {
    const port = new URL(emulator.url).port;
    await emulator.close();
    const error = await refusal(backendFor(A, { retry: { maxAttempts: 2, baseDelayMs: 1 } }).listVpcs());
    expect(isBackendError(error, "BACKEND_UNAVAILABLE")).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain(A.secretKey);
    emulator = await startTestEmulator(huaweicloudHandler);
    expect(port).toBeTruthy();
  });
});
