/**
 * The engine's own path against the emulator (tencentcloud protocol): the dynamic-provider gRPC server the Pulumi
 * engine runs, driven through the proto client that ships with @pulumi/pulumi, with each provider serialized as
 * `new pulumi.dynamic.Resource(...)` serializes it, and every resource on a tencentcloud connection pointed at a
 * local emulator with two accounts. A cross-account lifecycle: VPCs in both accounts, the Peering (requester), the
 * PeeringAcceptance (accepter), routes on both sides, a resize, drift, and delete. The emulator's state is checked
 * through Tencent's official CommonClient, never by reading its SQLite file. Runs against the built package.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, startTestEmulator, tencentClient } from "../emulator/support.js";
import {
  engineCalls,
  type Kind,
  type Props,
  type ProviderServer,
  serializeProviders,
  startProviderServer,
} from "./engine-path-support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

const GZ = "ap-guangzhou";
const BJ = "ap-beijing";
const ALICE_CIDR = "10.10.0.0/16";
const BOB_CIDR = "10.20.0.0/16";
const WRONG_KEY = "wrongSecretKeyXXXXXXXXXXXXXXXXXXX9";
const SECRETS = [ALICE.secretKey, BOB.secretKey, WRONG_KEY];

let dir: string;
let emulator: RunningEmulator;
let server: ProviderServer;
let providers: Record<Kind, string>;
/** Every gRPC error the server sent back, and every check failure: none may carry a secret key. */
const errors: Error[] = [];
const failureReasons: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peerlink-engine-path-emulator-"));
  emulator = await startTestEmulator({ accounts: [ALICE, BOB], stateDir: join(dir, "emulator") });
  providers = serializeProviders();
  // Only the connections name the cloud and the credentials: nothing may come from the environment.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("TENCENTCLOUD_") && k !== "PEERLINK_ACCOUNT"),
  );
  server = await startProviderServer({ ...env, PEERLINK_STATE: join(dir, "unused-local-state.db") });
});

afterAll(async () => {
  server?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

const calls = engineCalls(
  () => server,
  () => providers,
  (error) => errors.push(error),
);
const { configure, diff, read, update, remove, create } = calls;

/** check, recording the failures. */
async function check(kind: Kind, name: string, olds: Props, news: Props) {
  const checked = await calls.check(kind, name, olds, news);
  failureReasons.push(...checked.failures.map((f) => `${f.property}: ${f.reason}`));
  return checked;
}

/** check then create, as `pulumi up` does. */
async function up(kind: Kind, name: string, news: Props) {
  const checked = await check(kind, name, {}, news);
  expect(checked.failures).toEqual([]);
  expect(checked.inputs.__provider).toBe(providers[kind]);
  return { ...(await create(kind, name, checked.inputs)), inputs: checked.inputs };
}

/** A rejected call's error, recorded like every other. */
async function rejection(promise: Promise<unknown>): Promise<Error & { code?: number; details?: string }> {
  return promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: Error) => error,
  );
}

function containsSecret(text: string): string | undefined {
  return SECRETS.find((secret) => text.includes(secret));
}

