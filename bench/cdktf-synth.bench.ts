/**
 * CDKTF synth time of a 20-region DR mesh: 190 peerings and 760 routes, synthesized with and without the
 * synth-time validation (the Aspect that builds one topology and runs the core validators), in the same run.
 *
 * Two topologies of that size:
 * - "full mesh": 20 Tencent VPCs, one per region, every pair peered (a HubAndSpoke with meshSpokes: 19 hub
 *   peerings + 171 spoke peerings). Each VPC then has 19 peerings, over the limit of 10 (seed 000), so with
 *   validation the synth fails with exactly 20 PEERING_LIMIT_EXCEEDED errors: the figure is the time to that
 *   failure, which includes the whole validation. The bench checks it fails that way and no other.
 * - "valid": 38 VPCs spread over the same 20 regions, each peered with its 5 neighbours on either side of a ring
 *   (38 x 10 / 2 = 190 peerings, every VPC at the limit of 10, all cross-region); it synthesizes cleanly either way.
 * Every VPC has one /16 and an extra route table, so each peering carries 4 routes (760 in all).
 *
 * Cases, each the median of several runs with a full GC before every run:
 * - build: the app, the stack and the constructs (what any synth pays first);
 * - synth, validation off / on: Testing.synth(stack, true) on one built stack, with the Aspect's core validation
 *   switched off or on (construct-level checks run in both). With validation on, the full mesh fails in
 *   runAllValidations, before the JSON is rendered, so its "on" time is the time to the failure;
 * - validation alone: TopologyValidation.run() on that stack (collect, validate, hand out diagnostics).
 */
import { TerraformStack, Testing } from "cdktf";
import { HubAndSpoke } from "../constructs/dr/hub-and-spoke.js";
import { Peering } from "../constructs/peering.js";
import { RouteRule } from "../constructs/route-rule.js";
import { TopologyValidation } from "../constructs/validation/topology-validation.js";
import type { VpcSite } from "../constructs/vpc-site.js";
import {
  type Bench,
  type BenchContext,
  type BenchReport,
  formatMs,
  machine,
  markdownTable,
  measure,
  median,
  type Table,
  textTable,
} from "./lib/harness.js";

const REGIONS = 20;
const RUNS = { runs: 11, warmup: 5 };

function vpc(i: number): VpcSite {
  return {
    vpcId: `vpc-${i}`,
    cloud: "tencentcloud",
    region: `ap-region-${i % REGIONS}`,
    account: "100001",
    cidrs: [`10.${i}.0.0/16`],
    mainRouteTableId: `rtb-${i}-main`,
    routeTableIds: [`rtb-${i}-app`],
  };
}

function fullMesh(stack: TerraformStack): void {
  const sites = Array.from({ length: REGIONS }, (_, i) => vpc(i));
  new HubAndSpoke(stack, "mesh", {
    hub: sites[0]!,
    spokes: Object.fromEntries(sites.slice(1).map((s, i) => [`s${i + 1}`, s])),
    meshSpokes: true,
    bandwidthMbps: 100,
  });
}

function validRing(stack: TerraformStack): void {
  const n = 38;
  const sites = Array.from({ length: n }, (_, i) => vpc(i));
  for (let i = 0; i < n; i++)
    for (let k = 1; k <= 5; k++) {
      const a = sites[i]!;
      const b = sites[(i + k) % n]!;
      const peering = new Peering(stack, `p-${i}-${k}`, {
        cloud: "tencentcloud",
        vpc: a,
        peerVpc: b,
        bandwidthMbps: 100,
      });
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const)
        for (const table of [from.mainRouteTableId, from.routeTableIds![0]])
          new RouteRule(stack, `r-${i}-${k}-${from.vpcId}-${table}`, {
            cloud: "tencentcloud",
            vpc: from,
            peering,
            destination: to.cidrs[0]!,
            routeTableId: table,
          });
    }
}

const TOPOLOGIES = {
  "full mesh, 20 VPCs": { build: fullMesh, expectedErrors: REGIONS, errorCode: "PEERING_LIMIT_EXCEEDED" },
  "valid, 38 VPCs": { build: validRing, expectedErrors: 0, errorCode: "" },
} as const;

function stackOf(build: (stack: TerraformStack) => void, validation: boolean): TerraformStack {
  const app = Testing.app({ context: { "peerlink:validation": validation } });
  const stack = new TerraformStack(app, "bench");
  build(stack);
  return stack;
}

/** Synthesizes; returns the number of error lines when the synth fails validation. */
function synth(stack: TerraformStack): number {
  try {
    Testing.synth(stack, true);
    return 0;
  } catch (error) {
    return String((error as Error).message)
      .split("\n")
      .filter((l) => l.trim().startsWith("[")).length;
  }
}

