/**
 * `peerlink diff` at scale: the generated topology of N VPCs (2N peerings, 8N routes) against a head that changes
 * 1% of it (every hundredth peering resized, every hundredth route re-pointed at the VPC's other peering, N/100
 * VPCs removed with their peerings and routes, N/100 new VPCs added), N = 1k, 10k, 100k.
 *
 * Cases, each the median of several runs with a full GC before every run, in one process:
 * - baseline: what `peerlink validate`, `reachability` and `cost` compute on both files (validateTopology,
 *   computeReachability and estimateCost of each document): the diff says what these say, compared;
 * - diff: validateTopology of both, then topologyChange (resources, traffic, cost, problems): what `peerlink diff`
 *   computes after reading the files.
 * The target: comparing costs at most half of what it compares (diff ≤ 1.5× baseline at 100k VPCs).
 */
import { type ResolvedResult, topologyChange } from "../provider/core/change/index.js";
import { CidrCache } from "../provider/core/cidr.js";
import { estimateCost } from "../provider/core/cost/estimate.js";
import { computeReachability } from "../provider/core/reachability.js";
import type { TopologyDocument } from "../provider/core/topology-schema.js";
import { validateTopology } from "../provider/core/validate.js";
import { generateTopology } from "./generate-topology.js";
import {
  type Bench,
  type BenchContext,
  type BenchReport,
  formatCount,
  formatMs,
  measure,
  type Table,
  tableReport,
} from "./lib/harness.js";

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const TARGET = { n: 100_000, ratio: 1.5 };

function runsFor(n: number) {
  if (n <= 2_000) return { runs: 15, warmup: 10 };
  if (n <= 20_000) return { runs: 7, warmup: 2 };
  return { runs: 3, warmup: 1 };
}

/** The head: 1% of the base changed in each of the four ways the header lists. */
export function changedHead(base: TopologyDocument): TopologyDocument {
  const n = base.vpcs.length;
  const removed = new Set(base.vpcs.filter((_, i) => i % 100 === 50).map((v) => v.id));
  const peerings = base.peerings
    .filter((p) => !removed.has(p.vpc) && !removed.has(p.peerVpc))
    .map((p, i) => (i % 100 === 0 && p.bandwidthMbps !== undefined ? { ...p, bandwidthMbps: 50 } : p));
  const live = new Set(peerings.map((p) => p.id));
  const otherOf = new Map<string, string[]>();
  for (const p of peerings)
    for (const v of [p.vpc, p.peerVpc]) {
      const list = otherOf.get(v);
      if (list) list.push(p.id);
      else otherOf.set(v, [p.id]);
    }
  const routes = base.routes
    .filter((r) => !removed.has(r.vpc) && live.has(r.peering))
    .map((r, i) => {
      if (i % 100 !== 0) return r;
      const other = otherOf.get(r.vpc)?.find((id) => id !== r.peering);
      return other ? { ...r, peering: other } : r;
    });
  const added = base.vpcs
    .filter((_, i) => i % 100 === 50)
    .map((v, i) => ({
      ...v,
      id: `new-${i}`,
      cidrs: [`172.${16 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`],
    }));
  return {
    ...base,
    vpcs: [...base.vpcs.filter((v) => !removed.has(v.id)), ...added].slice(0, n + added.length),
    peerings,
    routes,
  };
}

const validated = (doc: TopologyDocument) => validateTopology(doc, new CidrCache()) as ResolvedResult;

async function run(context: BenchContext): Promise<BenchReport> {
  const sizes = context.sizes ?? DEFAULT_SIZES;
  const rows: string[][] = [];
  const targets: { label: string; met: boolean }[] = [];
  for (const n of sizes) {
    const base = generateTopology(n).document;
    const head = changedHead(base);
    const runs = runsFor(n);
    context.log(`diff: ${formatCount(n)} VPCs`);
    const commands = (doc: TopologyDocument) => {
      const result = validated(doc);
      return [result, computeReachability(result.topology), estimateCost(result.topology)];
    };
    const baseline = await measure(() => [commands(base), commands(head)], runs);
    const diff = await measure(() => topologyChange(validated(base), validated(head)), runs);
    const c = topologyChange(validated(base), validated(head));
    const ratio = diff.median / baseline.median;
    rows.push([
      formatCount(n),
      formatCount(c.resources.length),
      formatCount(c.flows.length),
      formatMs(baseline.median),
      formatMs(diff.median),
      `×${ratio.toFixed(2)}`,
    ]);
    if (n === TARGET.n)
      targets.push({
        label: `diff at ${formatCount(n)} VPCs ≤ ${TARGET.ratio}× validate + reachability + cost of both files: ×${ratio.toFixed(2)}`,
        met: ratio <= TARGET.ratio,
      });
  }
  const table: Table = {
    header: [
      "VPCs",
      "resources changed",
      "directions changed",
      "validate + reachability + cost, both (ms)",
      "diff (ms)",
      "× baseline",
    ],
    align: ["right", "right", "right", "right", "right", "right"],
    rows,
  };
  const method =
    "Median of 15/7/3 runs (1k/10k/100k), full GC before each; one process. Head: 1% of peerings resized, 1% of routes re-pointed, N/100 VPCs removed (with their peerings and routes) and N/100 added.";
  return tableReport(method, table, targets);
}

const bench: Bench = { id: "diff", title: "peerlink diff: the change between two large topologies", run };
export default bench;
