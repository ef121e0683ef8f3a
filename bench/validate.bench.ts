/**
 * Validation at scale: N VPCs (1k, 10k, 100k) with 2N peerings and 8N routes, all valid.
 *
 * Cases, each the median of several runs with a full GC before every run:
 * - validateTopology(doc): the whole core (resolve + every rule + sorting the diagnostics);
 * - validateDocument(doc): the zod schema, then the same;
 * - naive: every pair of the N VPC CIDR intervals tested with `overlaps()`, O(n^2), run only while it is
 *   expected to finish within NAIVE_BUDGET_MS (estimated from the previous size, else from a small sample);
 * - floor: the N VPC intervals copied as endpoints into a Float64Array, sorted (typed-array sort) and swept
 *   once for overlaps; and the same for all 9N intervals (VPC CIDRs + route destinations).
 *
 * A diagnostic breakdown then times resolveTopology, each rule of RULES and sortDiagnostics separately.
 */
import { type Cidr, CidrCache, overlaps } from "../provider/core/cidr.js";
import { sortDiagnostics } from "../provider/core/diagnostics.js";
import { resolveTopology } from "../provider/core/topology.js";
import { type TopologyDocument, topologySchema } from "../provider/core/topology-schema.js";
import { validateDocument, validateTopology } from "../provider/core/validate.js";
import { RULES } from "../provider/core/validators/index.js";
import { generateTopology } from "./generate-topology.js";
import {
  type Bench,
  type BenchContext,
  type BenchReport,
  consume,
  dropGcEntries,
  formatCount,
  formatGrowth,
  formatMb,
  formatMs,
  formatRate,
  freshHeap,
  gcTimeBetween,
  type Measurement,
  machine,
  markdownTable,
  measure,
  median,
  peakRss,
  settleGcEntries,
  startGcAccounting,
  type Table,
  textTable,
} from "./lib/harness.js";

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const TARGET = { n: 100_000, ms: 2_000 };
/** The naive check runs only while its estimated time stays under this. */
const NAIVE_BUDGET_MS = 20_000;
const SEED = 1;

interface Runs {
  readonly runs: number;
  readonly warmup: number;
}

/** Fewer runs as the size grows: 1k is noisy and cheap, 100k takes seconds per run. */
function runsFor(n: number, heavy = false): Runs {
  if (n <= 2_000) return { runs: 15, warmup: 10 };
  if (n <= 20_000) return { runs: 7, warmup: 2 };
  return { runs: heavy ? 3 : 5, warmup: 0 };
}

// ---------------------------------------------------------------- the reference algorithms

/** O(n^2): every pair, with the library's own predicate. Returns the number of overlapping pairs. */
export function naiveOverlapCount(cidrs: readonly Cidr[]): number {
  let count = 0;
  for (let i = 0; i < cidrs.length; i++) {
    const a = cidrs[i]!;
    for (let j = i + 1; j < cidrs.length; j++) if (overlaps(a, cidrs[j]!)) count++;
  }
  return count;
}

/**
 * The floor: copy the IPv4 intervals into one Float64Array as endpoint events (start as 2s, end as 2e+1, so a
 * start sorts before an end at the same address and closed intervals that touch count as overlapping), sort
 * it natively and sweep once. Returns the largest number of intervals covering one address (1 = disjoint).
 */
export function sortedSweepDepth(cidrs: readonly Cidr[]): number {
  const events = new Float64Array(cidrs.length * 2);
  let k = 0;
  for (const cidr of cidrs) {
    events[k++] = (cidr.start as number) * 2;
    events[k++] = (cidr.end as number) * 2 + 1;
  }
  events.sort();
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i]! % 2 === 0) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else depth--;
  }
  return deepest;
}

// ---------------------------------------------------------------- checks

function fail(message: string): never {
  throw new Error(`validate bench: ${message} A bench over an invalid topology measures the wrong thing.`);
}