function check(name: string, stack: TerraformStack, errors: number, expected: number, code: string): void {
  const json = JSON.parse(
    Testing.synth(stackOf(TOPOLOGIES[name as keyof typeof TOPOLOGIES].build, false)),
  ) as {
    resource: Record<string, Record<string, unknown>>;
  };
  const peerings = Object.keys(json.resource.tencentcloud_vpc_peer_connect_manager ?? {}).length;
  const routes = Object.keys(json.resource.tencentcloud_route_table_entry ?? {}).length;
  if (peerings !== 190 || routes !== 760)
    throw new Error(
      `cdktf-synth bench: ${name} synthesized ${peerings} peerings and ${routes} routes, not 190 and 760.`,
    );
  const diagnostics = TopologyValidation.of(stack).lastDiagnostics.filter((d) => d.severity === "error");
  if (errors !== expected || diagnostics.some((d) => d.code !== code))
    throw new Error(
      `cdktf-synth bench: ${name} gave ${errors} error(s) (${[...new Set(diagnostics.map((d) => d.code))].join(", ")}), expected ${expected} ${code}.`,
    );
}

interface Row {
  readonly topology: string;
  readonly label: string;
  readonly samples: number[];
  readonly gc: number[];
}

const CASES = {
  build: "build the constructs (no synth)",
  off: "synth, validation off",
  on: "synth, validation on",
  alone: "validation alone (TopologyValidation.run)",
} as const;

/** One timed run (full GC first): its time and GC time. */
async function once(fn: () => unknown): Promise<{ ms: number; gc: number }> {
  const m = await measure(fn, { runs: 1 });
  return { ms: m.median, gc: m.gc };
}

/**
 * The synth cases run on one built stack, alternating off / on / alone round by round after a common warm-up,
 * so JIT warm-up and machine drift fall on all cases alike.
 */
async function runTopology(name: string, context: BenchContext): Promise<Row[]> {
  const topology = TOPOLOGIES[name as keyof typeof TOPOLOGIES];
  context.log(`cdktf-synth: ${name}: checking`);
  const probe = stackOf(topology.build, true);
  check(name, probe, synth(probe), topology.expectedErrors, topology.errorCode);
  const stack = stackOf(topology.build, true);
  const validation = TopologyValidation.of(stack);
  const cases: Record<keyof typeof CASES, () => unknown> = {
    build: () => stackOf(topology.build, true),
    off: () => {
      validation.enabled = false;
      return synth(stack);
    },
    on: () => {
      validation.enabled = true;
      return synth(stack);
    },
    alone: () => {
      validation.enabled = true;
      validation.run();
    },
  };
  context.log(`cdktf-synth: ${name}: warm-up x${RUNS.warmup}, then ${RUNS.runs} rounds of every case`);
  for (let i = 0; i < RUNS.warmup; i++) for (const fn of Object.values(cases)) fn();
  const rows = (Object.keys(CASES) as (keyof typeof CASES)[]).map((key) => ({
    key,
    row: { topology: name, label: CASES[key], samples: [] as number[], gc: [] as number[] },
  }));
  for (let round = 0; round < RUNS.runs; round++)
    for (const { key, row } of rows) {
      const { ms, gc } = await once(cases[key]);
      row.samples.push(ms);
      row.gc.push(gc);
    }
  return rows.map((r) => r.row);
}

const bench: Bench = {
  id: "cdktf-synth",
  title: "CDKTF synth with and without validation",
  async run(context: BenchContext): Promise<BenchReport> {
    const rows: Row[] = [];
    for (const name of Object.keys(TOPOLOGIES)) rows.push(...(await runTopology(name, context)));
    const table: Table = {
      header: ["topology", "case", "median ms", "min–max ms", "runs", "GC ms", "vs synth off"],
      align: ["left", "left", "right", "right", "right", "right", "right"],
      rows: rows.map((row) => {
        const off = median(rows.find((r) => r.topology === row.topology && r.label === CASES.off)!.samples);
        const ms = median(row.samples);
        const vsOff =
          row.label === CASES.on
            ? `${ms >= off ? "+" : ""}${(((ms - off) / off) * 100).toFixed(0)}%`
            : row.label === CASES.alone
              ? `${((ms / off) * 100).toFixed(0)}% of off`
              : "";
        return [
          row.topology,
          row.label,
          formatMs(ms),
          `${formatMs(Math.min(...row.samples))}–${formatMs(Math.max(...row.samples))}`,
          String(row.samples.length),
          formatMs(median(row.gc)),
          vsOff,
        ];
      }),
    };
    const host = machine();
    const text = [host.text, "", textTable(table)].join("\n");
    const markdown = [
      host.markdown,
      "",
      "190 peerings (`tencentcloud_vpc_peer_connect_manager`) and 760 routes (`tencentcloud_route_table_entry`) in 20 regions; " +
        "the full mesh fails validation with 20 PEERING_LIMIT_EXCEEDED (19 peerings per VPC, limit 10), the ring of 38 VPCs passes.",
      "",
      markdownTable(table),
    ].join("\n");
    return { text, markdown, targets: [] };
  },
};

export default bench;
