/**
 * `peerlink validate FILE` as a whole process, the way CI runs it, at 1k and 10k VPCs (and 100k with
 * PEERLINK_BENCH_CLI_100K=1), for a JSON and a YAML file of the same generated topology
 * (bench/generate-topology.ts: N VPCs, 2N peerings, 8N routes, all valid).
 *
 * Process rows: `node dist/provider/cli/main.js validate FILE` (no node flags, NODE_OPTIONS removed, stdout
 * piped), wall time from spawn to exit measured here, peak RSS from `/usr/bin/time -f %M` around the child (a
 * wrapper that only fork/execs and waits; the figure is the kernel's high-water mark of the node process).
 * Without /usr/bin/time (or with PEERLINK_BENCH_CLI_RSS=wrapper) the child runs under
 * bench/workers/cli-maxrss.mjs, which imports the CLI and reports `process.resourceUsage().maxRSS` at exit.
 * Each child gets a timeout (PEERLINK_BENCH_CLI_TIMEOUT_S, default 300 s); a run that times out, exhausts its
 * heap, is killed or exits non-zero is reported as such in the table, and that file is not run again.
 *
 * Baselines, in this process on the same files: reading the file, `JSON.parse` of its text,
 * `validateDocument` of the parsed value (provider/core/validate.ts) and the sort floor of the 9N intervals
 * (validate.bench.ts's `sortedSweepDepth`), each the median of several runs with a full GC before each.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { Cidr } from "../provider/core/cidr.js";
import { validateDocument, validateTopology } from "../provider/core/validate.js";
import { generateTopology } from "./generate-topology.js";
import {
  type Bench,
  type BenchContext,
  type BenchReport,
  formatCount,
  formatMb,
  formatMs,
  freshHeap,
  MB,
  type Measurement,
  machine,
  markdownTable,
  measure,
  median,
  peakRss,
  type Table,
  textTable,
} from "./lib/harness.js";
import { sortedSweepDepth } from "./validate.bench.js";

const SEED = 1;
const BIG = 100_000;
const WITH_BIG = process.env.PEERLINK_BENCH_CLI_100K === "1";
const DEFAULT_SIZES = WITH_BIG ? [1_000, 10_000, BIG] : [1_000, 10_000];
const TIMEOUT_MS = Number(process.env.PEERLINK_BENCH_CLI_TIMEOUT_S ?? 300) * 1000;
const TARGET = { n: BIG, vsInProcess: 1.5, rssBytes: 1.5 * 1024 * MB, yamlVsJson: 3 } as const;

const benchDir = dirname(fileURLToPath(import.meta.url));
const CLI = join(benchDir, "..", "dist", "provider", "cli", "main.js");
const RSS_WRAPPER = join(benchDir, "workers", "cli-maxrss.mjs");
const GNU_TIME = "/usr/bin/time";
const RSS_METHOD: "time" | "wrapper" =
  process.env.PEERLINK_BENCH_CLI_RSS === "wrapper" || !existsSync(GNU_TIME) ? "wrapper" : "time";

/** Process runs per file: fewer as the size grows (a 10k run takes seconds, a 100k run minutes today). */
function processRuns(n: number): number {
  if (n <= 2_000) return 5;
  return 3;
}

function inProcessRuns(n: number): { runs: number; warmup: number } {
  if (n <= 2_000) return { runs: 15, warmup: 10 };
  if (n <= 20_000) return { runs: 7, warmup: 2 };
  return { runs: 3, warmup: 0 };
}

// ---------------------------------------------------------------- one child process

type Outcome =
  | { readonly kind: "ok" }
  | { readonly kind: "timeout" }
  | { readonly kind: "heap" }
  | { readonly kind: "signal"; readonly signal: string }
  | { readonly kind: "exit"; readonly code: number; readonly firstLine: string };

