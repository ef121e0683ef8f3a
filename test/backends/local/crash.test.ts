/**
 * Crash safety (issue 3): a process in a tight write loop on the state file is killed with SIGKILL at several
 * points; after each kill the file must open in a new LocalStateEngine, pass `PRAGMA integrity_check`, satisfy
 * every invariant, hold every write the victim acknowledged (durability: one transaction per operation, WAL,
 * synchronous=NORMAL survives a killed process), hold at most the one write it was doing when it died, and take
 * new writes. The rounds share one file, so each also recovers the WAL the previous victim left behind, and the
 * earlier rounds' rows must come through untouched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStateEngine } from "../../../provider/backends/index.js";
import {
  assertBuilt,
  DIST_BACKENDS,
  openRaw,
  stateViolations,
  WorkerProcess,
  workerScript,
} from "./process-support.js";

const A = "200000000001";
const B = "200000000002";

interface Step {
  readonly j: number;
  readonly op: string;
  readonly side?: "a" | "b";
}

interface Ack extends Step {
  readonly seq: number;
  readonly type?: "ready";
  readonly id?: string;
  readonly next: Step;
}

const isAck = (m: unknown): m is Ack => typeof (m as Ack).seq === "number";

/** What the victim acknowledged, replayed: the state the file must show (give or take the next operation). */
class Model {
  readonly vpcs = new Map<string, boolean>();
  readonly peerings = new Map<string, string>();
  readonly routes = new Map<string, { peering: string; present: boolean }>();
  readonly iterations = new Map<number, { a?: string; b?: string; p?: string; ra?: string; rb?: string }>();

  apply(ack: Ack): void {
    const it = this.iterations.get(ack.j) ?? {};
    this.iterations.set(ack.j, it);
    const id = ack.id!;
    switch (ack.op) {
      case "createVpc":
        this.vpcs.set(id, true);
        it[ack.side!] = id;
        break;
      case "deleteVpc":
        this.vpcs.set(id, false);
        break;
      case "createPeering":
        this.peerings.set(id, "PENDING");
        it.p = id;
        break;
      case "acceptPeering":
        this.peerings.set(id, "ACTIVE");
        break;
      case "createRoute":
        this.routes.set(id, { peering: it.p!, present: true });
        if (ack.side === "a") it.ra = id;
        else it.rb = id;
        break;
      case "deleteRoute":
        this.routes.get(id)!.present = false;
        break;
      case "deletePeering":
        this.peerings.set(id, "DELETED");
        for (const route of this.routes.values()) if (route.peering === id) route.present = false;
        break;
      default:
        throw new Error(`unknown op ${ack.op}`);
    }
  }

  /** The differences `step` would make, in the words of `differences()`. */
  effectOf(step: Step, prefix: string): string[] {
    const it = this.iterations.get(step.j) ?? {};
    const name = `${prefix}-${step.j}`;
    switch (step.op) {
      case "createVpc":
        return [`unacknowledged vpc ${name}-${step.side}`];
      case "deleteVpc":
        return [`vpc ${it[step.side!]} is gone (acknowledged: present)`];
      case "createPeering":
        return [`unacknowledged peering ${name} PENDING`];
      case "acceptPeering":
        return [`peering ${it.p} is ACTIVE (acknowledged: PENDING)`];
      case "createRoute":
        return [`unacknowledged route ${name}-${step.side}`];
      case "deleteRoute":
        return [`route ${it.ra} is gone (acknowledged: present)`];
      case "deletePeering":
        return [
          `peering ${it.p} is DELETED (acknowledged: ACTIVE)`,
          ...[it.ra, it.rb]
            .filter((r) => r !== undefined && this.routes.get(r)?.present)
            .map((r) => `route ${r} is gone (acknowledged: present)`),
        ];
      default:
        throw new Error(`unknown op ${step.op}`);
    }
  }

  /** Every way the file's rows of this round differ from the acknowledged state. */
  differences(file: string, prefix: string): string[] {
    const db = openRaw(file);
    try {
      const like = `${prefix}-%`;
      const vpcs = db.prepare("SELECT id, name FROM vpcs WHERE name LIKE ?").all(like) as {
        id: string;
        name: string;
      }[];
      const peerings = db.prepare("SELECT id, name, status FROM peerings WHERE name LIKE ?").all(like) as {
        id: string;
        name: string;
        status: string;
      }[];
      const routes = db.prepare("SELECT id, description FROM routes WHERE description LIKE ?").all(like) as {
        id: string;
        description: string;
      }[];
      const tokens = new Map(
        (
          db.prepare("SELECT token, peering_id FROM client_tokens WHERE account = ?").all(A) as {
            token: string;
            peering_id: string;
          }[]
        ).map((t) => [t.peering_id, t.token]),
      );
      const out: string[] = [];
      const storedVpcs = new Set(vpcs.map((v) => v.id));
      for (const [id, present] of this.vpcs) {
        if (present && !storedVpcs.has(id)) out.push(`vpc ${id} is gone (acknowledged: present)`);
        if (!present && storedVpcs.has(id)) out.push(`vpc ${id} is present (acknowledged: deleted)`);
      }
      for (const v of vpcs) if (!this.vpcs.has(v.id)) out.push(`unacknowledged vpc ${v.name}`);
      const storedPeerings = new Map(peerings.map((p) => [p.id, p.status]));
      for (const [id, status] of this.peerings) {
        const stored = storedPeerings.get(id) ?? "gone";
        if (stored !== status) out.push(`peering ${id} is ${stored} (acknowledged: ${status})`);
      }
      for (const p of peerings) {
        if (!this.peerings.has(p.id)) out.push(`unacknowledged peering ${p.name} ${p.status}`);
        // The idempotency token is written in the same transaction as its peering.
        if (tokens.get(p.id) !== p.name) out.push(`peering ${p.id} has no client token "${p.name}"`);
      }
      const storedRoutes = new Set(routes.map((r) => r.id));
      for (const [id, route] of this.routes) {
        if (route.present && !storedRoutes.has(id)) out.push(`route ${id} is gone (acknowledged: present)`);
        if (!route.present && storedRoutes.has(id))
          out.push(`route ${id} is present (acknowledged: deleted)`);
      }
      for (const r of routes) if (!this.routes.has(r.id)) out.push(`unacknowledged route ${r.description}`);
      return out.sort();
    } finally {
      db.close();
    }
  }
}

