/**
 * What saying where each problem is costs `peerlink validate`: the generated topology of N VPCs (2N peerings, 8N
 * routes) with 1% of it wrong (every hundredth peering given a bandwidth no Tencent tier has, every hundredth route
 * pointed at a block its peer does not hold), so there are 0.1N diagnostics, by peering id and by route index, as
 * YAML (js-yaml's dump) and JSON (JSON.stringify, 2 spaces). N = 1k, 10k, 100k.
 *
 * Cases, each the median of several runs with a full GC before every run, in one process, on the same text:
 * - baseline: parseTopologyText + validateDocument, what `validate` did before it located anything;
 * - located: the same, then diagnosticPlaces (a second read of the text with js-yaml's listener, the id index,
 *   one position per diagnostic).
 * The target: locating at most doubles the work on the format it is slowest against, JSON, whose first read is
 * JSON.parse (located ≤ 2× baseline at 100k VPCs, both formats). A valid file is never located.
 */
import { dump } from "js-yaml";
import { diagnosticPlaces } from "../provider/core/diagnostic-positions.js";
import { parseTopologyDocument, parseTopologyText } from "../provider/core/load-document.js";
import type { TopologyDocument } from "../provider/core/topology-schema.js";
import { validateDocument } from "../provider/core/validate.js";
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
const TARGET = { n: 100_000, ratio: 2 };

function runsFor(n: number) {
  if (n <= 2_000) return { runs: 15, warmup: 5 };
  if (n <= 20_000) return { runs: 7, warmup: 1 };
  return { runs: 3, warmup: 1 };
}

/** 1% of the peerings with bandwidth 7 Mbps (INVALID_BANDWIDTH), 1% of the routes to 192.0.2.0/24 (not in the peer). */
export function withMistakes(doc: TopologyDocument): TopologyDocument {
  return {
    ...doc,
    peerings: doc.peerings.map((p, i) =>
      i % 100 === 0 && p.bandwidthMbps !== undefined ? { ...p, bandwidthMbps: 7 } : p,
    ),
    routes: doc.routes.map((r, i) => (i % 100 === 0 ? { ...r, destination: "192.0.2.0/24" } : r)),
  };
}

async function run(context: BenchContext): Promise<BenchReport> {
  const sizes = context.sizes ?? DEFAULT_SIZES;
  const rows: string[][] = [];
  const targets: { label: string; met: boolean }[] = [];
  for (const n of sizes) {
    const doc = withMistakes(generateTopology(n).document);
    const texts = [
      { format: "YAML", name: "t.yaml", text: dump(doc) },
      { format: "JSON", name: "t.json", text: JSON.stringify(doc, null, 2) },
    ];
    const runs = runsFor(n);
    for (const { format, name, text } of texts) {
      context.log(`locate: ${formatCount(n)} VPCs, ${format}`);
      const validate = () => validateDocument(parseTopologyText(text, name));
      // As the CLI reads: the value validated is the one a JSON text is located beside.
      const located = () => {
        const parsed = parseTopologyDocument(text, name);
        const result = validateDocument(parsed.value);
        return diagnosticPlaces(text, result.diagnostics, parsed);
      };
      const baseline = await measure(validate, runs);
      const withPositions = await measure(located, runs);
      const positions = located();
      const placed = positions.filter((p) => p.at !== undefined).length;
      const ratio = withPositions.median / baseline.median;
      rows.push([
        formatCount(n),
        format,
        (text.length / 1e6).toFixed(1),
        formatCount(positions.length),
        formatCount(placed),
        formatMs(baseline.median),
        formatMs(withPositions.median),
        `×${ratio.toFixed(2)}`,
      ]);
      if (n === TARGET.n)
        targets.push({
          label: `validate with positions at ${formatCount(n)} VPCs (${format}, ${formatCount(positions.length)} diagnostics) ≤ ${TARGET.ratio}× validate without: ×${ratio.toFixed(2)}`,
          met: ratio <= TARGET.ratio && placed === positions.length,
        });
    }
  }
  const table: Table = {
    header: [
      "VPCs",
      "format",
      "MB",
      "diagnostics",
      "placed",
      "validate (ms)",
      "validate + positions (ms)",
      "× baseline",
    ],
    align: ["right", "left", "right", "right", "right", "right", "right", "right"],
    rows,
  };
  const method =
    "Median of 15/7/3 runs (1k/10k/100k), full GC before each; one process, the same text for both cases. Mistakes: every hundredth peering at 7 Mbps, every hundredth route to 192.0.2.0/24. `placed`: diagnostics given a line and column.";
  return tableReport(method, table, targets);
}

const bench: Bench = { id: "locate", title: "Where each problem is: the cost of positions in validate", run };
export default bench;