interface ProcessRun {
  readonly ms: number;
  /** Bytes; undefined when the method could not tell (the wrapper after a crash). */
  readonly rss: number | undefined;
  readonly outcome: Outcome;
}

const SIGNALS: Record<number, string> = { 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM" };

/** Runs `node <script> args` with a timeout and returns its wall time, peak RSS and how it ended. */
function runProcess(script: string, args: readonly string[], scratch: string): Promise<ProcessRun> {
  const report = join(scratch, "maxrss.txt");
  rmSync(report, { force: true });
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  const command =
    RSS_METHOD === "time"
      ? { file: GNU_TIME, args: ["-o", report, "-f", "%M", process.execPath, script, ...args] }
      : { file: process.execPath, args: [RSS_WRAPPER, report, script, ...args] };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Own process group, so a timeout ends the node child too, not only /usr/bin/time.
    const child = spawn(command.file, command.args, {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let timedOut = false;
    child.stdout.resume();
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-65_536);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      // /usr/bin/time -o: "Command terminated by signal 6" / "Command exited with non-zero status 2", then %M.
      const lines = existsSync(report) ? readFileSync(report, "utf8").trim().split("\n") : [];
      const kib = Number(lines[lines.length - 1]);
      const rss = lines.length > 0 && Number.isFinite(kib) && kib > 0 ? kib * 1024 : undefined;
      const bySignal = /terminated by signal (\d+)/.exec(lines.join("\n"));
      const status = code ?? -1;
      let outcome: Outcome;
      if (timedOut) outcome = { kind: "timeout" };
      else if (/heap out of memory|Reached heap limit/.test(stderr)) outcome = { kind: "heap" };
      else if (bySignal)
        outcome = {
          kind: "signal",
          signal: SIGNALS[Number(bySignal[1])] ?? `signal ${bySignal[1]}`,
        };
      else if (signal) outcome = { kind: "signal", signal };
      else if (status !== 0)
        outcome = {
          kind: "exit",
          code: status,
          firstLine: stderr.trim().split("\n")[0]?.slice(0, 120) ?? "",
        };
      else outcome = { kind: "ok" };
      resolve({ ms, rss, outcome });
    });
  });
}

function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case "ok":
      return "ok (exit 0)";
    case "timeout":
      return `timed out (killed after ${TIMEOUT_MS / 1000} s)`;
    case "heap":
      return "heap exhausted (FATAL ERROR: JavaScript heap out of memory)";
    case "signal":
      return `killed (${outcome.signal})`;
    case "exit":
      return `exit ${outcome.code}: ${outcome.firstLine}`;
  }
}

/** Short form for the median column. */
function shortOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "ok":
      return "ok";
    case "timeout":
      return "timed out";
    case "heap":
      return "heap exhausted";
    case "signal":
      return `killed (${outcome.signal})`;
    case "exit":
      return `exit ${outcome.code}`;
  }
}

// ---------------------------------------------------------------- one size

interface ProcessCase {
  readonly label: string;
  readonly format: "json" | "yaml" | "";
  readonly fileBytes: number;
  readonly runs: ProcessRun[];
}

interface SizeResult {
  readonly n: number;
  readonly counts: { vpcs: number; peerings: number; routes: number };
  readonly jsonBytes: number;
  readonly yamlBytes: number;
  readonly generateMs: { json: number; yaml: number };
  readonly read: Measurement;
  readonly parse: Measurement;
  readonly validate: Measurement;
  readonly floor: Measurement;
  readonly processes: ProcessCase[];
  readonly benchPeakRss: number;
}

const IN = {
  read: "in-process: readFileSync (JSON file, utf8)",
  parse: "in-process: JSON.parse of the file's text",
  validate: "in-process: validateDocument (zod + core)",
  sum: "in-process: JSON.parse + validateDocument",
  floor: "floor: sort 9N intervals",
} as const;
const PROC = {
  json: "process: peerlink validate FILE.json",
  yaml: "process: peerlink validate FILE.yaml",
} as const;