/** Everything in the file outside the current round: it must survive later rounds unchanged. */
function snapshot(file: string, excludePrefix: string): string {
  const db = openRaw(file);
  try {
    const like = `${excludePrefix}-%`;
    return JSON.stringify({
      vpcs: db.prepare("SELECT id, name FROM vpcs WHERE name NOT LIKE ? ORDER BY id").all(like),
      peerings: db.prepare("SELECT id, status FROM peerings WHERE name NOT LIKE ? ORDER BY id").all(like),
      routes: db.prepare("SELECT id FROM routes WHERE description NOT LIKE ? ORDER BY id").all(like),
      tokens: db
        .prepare("SELECT token, peering_id FROM client_tokens WHERE token NOT LIKE ? ORDER BY 1")
        .all(like),
    });
  } finally {
    db.close();
  }
}

let dir: string;
let file: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "peerlink-crash-"));
  file = join(dir, "state.db");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The victim is killed once it has acknowledged this many operations (0: as soon as it has opened the file). */
const KILL_AFTER = [0, 1, 23, 150, 600];
const ITERATIONS_PER_ROUND = 200;

describe("a process killed with SIGKILL in the middle of a write loop", () => {
  let previous: string | undefined;

  it.each(
    KILL_AFTER.map((kill, round) => ({
      kill,
      round,
      when: kill === 0 ? "as soon as it has opened the file" : `after ${kill} acknowledged writes`,
    })),
  )(
    "leaves a state file that opens, is intact and keeps every acknowledged write (killed $when)",
    async ({ kill, round }) => {
      const prefix = `crash-r${round}`;
      const victim = new WorkerProcess(`crash victim, round ${round}`, workerScript("crash-worker.mjs"), {
        module: DIST_BACKENDS.href,
        file,
        prefix,
        first: round * ITERATIONS_PER_ROUND,
        limit: ITERATIONS_PER_ROUND,
      });
      try {
        await victim.waitFor((m): m is Ack => isAck(m) && m.seq >= kill);
        victim.kill();
      } finally {
        if (!victim.ended) victim.kill();
      }
      const exit = await victim.closed;
      // Killed in the middle of its loop, not finished or crashed on its own.
      expect(exit, victim.describe()).toEqual({ code: null, signal: "SIGKILL" });
      const acks = victim.messages.filter(isAck);
      expect(acks.map((a) => a.seq)).toEqual(acks.map((_, i) => i));
      expect(acks.length).toBeGreaterThan(kill);

      // The file opens (this first connection recovers the WAL the victim left) and is intact.
      const engine = LocalStateEngine.open({ file });
      try {
        expect(stateViolations(file)).toEqual([]);

        // Every acknowledged write is there; at most the one the victim was doing when it died is there too.
        const model = new Model();
        for (const ack of acks.slice(1)) model.apply(ack);
        const last = acks.at(-1)!;
        const differences = model.differences(file, prefix);
        if (differences.length > 0) expect(differences).toEqual(model.effectOf(last.next, prefix).sort());
        if (previous !== undefined) expect(snapshot(file, prefix)).toBe(previous);

        // And the backend takes new writes.
        const a = engine.session(A);
        const b = engine.session(B);
        const x = await a.createVpc({
          name: `usable-${round}-a`,
          region: "ap-guangzhou",
          cidrs: [`192.168.${round}.0/25`],
        });
        const y = await b.createVpc({
          name: `usable-${round}-b`,
          region: "ap-guangzhou",
          cidrs: [`192.168.${round}.128/25`],
        });
        const p = await a.createPeering({
          vpcId: x.id,
          peerVpcId: y.id,
          peerAccount: B,
          name: `usable-${round}`,
        });
        expect((await b.acceptPeering(p.id)).status).toBe("ACTIVE");
        const route = await a.createRoute({ vpcId: x.id, destination: y.cidrs[0]!, peeringId: p.id });
        expect((await a.listRoutes(route.routeTableId)).map((r) => r.id)).toEqual([route.id]);
      } finally {
        engine.close();
      }
      expect(stateViolations(file)).toEqual([]);
      previous = snapshot(file, `crash-r${round + 1}`);
    },
    60_000,
  );
});
