/**
 * The embedded local backend (SQLite state file) under a full peering lifecycle: create 2 VPCs in 2 accounts,
 * create a cross-account peering, accept it, add a route on each side, delete the peering, delete both VPCs
 * (9 operations, each one write transaction).
 *
 * Cases, every one run by the same worker script (bench/workers/local-lifecycle.mjs) on the built package, timed
 * from a "go" line after start-up and a JIT warm-up, each the median of several runs on a fresh state file:
 * - ":memory:", 1 process: the baseline without file, WAL or locking (what the state rules and validators cost);
 * - one state file, 1 process: sequential, the cost of the file + WAL + commit;
 * - one state file, 2 and 4 processes in parallel: the same lifecycle in every process at once, all writers
 *   serialized by SQLite's write lock (BEGIN IMMEDIATE + busy timeout); throughput is all processes' operations
 *   over the wall time from "go" to the last process done.
 * After each run the bench checks the file holds exactly what the lifecycles leave (every peering DELETED, no VPC,
 * no route): a bench whose writes got lost would measure the wrong thing.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import {
  type Bench,
  type BenchContext,
  type BenchReport,
  formatMs,
  machine,
  markdownTable,
  median,
  type Table,
  textTable,
} from "./lib/harness.js";

const MODULE = new URL("../dist/provider/backends/index.js", import.meta.url).href;
const WORKER = fileURLToPath(new URL("./workers/local-lifecycle.mjs", import.meta.url));
/** The lifecycle's operations, in the order the worker records their durations. */
const OPERATIONS = [
  "createVpc (requester)",
  "createVpc (accepter)",
  "createPeering",
  "acceptPeering",
  "createRoute (requester)",
  "createRoute (accepter)",
  "deletePeering",
  "deleteVpc (requester)",
  "deleteVpc (accepter)",
] as const;
const OPS_PER_LIFECYCLE = OPERATIONS.length;
/** Lifecycles per process per run (`--sizes=N` overrides). */
const DEFAULT_LIFECYCLES = 250;
const RUNS = 5;
const WARMUP_LIFECYCLES = 30;

interface Case {
  readonly label: string;
  readonly memory: boolean;
  readonly processes: number;
}

const CASES: readonly Case[] = [
  { label: ":memory: (baseline)", memory: true, processes: 1 },
  { label: "state file, sequential", memory: false, processes: 1 },
  { label: "state file, parallel", memory: false, processes: 2 },
  { label: "state file, parallel", memory: false, processes: 4 },
];

interface Done {
  readonly type: "done";
  readonly elapsedMs: number;
  readonly ops: number;
  readonly durations: number[];
}

interface Run {
  /** From "go" to the last process done. */
  readonly wallMs: number;
  readonly ops: number;
  readonly durations: number[];
}

