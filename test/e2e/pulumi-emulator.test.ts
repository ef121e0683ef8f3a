/**
 * The real Pulumi CLI against the emulator, cross-account: the program test/e2e/programs/cross-account-emulator
 * builds two tencentcloud connections (alice, the requester, in ap-guangzhou; bob, the accepter, in ap-beijing)
 * from stack config, the keys set as secrets, and applies a TwoRegionDr between a VPC in each account: the peering
 * by alice, its acceptance by bob, a route on each side. The emulator runs in this process; its state is checked
 * through Tencent's official CommonClient with each account's own keys, never by reading its SQLite file.
 *
 * One stack, in order: up, a quiet preview and refresh, a route and then the peering deleted out of band (reported
 * by refresh, restored by up), a wrong key (a coded failure, no key printed), a key rotation (in-place updates,
 * planned as such), the secrets in the state, destroy, and what every command printed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, startTestEmulator } from "../emulator/support.js";
import {
  engineRun,
  previewRun,
  RecordingPulumiStack,
  resourcesWith,
  routeSummary,
  setEmulatorConfig,
  TencentAccountView,
} from "./support/emulator.js";
import { changes, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test/e2e/programs/cross-account-emulator");
const GZ = "ap-guangzhou";
const BJ = "ap-beijing";
const ALICE_CIDR = "10.10.0.0/16";
const BOB_CIDR = "10.20.0.0/16";
const PEERING = "alice-to-bob-peering";
const ACCEPTANCE = "alice-to-bob-peering-acceptance";
const ALICE_ROUTE = "alice-to-bob-peering-route-alice-gz-main-10.20.0.0-16";
const BOB_ROUTE = "alice-to-bob-peering-route-bob-bj-main-10.10.0.0-16";
/** Stack, component, two VPCs, peering, acceptance, two routes. */
const RESOURCES = 8;
/** Pulumi's marker of a secret value in a checkpoint (sdk/go/common/resource/sig). */
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
/** Alice's second key pair (the emulator knows both): what she rotates to. */
const ALICE_ROTATED = {
  id: ALICE.id,
  secretId: "AKIDaliceROTATEDAAAAAAAAAAAAAAAAAA7",
  secretKey: "aliceRotatedKeyAAAAAAAAAAAAAAAAAA7",
};
const WRONG_KEY = "wrongSecretKeyXXXXXXXXXXXXXXXXXXX9";
const SECRETS = [
  ALICE.secretKey,
  ALICE.secretId,
  ALICE_ROTATED.secretKey,
  ALICE_ROTATED.secretId,
  BOB.secretKey,
  BOB.secretId,
  WRONG_KEY,
];

interface StackOutputs {
  aliceVpcId: string;
  aliceRouteTableId: string;
  bobVpcId: string;
  bobRouteTableId: string;
  peeringId: string;
  peeringStatus: string;
  acceptanceStatus: string;
  plannedRoutes: string[];
  routes: { name: string; routeId: string; routeTableId: string }[];
}

interface CheckpointResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

let emulator: RunningEmulator;
let stack: RecordingPulumiStack;
/** Each account in its own region, with its own keys. */
let alice: TencentAccountView;
let bob: TencentAccountView;

beforeAll(async () => {
  emulator = await startTestEmulator({ accounts: [ALICE, ALICE_ROTATED, BOB] });
  alice = new TencentAccountView(emulator.url, ALICE, GZ);
  bob = new TencentAccountView(emulator.url, BOB, BJ);
  stack = new RecordingPulumiStack(PROGRAM);
  // Only the stack config names the cloud and the keys: nothing may come from this process's environment, and
  // a fallback to the local backend would create this file.
  for (const key of Object.keys(stack.env)) if (key.startsWith("TENCENTCLOUD_")) delete stack.env[key];
  stack.env.PEERLINK_STATE = join(stack.stateDir, "local-backend-must-stay-unused.db");
  await stack.init();
  await setEmulatorConfig(stack, emulator.url, { alice: ALICE, bob: BOB });
});

afterAll(async () => {
  stack?.close();
  await emulator?.close();
});

async function outputs(): Promise<StackOutputs> {
  return (await stack.outputs()) as unknown as StackOutputs;
}

/** The route the stack made in one route table. */
function routeIn(out: StackOutputs, table: string): StackOutputs["routes"][number] {
  const found = out.routes.filter((r) => r.routeTableId === table);
  expect(found, JSON.stringify(out.routes)).toHaveLength(1);
  return found[0]!;
}

