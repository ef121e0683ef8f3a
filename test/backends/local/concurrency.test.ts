/**
 * Several PROCESSES on one state file at once (the Pulumi engine runs providers in parallel, issue 3): six
 * `node` workers on the built package, released together by a barrier for each phase, race to create, accept,
 * route and delete peerings. What they report (successes and coded refusals) must be exactly what the file holds,
 * and the file's invariants must hold after, checked in SQLite directly and through the Backend API.
 *
 * The assertions hold for every interleaving, so the test is deterministic whatever order the processes run in;
 * it fails on a lost update, a check-then-insert race (duplicate pair, an 11th peering, overlapping cross-region
 * peers), a route that outlives its peering, or any error that is not a coded BackendError (SQLITE_BUSY).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalBackend, LocalStateEngine, SCHEMA_VERSION } from "../../../provider/backends/index.js";
import {
  assertBuilt,
  DIST_BACKENDS,
  openRaw,
  stateViolations,
  WorkerProcess,
  workerScript,
} from "./process-support.js";

const A = "100000000001";
const B = "100000000002";
const GZ = "ap-guangzhou";
const BJ = "ap-beijing";
const WORKERS = 6;

interface Step {
  readonly op: string;
  readonly as: string | readonly [string, string];
  readonly tag: string;
  readonly input?: unknown;
  readonly id?: string;
  readonly iterations?: number;
  readonly octet?: number;
}

interface Result {
  readonly tag: string;
  readonly op: string;
  readonly ok: boolean;
  readonly id?: string;
  readonly status?: string;
  readonly code?: string;
  readonly cloudCode?: string;
  readonly unexpected?: string;
  readonly peeringId?: string;
  readonly routeTableId?: string;
  readonly account?: string;
}

interface Done {
  readonly type: "done";
  readonly phase: number;
  readonly results: Result[];
}

const isReady = (m: unknown): m is { type: "ready" } => (m as { type?: string }).type === "ready";
const isDone =
  (phase: number) =>
  (m: unknown): m is Done =>
    (m as Done).type === "done" && (m as Done).phase === phase;

/**
 * Starts one worker per plan (a plan is a list of phases, each a list of steps), waits until all are ready,
 * then releases phase after phase: "go k" to every worker once all have finished phase k-1. Returns the results
 * as [worker][phase][step]. Every worker must exit 0.
 */
async function runWorkers(
  file: string,
  plans: readonly (readonly Step[])[][],
  openAfterGo = false,
): Promise<Result[][][]> {
  const phases = plans[0]!.length;
  const workers = plans.map(
    (phasesOfWorker, w) =>
      new WorkerProcess(`worker ${w}`, workerScript("backend-worker.mjs"), {
        module: DIST_BACKENDS.href,
        file,
        openAfterGo,
        phases: phasesOfWorker,
      }),
  );
  try {
    await Promise.all(workers.map((w) => w.waitFor(isReady)));
    const results: Result[][][] = workers.map(() => []);
    for (let phase = 0; phase < phases; phase++) {
      // Rotate who hears "go" first, so that no worker is always first off the line.
      for (let j = 0; j < workers.length; j++) workers[(phase + j) % workers.length]!.send(`go ${phase}`);
      const done = await Promise.all(workers.map((w) => w.waitFor(isDone(phase))));
      done.forEach((d, i) => {
        results[i]!.push(d.results);
      });
    }
    for (const w of workers) w.child.stdin.end();
    const exits = await Promise.all(workers.map((w) => w.closed));
    exits.forEach((exit, i) => {
      expect(exit, workers[i]!.describe()).toEqual({ code: 0, signal: null });
    });
    return results;
  } finally {
    for (const w of workers) if (!w.ended) w.kill();
  }
}

function byTag(results: readonly Result[]): Map<string, Result[]> {
  const map = new Map<string, Result[]>();
  for (const r of results) map.set(r.tag, [...(map.get(r.tag) ?? []), r]);
  return map;
}

/** The refusals among `results`, as "CODE cloudCode" strings with their counts. */
function refusals(results: readonly Result[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results)
    if (!r.ok) out[`${r.code} ${r.cloudCode}`] = (out[`${r.code} ${r.cloudCode}`] ?? 0) + 1;
  return out;
}

const sorted = (values: readonly (string | undefined)[]) => [...values].map(String).sort();

let dir: string;
let file: string;