/**
 * Fails unless the document validates with zero diagnostics, and returns the intervals the reference
 * algorithms work on (the resolved model itself is dropped, so it does not weigh on the timed runs' GC).
 */
function checkValid(n: number, document: TopologyDocument): { vpcCidrs: Cidr[]; allCidrs: Cidr[] } {
  const core = validateTopology(document);
  const topology = core.topology;
  if (!core.ok || core.diagnostics.length > 0 || !topology) {
    const first = core.diagnostics
      .slice(0, 5)
      .map((d) => `  ${d.code} ${d.resource}: ${d.message}`)
      .join("\n");
    fail(`the generated topology for N=${n} has ${core.diagnostics.length} diagnostic(s):\n${first}\n`);
  }
  const expected = { vpcs: n, peerings: 2 * n, routes: 8 * n };
  const got = {
    vpcs: topology.vpcs.length,
    peerings: topology.peerings.length,
    routes: topology.routes.length,
  };
  if (got.vpcs !== expected.vpcs || got.peerings !== expected.peerings || got.routes !== expected.routes)
    fail(`resolved ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}.`);
  if (topology.vpcs.some((v) => v.cidrs.length !== 1 || v.cidrs[0]!.family !== 4))
    fail("every generated VPC should have exactly one IPv4 CIDR.");
  const schema = validateDocument(document);
  if (!schema.ok || schema.diagnostics.length > 0)
    fail(`validateDocument found ${schema.diagnostics.length} diagnostic(s) for N=${n}.`);
  const vpcCidrs = topology.vpcs.flatMap((v) => v.cidrs);
  const allCidrs = vpcCidrs.concat(topology.routes.map((r) => r.destination));
  return { vpcCidrs, allCidrs };
}

// ---------------------------------------------------------------- one size

interface Row {
  readonly label: string;
  readonly n: number;
  readonly result: Measurement | { skipped: string };
}

interface SizeResult {
  readonly n: number;
  readonly counts: { vpcs: number; peerings: number; routes: number };
  readonly generateMs: number;
  readonly rows: Row[];
  readonly phases: Breakdown;
  readonly peakRss: number;
}

const CASES = {
  core: "validateTopology (core)",
  schema: "validateDocument (zod + core)",
  naive: "naive all-pairs, N VPC CIDRs",
  floorVpc: "floor: sort N VPC intervals",
  floorAll: "floor: sort 9N intervals",
} as const;

function ruleName(rule: (typeof RULES)[number], index: number): string {
  return rule.name || `rule #${index}`;
}

interface Phase {
  readonly ms: number;
  /** GC pauses that started during the phase (a pause may be the bill for an earlier phase's garbage). */
  readonly gc: number;
}

interface Breakdown {
  /** resolveTopology, each rule, sortDiagnostics: together they are validateTopology. */
  readonly phases: Map<string, Phase>;
  /** Informational, not part of the sum. */
  readonly extras: Map<string, Phase>;
}

class PhaseRecorder {
  readonly #samples = new Map<string, { ms: number[]; gc: number[] }>();
  #open: { name: string; start: number; end: number }[] = [];

  time<T>(name: string, fn: () => T): T {
    const start = performance.now();
    const result = fn();
    this.#open.push({ name, start, end: performance.now() });
    return result;
  }

  /** Files the phases timed since the last flush, with their GC time. */
  async flush(): Promise<void> {
    await settleGcEntries();
    for (const { name, start, end } of this.#open) {
      let entry = this.#samples.get(name);
      if (!entry) {
        entry = { ms: [], gc: [] };
        this.#samples.set(name, entry);
      }
      entry.ms.push(end - start);
      entry.gc.push(gcTimeBetween(start, end));
    }
    const last = this.#open[this.#open.length - 1];
    if (last) dropGcEntries(last.end);
    this.#open = [];
  }

