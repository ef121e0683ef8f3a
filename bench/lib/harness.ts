/**
 * Shared bench machinery: the module contract every `*.bench.ts` file fulfils, timing with medians, memory
 * figures, and plain-text / Markdown table rendering. No dependencies beyond Node.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { PerformanceObserver } from "node:perf_hooks";

/** What `bench/run.ts` passes to each bench. */
export interface BenchContext {
  /** Problem sizes requested on the command line (`--sizes=1000,10000`), or undefined for the bench's own. */
  readonly sizes: readonly number[] | undefined;
  /** Progress output (stderr), so stdout holds only the final tables. */
  readonly log: (line: string) => void;
}

/** What a bench returns: its figures as text for stdout and as Markdown for BENCHMARKS.md. */
export interface BenchReport {
  readonly text: string;
  readonly markdown: string;
  /** Headline checks (e.g. a time target); a failed one is printed but does not fail the run. */
  readonly targets: readonly { readonly label: string; readonly met: boolean }[];
}

/**
 * A bench module's default export. `id` names its section in BENCHMARKS.md, between
 * `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->`.
 */
export interface Bench {
  readonly id: string;
  readonly title: string;
  run(context: BenchContext): Promise<BenchReport> | BenchReport;
}

export function collectGarbage(): void {
  // Two passes: the first may only queue finalizers / weak references.
  globalThis.gc?.();
  globalThis.gc?.();
}

export const MB = 1024 * 1024;

/** Peak resident set size of the process so far, in bytes (the kernel's high-water mark). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export interface Measurement {
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Time spent in garbage collection during a run (median over the runs). */
  readonly gc: number;
  /** Heap used right after a run, before any collection: result + garbage (largest over the runs). */
  readonly heapAfterRun: number;
  /** Heap still used after a full GC with the result alive, minus the heap before the run (median). */
  readonly retained: number;
  /** Process peak RSS after the last run. */
  readonly peakRss: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Keeps results reachable so the optimiser cannot drop the work that produced them. */
export const blackhole: { value: unknown } = { value: undefined };
export function consume(value: unknown): void {
  blackhole.value = value;
}

/** Before a timed run: drop the previous run's result, then collect, so the run starts on a clean heap. */
export function freshHeap(): void {
  blackhole.value = undefined;
  collectGarbage();
}

// ---------------------------------------------------------------- GC accounting

/**
 * Node reports every GC as a performance entry, delivered a couple of event-loop turns later. The observer
 * collects them; `gcTime(from, to)` waits for the stragglers, then sums the pauses that started in the window.
 */
const gcPauses: { start: number; duration: number }[] = [];
let gcObserver: PerformanceObserver | undefined;

function observeGc(): void {
  if (gcObserver) return;
  gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      gcPauses.push({ start: entry.startTime, duration: entry.duration });
  });
  gcObserver.observe({ entryTypes: ["gc"] });
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets queued GC entries reach the observer. */
export async function settleGcEntries(): Promise<void> {
  for (let i = 0; i < 3; i++) await turn();
}

/** GC time (ms) of the pauses that started within [from, to); call settleGcEntries() first. */
export function gcTimeBetween(from: number, to: number): number {
  let total = 0;
  for (const pause of gcPauses) if (pause.start >= from && pause.start < to) total += pause.duration;
  return total;
}