beforeEach(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "peerlink-concurrency-"));
  file = join(dir, "state.db");
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** VPCs and pending peerings every scenario starts from, made in this process before the workers start. */
async function seed(a: LocalBackend, b: LocalBackend) {
  const vpc = (owner: LocalBackend, name: string, cidr: string, region = GZ) =>
    owner.createVpc({ name, region, cidrs: [cidr] }).then((v) => v.id);

  // Duplicates: 8 VPC pairs every worker tries to peer (both directions).
  const dupPairs: { a: string; b: string }[] = [];
  for (let i = 0; i < 8; i++)
    dupPairs.push({
      a: await vpc(a, `dup-a-${i}`, `10.10.${i}.0/24`),
      b: await vpc(b, `dup-b-${i}`, `10.11.${i}.0/24`),
    });

  // Limit: 2 hubs, 18 candidate spokes each (mixed owners): only 10 peerings fit on a hub (seed 000).
  const hubs: { hub: string; spokes: { id: string; owner: string }[] }[] = [];
  for (let h = 0; h < 2; h++) {
    const hub = await vpc(a, `hub-${h}`, `10.${20 + h}.0.0/16`);
    const spokes: { id: string; owner: string }[] = [];
    for (let k = 0; k < 18; k++) {
      const owner = k % 3 === 0 ? b : a;
      spokes.push({
        id: await vpc(owner, `spoke-${h}-${k}`, `10.${30 + h}.${k}.0/24`),
        owner: owner.account,
      });
    }
    hubs.push({ hub, spokes });
  }

  // Cross-region: 3 hubs in Guangzhou, each with 6 candidate Beijing peers that all use 172.16.0.0/16: a VPC's
  // cross-region peers must be disjoint (seed 000), so only one of the 6 may be peered. Each hub also has a
  // same-region neighbour inside its own CIDR, which no one may peer with it (overlapping CIDRs).
  const crossHubs: { hub: string; peers: string[]; overlapping: string }[] = [];
  for (let h = 0; h < 3; h++) {
    const hub = await vpc(a, `xhub-${h}`, `10.40.${h}.0/24`);
    const peers: string[] = [];
    for (let k = 0; k < WORKERS; k++) peers.push(await vpc(b, `xpeer-${h}-${k}`, "172.16.0.0/16", BJ));
    crossHubs.push({ hub, peers, overlapping: await vpc(b, `xoverlap-${h}`, `10.40.${h}.0/25`) });
  }

  // Accept vs delete: 12 pending cross-account peerings; both sides race to accept, delete and route them.
  const races: { peering: string; x: string; y: string; xCidr: string; yCidr: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const xCidr = `10.50.${i}.0/24`;
    const yCidr = `10.51.${i}.0/24`;
    const x = await vpc(a, `race-x-${i}`, xCidr);
    const y = await vpc(b, `race-y-${i}`, yCidr);
    const p = await a.createPeering({ vpcId: x, peerVpcId: y, peerAccount: B, name: `race-${i}` });
    expect(p.status).toBe("PENDING");
    races.push({ peering: p.id, x, y, xCidr, yCidr });
  }
  return { dupPairs, hubs, crossHubs, races };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

function plans(s: Seeded): Step[][][] {
  const out: Step[][][] = [];
  const indices = [...Array(s.races.length).keys()];
  const accept = (i: number): Step => ({
    op: "acceptPeering",
    as: B,
    tag: `race:${i}`,
    id: s.races[i]!.peering,
  });
  const del = (as: string) => (i: number) => ({
    op: "deletePeering",
    as,
    tag: `race:${i}`,
    id: s.races[i]!.peering,
  });
  const routeY = (i: number): Step => ({
    op: "createRoute",
    as: B,
    tag: `race:${i}`,
    input: { vpcId: s.races[i]!.y, destination: s.races[i]!.xCidr, peeringId: s.races[i]!.peering },
  });
  const routeX = (i: number): Step => ({
    op: "createRoute",
    as: A,
    tag: `race:${i}`,
    input: { vpcId: s.races[i]!.x, destination: s.races[i]!.yCidr, peeringId: s.races[i]!.peering },
  });
  // One phase (one barrier) per peering, so that each accept / delete / route race is decided afresh.
  const racePhases = (w: number): Step[][] =>
    indices.map((i) => {
      const even = i % 2 === 0;
      switch (w) {
        // Accepters (account B) race each other and the deleters, then add the accepter-side route: by then an
        // odd peering is ACTIVE (each accepter saw it PENDING or ACTIVE), so exactly one of the two routes wins.
        case 0:
        case 1:
          return [accept(i), routeY(i)];
        // Deleters of the even peerings: the requester twice, and the accepter (either side may delete).
        case 2:
        case 3:
          return even ? [del(A)(i)] : [routeX(i)];
        case 4:
          return even ? [del(B)(i)] : [];
        // Requester-side routes, racing the accept and the deletes.
        default:
          return [routeX(i)];
      }
    });

  for (let w = 0; w < WORKERS; w++) {
    // One phase per VPC pair: all six workers try to peer the same pair at once, in both directions.
    const dupPhases: Step[][] = s.dupPairs.map((pair, i) => [
      w % 2 === 0
        ? {
            op: "createPeering",
            as: A,
            tag: `dup:${i}`,
            input: { vpcId: pair.a, peerVpcId: pair.b, peerAccount: B, name: `dup-${i}-w${w}` },
          }
        : {
            op: "createPeering",
            as: B,
            tag: `dup:${i}`,
            input: { vpcId: pair.b, peerVpcId: pair.a, peerAccount: A, name: `dup-${i}-w${w}` },
          },
    ]);
    const limitPhase: Step[] = [];
    for (let k = w; k < 18; k += WORKERS)
      for (const [h, hub] of s.hubs.entries()) {
        const spoke = hub.spokes[k]!;
        limitPhase.push(
          k % 2 === 0
            ? {
                op: "createPeering",
                as: A,
                tag: `limit:${h}`,
                input: {
                  vpcId: hub.hub,
                  peerVpcId: spoke.id,
                  peerAccount: spoke.owner,
                  name: `limit-${h}-${k}`,
                },
              }
            : {
                op: "createPeering",
                as: spoke.owner,
                tag: `limit:${h}`,
                input: { vpcId: spoke.id, peerVpcId: hub.hub, peerAccount: A, name: `limit-${h}-${k}` },
              },
        );
      }
    const crossPhase: Step[] = s.crossHubs.flatMap((_, k) => {
      const h = (k + w) % s.crossHubs.length;
      const hub = s.crossHubs[h]!;
      return [
        {
          op: "createPeering",
          as: A,
          tag: `cross:${h}`,
          input: {
            vpcId: hub.hub,
            peerVpcId: hub.peers[w],
            peerAccount: B,
            name: `cross-${h}-${w}`,
            bandwidthMbps: 10,
          },
        },
        {
          op: "createPeering",
          as: w % 2 === 0 ? A : B,
          tag: `overlap:${h}`,
          input:
            w % 2 === 0
              ? { vpcId: hub.hub, peerVpcId: hub.overlapping, peerAccount: B, name: `overlap-${h}-${w}` }
              : { vpcId: hub.overlapping, peerVpcId: hub.hub, peerAccount: A, name: `overlap-${h}-${w}` },
        },
      ];
    });
    const churnPhase: Step[] = [
      { op: "churn", as: [A, B], tag: `churn:w${w}`, iterations: 10, octet: 60 + w },
    ];
    out.push([...dupPhases, limitPhase, crossPhase, ...racePhases(w), churnPhase]);
  }
  return out;
}

describe("the local backend with several processes on one state file", () => {
  it("keeps every invariant while 6 processes race to create, accept, route and delete peerings", async () => {
    const setup = LocalStateEngine.open({ file });
    const seeded = await seed(setup.session(A), setup.session(B));
    setup.close();

    const results = await runWorkers(file, plans(seeded));
    const all = results.flat(2);
    const scenario = (prefix: string) => all.filter((r) => r.tag.startsWith(prefix));
    // Nothing but coded refusals: a SQLITE_BUSY or a constraint error escaping the backend fails here.
    expect(all.filter((r) => r.unexpected !== undefined)).toEqual([]);

    const db = openRaw(file);
    try {
      const livePeeringsOf = (vpcId: string) =>
        (
          db
            .prepare(
              "SELECT id FROM peerings WHERE (vpc_id = ? OR peer_vpc_id = ?) AND status NOT IN ('DELETED', 'REJECTED')",
            )
            .all(vpcId, vpcId) as { id: string }[]
        ).map((r) => r.id);
      const rowsOf = (vpcId: string) =>
        (
          db
            .prepare("SELECT count(*) AS n FROM peerings WHERE vpc_id = ? OR peer_vpc_id = ?")
            .get(vpcId, vpcId) as { n: number }
        ).n;
      const statusOf = (id: string) =>
        (db.prepare("SELECT status FROM peerings WHERE id = ?").get(id) as { status: string } | undefined)
          ?.status;

      // Duplicates: one VPC pair, six processes, both directions: exactly one peering, the rest DUPLICATE_PEERING.
      const dup = byTag(scenario("dup:"));
      expect(dup.size).toBe(seeded.dupPairs.length);
      for (const [i, pair] of seeded.dupPairs.entries()) {
        const attempts = dup.get(`dup:${i}`)!;
        const won = attempts.filter((r) => r.ok);
        expect(won, `pair ${i}`).toHaveLength(1);
        expect(won[0]!.status).toBe("PENDING");
        expect(refusals(attempts)).toEqual({
          "DUPLICATE_PEERING UnsupportedOperation.VpcPeerAlreadyExist": WORKERS - 1,
        });
        expect(livePeeringsOf(pair.a)).toEqual([won[0]!.id]);
        expect(rowsOf(pair.a), "a refused create left no row").toBe(1);
      }

      // Limit: 18 candidates per hub from 6 processes: exactly 10 live peerings (seed 000's limit).
      const limit = byTag(scenario("limit:"));
      for (const [h, hub] of seeded.hubs.entries()) {
        const attempts = limit.get(`limit:${h}`)!;
        expect(attempts).toHaveLength(18);
        const won = attempts.filter((r) => r.ok);
        expect(won, `hub ${h}`).toHaveLength(10);
        expect(refusals(attempts)).toEqual({
          "PEERING_LIMIT_EXCEEDED LimitExceeded.VpcPeerTotalLimitExceeded": 8,
        });
        expect(sorted(livePeeringsOf(hub.hub))).toEqual(sorted(won.map((r) => r.id)));
        expect(rowsOf(hub.hub)).toBe(10);
      }

      // Cross-region: six overlapping cross-region candidates per hub: exactly one peered.
      const cross = byTag(scenario("cross:"));
      const overlap = byTag(scenario("overlap:"));
      for (const [h, hub] of seeded.crossHubs.entries()) {
        const attempts = cross.get(`cross:${h}`)!;
        expect(attempts).toHaveLength(WORKERS);
        const won = attempts.filter((r) => r.ok);
        expect(won, `cross-region hub ${h}`).toHaveLength(1);
        expect(refusals(attempts)).toEqual({
          "PEER_CIDR_CONFLICT UnauthorizedOperation.VpcPeerCidrConflict": WORKERS - 1,
        });
        expect(livePeeringsOf(hub.hub)).toEqual([won[0]!.id]);
        // Overlapping CIDRs are refused whoever asks, from either side.
        expect(refusals(overlap.get(`overlap:${h}`)!)).toEqual({
          "CIDR_OVERLAP UnsupportedOperation.VpcPeerCidrConflict": WORKERS,
        });
        expect(rowsOf(hub.overlapping)).toBe(0);
      }

      // Accept vs delete vs route on the same 12 peerings.
      const race = byTag(scenario("race:"));
      const routeRows = db.prepare("SELECT id FROM routes WHERE peering_id = ?");
      for (const [i, r] of seeded.races.entries()) {
        const attempts = race.get(`race:${i}`)!;
        const accepts = attempts.filter((a) => a.op === "acceptPeering");
        const deletes = attempts.filter((a) => a.op === "deletePeering");
        const routes = attempts.filter((a) => a.op === "createRoute");
        const accepted = accepts.filter((a) => a.ok);
        expect(accepts).toHaveLength(2);
        // Never accepted twice; the loser was told why, with the cloud's state-change code.
        expect(accepted.length, `peering ${i}`).toBeLessThanOrEqual(1);
        expect(refusals(accepts)).toEqual(
          accepted.length === 1
            ? { "INVALID_STATE_TRANSITION UnsupportedOperation.VpcPeerInvalidStateChange": 1 }
            : { "INVALID_STATE_TRANSITION UnsupportedOperation.VpcPeerInvalidStateChange": 2 },
        );
        for (const a of accepted) expect(a.status).toBe("ACTIVE");
        // A route was only ever added through an ACTIVE peering, so a winning route implies a winning accept.
        const routed = routes.filter((a) => a.ok);
        if (routed.length > 0)
          expect(accepted, `peering ${i} got a route without being accepted`).toHaveLength(1);
        for (const refusal of Object.keys(refusals(routes)))
          expect([
            "PEERING_NOT_ACTIVE UnsupportedOperation.InvalidState",
            "ROUTE_CONFLICT InvalidParameterValue.Duplicate",
          ]).toContain(refusal);
        const stored = sorted((routeRows.all(r.peering) as { id: string }[]).map((row) => row.id));
        if (i % 2 === 0) {
          // Three deleters: exactly one wins, the others see DELETED.
          expect(
            deletes.filter((d) => d.ok),
            `peering ${i}`,
          ).toHaveLength(1);
          expect(refusals(deletes)).toEqual({
            "INVALID_STATE_TRANSITION UnsupportedOperation.VpcPeerInvalidStateChange": 2,
          });
          expect(statusOf(r.peering)).toBe("DELETED");
          expect(stored, "routes through a deleted peering are gone").toEqual([]);
        } else {
          expect(deletes).toEqual([]);
          expect(accepted, `peering ${i}`).toHaveLength(1);
          expect(statusOf(r.peering)).toBe("ACTIVE");
          // Both accepters routed after accepting: exactly one accepter-side route, the other a duplicate.
          const ySide = routes.filter((a) => a.account === B);
          expect(
            ySide.filter((a) => a.ok),
            `peering ${i}`,
          ).toHaveLength(1);
          expect(refusals(ySide)).toEqual({ "ROUTE_CONFLICT InvalidParameterValue.Duplicate": 1 });
          expect(routes.filter((a) => a.account === A && a.ok).length).toBeLessThanOrEqual(1);
          expect(stored, "every acknowledged route is stored, and nothing else").toEqual(
            sorted(routed.map((a) => a.id)),
          );
        }
      }

      // Churn: six processes each running full lifecycles: every step succeeds, and the file holds exactly
      // what they acknowledged (created minus deleted).
      const churn = scenario("churn:");
      expect(churn.filter((r) => !r.ok)).toEqual([]);
      expect(churn).toHaveLength(WORKERS * (10 * 6 + 5 * 3));
      const acked = (op: string) => churn.filter((r) => r.op === op).map((r) => r.id);
      const deletedPeerings = new Set(acked("deletePeering"));
      const deletedVpcs = new Set(acked("deleteVpc"));
      const churnVpcs = db.prepare("SELECT id FROM vpcs WHERE name LIKE 'churn:%'").all() as { id: string }[];
      expect(sorted(churnVpcs.map((v) => v.id))).toEqual(
        sorted(acked("createVpc").filter((id) => !deletedVpcs.has(id!))),
      );
      const churnPeerings = db.prepare("SELECT id, status FROM peerings WHERE name LIKE 'churn:%'").all() as {
        id: string;
        status: string;
      }[];
      expect(sorted(churnPeerings.map((p) => p.id))).toEqual(sorted(acked("createPeering")));
      for (const p of churnPeerings) expect(p.status).toBe(deletedPeerings.has(p.id) ? "DELETED" : "ACTIVE");
      const churnRoutes = churn.filter((r) => r.op === "createRoute" && !deletedPeerings.has(r.peeringId!));
      const storedChurnRoutes = db
        .prepare(
          "SELECT r.id FROM routes r JOIN peerings p ON p.id = r.peering_id WHERE p.name LIKE 'churn:%'",
        )
        .all() as { id: string }[];
      expect(sorted(storedChurnRoutes.map((r) => r.id))).toEqual(sorted(churnRoutes.map((r) => r.id)));

      // No lost update anywhere: every stored peering is one the seed or a worker was told it created.
      const createdPeerings = all.filter((r) => r.op === "createPeering" && r.ok).map((r) => r.id);
      const allPeerings = db.prepare("SELECT id FROM peerings").all() as { id: string }[];
      expect(sorted(allPeerings.map((p) => p.id))).toEqual(
        sorted([...seeded.races.map((r) => r.peering), ...createdPeerings]),
      );
      const createdRoutes = new Set(all.filter((r) => r.op === "createRoute" && r.ok).map((r) => r.id));
      const allRoutes = db.prepare("SELECT id FROM routes").all() as { id: string }[];
      for (const route of allRoutes)
        expect(createdRoutes.has(route.id), `unacknowledged route ${route.id}`).toBe(true);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }

    expect(stateViolations(file)).toEqual([]);
    await expectBackendAgrees(file);
  }, 120_000);

  it("opens a new state file while another process holds its write lock, instead of failing with SQLITE_BUSY", async () => {
    // Switching a new file to WAL needs the exclusive lock, and SQLite refuses at once (no busy handler) while
    // another connection holds the RESERVED lock: the open must wait for it like any other write.
    const holder = new WorkerProcess("lock holder", workerScript("lock-holder.mjs"), { file, holdMs: 1_000 });
    try {
      const locked = await holder.waitFor(
        (m): m is { journalMode: string } => (m as { type?: string }).type === "locked",
      );
      expect(locked.journalMode).toBe("delete");
      const engine = LocalStateEngine.open({ file });
      try {
        const vpc = await engine
          .session(A)
          .createVpc({ name: "after-lock", region: GZ, cidrs: ["10.0.0.0/16"] });
        expect((await engine.session(A).listVpcs()).map((v) => v.id)).toEqual([vpc.id]);
      } finally {
        engine.close();
      }
    } finally {
      if (!holder.ended) await holder.closed;
    }
    expect(await holder.closed, holder.describe()).toEqual({ code: 0, signal: null });
    const db = openRaw(file);
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  }, 60_000);

  it("lets 6 processes open a brand-new state file at the same moment: one migration, every write kept", async () => {
    const plan = (w: number): Step[][] => [
      [
        ...[0, 1, 2, 3].map((k) => ({
          op: "createVpc",
          as: w % 2 === 0 ? A : B,
          tag: `fresh:${w}`,
          input: { name: `fresh-${w}-${k}`, region: GZ, cidrs: [`10.${w}.${k}.0/24`] },
        })),
      ],
    ];
    const results = await runWorkers(file, [...Array(WORKERS).keys()].map(plan), true);
    const all = results.flat(2);
    expect(all.filter((r) => !r.ok)).toEqual([]);
    expect(all).toHaveLength(WORKERS * 4);
    const db = openRaw(file);
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const ids = (db.prepare("SELECT id FROM vpcs").all() as { id: string }[]).map((v) => v.id);
      expect(sorted(ids)).toEqual(sorted(all.map((r) => r.id)));
    } finally {
      db.close();
    }
    expect(stateViolations(file)).toEqual([]);
  }, 60_000);
});