  medians(): Map<string, Phase> {
    return new Map([...this.#samples].map(([name, s]) => [name, { ms: median(s.ms), gc: median(s.gc) }]));
  }
}

const EXTRA = {
  zod: "topologySchema.safeParse (validateDocument only)",
  parse: "parseCidr of the N distinct CIDR texts",
  warm: "resolveTopology, CidrCache pre-filled",
} as const;

/**
 * Times resolve, every rule and the final sort separately (median of `runs` per phase, a full GC before each
 * run, none between phases), then, as extras, the zod schema, the CIDR parsing inside resolve, and resolve
 * without that parsing.
 */
async function breakdown(document: TopologyDocument, runs: number): Promise<Breakdown> {
  startGcAccounting();
  const core = new PhaseRecorder();
  for (let run = 0; run < runs; run++) {
    freshHeap();
    await settleGcEntries();
    const { topology, diagnostics } = core.time("resolveTopology", () => resolveTopology(document));
    RULES.forEach((rule, index) => {
      const found = core.time(ruleName(rule, index), () => rule(topology));
      for (const d of found) diagnostics.push(d);
    });
    consume(core.time("sortDiagnostics", () => sortDiagnostics(diagnostics)));
    await core.flush();
    consume(topology);
  }
  const extras = new PhaseRecorder();
  const texts = document.vpcs.flatMap((v) => v.cidrs);
  const filled = new CidrCache();
  for (const text of texts) filled.parse(text);
  for (let run = 0; run < runs; run++) {
    freshHeap();
    await settleGcEntries();
    consume(extras.time(EXTRA.zod, () => topologySchema.safeParse(document)));
    await extras.flush();
    freshHeap();
    await settleGcEntries();
    extras.time(EXTRA.parse, () => {
      const cache = new CidrCache();
      for (const text of texts) cache.parse(text);
      consume(cache);
    });
    await extras.flush();
    freshHeap();
    await settleGcEntries();
    consume(extras.time(EXTRA.warm, () => resolveTopology(document, filled)));
    await extras.flush();
  }
  consume(undefined);
  return { phases: core.medians(), extras: extras.medians() };
}

async function runSize(
  n: number,
  log: (line: string) => void,
  previousNaive: { n: number; ms: number } | undefined,
): Promise<SizeResult> {
  log(`validate: N=${formatCount(n)}: generating`);
  freshHeap();
  let start = performance.now();
  const { document, counts } = generateTopology(n, SEED);
  const generateMs = performance.now() - start;

  log(`validate: N=${formatCount(n)}: checking the topology is valid`);
  const { vpcCidrs, allCidrs } = checkValid(n, document);

  const rows: Row[] = [];
  const runs = runsFor(n);

  log(`validate: N=${formatCount(n)}: ${CASES.core} x${runs.runs}`);
  rows.push({ label: CASES.core, n, result: await measure(() => validateTopology(document), runs) });

  const heavy = runsFor(n, true);
  log(`validate: N=${formatCount(n)}: ${CASES.schema} x${heavy.runs}`);
  rows.push({ label: CASES.schema, n, result: await measure(() => validateDocument(document), heavy) });

  // Naive: estimate first, from the previous size or from a sample of 2,000 intervals.
  let estimate: number;
  if (previousNaive) estimate = previousNaive.ms * (n / previousNaive.n) ** 2;
  else {
    const m = Math.min(n, 2_000);
    const sample = vpcCidrs.slice(0, m);
    naiveOverlapCount(sample);
    start = performance.now();
    naiveOverlapCount(sample);
    estimate = (performance.now() - start) * (n / m) ** 2;
  }
  if (estimate <= NAIVE_BUDGET_MS) {
    const naiveRuns = estimate > 1_000 ? { runs: 1, warmup: 0 } : runs;
    log(`validate: N=${formatCount(n)}: ${CASES.naive} x${naiveRuns.runs} (est. ${formatMs(estimate)} ms)`);
    const pairs = naiveOverlapCount(vpcCidrs);
    if (pairs !== 0) fail(`the naive check found ${pairs} overlapping VPC pair(s) for N=${n}.`);
    rows.push({ label: CASES.naive, n, result: await measure(() => naiveOverlapCount(vpcCidrs), naiveRuns) });
  } else {
    log(`validate: N=${formatCount(n)}: ${CASES.naive} skipped (est. ${(estimate / 1000).toFixed(0)} s)`);
    rows.push({
      label: CASES.naive,
      n,
      result: { skipped: `skipped (est. ${(estimate / 1000).toFixed(0)} s)` },
    });
  }

  if (sortedSweepDepth(vpcCidrs) !== 1) fail(`the sorted sweep found overlapping VPC CIDRs for N=${n}.`);
  log(`validate: N=${formatCount(n)}: floors`);
  rows.push({
    label: CASES.floorVpc,
    n,
    result: await measure(() => sortedSweepDepth(vpcCidrs), runsFor(n)),
  });
  rows.push({
    label: CASES.floorAll,
    n,
    result: await measure(() => sortedSweepDepth(allCidrs), runsFor(n)),
  });

  log(`validate: N=${formatCount(n)}: per-phase breakdown x${heavy.runs}`);
  const phases = await breakdown(document, heavy.runs);

  return { n, counts, generateMs, rows, phases, peakRss: peakRss() };
}

// ---------------------------------------------------------------- report

function mainTable(sizes: readonly SizeResult[]): Table {
  const rows: string[][] = [];
  for (const label of Object.values(CASES)) {
    let previous: { n: number; ms: number } | undefined;
    for (const size of sizes) {
      const row = size.rows.find((r) => r.label === label);
      if (!row) continue;
      if ("skipped" in row.result) {
        rows.push([label, formatCount(row.n), "skipped", row.result.skipped, "", "", "", "", "", "", ""]);
        previous = undefined;
        continue;
      }
      const m = row.result;
      const floor = size.rows.find((r) => r.label === CASES.floorAll)?.result;
      const vsFloor = floor && !("skipped" in floor) ? `${(m.median / floor.median).toFixed(1)}` : "";
      rows.push([
        label,
        formatCount(row.n),
        formatMs(m.median),
        `${formatMs(m.min)}–${formatMs(m.max)}`,
        String(m.samples.length),
        formatMs(m.gc),
        formatRate(row.n, m.median),
        previous ? formatGrowth(previous.n, previous.ms, row.n, m.median) : "",
        vsFloor,
        formatMb(m.retained),
        formatMb(m.heapAfterRun),
      ]);
      previous = { n: row.n, ms: m.median };
    }
  }
  return {
    header: [
      "case",
      "N VPCs",
      "median ms",
      "min–max ms",
      "runs",
      "GC ms",
      "VPCs/s",
      "growth (÷ n log n)",
      "× floor 9N",
      "retained MB",
      "heap after run MB",
    ],
    align: ["left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
    rows,
  };
}

function phaseTable(sizes: readonly SizeResult[]): Table {
  const largest = sizes[sizes.length - 1];
  const names = [...(largest?.phases.phases.keys() ?? [])];
  const sum = (phases: Map<string, Phase>, key: "ms" | "gc") =>
    [...phases.values()].reduce((total, phase) => total + phase[key], 0);
  const largestTotal = largest ? sum(largest.phases.phases, "ms") : 0;
  const line = (name: string, get: (size: SizeResult) => Phase | undefined, share: boolean) => {
    const top = largest ? get(largest) : undefined;
    return [
      name,
      ...sizes.map((size) => {
        const phase = get(size);
        return phase ? formatMs(phase.ms) : "";
      }),
      top ? formatMs(top.gc) : "",
      top && share ? `${((top.ms / largestTotal) * 100).toFixed(1)}%` : "",
    ];
  };
  const rows = names.map((name) => line(name, (size) => size.phases.phases.get(name), true));
  rows.push(
    line(
      "sum = validateTopology",
      (size) => ({ ms: sum(size.phases.phases, "ms"), gc: sum(size.phases.phases, "gc") }),
      true,
    ),
  );
  for (const name of Object.values(EXTRA))
    rows.push(line(`(extra) ${name}`, (size) => size.phases.extras.get(name), false));
  const top = formatCount(largest?.n ?? 0);
  return {
    header: [
      "phase (median ms)",
      ...sizes.map((s) => `N=${formatCount(s.n)}`),
      `of which GC at N=${top}`,
      `share at N=${top}`,
    ],
    align: ["left", ...sizes.map(() => "right" as const), "right", "right"],
    rows,
  };
}

function sizeTable(sizes: readonly SizeResult[]): Table {
  return {
    header: ["N VPCs", "peerings", "routes", "generate ms", "peak RSS after size MB"],
    align: ["right", "right", "right", "right", "right"],
    rows: sizes.map((s) => [
      formatCount(s.counts.vpcs),
      formatCount(s.counts.peerings),
      formatCount(s.counts.routes),
      formatMs(s.generateMs),
      formatMb(s.peakRss),
    ]),
  };
}

function targetCheck(sizes: readonly SizeResult[]): BenchReport["targets"] {
  const size = sizes.find((s) => s.n === TARGET.n);
  if (!size) return [];
  const targets: { label: string; met: boolean }[] = [];
  for (const label of [CASES.core, CASES.schema]) {
    const row = size.rows.find((r) => r.label === label);
    if (!row || "skipped" in row.result) continue;
    const ms = row.result.median;
    targets.push({
      label: `${label} at N=${formatCount(TARGET.n)}: ${formatMs(ms)} ms (target < ${TARGET.ms} ms)`,
      met: ms < TARGET.ms,
    });
  }
  // Issue 12: validateTopology within 4x the typed-array sort floor of the same 9N intervals, in the same run.
  const core = size.rows.find((r) => r.label === CASES.core)?.result;
  const floor = size.rows.find((r) => r.label === CASES.floorAll)?.result;
  if (core && floor && !("skipped" in core) && !("skipped" in floor)) {
    const ratio = core.median / floor.median;
    targets.push({
      label: `${CASES.core} at N=${formatCount(TARGET.n)} within 4× the sort floor of its 9N intervals: ${formatMs(core.median)} ms vs ${formatMs(floor.median)} ms (×${ratio.toFixed(1)})`,
      met: ratio <= 4,
    });
  }
  return targets;
}

const bench: Bench = {
  id: "validate",
  title: "Validation at scale",
  async run(context: BenchContext): Promise<BenchReport> {
    const sizes: SizeResult[] = [];
    let previousNaive: { n: number; ms: number } | undefined;
    for (const n of context.sizes ?? DEFAULT_SIZES) {
      const result = await runSize(n, context.log, previousNaive);
      sizes.push(result);
      const naive = result.rows.find((r) => r.label === CASES.naive)?.result;
      previousNaive = naive && !("skipped" in naive) ? { n, ms: naive.median } : previousNaive;
    }
    const host = machine();
    const main = mainTable(sizes);
    const phases = phaseTable(sizes);
    const counts = sizeTable(sizes);
    const targets = targetCheck(sizes);
    const targetLines = targets.map((t) => `${t.met ? "MET    " : "NOT MET"} ${t.label}`);
    const text = [
      host.text,
      "",
      textTable(counts),
      "",
      textTable(main),
      "",
      textTable(phases),
      ...(targetLines.length > 0 ? ["", ...targetLines] : []),
    ].join("\n");
    const markdown = [
      host.markdown,
      "",
      "Generated topologies (`bench/generate-topology.ts`, seed " + SEED + "):",
      "",
      markdownTable(counts),
      "",
      "#### Times",
      "",
      markdownTable(main),
      "",
      "#### Where the time goes (`validateTopology`, phase by phase)",
      "",
      markdownTable(phases),
      ...(targets.length > 0
        ? [
            "",
            "#### Target",
            "",
            ...targets.map((t) => `- ${t.met ? "✅ met" : "❌ **not met**"}: ${t.label}`),
          ]
        : []),
    ].join("\n");
    return { text, markdown, targets };
  },
};

export default bench;
