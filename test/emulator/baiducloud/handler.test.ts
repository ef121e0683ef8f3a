/**
 * The emulator's Baidu protocol as a black box over HTTP (BCE v1, bce-auth-v1): VPCs in two accounts, a cross-account
 * peer connection accepted by the acceptor (each side sees its own view), route rules on both sides, resize,
 * release removes the rules, clientToken idempotency, and the refusals with Baidu's error body.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../provider/backends/clock.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { bceClient } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
let emulator: RunningEmulator;
let a: ReturnType<typeof bceClient>;
let b: ReturnType<typeof bceClient>;

beforeEach(async () => {
  emulator = await startTestEmulator(baiducloudHandler);
  a = bceClient(emulator.url, A);
  b = bceClient(emulator.url, B);
});
afterEach(() => emulator.close());

async function vpc(client: typeof a, name: string, cidr: string): Promise<string> {
  const res = await client("POST", "/v1/vpc", { clientToken: `t-${name}` }, { name, cidr });
  expect(res.status).toBe(200);
  return res.body.vpcId as string;
}

async function tableOf(client: typeof a, vpcId: string): Promise<string> {
  return (await client("GET", "/v1/route", { vpcId })).body.routeTableId as string;
}

function createBody(localVpcId: string, peerVpcId: string, extra: Record<string, unknown> = {}) {
  return {
    bandwidthInMbps: 10,
    localVpcId,
    peerVpcId,
    peerRegion: "bj",
    billing: { paymentTiming: "Postpaid" },
    ...extra,
  };
}

describe("Baidu BCE v1 peer connection lifecycle", () => {
  it("cross-account: consulting, accept by the acceptor, rules both sides, resize, release removes the rules", async () => {
    const app = await vpc(a, "app", "10.0.0.0/16");
    const db = await vpc(b, "db", "10.1.0.0/16");
    expect(app).toMatch(/^vpc-[0-9a-z]{8}$/);
    const created = await a(
      "POST",
      "/v1/peerconn",
      { clientToken: "ct-1" },
      createBody(app, db, { peerAccountId: B.id, localIfName: "app-db" }),
    );
    expect(created.status).toBe(200);
    const id = created.body.peerConnId as string;
    expect(id).toMatch(/^peerconn-[0-9a-z]{8}$/);

    const asInitiator = (await a("GET", `/v1/peerconn/${id}`)).body;
    expect(asInitiator).toMatchObject({
      peerConnId: id,
      role: "initiator",
      status: "consulting",
      bandwidthInMbps: 10,
      localVpcId: app,
      peerVpcId: db,
      peerAccountId: B.id,
      localIfName: "app-db",
      paymentTiming: "Postpaid",
    });
    expect(asInitiator.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const asAcceptor = (await b("GET", `/v1/peerconn/${id}`)).body;
    expect(asAcceptor).toMatchObject({
      role: "acceptor",
      localVpcId: db,
      peerVpcId: app,
      peerAccountId: A.id,
    });
    // The acceptor lists it under its own VPC.
    expect((await b("GET", "/v1/peerconn", { vpcId: db })).body).toMatchObject({
      isTruncated: false,
      peerConns: [expect.objectContaining({ peerConnId: id, role: "acceptor" })],
    });

    // Only the acceptor accepts.
    expect((await a("PUT", `/v1/peerconn/${id}`, { accept: "", clientToken: "x" })).body).toMatchObject({
      code: "AccessDenied",
    });
    expect((await b("PUT", `/v1/peerconn/${id}`, { accept: "", clientToken: "x" })).status).toBe(200);
    expect((await a("GET", `/v1/peerconn/${id}`)).body.status).toBe("active");

    const rule = await a(
      "POST",
      "/v1/route/rule",
      { clientToken: "r-1" },
      {
        routeTableId: await tableOf(a, app),
        sourceAddress: "0.0.0.0/0",
        destinationAddress: "10.1.0.0/16",
        nexthopId: id,
        nexthopType: "peerConn",
        description: "to db",
      },
    );
    expect(rule.body.routeRuleId).toMatch(/^rr-/);
    await b(
      "POST",
      "/v1/route/rule",
      {},
      {
        routeTableId: await tableOf(b, db),
        sourceAddress: "0.0.0.0/0",
        destinationAddress: "10.0.0.0/16",
        nexthopId: id,
        nexthopType: "peerConn",
      },
    );
    expect((await a("GET", "/v1/route", { vpcId: app })).body.routeRules).toEqual([
      {
        routeRuleId: rule.body.routeRuleId,
        routeTableId: await tableOf(a, app),
        sourceAddress: "0.0.0.0/0",
        destinationAddress: "10.1.0.0/16",
        nexthopId: id,
        nexthopType: "peerConn",
        description: "to db",
      },
    ]);

    expect((await a("PUT", `/v1/peerconn/${id}`, { resize: "" }, { newBandwidthInMbps: 50 })).status).toBe(
      200,
    );
    // The acceptor may not resize (带宽升降级: 跨账号只有发起端才可以进行带宽的升降级操作).
    expect(
      (await b("PUT", `/v1/peerconn/${id}`, { resize: "" }, { newBandwidthInMbps: 20 })).body,
    ).toMatchObject({
      code: "AccessDenied",
    });
    const resized = (await b("GET", `/v1/peerconn/${id}`)).body;
    expect(resized.bandwidthInMbps).toBe(50);
    expect(resized).not.toHaveProperty("bandwithInMbp");

    // The update of name and description carries no action flag: `?clientToken` with the Python and Java SDKs
    // (update_peerconn, modifyPeerConn), no query at all with the Go SDK (UpdatePeerConn).
    const localIfId = asInitiator.localIfId as string;
    expect(
      (
        await a(
          "PUT",
          `/v1/peerconn/${id}`,
          { clientToken: "u-1" },
          { localIfId, localIfName: "app-db-2", description: "renamed" },
        )
      ).status,
    ).toBe(200);
    expect((await a("GET", `/v1/peerconn/${id}`)).body).toMatchObject({
      localIfName: "app-db-2",
      description: "renamed",
    });
    expect((await a("PUT", `/v1/peerconn/${id}`, {}, { localIfId, description: "again" })).status).toBe(200);
    expect((await a("GET", `/v1/peerconn/${id}`)).body.description).toBe("again");

    expect((await a("DELETE", `/v1/vpc/${app}`)).body).toMatchObject({ code: "VpcInUse" });
    // Across accounts only the initiator releases (释放对等连接: 跨账号只有发起端可以释放), as the rulebook says.
    expect((await b("DELETE", `/v1/peerconn/${id}`, { clientToken: "d0" })).body).toMatchObject({
      code: "AccessDenied",
    });
    expect((await a("DELETE", `/v1/peerconn/${id}`, { clientToken: "d" })).status).toBe(200);
    expect(
      (await a("GET", "/v1/route/rule", { routeTableId: await tableOf(a, app) })).body.routeRules,
    ).toEqual([]);
    expect((await b("GET", "/v1/route", { vpcId: db })).body.routeRules).toEqual([]);
    expect((await a("GET", `/v1/peerconn/${id}`)).body.status).toBe("deleted");
  });

  it("reject: the request ends consult_failed", async () => {
    const app = await vpc(a, "app", "10.0.0.0/16");
    const db = await vpc(b, "db", "10.1.0.0/16");
    const id = (
      await a("POST", "/v1/peerconn", { clientToken: "c" }, createBody(app, db, { peerAccountId: B.id }))
    ).body.peerConnId;
    expect((await b("PUT", `/v1/peerconn/${id}`, { reject: "" })).status).toBe(200);
    expect((await a("GET", `/v1/peerconn/${id}`)).body.status).toBe("consult_failed");
    expect((await b("PUT", `/v1/peerconn/${id}`, { accept: "" })).body).toMatchObject({
      code: "PeerConnStatusConflict",
    });
  });

  it("clientToken: the same token and body return the first connection; another body is IdempotentParameterMismatch", async () => {
    const x = await vpc(a, "x", "10.0.0.0/16");
    const y = await vpc(a, "y", "10.1.0.0/16");
    const first = await a("POST", "/v1/peerconn", { clientToken: "same" }, createBody(x, y));
    const again = await a("POST", "/v1/peerconn", { clientToken: "same" }, createBody(x, y));
    expect(again.body.peerConnId).toBe(first.body.peerConnId);
    expect((await a("GET", `/v1/peerconn/${first.body.peerConnId}`)).body.status).toBe("active");
    const other = await a(
      "POST",
      "/v1/peerconn",
      { clientToken: "same" },
      createBody(x, y, { bandwidthInMbps: 20 }),
    );
    expect(other).toMatchObject({ status: 403, body: { code: "IdempotentParameterMismatch" } });
    // VPC creates too.
    expect(await vpc(a, "x", "10.0.0.0/16")).toBe(x);
  });
});

describe("refusals in Baidu's error body", () => {
  it.each([
    ["CIDR conflict", "10.0.0.0/16", "10.0.0.0/24", 400, "PeerConnCidrConflict"],
    ["same VPC", "10.0.0.0/16", undefined, 400, "PeerConnSameVpc"],
  ])("%s", async (_name, cidr, peerCidr, status, code) => {
    const x = await vpc(a, "x", cidr);
    const y = peerCidr === undefined ? x : await vpc(a, "y", peerCidr);
    const res = await a("POST", "/v1/peerconn", { clientToken: "c" }, createBody(x, y));
    expect(res.status).toBe(status);
    expect(Object.keys(res.body).sort()).toEqual(["code", "message", "requestId"]);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(x);
  });

  it("duplicate pair; a missing bandwidth is the rulebook's refusal, a mistyped one the protocol's", async () => {
    const x = await vpc(a, "x", "10.0.0.0/16");
    const y = await vpc(a, "y", "10.1.0.0/16");
    await a("POST", "/v1/peerconn", { clientToken: "1" }, createBody(x, y));
    expect((await a("POST", "/v1/peerconn", { clientToken: "2" }, createBody(y, x))).body.code).toBe(
      "PeerConnAlreadyExists",
    );
    const z = await vpc(a, "z", "10.2.0.0/16");
    const { bandwidthInMbps: _, ...noBandwidth } = createBody(x, z);
    expect(await a("POST", "/v1/peerconn", { clientToken: "3" }, noBandwidth)).toMatchObject({
      status: 400,
      body: { code: "PeerConnInvalidBandwidth" },
    });
    expect(
      await a("POST", "/v1/peerconn", { clientToken: "4" }, { ...noBandwidth, bandwidthInMbps: "10" }),
    ).toMatchObject({ status: 400, body: { code: "InappropriateJSON" } });
  });

  it("another account's VPC is NoSuchObject (404)", async () => {
    const x = await vpc(a, "x", "10.0.0.0/16");
    expect(await b("GET", `/v1/vpc/${x}`)).toMatchObject({ status: 404, body: { code: "NoSuchObject" } });
  });

  it("another account's route table is NoSuchObject (404) too, for its rules; its owner reads them", async () => {
    const x = await vpc(a, "x", "10.0.0.0/16");
    const table = await tableOf(a, x);
    expect(await b("GET", "/v1/route/rule", { routeTableId: table })).toMatchObject({
      status: 404,
      body: { code: "NoSuchObject" },
    });
    expect(await b("GET", "/v1/route/rule", { routeTableId: "rt-nothere0" })).toMatchObject({ status: 404 });
    expect(await a("GET", "/v1/route/rule", { routeTableId: table })).toMatchObject({
      status: 200,
      body: { routeRules: [] },
    });
  });

  it("a bad signature is SignatureDoesNotMatch; a skewed clock RequestExpired; an unknown AK InvalidAccessKeyId", async () => {
    expect(await bceClient(emulator.url, A, { secretKey: "wrong" })("GET", "/v1/vpc")).toMatchObject({
      status: 400,
      body: { code: "SignatureDoesNotMatch" },
    });
    expect(await bceClient(emulator.url, A, { skewMs: 10 * 60_000 })("GET", "/v1/vpc")).toMatchObject({
      status: 400,
      body: { code: "RequestExpired" },
    });
    expect(await bceClient(emulator.url, { ...A, secretId: "nobody" })("GET", "/v1/vpc")).toMatchObject({
      status: 403,
      body: { code: "InvalidAccessKeyId" },
    });
  });

  it("throttling answers 429 once an action's rate is spent", async () => {
    await emulator.close();
    emulator = await startTestEmulator(baiducloudHandler, {
      // A clock that stands still: no refill between the two calls, however slow the machine.
      rateLimits: { actions: { "baiducloud:ListVpcs": 1 }, clock: new ManualClock(0) },
    });
    const client = bceClient(emulator.url, A);
    expect((await client("GET", "/v1/vpc")).status).toBe(200);
    expect(await client("GET", "/v1/vpc")).toMatchObject({ status: 429, body: { code: "TooManyRequests" } });
  });
});