/** Forgets pauses before `before`, so the list stays short. */
export function dropGcEntries(before: number): void {
  let keep = 0;
  for (const pause of gcPauses) if (pause.start >= before) gcPauses[keep++] = pause;
  gcPauses.length = keep;
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls, with a full GC before every run (when the process
 * was started with --expose-gc), and reports the median.
 */
export async function measure<T>(
  fn: () => T,
  options: { runs: number; warmup?: number },
): Promise<Measurement> {
  observeGc();
  for (let i = 0; i < (options.warmup ?? 0); i++) consume(fn());
  const samples: number[] = [];
  const gc: number[] = [];
  const retained: number[] = [];
  let heapAfterRun = 0;
  for (let i = 0; i < options.runs; i++) {
    freshHeap();
    await settleGcEntries();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    consume(fn());
    const end = performance.now();
    samples.push(end - start);
    heapAfterRun = Math.max(heapAfterRun, process.memoryUsage().heapUsed);
    await settleGcEntries();
    gc.push(gcTimeBetween(start, end));
    dropGcEntries(end);
    // The result is still reachable through the blackhole: what survives is its size.
    collectGarbage();
    retained.push(process.memoryUsage().heapUsed - before);
  }
  consume(undefined);
  return {
    samples,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    gc: median(gc),
    heapAfterRun,
    retained: median(retained),
    peakRss: peakRss(),
  };
}

/** Starts collecting GC pauses (measure() does it too). */
export function startGcAccounting(): void {
  observeGc();
}

/** `git describe`-like label of the measured code: short commit, "+ local changes" if provider/ is dirty. */
function commit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", "provider") !== "";
    return dirty ? `${head} + uncommitted changes in provider/` : head;
  } catch {
    return "unknown (not a git checkout)";
  }
}

export function machine(): { text: string; markdown: string } {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const gc = globalThis.gc ? "--expose-gc" : "no --expose-gc (no GC between runs)";
  const fields = [
    ["Date", date],
    ["Commit", commit()],
    ["Node", `${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}, ${gc}`],
    ["CPU", `${model}, ${cpus.length} cores (os.cpus())`],
    ["Memory", `${gib} GiB total`],
  ] as const;
  return {
    text: fields.map(([k, v]) => `${k}: ${v}`).join("\n"),
    markdown: fields.map(([k, v]) => `- **${k}:** ${v}`).join("\n"),
  };
}

// ---------------------------------------------------------------- formatting

export function formatMs(ms: number): string {
  if (ms === 0) return "0";
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function formatCount(n: number): string {
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 100 === 0) return `${n / 1e3}k`;
  return String(n);
}

/** Items per second, compact: `1.23 M/s`, `456 k/s`. */
export function formatRate(items: number, ms: number): string {
  const perSecond = (items / ms) * 1000;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

export function formatMb(bytes: number): string {
  return `${Math.max(0, bytes / MB).toFixed(0)}`;
}

/**
 * Growth from size n1 to n2 as "×<time ratio> (<ratio / n log n ratio>)": the second figure is 1.00 when the
 * time grows exactly like n log n, above 1 when faster, 10 / 100 when like n^2 from 10x to 10x sizes.
 */
export function formatGrowth(n1: number, t1: number, n2: number, t2: number): string {
  const ratio = t2 / t1;
  const nlogn = (n2 * Math.log(n2)) / (n1 * Math.log(n1));
  return `×${ratio.toFixed(1)} (${(ratio / nlogn).toFixed(2)})`;
}

export type Align = "left" | "right";

export interface Table {
  readonly header: readonly string[];
  readonly align: readonly Align[];
  readonly rows: readonly (readonly string[])[];
}

export function textTable(table: Table): string {
  const widths = table.header.map((h, i) =>
    Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (table.align[i] === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(table.header), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join(
    "\n",
  );
}

export function markdownTable(table: Table): string {
  const escapeCell = (cell: string) => cell.replaceAll("|", "\\|");
  const rule = table.align.map((a) => (a === "right" ? "---:" : ":---"));
  return [table.header, rule, ...table.rows]
    .map((cells) => `| ${cells.map(escapeCell).join(" | ")} |`)
    .join("\n");
}

/**
 * The report of a bench that is one table: the machine, how it was measured, the table, and (in Markdown) each
 * target as met or not met.
 */
export function tableReport(
  method: string,
  table: Table,
  targets: readonly { readonly label: string; readonly met: boolean }[],
): BenchReport {
  const m = machine();
  return {
    text: `${m.text}\n${method}\n\n${textTable(table)}\n`,
    markdown: `${m.markdown}\n\n${method}\n\n${markdownTable(table)}\n\n${targets
      .map((t) => `- ${t.met ? "✅ met" : "❌ **not met**"}: ${t.label}`)
      .join("\n")}\n`,
    targets,
  };
}