/** A worker process and its JSON lines. */
function startWorker(config: object): {
  next: (type: string) => Promise<unknown>;
  send: (line: string) => void;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(config)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const messages: { type: string }[] = [];
  const waiting: (() => void)[] = [];
  let ended = false;
  createInterface({ input: child.stdout })
    .on("line", (line) => {
      messages.push(JSON.parse(line) as { type: string });
      for (const w of waiting.splice(0)) w();
    })
    .on("close", () => {
      ended = true;
      for (const w of waiting.splice(0)) w();
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    async next(type) {
      for (;;) {
        const found = messages.find((m) => m.type === type);
        if (found) return found;
        if (ended) throw new Error(`local-backend bench: a worker ended without "${type}":\n${stderr}`);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    send: (line) => child.stdin.write(`${line}\n`),
    exited,
  };
}

/** Fails unless the file holds what `lifecycles` complete lifecycles leave behind. */
function checkState(file: string, lifecycles: number): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const found = {
      peerings: count("SELECT count(*) AS n FROM peerings"),
      deleted: count("SELECT count(*) AS n FROM peerings WHERE status = 'DELETED'"),
      vpcs: count("SELECT count(*) AS n FROM vpcs"),
      routes: count("SELECT count(*) AS n FROM routes"),
      integrity: (db.pragma("integrity_check", { simple: true }) as string) === "ok" ? 1 : 0,
    };
    const expected = { peerings: lifecycles, deleted: lifecycles, vpcs: 0, routes: 0, integrity: 1 };
    if (JSON.stringify(found) !== JSON.stringify(expected))
      throw new Error(
        `local-backend bench: the state file holds ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}.`,
      );
  } finally {
    db.close();
  }
}

async function runCase(c: Case, lifecycles: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-bench-"));
  const file = c.memory ? ":memory:" : join(dir, "state.db");
  try {
    const workers = Array.from({ length: c.processes }, (_, worker) =>
      startWorker({ module: MODULE, file, worker, lifecycles, warmup: WARMUP_LIFECYCLES }),
    );
    await Promise.all(workers.map((w) => w.next("ready")));
    const start = performance.now();
    for (const w of workers) w.send("go");
    const done = (await Promise.all(workers.map((w) => w.next("done")))) as Done[];
    const wallMs = performance.now() - start;
    const codes = await Promise.all(workers.map((w) => w.exited));
    if (codes.some((code) => code !== 0)) throw new Error(`local-backend bench: worker exit codes ${codes}`);
    if (!c.memory) checkState(file, lifecycles * c.processes);
    return {
      wallMs,
      ops: done.reduce((sum, d) => sum + d.ops, 0),
      durations: done.flatMap((d) => d.durations),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Row {
  readonly c: Case;
  readonly runs: Run[];
  readonly opsPerSecond: number;
}

const rate = (run: Run) => (run.ops / run.wallMs) * 1000;
const formatPerSecond = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function table(rows: readonly Row[], lifecycles: number): Table {
  const baseline = rows.find((r) => r.c.memory)?.opsPerSecond;
  const sequential = rows.find((r) => !r.c.memory && r.c.processes === 1)?.opsPerSecond;
  return {
    header: [
      "case",
      "processes",
      "lifecycles",
      "median ms",
      "ops/s",
      "min–max ops/s",
      "lifecycles/s",
      "op p50 ms",
      "op p99 ms",
      "vs :memory:",
      "vs sequential",
    ],
    align: ["left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
    rows: rows.map((r) => {
      const rates = r.runs.map(rate);
      const all = r.runs.flatMap((run) => run.durations);
      return [
        r.c.label,
        String(r.c.processes),
        `${r.c.processes} × ${lifecycles}`,
        formatMs(median(r.runs.map((run) => run.wallMs))),
        formatPerSecond(r.opsPerSecond),
        `${formatPerSecond(Math.min(...rates))}–${formatPerSecond(Math.max(...rates))}`,
        formatPerSecond(r.opsPerSecond / OPS_PER_LIFECYCLE),
        formatMs(percentile(all, 50)),
        formatMs(percentile(all, 99)),
        baseline ? `${(r.opsPerSecond / baseline).toFixed(2)}×` : "",
        sequential && !r.c.memory ? `${(r.opsPerSecond / sequential).toFixed(2)}×` : "",
      ];
    }),
  };
}

/** Median and p99 latency of each operation of the lifecycle, per case: where the time goes. */
function operationTable(rows: readonly Row[]): Table {
  const caseName = (r: Row) => `${r.c.memory ? ":memory:" : "file"} ×${r.c.processes}`;
  return {
    header: ["operation (p50 / p99 ms)", ...rows.map(caseName)],
    align: ["left", ...rows.map(() => "right" as const)],
    rows: OPERATIONS.map((name, k) => [
      name,
      ...rows.map((r) => {
        // Each run's durations are lifecycles in order, OPS_PER_LIFECYCLE per lifecycle, process after process.
        const mine = r.runs.flatMap((run) => run.durations.filter((_, i) => i % OPS_PER_LIFECYCLE === k));
        return `${formatMs(percentile(mine, 50))} / ${formatMs(percentile(mine, 99))}`;
      }),
    ]),
  };
}

/** The file system the state files live on: the figures depend on it (tmpfs has no real write cost). */
function fileSystem(): string {
  const dir = tmpdir();
  try {
    const type = execFileSync("stat", ["-f", "-c", "%T", dir], { encoding: "utf8" }).trim();
    return `${dir} (${type})`;
  } catch {
    return dir;
  }
}

const bench: Bench = {
  id: "local-backend",
  title: "Local backend: peering lifecycles on one state file",
  async run(context: BenchContext): Promise<BenchReport> {
    const lifecycles = context.sizes?.[0] ?? DEFAULT_LIFECYCLES;
    // Other work on the machine shows up as a long latency tail: say how busy it was.
    const loadBefore = os.loadavg()[0]!;
    const rows: Row[] = [];
    for (const c of CASES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        context.log(`local-backend: ${c.label}, ${c.processes} process(es), run ${i + 1}/${RUNS}`);
        runs.push(await runCase(c, lifecycles));
      }
      rows.push({ c, runs, opsPerSecond: median(runs.map(rate)) });
    }
    const host = machine();
    const result = table(rows, lifecycles);
    const operations = operationTable(rows);
    const load = `load average (1 min) ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`;
    const notes = [
      `Lifecycle = 9 operations (2 × createVpc, createPeering cross-account, acceptPeering, 2 × createRoute, deletePeering, 2 × deleteVpc), each one write transaction; ${lifecycles} lifecycles per process per run, median of ${RUNS} runs, each on a fresh state file.`,
      `State files in ${fileSystem()}; WAL, synchronous=NORMAL, busy timeout 30 s. ops/s counts all processes' operations over the wall time from "go" to the last process done; op p50 / p99 is the latency of one operation, lock waits included, over all runs.`,
      `Machine ${load}.`,
    ];
    return {
      text: [
        host.text,
        `State files: ${fileSystem()}; ${load}`,
        "",
        textTable(result),
        "",
        textTable(operations),
      ].join("\n"),
      markdown: [
        host.markdown,
        "",
        markdownTable(result),
        "",
        ...notes.map((n) => `- ${n}`),
        "",
        "#### Where the time goes (latency of each operation of the lifecycle)",
        "",
        markdownTable(operations),
      ].join("\n"),
      targets: [],
    };
  },
};

export default bench;