describe("Check, Create, Read, Diff, Update, Delete through the provider server against the emulator", () => {
  // One scenario in order: each step builds on the cloud state the previous one left in the emulator.
  const connection = (account: typeof ALICE, region: string, secretKey = account.secretKey) => ({
    kind: "tencentcloud",
    account: account.id,
    endpoint: emulator.url,
    region,
    secretId: account.secretId,
    secretKey,
  });
  const alice = () => connection(ALICE, GZ);
  const bob = () => connection(BOB, BJ);
  const aliceApi = () => tencentClient(emulator.url, ALICE, GZ);
  const bobApi = () => tencentClient(emulator.url, BOB, BJ);
  const state: Record<string, { id: string; outs: Props; inputs: Props }> = {};

  async function peeringSeenBy(api: ReturnType<typeof aliceApi>, id: string): Promise<Json> {
    const found: Json = await api.request("DescribeVpcPeeringConnections", { PeeringConnectionIds: [id] });
    return found.PeerConnectionSet[0];
  }
  async function routesOf(api: ReturnType<typeof aliceApi>, table: unknown): Promise<Json[]> {
    const found: Json = await api.request("DescribeRouteTables", { RouteTableIds: [table] });
    return found.RouteTableSet[0].RouteSet;
  }

  it("Configure: accepted", async () => {
    expect((await configure()).getAcceptsecrets()).toBe(false);
  });

  it("Vpc: one per account, each on its own tencentcloud connection", async () => {
    for (const [name, conn, region, cidr, api] of [
      ["alice", alice(), GZ, ALICE_CIDR, aliceApi()],
      ["bob", bob(), BJ, BOB_CIDR, bobApi()],
    ] as const) {
      const created = await up("vpc", name, { connection: conn, name, region, cidrs: [cidr] });
      expect(created.id).toMatch(/^vpc-/);
      expect(created.outs).toMatchObject({ vpcId: created.id, account: conn.account, region, cidrs: [cidr] });
      expect(created.outs.mainRouteTableId).toMatch(/^rtb-/);
      state[name] = created;
      const seen: Json = await api.request("DescribeVpcs", { VpcIds: [created.id] });
      expect(seen.VpcSet.map((v: Json) => [v.VpcName, v.CidrBlock])).toEqual([[name, cidr]]);
    }
    // Each VPC belongs to its own account only.
    const crossLook: Json = await aliceApi().request("DescribeVpcs", { VpcIds: [state.bob?.id] });
    expect(crossLook.TotalCount).toBe(0);
  });

  it("Check: a bad bandwidth fails per property, coded, without the secret key", async () => {
    const base = {
      connection: alice(),
      vpcId: state.alice?.id,
      peerVpcId: state.bob?.id,
      peerAccount: BOB.id,
      peerRegion: BJ,
      peerVpcCidrs: [BOB_CIDR],
      name: "gz-bj",
    };
    const zod = await check("peering", "gz-bj", {}, { ...base, bandwidthMbps: "abc" });
    expect(zod.failures.map((f) => f.property)).toEqual(["bandwidthMbps"]);
    expect(zod.failures[0]?.reason).toMatch(/^INVALID_ARGUMENT: /);
    const tier = await check("peering", "gz-bj", {}, { ...base, bandwidthMbps: 30 });
    expect(tier.failures).toHaveLength(1);
    expect(tier.failures[0]).toMatchObject({ property: "bandwidthMbps" });
    expect(tier.failures[0]?.reason).toMatch(/^INVALID_BANDWIDTH: /);
    // A bad connection field is reported without echoing the connection (and its key).
    const badConnection = await check(
      "peering",
      "gz-bj",
      {},
      { ...base, connection: { ...alice(), kind: 7 } },
    );
    expect(badConnection.failures.map((f) => f.property)).toEqual(["connection.kind"]);
    const none: Json = await aliceApi().request("DescribeVpcPeeringConnections", {});
    expect(none.TotalCount).toBe(0);
  });

  it("a wrong secretKey: a coded AUTH error whose message does not contain the key", async () => {
    const wrong = connection(ALICE, GZ, WRONG_KEY);
    const checked = await check(
      "vpc",
      "wrong",
      {},
      { connection: wrong, name: "wrong", region: GZ, cidrs: [ALICE_CIDR] },
    );
    expect(checked.failures).toEqual([]);
    const createError = await rejection(create("vpc", "wrong", checked.inputs));
    expect(createError.message).toMatch(/AUTH_FAILED \(AuthFailure[.\w]*\): /);
    expect(createError.message).not.toContain(WRONG_KEY);
    // Check on a Peering reads the cloud: the same coded error, from check.
    const checkError = await rejection(
      check(
        "peering",
        "wrong",
        {},
        {
          connection: wrong,
          vpcId: state.alice?.id,
          peerVpcId: state.bob?.id,
          peerAccount: BOB.id,
          peerRegion: BJ,
          name: "wrong",
        },
      ),
    );
    expect(checkError.message).toMatch(/AUTH_FAILED/);
    expect(checkError.message).not.toContain(WRONG_KEY);
    const vpcs: Json = await aliceApi().request("DescribeVpcs", {});
    expect(vpcs.VpcSet.map((v: Json) => v.VpcId)).toEqual([state.alice?.id]);
  });

  it("Peering: the requester's Create returns the cross-account peering PENDING", async () => {
    const created = await up("peering", "gz-bj", {
      connection: alice(),
      vpcId: state.alice?.id,
      peerVpcId: state.bob?.id,
      peerAccount: BOB.id,
      peerRegion: BJ,
      peerVpcCidrs: [BOB_CIDR],
      name: "gz-bj",
      bandwidthMbps: 100,
    });
    expect(created.id).toMatch(/^pcx-/);
    expect(created.outs).toMatchObject({
      peeringId: created.id,
      status: "PENDING",
      account: ALICE.id,
      accepterAccount: BOB.id,
      crossAccount: true,
      crossRegion: true,
    });
    state.peering = created;
    expect(await peeringSeenBy(bobApi(), created.id)).toMatchObject({
      State: "PENDING",
      SourceVpcId: state.alice?.id,
      DestinationVpcId: state.bob?.id,
      Bandwidth: 100,
    });
  });

  it("PeeringAcceptance: the accepter's Create accepts and waits for ACTIVE", async () => {
    const peeringId = state.peering!.id;
    const created = await up("peeringAcceptance", "gz-bj-accept", { connection: bob(), peeringId });
    expect(created.id).toBe(`${peeringId}:accept`);
    expect(created.outs).toMatchObject({
      status: "ACTIVE",
      vpcId: state.alice?.id,
      peerVpcId: state.bob?.id,
    });
    state.acceptance = created;
    expect((await peeringSeenBy(aliceApi(), peeringId)).State).toBe("ACTIVE");
  });

  it("RouteRule: one on each side, each with its own account's connection", async () => {
    const peeringId = state.peering!.id;
    for (const [name, conn, vpc, destination] of [
      ["to-bob", alice(), state.alice!, BOB_CIDR],
      ["to-alice", bob(), state.bob!, ALICE_CIDR],
    ] as const) {
      const created = await up("routeRule", name, {
        connection: conn,
        vpcId: vpc.id,
        destination,
        peeringId,
      });
      expect(created.outs).toMatchObject({
        routeId: created.id,
        effectiveRouteTableId: vpc.outs.mainRouteTableId,
      });
      state[name] = created;
    }
    const a = await routesOf(aliceApi(), state.alice?.outs.mainRouteTableId);
    const b = await routesOf(bobApi(), state.bob?.outs.mainRouteTableId);
    expect(a.map((r) => [r.RouteItemId, r.DestinationCidrBlock, r.GatewayType, r.GatewayId])).toEqual([
      [state["to-bob"]?.id, BOB_CIDR, "PEERCONNECTION", peeringId],
    ]);
    expect(b.map((r) => [r.RouteItemId, r.DestinationCidrBlock, r.GatewayId])).toEqual([
      [state["to-alice"]?.id, ALICE_CIDR, peeringId],
    ]);
  });

  it("Read: no drift returns the same ids and outputs", async () => {
    const peering = state.peering!;
    const refreshed = await read("peering", "gz-bj", peering.id, peering.outs);
    expect(refreshed.id).toBe(peering.id);
    // The acceptance moved it from PENDING to ACTIVE; a refresh adds nothing that would show as a change.
    expect(refreshed.props).toEqual({ ...peering.outs, status: "ACTIVE" });
    expect(await diff("peering", "gz-bj", peering.id, refreshed.props, peering.inputs)).toMatchObject({
      changes: "none",
    });
    state.peering = { ...peering, outs: refreshed.props };
    const acceptance = state.acceptance!;
    expect(await read("peeringAcceptance", "gz-bj-accept", acceptance.id, acceptance.outs)).toEqual({
      id: acceptance.id,
      props: acceptance.outs,
    });
    for (const name of ["to-bob", "to-alice"]) {
      const route = state[name]!;
      expect(await read("routeRule", name, route.id, route.outs)).toEqual({
        id: route.id,
        props: route.outs,
      });
    }
  });

  it("Diff and Update: the bandwidth changes in place", async () => {
    const peering = state.peering!;
    const news = (await check("peering", "gz-bj", peering.inputs, { ...peering.inputs, bandwidthMbps: 200 }))
      .inputs;
    expect(news.bandwidthMbps).toBe(200);
    expect(await diff("peering", "gz-bj", peering.id, peering.outs, news)).toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    const outs = await update("peering", "gz-bj", peering.id, peering.outs, news);
    expect(outs).toMatchObject({ peeringId: peering.id, bandwidthMbps: 200, status: "ACTIVE" });
    expect(outs.__provider).toBe(providers.peering);
    expect((await peeringSeenBy(bobApi(), peering.id)).Bandwidth).toBe(200);
    state.peering = { id: peering.id, outs, inputs: news };
    expect(await diff("peering", "gz-bj", peering.id, outs, news)).toMatchObject({ changes: "none" });
  });

  it("Read: a route deleted out of band through the emulator comes back without an id", async () => {
    const route = state["to-bob"]!;
    const table = route.outs.effectiveRouteTableId;
    const [live] = await routesOf(aliceApi(), table);
    expect(live.RouteItemId).toBe(route.id);
    await aliceApi().request("DeleteRoutes", { RouteTableId: table, Routes: [{ RouteId: live.RouteId }] });
    expect(await routesOf(aliceApi(), table)).toEqual([]);
    expect((await read("routeRule", "to-bob", route.id, route.outs)).id).toBe("");
    // The other side is untouched.
    const other = state["to-alice"]!;
    expect((await read("routeRule", "to-alice", other.id, other.outs)).id).toBe(other.id);
  });

  it("Delete: everything, idempotently; the emulator shows the peering DELETED and no routes", async () => {
    const peering = state.peering!;
    await remove("routeRule", "to-bob", state["to-bob"]!.id, state["to-bob"]!.outs);
    await remove("routeRule", "to-alice", state["to-alice"]!.id, state["to-alice"]!.outs);
    expect(await routesOf(bobApi(), state.bob?.outs.mainRouteTableId)).toEqual([]);
    await remove("peeringAcceptance", "gz-bj-accept", state.acceptance!.id, state.acceptance!.outs);
    expect((await peeringSeenBy(aliceApi(), peering.id)).State).toBe("ACTIVE");
    await remove("peering", "gz-bj", peering.id, peering.outs);
    await remove("peering", "gz-bj", peering.id, peering.outs);
    expect((await peeringSeenBy(aliceApi(), peering.id)).State).toBe("DELETED");
    expect((await peeringSeenBy(bobApi(), peering.id)).State).toBe("DELETED");
    expect((await read("peering", "gz-bj", peering.id, peering.outs)).id).toBe("");
    for (const [name, api] of [
      ["alice", aliceApi()],
      ["bob", bobApi()],
    ] as const) {
      const vpc = state[name]!;
      expect(await routesOf(api, vpc.outs.mainRouteTableId)).toEqual([]);
      await remove("vpc", name, vpc.id, vpc.outs);
      await remove("vpc", name, vpc.id, vpc.outs);
      expect(((await api.request("DescribeVpcs", { VpcIds: [vpc.id] })) as Json).TotalCount).toBe(0);
    }
  });

  it("no gRPC error and no check failure carried a secret key", () => {
    // The scenario did produce both (the wrong key, the bad bandwidth): this is not vacuous.
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(failureReasons.length).toBeGreaterThanOrEqual(3);
    for (const error of errors) {
      const e = error as Error & { details?: string; metadata?: { getMap(): object } };
      const text = [e.message, e.details, e.stack, JSON.stringify(e.metadata?.getMap() ?? {})].join("\n");
      expect(containsSecret(text), text).toBeUndefined();
    }
    for (const reason of failureReasons) expect(containsSecret(reason), reason).toBeUndefined();
    // The server logs the errors it returns (the engine shows them): only the wrong key's, without the key.
    const log = server.log();
    expect(containsSecret(log)).toBeUndefined();
    expect(log.match(/BackendError: [A-Z_]+/g)?.every((line) => line === "BackendError: AUTH_FAILED")).toBe(
      true,
    );
  });
});