function fail(message: string): never {
  throw new Error(
    `cli-validate bench: ${message} A bench over an invalid topology measures the wrong thing.`,
  );
}

function succeeded(c: ProcessCase): boolean {
  return c.runs.length > 0 && c.runs.every((r) => r.outcome.kind === "ok");
}

/** Runs each file `runs` times, the formats taking turns; a file whose run fails is not run again. */
async function runFiles(
  cases: ProcessCase[],
  paths: Record<string, string>,
  runs: number,
  scratch: string,
  log: (line: string) => void,
  n: number,
): Promise<void> {
  for (let round = 0; round < runs; round++) {
    for (const c of cases) {
      if (c.runs.some((r) => r.outcome.kind !== "ok")) continue;
      log(`cli-validate: N=${formatCount(n)}: ${c.label} run ${round + 1}/${runs}`);
      const run = await runProcess(CLI, ["validate", paths[c.format]!], scratch);
      log(
        `cli-validate: N=${formatCount(n)}:   ${formatMs(run.ms)} ms, peak RSS ${run.rss === undefined ? "?" : formatMb(run.rss)} MB, ${describe(run.outcome)}`,
      );
      c.runs.push(run);
    }
  }
}

async function runSize(n: number, scratch: string, log: (line: string) => void): Promise<SizeResult> {
  log(`cli-validate: N=${formatCount(n)}: generating`);
  freshHeap();
  const { document, counts } = generateTopology(n, SEED);
  const core = validateTopology(document);
  if (!core.ok || core.diagnostics.length > 0 || !core.topology)
    fail(`the generated topology for N=${n} has ${core.diagnostics.length} diagnostic(s).`);
  const allCidrs: Cidr[] = core.topology.vpcs
    .flatMap((v) => v.cidrs)
    .concat(core.topology.routes.map((r) => r.destination));
  if (sortedSweepDepth(core.topology.vpcs.flatMap((v) => v.cidrs)) !== 1)
    fail(`the sorted sweep found overlapping VPC CIDRs for N=${n}.`);

  const paths = { json: join(scratch, `topology-${n}.json`), yaml: join(scratch, `topology-${n}.yaml`) };
  let start = performance.now();
  writeFileSync(paths.json, JSON.stringify(document));
  const jsonMs = performance.now() - start;
  log(`cli-validate: N=${formatCount(n)}: YAML (yaml.stringify)`);
  start = performance.now();
  writeFileSync(paths.yaml, stringify(document));
  const yamlMs = performance.now() - start;
  const jsonBytes = statSync(paths.json).size;
  const yamlBytes = statSync(paths.yaml).size;

  // In-process baselines on the JSON file just written.
  const runs = inProcessRuns(n);
  log(`cli-validate: N=${formatCount(n)}: in-process baselines x${runs.runs}`);
  const read = await measure(() => readFileSync(paths.json, "utf8"), runs);
  const text = readFileSync(paths.json, "utf8");
  const parse = await measure(() => JSON.parse(text), runs);
  const parsed: unknown = JSON.parse(text);
  const check = validateDocument(parsed);
  if (!check.ok || check.diagnostics.length > 0)
    fail(`validateDocument of the JSON file found ${check.diagnostics.length} diagnostic(s) for N=${n}.`);
  const validate = await measure(() => validateDocument(parsed), runs);
  const floor = await measure(() => sortedSweepDepth(allCidrs), runs);

  const processes: ProcessCase[] = [
    { label: PROC.json, format: "json", fileBytes: jsonBytes, runs: [] },
    { label: PROC.yaml, format: "yaml", fileBytes: yamlBytes, runs: [] },
  ];
  await runFiles(processes, paths, processRuns(n), scratch, log, n);
  for (const c of processes) {
    const bad = c.runs.find((r) => r.outcome.kind === "exit" && r.outcome.code === 1);
    if (bad) fail(`${c.label} exited 1 (diagnostics) for N=${n}.`);
  }
  rmSync(paths.json, { force: true });
  rmSync(paths.yaml, { force: true });
  return {
    n,
    counts,
    jsonBytes,
    yamlBytes,
    generateMs: { json: jsonMs, yaml: yamlMs },
    read,
    parse,
    validate,
    floor,
    processes,
    benchPeakRss: peakRss(),
  };
}