/**
 * The same state seen through the Backend API of a new engine: each account lists exactly the VPCs and peerings
 * the file holds for it, with the same statuses and routes, and the backend still takes writes.
 */
async function expectBackendAgrees(stateFile: string): Promise<void> {
  const engine = LocalStateEngine.open({ file: stateFile });
  const db = openRaw(stateFile);
  try {
    for (const account of [A, B]) {
      const session = engine.session(account);
      const vpcs = await session.listVpcs();
      const storedVpcs = db.prepare("SELECT id FROM vpcs WHERE account = ?").all(account) as { id: string }[];
      expect(sorted(vpcs.map((v) => v.id))).toEqual(sorted(storedVpcs.map((v) => v.id)));
      const listed = await session.listPeerings({}, { limit: 1000 });
      const storedPeerings = db
        .prepare("SELECT id, status FROM peerings WHERE account = ? OR peer_account = ?")
        .all(account, account) as { id: string; status: string }[];
      expect(listed.total).toBe(storedPeerings.length);
      expect(Object.fromEntries(listed.items.map((p) => [p.id, p.status]))).toEqual(
        Object.fromEntries(storedPeerings.map((p) => [p.id, p.status])),
      );
      for (const vpc of vpcs)
        for (const table of vpc.routeTables) {
          const routes = await session.listRoutes(table.id);
          const stored = db.prepare("SELECT id FROM routes WHERE route_table_id = ?").all(table.id) as {
            id: string;
          }[];
          expect(sorted(routes.map((r) => r.id))).toEqual(sorted(stored.map((r) => r.id)));
          for (const route of routes) {
            const peering = await session.describePeering(route.peeringId);
            expect(peering.status).toBe("ACTIVE");
          }
        }
    }
    const a = engine.session(A);
    const b = engine.session(B);
    const x = await a.createVpc({ name: "after-x", region: GZ, cidrs: ["192.168.1.0/24"] });
    const y = await b.createVpc({ name: "after-y", region: GZ, cidrs: ["192.168.2.0/24"] });
    const p = await a.createPeering({ vpcId: x.id, peerVpcId: y.id, peerAccount: B, name: "after" });
    expect((await b.acceptPeering(p.id)).status).toBe("ACTIVE");
  } finally {
    db.close();
    engine.close();
  }
  expect(stateViolations(stateFile)).toEqual([]);
}