/** The checkpoint as `pulumi stack export` prints it, secrets encrypted. */
async function exportedState(): Promise<{ text: string; resources: CheckpointResource[] }> {
  const result = await stack.ok(["stack", "export", "--stack", stack.stack]);
  const parsed = JSON.parse(result.stdout) as { deployment: { resources?: CheckpointResource[] } };
  return { text: result.stdout, resources: parsed.deployment.resources ?? [] };
}

function named(resources: CheckpointResource[], name: string): CheckpointResource {
  const found = resources.find((r) => r.urn.endsWith(`::${name}`));
  expect(found, `${name} in ${resources.map((r) => r.urn).join(", ")}`).toBeDefined();
  return found!;
}

/**
 * The emulator agrees with the outputs: the peering ACTIVE for both accounts, joining the two VPCs across accounts
 * and regions, and each main route table holding exactly the stack's route to the other side through it.
 */
async function expectLinked(out: StackOutputs): Promise<void> {
  expect(out.peeringId).toMatch(/^pcx-/);
  expect(out.peeringStatus).toBe("ACTIVE");
  expect(out.acceptanceStatus).toBe("ACTIVE");
  for (const view of [alice, bob]) {
    const seen = await view.peering(out.peeringId);
    expect(seen, `${view.account.id} sees ${out.peeringId}`).toMatchObject({
      State: "ACTIVE",
      SourceVpcId: out.aliceVpcId,
      DestinationVpcId: out.bobVpcId,
      SourceRegion: GZ,
      DestinationRegion: BJ,
      PeeringConnectionName: "alice-to-bob",
      Bandwidth: 100,
    });
    expect([String(seen?.SourceUin), String(seen?.DestinationUin)]).toEqual([ALICE.id, BOB.id]);
  }
  expect((await alice.routes(out.aliceRouteTableId)).map(routeSummary)).toEqual([
    [routeIn(out, out.aliceRouteTableId).routeId, BOB_CIDR, "PEERCONNECTION", out.peeringId],
  ]);
  expect((await bob.routes(out.bobRouteTableId)).map(routeSummary)).toEqual([
    [routeIn(out, out.bobRouteTableId).routeId, ALICE_CIDR, "PEERCONNECTION", out.peeringId],
  ]);
}

/** `pulumi refresh --json`, which must succeed. */
async function refresh() {
  const result = await stack.refresh(["--json"]);
  expect(result.code, result.output).toBe(0);
  return engineRun(result.stdout);
}

/** `pulumi up --json`, which must succeed. */
async function up() {
  const result = await stack.up(["--json"]);
  expect(result.code, result.output).toBe(0);
  return engineRun(result.stdout);
}