// ---------------------------------------------------------------- report

const HEADER = [
  "case",
  "N VPCs",
  "file MB",
  "median ms",
  "min–max ms",
  "runs",
  "peak RSS MB",
  "× parse + validate",
  "× floor 9N",
  "× JSON process",
  "outcome",
];

function processRow(
  c: ProcessCase,
  size: SizeResult | undefined,
  json: ProcessCase | undefined,
  n: number | undefined,
): string[] {
  const rssValues = c.runs.map((r) => r.rss).filter((r): r is number => r !== undefined);
  const rss = rssValues.length > 0 ? formatMb(Math.max(...rssValues)) : c.runs.length > 0 ? "?" : "";
  const fileMb = c.fileBytes > 0 ? (c.fileBytes / MB).toFixed(1) : "";
  const count = n === undefined ? "" : formatCount(n);
  if (!succeeded(c)) {
    const failed = c.runs.find((r) => r.outcome.kind !== "ok");
    if (!failed) return [c.label, count, fileMb, "not run", "", "0", "", "", "", "", ""];
    const oks = c.runs.filter((r) => r.outcome.kind === "ok").length;
    return [
      c.label,
      count,
      fileMb,
      shortOutcome(failed.outcome),
      `after ${formatMs(failed.ms)}`,
      `${c.runs.length}${oks > 0 ? ` (${oks} ok)` : ""}`,
      rss,
      "",
      "",
      "",
      describe(failed.outcome),
    ];
  }
  const ms = c.runs.map((r) => r.ms);
  const m = median(ms);
  const base = size ? size.parse.median + size.validate.median : undefined;
  const jsonMedian = json && json !== c && succeeded(json) ? median(json.runs.map((r) => r.ms)) : undefined;
  return [
    c.label,
    count,
    fileMb,
    formatMs(m),
    `${formatMs(Math.min(...ms))}–${formatMs(Math.max(...ms))}`,
    String(ms.length),
    rss,
    base ? (m / base).toFixed(2) : "",
    size ? (m / size.floor.median).toFixed(1) : "",
    jsonMedian ? (m / jsonMedian).toFixed(2) : "",
    describe(c.runs[0]!.outcome),
  ];
}

function inRow(label: string, size: SizeResult, m: Measurement | { median: number }, fileMb = ""): string[] {
  const full = "samples" in m;
  const base = size.parse.median + size.validate.median;
  return [
    label,
    formatCount(size.n),
    fileMb,
    formatMs(m.median),
    full ? `${formatMs(m.min)}–${formatMs(m.max)}` : "",
    full ? String(m.samples.length) : "",
    "",
    (m.median / base).toFixed(2),
    (m.median / size.floor.median).toFixed(1),
    "",
    "",
  ];
}

