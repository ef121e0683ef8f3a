/**
 * Shared by the multi-process tests (concurrency, crash safety): spawning worker processes that run on the BUILT
 * package, a line protocol with them, and the state file's invariants checked straight in SQLite.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PEERING_STATUSES } from "../../../provider/backends/index.js";
import { type Cidr, CLOUD_RULES, type Cloud, overlaps, parseCidr } from "../../../provider/core/index.js";

/** Worker processes import the compiled package, as a consumer (or the Pulumi engine's providers) would. */
export const DIST_BACKENDS = new URL("../../../dist/provider/backends/index.js", import.meta.url);

export function workerScript(name: string): string {
  return fileURLToPath(new URL(`./workers/${name}`, import.meta.url));
}

/** Fails with the fix instead of an obscure import error in every child. */
export function assertBuilt(): void {
  if (!existsSync(fileURLToPath(DIST_BACKENDS)))
    throw new Error(`${fileURLToPath(DIST_BACKENDS)} is missing: run \`npm run build\` (npm test does it).`);
}

/** A child `node` process speaking one JSON object per stdout line. */
export class WorkerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly label: string;
  readonly messages: unknown[] = [];
  stderr = "";
  /** Resolves when the process has exited and its stdout is fully read. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #waiters: (() => void)[] = [];
  #ended = false;

  constructor(label: string, script: string, config: unknown) {
    this.label = label;
    this.child = spawn(process.execPath, [script, JSON.stringify(config)], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    // The parent may kill a worker that still has stdin open; ignore the resulting EPIPE.
    this.child.stdin.on("error", () => {});
    const lines = createInterface({ input: this.child.stdout });
    lines.on("line", (line) => {
      if (line.trim() === "") return;
      try {
        this.messages.push(JSON.parse(line));
      } catch {
        this.messages.push({ type: "garbage", line });
      }
      this.#wake();
    });
    this.closed = new Promise((resolve) => {
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let linesDone = false;
      const finish = () => {
        if (exit && linesDone) {
          this.#ended = true;
          this.#wake();
          resolve(exit);
        }
      };
      this.child.on("exit", (code, signal) => {
        exit = { code, signal };
        finish();
      });
      lines.on("close", () => {
        linesDone = true;
        finish();
      });
    });
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** The first message from index `from` on that satisfies `match`; rejects if the process ends first. */
  async waitFor<T>(match: (message: unknown) => message is T, from = 0): Promise<T> {
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.#ended)
        throw new Error(`${this.label} ended without the expected message.\n${this.describe()}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  get ended(): boolean {
    return this.#ended;
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  describe(): string {
    const tail = this.stderr.trim().split("\n").slice(-30).join("\n");
    return `${this.label}: exit ${this.child.exitCode ?? "-"} signal ${this.child.signalCode ?? "-"}; stderr:\n${tail}`;
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }
}

// ---------------------------------------------------------------- invariants

interface VpcRow {
  id: string;
  account: string;
  cloud: Cloud;
  region: string;
  cidrs: string;
}
interface PeeringRow {
  id: string;
  status: string;
  vpc_id: string;
  peer_vpc_id: string;
  pair_lo: string;
  pair_hi: string;
  region: string;
  peer_region: string;
  account: string;
  peer_account: string;
}
interface RouteRow {
  id: string;
  vpc_id: string;
  route_table_id: string;
  destination: string;
  peering_id: string;
}

const LIVE = (status: string) => status !== "DELETED" && status !== "REJECTED";
const STATUSES = new Set<string>(PEERING_STATUSES);

function cidrsOf(vpc: VpcRow): Cidr[] {
  return (JSON.parse(vpc.cidrs) as string[]).map((text) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) throw new Error(`VPC ${vpc.id} stores an invalid CIDR "${text}"`);
    return parsed.cidr;
  });
}

const anyOverlap = (a: readonly Cidr[], b: readonly Cidr[]) => a.some((x) => b.some((y) => overlaps(x, y)));

/**
 * Every invariant of the state file, read straight from SQLite (not through the backend, which could hide a
 * broken row): page-level integrity, foreign keys, one live peering per pair, no live peering between
 * overlapping VPCs or to a missing VPC, the per-VPC limit, disjoint cross-region peers, routes only through
 * ACTIVE peerings of their own VPC towards the peer's CIDRs. Returns the violations (empty when all hold), so a
 * failure lists every problem at once.
 */
export function stateViolations(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const out: string[] = [];
    const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok")
      out.push(`integrity_check: ${JSON.stringify(integrity)}`);
    const foreign = db.pragma("foreign_key_check") as unknown[];
    if (foreign.length > 0) out.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 10))}`);

    const read = db.transaction(() => ({
      vpcs: db.prepare("SELECT * FROM vpcs").all() as VpcRow[],
      tables: db.prepare("SELECT vpc_id, main FROM route_tables").all() as { vpc_id: string; main: number }[],
      peerings: db.prepare("SELECT * FROM peerings").all() as PeeringRow[],
      routes: db.prepare("SELECT * FROM routes").all() as RouteRow[],
      tableOwner: new Map(
        (db.prepare("SELECT id, vpc_id FROM route_tables").all() as { id: string; vpc_id: string }[]).map(
          (t) => [t.id, t.vpc_id],
        ),
      ),
      limits: db.prepare("SELECT * FROM bandwidth_limits").all() as { peering_id: string; vpc_id: string }[],
      tokens: db.prepare("SELECT * FROM client_tokens").all() as { token: string; peering_id: string }[],
    }));
    const { vpcs, tables, peerings, routes, tableOwner, limits, tokens } = read.deferred();
    const vpcById = new Map(vpcs.map((v) => [v.id, v]));
    const peeringById = new Map(peerings.map((p) => [p.id, p]));

    const mainTables = new Map<string, number>();
    for (const t of tables) if (t.main === 1) mainTables.set(t.vpc_id, (mainTables.get(t.vpc_id) ?? 0) + 1);
    for (const v of vpcs)
      if (mainTables.get(v.id) !== 1)
        out.push(`VPC ${v.id} has ${mainTables.get(v.id) ?? 0} main route tables`);

    const livePairs = new Map<string, string[]>();
    const livePerVpc = new Map<string, PeeringRow[]>();
    for (const p of peerings) {
      if (!STATUSES.has(p.status)) out.push(`peering ${p.id} has unknown status ${p.status}`);
      const [lo, hi] = p.vpc_id < p.peer_vpc_id ? [p.vpc_id, p.peer_vpc_id] : [p.peer_vpc_id, p.vpc_id];
      if (p.pair_lo !== lo || p.pair_hi !== hi)
        out.push(`peering ${p.id}: pair_lo/pair_hi do not match its VPCs`);
      if (p.vpc_id === p.peer_vpc_id) out.push(`peering ${p.id} peers VPC ${p.vpc_id} with itself`);
      if (!LIVE(p.status)) continue;
      const key = `${lo}|${hi}`;
      livePairs.set(key, [...(livePairs.get(key) ?? []), p.id]);
      for (const side of [p.vpc_id, p.peer_vpc_id])
        livePerVpc.set(side, [...(livePerVpc.get(side) ?? []), p]);
      const a = vpcById.get(p.vpc_id);
      const b = vpcById.get(p.peer_vpc_id);
      if (!a || !b) {
        out.push(`live peering ${p.id} (${p.status}) has a missing VPC`);
        continue;
      }
      if (a.account !== p.account || b.account !== p.peer_account)
        out.push(`peering ${p.id}: accounts do not match its VPCs' owners`);
      if (anyOverlap(cidrsOf(a), cidrsOf(b)))
        out.push(`live peering ${p.id} (${p.status}) joins overlapping VPCs ${a.id} and ${b.id}`);
    }
    for (const [pair, ids] of livePairs)
      if (ids.length > 1) out.push(`VPC pair ${pair} has ${ids.length} live peerings: ${ids.join(", ")}`);
    for (const [vpcId, live] of livePerVpc) {
      const vpc = vpcById.get(vpcId);
      if (!vpc) continue;
      const limit = CLOUD_RULES[vpc.cloud].maxPeeringsPerVpc;
      if (limit !== undefined && live.length > limit)
        out.push(`VPC ${vpcId} has ${live.length} live peerings (limit ${limit})`);
      if (!CLOUD_RULES[vpc.cloud].crossRegionPeersDisjoint) continue;
      const crossPeers = live
        .filter((p) => p.region !== p.peer_region)
        .map((p) => vpcById.get(p.vpc_id === vpcId ? p.peer_vpc_id : p.vpc_id))
        .filter((v): v is VpcRow => v !== undefined);
      for (let i = 0; i < crossPeers.length; i++)
        for (let j = i + 1; j < crossPeers.length; j++)
          if (anyOverlap(cidrsOf(crossPeers[i]!), cidrsOf(crossPeers[j]!)))
            out.push(
              `VPC ${vpcId} has overlapping cross-region peers ${crossPeers[i]!.id} and ${crossPeers[j]!.id}`,
            );
    }

    const destinations = new Set<string>();
    for (const r of routes) {
      const p = peeringById.get(r.peering_id);
      if (!p) {
        out.push(`route ${r.id} points at missing peering ${r.peering_id}`);
        continue;
      }
      if (p.status !== "ACTIVE") out.push(`route ${r.id} points at peering ${p.id}, which is ${p.status}`);
      if (r.vpc_id !== p.vpc_id && r.vpc_id !== p.peer_vpc_id)
        out.push(`route ${r.id} of VPC ${r.vpc_id} uses peering ${p.id}, which is not one of its VPC's`);
      if (tableOwner.get(r.route_table_id) !== r.vpc_id)
        out.push(`route ${r.id} is in route table ${r.route_table_id}, which is not VPC ${r.vpc_id}'s`);
      const key = `${r.route_table_id}|${r.destination}`;
      if (destinations.has(key)) out.push(`route table ${r.route_table_id} has ${r.destination} twice`);
      destinations.add(key);
      const peer = vpcById.get(r.vpc_id === p.vpc_id ? p.peer_vpc_id : p.vpc_id);
      const destination = parseCidr(r.destination);
      if (!peer || !destination.ok) out.push(`route ${r.id}: peer VPC or destination unreadable`);
      else if (
        !cidrsOf(peer).some(
          (c) =>
            c.family === destination.cidr.family &&
            c.start <= destination.cidr.start &&
            destination.cidr.end <= c.end,
        )
      )
        out.push(`route ${r.id}: ${r.destination} is not inside peer VPC ${peer.id}`);
    }
    for (const l of limits)
      if (peeringById.get(l.peering_id)?.status !== "ACTIVE")
        out.push(`bandwidth limit on peering ${l.peering_id}, which is not ACTIVE`);
    for (const t of tokens)
      if (!peeringById.has(t.peering_id))
        out.push(`client token ${t.token} names missing peering ${t.peering_id}`);
    return out;
  } finally {
    db.close();
  }
}

/** A read-only connection to the state file, for comparing what the workers reported with what is stored. */
export function openRaw(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}