describe("pulumi against the emulator: a cross-account TwoRegionDr on two tencentcloud connections", () => {
  let first: StackOutputs;

  it("up: a VPC per account, the peering requested by alice and accepted by bob (ACTIVE), routes both sides", async () => {
    const run = await up();
    expect(run.summary).toEqual({ create: RESOURCES });
    first = await outputs();
    expect(first.plannedRoutes).toEqual([
      `alice-gz [main] ${BOB_CIDR} via alice-gz -> bob-bj`,
      `bob-bj [main] ${ALICE_CIDR} via alice-gz -> bob-bj`,
    ]);
    expect(first.routes.map((r) => r.name).sort()).toEqual([ALICE_ROUTE, BOB_ROUTE]);
    await expectLinked(first);
    // Each VPC was made with its own account's keys, in its own region, and only that account sees it.
    expect((await alice.vpcs()).map((v) => [v.VpcId, v.VpcName, v.CidrBlock])).toEqual([
      [first.aliceVpcId, "alice-gz", ALICE_CIDR],
    ]);
    expect((await bob.vpcs()).map((v) => [v.VpcId, v.VpcName, v.CidrBlock])).toEqual([
      [first.bobVpcId, "bob-bj", BOB_CIDR],
    ]);
    expect(await alice.vpcs(BJ)).toEqual([]);
    expect(await bob.vpcs(GZ)).toEqual([]);
  });

  it("preview shows no changes; refresh finds no drift and records the requester's peering as ACTIVE", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
    expect(summary.same).toBe(RESOURCES);
    const run = await refresh();
    expect(run.summary).toEqual({ same: RESOURCES });
    expect(Object.values(run.ops).every((op) => op === "same")).toBe(true);
    // The Peering's create returned it PENDING (cross-account: the acceptance is another resource); the refresh
    // reads the emulator, where bob has accepted it.
    const { resources } = await exportedState();
    expect(named(resources, PEERING).outputs).toMatchObject({
      peeringId: first.peeringId,
      status: "ACTIVE",
      account: ALICE.id,
      accepterAccount: BOB.id,
      crossAccount: true,
      crossRegion: true,
    });
    await expectLinked(await outputs());
  });

  it("a route alice deletes out of band: refresh reports that RouteRule gone, the next up restores it", async () => {
    const route = routeIn(first, first.aliceRouteTableId);
    expect(route.name).toBe(ALICE_ROUTE);
    await alice.deleteRoute(first.aliceRouteTableId, route.routeId);
    expect(await alice.routes(first.aliceRouteTableId)).toEqual([]);

    const refreshed = await refresh();
    expect(resourcesWith(refreshed, "delete")).toEqual([ALICE_ROUTE]);
    expect(refreshed.summary).toEqual({ delete: 1, same: RESOURCES - 1 });

    const applied = await up();
    expect(applied.summary).toEqual({ create: 1, same: RESOURCES - 1 });
    expect(resourcesWith(applied, "create")).toEqual([ALICE_ROUTE]);
    const after = await outputs();
    // A new route on alice's side; the peering and bob's route are the same ones.
    expect(after.peeringId).toBe(first.peeringId);
    expect(routeIn(after, after.aliceRouteTableId).routeId).not.toBe(route.routeId);
    expect(routeIn(after, after.bobRouteTableId)).toEqual(routeIn(first, first.bobRouteTableId));
    await expectLinked(after);
    first = after;
  });

  it("the peering bob deletes out of band: refresh reports it, its acceptance and routes gone; up recreates them", async () => {
    const old = first.peeringId;
    await bob.deletePeering(old);
    expect((await alice.peering(old))?.State).toBe("DELETED");
    // Deleting a peering removes the routes through it, on both sides.
    expect(await alice.routes(first.aliceRouteTableId)).toEqual([]);
    expect(await bob.routes(first.bobRouteTableId)).toEqual([]);

    const refreshed = await refresh();
    expect(resourcesWith(refreshed, "delete")).toEqual([PEERING, ACCEPTANCE, ALICE_ROUTE, BOB_ROUTE].sort());
    expect(refreshed.summary).toEqual({ delete: 4, same: RESOURCES - 4 });

    const applied = await up();
    expect(resourcesWith(applied, "create")).toEqual([PEERING, ACCEPTANCE, ALICE_ROUTE, BOB_ROUTE].sort());
    expect(applied.summary).toEqual({ create: 4, same: RESOURCES - 4 });
    const after = await outputs();
    expect(after.peeringId).not.toBe(old);
    expect([after.aliceVpcId, after.bobVpcId]).toEqual([first.aliceVpcId, first.bobVpcId]);
    for (const table of [after.aliceRouteTableId, after.bobRouteTableId]) {
      expect(routeIn(after, table).routeId).not.toBe(routeIn(first, table).routeId);
    }
    await expectLinked(after);
    // The deleted one stays deleted: up made a new request rather than reviving it.
    expect((await alice.peering(old))?.State).toBe("DELETED");
    first = after;
  });

  it("a wrong secret key for alice: up fails with AUTH_FAILED naming no key; the right one back, all is quiet", async () => {
    const setKey = (key: string) =>
      stack.ok(["config", "set", "--secret", "--stack", stack.stack, "peerlinkE2e:aliceSecretKey", key]);
    await setKey(WRONG_KEY);
    // New credentials update alice's resources in place; the VPC's update reads it with them first.
    const failed = await stack.up();
    expect(failed.code, failed.output).not.toBe(0);
    expect(failed.output).toMatch(/peerlink:Vpc \(alice-gz\):\s+error: AUTH_FAILED \(AuthFailure/);
    for (const secret of SECRETS) expect(failed.output).not.toContain(secret);
    await setKey(ALICE.secretKey);
    const { summary, result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
    // The failed up changed nothing in the emulator.
    await expectLinked(first);
  });

  it("alice rotates her keys: preview plans, and up makes, in-place updates of her resources only", async () => {
    await stack.ok([
      "config",
      "set-all",
      "--stack",
      stack.stack,
      "--secret",
      `peerlinkE2e:aliceSecretId=${ALICE_ROTATED.secretId}`,
      "--secret",
      `peerlinkE2e:aliceSecretKey=${ALICE_ROTATED.secretKey}`,
    ]);
    const aliceSide = [ALICE_ROUTE, PEERING, "alice-gz"].sort();
    // The VPC's and the peering's in-place updates must not make the peering, its acceptance or the routes
    // plan a replacement in preview (whose dynamic-provider outputs are unknown while updating).
    const { result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    const planned = previewRun(result.stdout);
    expect(changes(planned.summary)).toEqual({ update: 3 });
    expect(resourcesWith(planned, "update")).toEqual(aliceSide);
    const applied = await up();
    expect(applied.summary).toEqual({ update: 3, same: RESOURCES - 3 });
    expect(resourcesWith(applied, "update")).toEqual(aliceSide);
    // The same peering and routes, and the emulator agrees.
    const after = await outputs();
    expect(after).toEqual(first);
    await expectLinked(after);
    // The state now acts with the new keys: a refresh reads every resource with them, and finds no drift.
    expect((await refresh()).summary).toEqual({ same: RESOURCES });
  });

  it("stack export without --show-secrets holds neither account's secretKey nor secretId in plain text", async () => {
    const { text, resources } = await exportedState();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    // Every peerlink resource keeps its connection, and it is a Pulumi secret, in its inputs and its outputs.
    const custom = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/peerlink:"));
    expect(custom).toHaveLength(RESOURCES - 2);
    const encrypted = { ...SECRET_SIG, ciphertext: expect.any(String) };
    for (const resource of custom) {
      expect(resource.outputs?.connection, resource.urn).toMatchObject(encrypted);
      expect(resource.inputs?.connection, resource.urn).toMatchObject({
        secretId: encrypted,
        secretKey: encrypted,
      });
    }
    // Not vacuous: the state does carry each side's own keys, encrypted.
    const shown = await stack.resources();
    const connectionOf = (name: string) =>
      reveal(named(shown as CheckpointResource[], name).outputs?.connection);
    for (const name of ["alice-gz", PEERING, ALICE_ROUTE]) {
      expect(connectionOf(name)).toMatchObject({
        account: ALICE.id,
        secretId: ALICE_ROTATED.secretId,
        secretKey: ALICE_ROTATED.secretKey,
      });
    }
    for (const name of ["bob-bj", ACCEPTANCE, BOB_ROUTE]) {
      expect(connectionOf(name)).toMatchObject({
        account: BOB.id,
        secretId: BOB.secretId,
        secretKey: BOB.secretKey,
      });
    }
    // Nor are they in plain text in any file of the state backend (checkpoints, backups, history) or the stack's
    // config file.
    const files = [
      ...filesUnder(join(stack.stateDir, "backend")),
      join(PROGRAM, `Pulumi.${stack.stack}.yaml`),
    ];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const content = readFileSync(file, "utf8");
      for (const secret of SECRETS) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it("destroy leaves neither account any VPC, live peering or route", async () => {
    const result = await stack.destroy(["--json"]);
    expect(result.code, result.output).toBe(0);
    expect(engineRun(result.stdout).summary).toEqual({ delete: RESOURCES });
    for (const view of [alice, bob]) {
      for (const region of [GZ, BJ]) {
        expect(await view.vpcs(region), `${view.account.id} VPCs in ${region}`).toEqual([]);
        expect(await view.routes(undefined, region), `${view.account.id} routes in ${region}`).toEqual([]);
      }
      // Both peerings the stack made (the one bob deleted, the one destroy deleted) are DELETED, nothing else.
      const peerings = await view.peerings();
      expect(peerings.map((p) => p.State)).toEqual(["DELETED", "DELETED"]);
      expect(peerings.map((p) => p.PeeringConnectionId)).toContain(first.peeringId);
    }
    expect((await exportedState()).resources).toEqual([]);
    expect(existsSync(stack.env.PEERLINK_STATE ?? "")).toBe(false);
  });

  it("no pulumi command printed a secret key or secret id", () => {
    // `stack export --show-secrets` (the harness's resources()) reveals them on purpose and is left out;
    // everything else the CLI printed is checked, stdout and stderr, `stack output --show-secrets` included.
    const reveals = (args: readonly string[]) => args[1] === "export" && args.includes("--show-secrets");
    const printed = stack.commands.filter(({ args }) => !reveals(args));
    const ran = new Set(printed.map(({ args }) => args[0]));
    for (const command of ["up", "preview", "refresh", "destroy", "config", "stack"]) {
      expect(ran.has(command), command).toBe(true);
    }
    for (const { args, result } of printed) {
      for (const secret of SECRETS) {
        expect(result.output.includes(secret), `${secret} in the output of pulumi ${args[0]}`).toBe(false);
      }
    }
    // The one that does show them proves the check looks at the right text.
    const shown = stack.commands.filter(({ args }) => reveals(args));
    expect(shown.length).toBeGreaterThan(0);
    for (const { result } of shown) expect(result.output).toContain(ALICE_ROTATED.secretKey);
  });
});

/** A value of `stack export --show-secrets` with its secrets (`{sig, plaintext}`, nested too) unwrapped. */
function reveal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reveal);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.plaintext === "string" && Object.keys(SECRET_SIG).some((k) => k in record)) {
    return reveal(JSON.parse(record.plaintext));
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, reveal(v)]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