function mainTable(sizes: readonly SizeResult[], startup: readonly ProcessCase[]): Table {
  const rows: string[][] = startup.map((c) => processRow(c, undefined, undefined, undefined));
  for (const size of sizes) {
    const mb = (size.jsonBytes / MB).toFixed(1);
    rows.push(inRow(IN.read, size, size.read, mb));
    rows.push(inRow(IN.parse, size, size.parse, mb));
    rows.push(inRow(IN.validate, size, size.validate));
    rows.push(inRow(IN.sum, size, { median: size.parse.median + size.validate.median }, mb));
    rows.push(inRow(IN.floor, size, size.floor));
    const json = size.processes.find((c) => c.format === "json");
    for (const c of size.processes) rows.push(processRow(c, size, json, size.n));
  }
  return {
    header: HEADER,
    align: ["left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
    rows,
  };
}

function sizeTable(sizes: readonly SizeResult[]): Table {
  return {
    header: [
      "N VPCs",
      "peerings",
      "routes",
      "JSON MB",
      "YAML MB",
      "JSON.stringify + write ms",
      "yaml.stringify + write ms",
      "bench peak RSS after size MB",
    ],
    align: ["right", "right", "right", "right", "right", "right", "right", "right"],
    rows: sizes.map((s) => [
      formatCount(s.counts.vpcs),
      formatCount(s.counts.peerings),
      formatCount(s.counts.routes),
      (s.jsonBytes / MB).toFixed(1),
      (s.yamlBytes / MB).toFixed(1),
      formatMs(s.generateMs.json),
      formatMs(s.generateMs.yaml),
      formatMb(s.benchPeakRss),
    ]),
  };
}

interface TargetLine {
  readonly label: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
}

function targetCheck(sizes: readonly SizeResult[]): TargetLine[] {
  const n = formatCount(TARGET.n);
  const gib = (TARGET.rssBytes / 1024 ** 3).toFixed(1);
  const size = sizes.find((s) => s.n === TARGET.n);
  const timeLabel = `${PROC.json} at N=${n} within ${TARGET.vsInProcess}× in-process JSON.parse + validateDocument of the same file`;
  const rssLabel = `${PROC.json} at N=${n} under ${gib} GiB peak RSS (${formatMb(TARGET.rssBytes)} MB)`;
  const yamlLabel = `${PROC.yaml} at N=${n} within ${TARGET.yamlVsJson}× the JSON process`;
  if (!size) {
    const why = "not measured in this run (the 100k rows need PEERLINK_BENCH_CLI_100K=1)";
    return [timeLabel, rssLabel, yamlLabel].map((label) => ({ label: `${label}: ${why}`, met: undefined }));
  }
  const json = size.processes.find((c) => c.format === "json")!;
  const yaml = size.processes.find((c) => c.format === "yaml")!;
  const base = size.parse.median + size.validate.median;
  const targets: TargetLine[] = [];
  const failure = (c: ProcessCase) => {
    const failed = c.runs.find((r) => r.outcome.kind !== "ok");
    return failed ? `${describe(failed.outcome)} after ${formatMs(failed.ms)} ms` : "not run";
  };
  if (succeeded(json)) {
    const m = median(json.runs.map((r) => r.ms));
    targets.push({
      label: `${timeLabel}: ${formatMs(m)} ms vs ${formatMs(base)} ms (×${(m / base).toFixed(2)})`,
      met: m <= TARGET.vsInProcess * base,
    });
  } else
    targets.push({ label: `${timeLabel}: ${failure(json)} (in-process ${formatMs(base)} ms)`, met: false });
  const rssValues = json.runs.map((r) => r.rss).filter((r): r is number => r !== undefined);
  if (rssValues.length > 0) {
    const peak = Math.max(...rssValues);
    targets.push({
      label: `${rssLabel}: ${formatMb(peak)} MB${succeeded(json) ? "" : ` (${failure(json)})`}`,
      met: succeeded(json) && peak < TARGET.rssBytes,
    });
  } else targets.push({ label: `${rssLabel}: unknown (${failure(json)})`, met: false });
  if (succeeded(json) && succeeded(yaml)) {
    const j = median(json.runs.map((r) => r.ms));
    const y = median(yaml.runs.map((r) => r.ms));
    targets.push({
      label: `${yamlLabel}: ${formatMs(y)} ms vs ${formatMs(j)} ms (×${(y / j).toFixed(2)})`,
      met: y <= TARGET.yamlVsJson * j,
    });
  } else
    targets.push({
      label: `${yamlLabel}: YAML ${succeeded(yaml) ? "ok" : failure(yaml)}, JSON ${succeeded(json) ? "ok" : failure(json)}`,
      met: false,
    });
  return targets;
}

async function startupCases(scratch: string, log: (line: string) => void): Promise<ProcessCase[]> {
  const empty = join(scratch, "empty.mjs");
  writeFileSync(empty, "");
  const cases: { label: string; script: string; args: string[] }[] = [
    { label: "process: node start-up (empty script)", script: empty, args: [] },
    { label: "process: peerlink --help (CLI start-up)", script: CLI, args: ["--help"] },
  ];
  const result: ProcessCase[] = [];
  for (const { label, script, args } of cases) {
    log(`cli-validate: ${label} x5`);
    const runs: ProcessRun[] = [];
    for (let i = 0; i < 5; i++) runs.push(await runProcess(script, args, scratch));
    result.push({ label, format: "", fileBytes: 0, runs });
  }
  return result;
}

const bench: Bench = {
  id: "cli-validate",
  title: "`peerlink validate FILE` as a process",
  async run(context: BenchContext): Promise<BenchReport> {
    if (!existsSync(CLI)) throw new Error(`cli-validate bench: ${CLI} is missing; run npm run build first`);
    const scratch = mkdtempSync(join(tmpdir(), "peerlink-cli-bench-"));
    const loadBefore = loadavg()[0]!;
    const sizes: SizeResult[] = [];
    let startup: ProcessCase[];
    try {
      startup = await startupCases(scratch, context.log);
      for (const n of context.sizes ?? DEFAULT_SIZES) sizes.push(await runSize(n, scratch, context.log));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const host = machine();
    const load = `Load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (other work on the 2 cores slows the process rows and the baselines alike, not always equally).`;
    const counts = sizeTable(sizes);
    const main = mainTable(sizes, startup);
    const targets = targetCheck(sizes);
    const method =
      RSS_METHOD === "time"
        ? "`/usr/bin/time -f %M` around the node child (GNU time's maxrss of the waited-for process)"
        : "bench/workers/cli-maxrss.mjs (`process.resourceUsage().maxRSS` at exit; unknown after a crash)";
    const notes = [
      `- Process rows: \`${process.execPath.split("/").pop()} dist/provider/cli/main.js validate FILE\`, no node flags, NODE_OPTIONS removed, stdout piped (text format, no colour), wall time from spawn to exit; timeout ${TIMEOUT_MS / 1000} s; a failed run is not repeated. Peak RSS: ${method}, the largest over the runs.`,
      "- Baselines in the bench process (--max-old-space-size=8192), on the same JSON file: median of several runs with a full GC before each. × parse + validate = median ÷ (JSON.parse median + validateDocument median); × floor 9N = median ÷ the typed-array sort of the 9N intervals; × JSON process = YAML process ÷ JSON process.",
    ];
    const targetLines = targets.map(
      (t) => `${t.met === undefined ? "NOT RUN" : t.met ? "MET    " : "NOT MET"} ${t.label}`,
    );
    const text = [load, "", host.text, "", textTable(counts), "", textTable(main), "", ...targetLines].join(
      "\n",
    );
    const markdown = [
      host.markdown,
      "",
      load,
      "",
      `Generated topologies (\`bench/generate-topology.ts\`, seed ${SEED}), written to a temporary directory as JSON (\`JSON.stringify\`) and YAML (\`yaml\`'s \`stringify\`):`,
      "",
      markdownTable(counts),
      "",
      "#### Times and peak RSS",
      "",
      markdownTable(main),
      "",
      ...notes,
      "",
      "#### Targets",
      "",
      ...targets.map(
        (t) =>
          `- ${t.met === undefined ? "⏸ not measured" : t.met ? "✅ met" : "❌ **not met**"}: ${t.label}`,
      ),
    ].join("\n");
    return {
      text,
      markdown,
      targets: targets.filter((t) => t.met !== undefined).map((t) => ({ label: t.label, met: t.met! })),
    };
  },
};

export default bench;
