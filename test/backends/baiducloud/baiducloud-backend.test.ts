/**
 * The baiducloud backend against the emulator's Baidu protocol over HTTP: the Backend lifecycle (cross-account
 * create, accept by the acceptor, route rules both sides, resize, release removes the rules), clientToken retries,
 * refusals parsed back onto peerlink codes with Baidu's codes, credentials from the Baidu environment variables.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BaiduCloudBackend } from "../../../provider/backends/baiducloud/baiducloud-backend.js";
import { BackendError } from "../../../provider/backends/errors.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { PausableClock } from "../../support/pausable-clock.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "bj";

let emulator: RunningEmulator;
let a: BaiduCloudBackend;
let b: BaiduCloudBackend;

function backendFor(
  account: EmulatorAccount,
  extra: Partial<ConstructorParameters<typeof BaiduCloudBackend>[0]> = {},
) {
  return new BaiduCloudBackend({
    endpoint: emulator.url,
    region: REGION,
    accessKey: account.secretId,
    secretKey: account.secretKey,
    accountId: account.id,
    env: {},
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

beforeEach(async () => {
  emulator = await startTestEmulator(baiducloudHandler);
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

describe("baiducloud backend lifecycle", () => {
  it("cross-account peering accepted by the acceptor, routes both sides, resize, release removes the routes", async () => {
    const app = await a.createVpc({
      name: "app",
      region: REGION,
      cidrs: ["10.0.0.0/16"],
      tags: { env: "t" },
    });
    const db = await b.createVpc({ name: "db", region: REGION, cidrs: ["10.1.0.0/16"] });
    expect(app).toMatchObject({
      cloud: "baiducloud",
      region: REGION,
      account: A.id,
      cidrs: ["10.0.0.0/16"],
      tags: { env: "t" },
    });
    expect(app.routeTables).toEqual([expect.objectContaining({ main: true, vpcId: app.id })]);
    expect(await a.describeVpc(app.id)).toEqual(app);
    expect((await a.listVpcs()).map((v) => v.id)).toEqual([app.id]);

    const created = await a.createPeering({
      vpcId: app.id,
      peerVpcId: db.id,
      peerAccount: B.id,
      name: "app-db",
      bandwidthMbps: 10,
      chargeType: "Postpaid",
    });
    expect(created).toMatchObject({
      status: "PENDING",
      vpcId: app.id,
      peerVpcId: db.id,
      account: A.id,
      peerAccount: B.id,
      bandwidthMbps: 10,
      name: "app-db",
      cloud: "baiducloud",
    });
    // The acceptor's view reads back to the same requester-side object.
    const seenByB = await b.describePeering(created.id);
    expect(seenByB).toMatchObject({
      vpcId: app.id,
      peerVpcId: db.id,
      account: A.id,
      peerAccount: B.id,
      status: "PENDING",
    });
    expect((await b.listPeerings()).items.map((p) => p.id)).toEqual([created.id]);

    const notAcceptor = await refusal(a.acceptPeering(created.id));
    expect({ code: notAcceptor.code, cloudCode: notAcceptor.cloudCode }).toEqual({
      code: "PERMISSION_DENIED",
      cloudCode: "AccessDenied",
    });
    expect((await b.acceptPeering(created.id)).status).toBe("ACTIVE");

    const r1 = await a.createRoute({ vpcId: app.id, destination: "10.1.0.0/16", peeringId: created.id });
    const r2 = await b.createRoute({ vpcId: db.id, destination: "10.0.0.0/16", peeringId: created.id });
    expect(r1).toMatchObject({
      vpcId: app.id,
      routeTableId: app.routeTables[0]?.id,
      destination: "10.1.0.0/16",
    });
    expect((await a.listRoutes(app.routeTables[0]?.id as string)).map((r) => r.id)).toEqual([r1.id]);
    expect((await b.listRoutes(db.routeTables[0]?.id as string)).map((r) => r.id)).toEqual([r2.id]);

    expect((await a.modifyPeering(created.id, { bandwidthMbps: 50 })).bandwidthMbps).toBe(50);
    expect((await a.modifyPeering(created.id, { name: "app-to-db" })).name).toBe("app-to-db");

    const inUse = await refusal(a.deleteVpc(app.id));
    expect({ code: inUse.code, cloudCode: inUse.cloudCode }).toEqual({
      code: "VPC_IN_USE",
      cloudCode: "VpcInUse",
    });

    // Baidu: across accounts only the initiator releases or resizes (the rulebook: 释放对等连接, 带宽升降级).
    const notInitiator = await refusal(b.deletePeering(created.id));
    expect({ code: notInitiator.code, cloudCode: notInitiator.cloudCode }).toEqual({
      code: "PERMISSION_DENIED",
      cloudCode: "AccessDenied",
    });
    const noResize = await refusal(b.modifyPeering(created.id, { bandwidthMbps: 20 }));
    expect(noResize.code).toBe("PERMISSION_DENIED");
    await a.deletePeering(created.id);
    expect(await a.listRoutes(app.routeTables[0]?.id as string)).toEqual([]);
    expect(await b.listRoutes(db.routeTables[0]?.id as string)).toEqual([]);
    expect((await a.describePeering(created.id)).status).toBe("DELETED");
    await a.deleteRoute(r1.id).catch(() => undefined);
    await a.deleteVpc(app.id);
    expect(await a.listVpcs()).toEqual([]);
  });

  it("reject reads back as REJECTED (Baidu consult_failed)", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    const y = await b.createVpc({ name: "y", region: REGION, cidrs: ["10.1.0.0/16"] });
    const p = await a.createPeering({
      vpcId: x.id,
      peerVpcId: y.id,
      peerAccount: B.id,
      name: "p",
      bandwidthMbps: 10,
    });
    expect((await b.rejectPeering(p.id)).status).toBe("REJECTED");
    const again = await refusal(b.acceptPeering(p.id));
    expect(again.code).toBe("INVALID_STATE_TRANSITION");
  });

  it("a caller's clientToken makes a repeated create return the first peering; a changed one conflicts", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    const y = await a.createVpc({ name: "y", region: REGION, cidrs: ["10.1.0.0/16"] });
    const input = { vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 10, clientToken: "tok-1" };
    const first = await a.createPeering(input);
    expect((await a.createPeering(input)).id).toBe(first.id);
    const conflict = await refusal(a.createPeering({ ...input, bandwidthMbps: 20 }));
    expect({ code: conflict.code, cloudCode: conflict.cloudCode }).toEqual({
      code: "IDEMPOTENCY_CONFLICT",
      cloudCode: "IdempotentParameterMismatch",
    });
    expect((await a.listPeerings()).total).toBe(1);
  });

  it("filters and pages peerings", async () => {
    const hub = await a.createVpc({ name: "hub", region: REGION, cidrs: ["10.0.0.0/16"] });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const spoke = await a.createVpc({ name: `s${i}`, region: REGION, cidrs: [`10.${i}.0.0/16`] });
      ids.push(
        (await a.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `p${i}`, bandwidthMbps: 10 })).id,
      );
    }
    expect((await a.listPeerings()).total).toBe(3);
    expect((await a.listPeerings({ vpcId: hub.id }, { offset: 2, limit: 5 })).items.map((p) => p.id)).toEqual(
      [ids[2]],
    );
    expect((await a.listPeerings({ name: "p1" })).items.map((p) => p.id)).toEqual([ids[0]]);
    expect((await a.listPeerings({ status: ["PENDING"] })).total).toBe(0);
  });
});

describe("refusals and credentials", () => {
  it("CIDR overlap is CIDR_OVERLAP with Baidu's code, the fix kept apart", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    const y = await a.createVpc({ name: "y", region: REGION, cidrs: ["10.0.1.0/24"] });
    const error = await refusal(
      a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 10 }),
    );
    expect({
      code: error.code,
      cloudCode: error.cloudCode,
      httpStatus: error.httpStatus,
      retryable: error.retryable,
    }).toEqual({
      code: "CIDR_OVERLAP",
      cloudCode: "PeerConnCidrConflict",
      httpStatus: 400,
      retryable: false,
    });
    expect(error.fix).toBeTruthy();
    expect(error.requestId).toBeTruthy();
  });

  it("a wrong secret key is AUTH_FAILED (SignatureDoesNotMatch), never echoing the keys", async () => {
    const error = await refusal(backendFor(A, { secretKey: "wrong-secret-0001" }).listVpcs());
    expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
      code: "AUTH_FAILED",
      cloudCode: "SignatureDoesNotMatch",
    });
    expect(error.message).not.toContain("wrong-secret-0001");
  });

  it("reads BAIDUCLOUD_ACCESS_KEY / BAIDUCLOUD_SECRET_KEY / BAIDUCLOUD_ACCOUNT_ID, and names them when missing", async () => {
    const fromEnv = new BaiduCloudBackend({
      endpoint: emulator.url,
      env: {
        BAIDUCLOUD_ACCESS_KEY: A.secretId,
        BAIDUCLOUD_SECRET_KEY: A.secretKey,
        BAIDUCLOUD_ACCOUNT_ID: A.id,
        BAIDUCLOUD_REGION: REGION,
      },
    });
    expect(await fromEnv.listVpcs()).toEqual([]);
    expect(() => new BaiduCloudBackend({ endpoint: emulator.url, env: {} })).toThrow(/BAIDUCLOUD_ACCESS_KEY/);
    expect(JSON.stringify(fromEnv)).not.toContain(A.secretKey);
  });

  it("retries throttling until the bucket refills", async () => {
    await emulator.close();
    const clock = new PausableClock();
    emulator = await startTestEmulator(baiducloudHandler, {
      rateLimits: { actions: { "baiducloud:ListVpcs": 4 }, clock },
    });
    const patient = backendFor(A, { retry: { baseDelayMs: 300, maxDelayMs: 400, maxAttempts: 8 } });
    for (let i = 0; i < 6; i++) await patient.listVpcs();
    clock.pause();
    const impatient = backendFor(A, { retry: { maxAttempts: 1 } });
    for (let i = 0; i < 5; i++) await impatient.listVpcs().catch(() => undefined);
    const error = await refusal(impatient.listVpcs());
    expect({ code: error.code, cloudCode: error.cloudCode, retryable: error.retryable }).toEqual({
      code: "THROTTLED",
      cloudCode: "TooManyRequests",
      retryable: true,
    });
  });

  it("what Baidu does not offer is refused", async () => {
    const x = await a.createVpc({ name: "x", region: REGION, cidrs: ["10.0.0.0/16"] });
    expect((await refusal(a.createRouteTable(x.id, "extra"))).code).toBe("UNSUPPORTED_OPERATION");
    expect((await refusal(a.enablePeering("peerconn-x"))).code).toBe("UNSUPPORTED_OPERATION");
    expect(a.capabilities()).toMatchObject({
      clientToken: true,
      bandwidthResize: true,
      perIpBandwidthLimits: false,
      subnets: true,
    });
  });
});
