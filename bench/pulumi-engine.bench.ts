/**
 * `pulumi up` wall time through the real engine (the Pulumi CLI v3.248.0 and the Node.js language host that
 * scripts/engines.mjs builds, with the environment of its `pulumiEnv`: local file state, offline) for a peerlink
 * mesh on the embedded local backend, against the engine's floor in the same run.
 *
 * - mesh (bench/programs/peerlink-mesh): 20 VPCs on a ring, each peered with its 10 nearest neighbours (offsets
 *   1..5 both ways: 100 cross-region peerings at 100 Mbps) and a route in the main table of both VPCs of every
 *   peering (200 RouteRules): 320 peerlink resources. The full 20-VPC mesh (190 peerings) is refused: it
 *   gives every VPC 19 peerings, and the local backend enforces Tencent's limit of 10 per VPC
 *   (PEERING_LIMIT_EXCEEDED); offsets 1..5 put every VPC exactly at the limit.
 * - floor (bench/programs/noop-floor): as many dynamic resources whose provider's create returns {id, outs: {}},
 *   no dependencies between them: what the engine, the language host and the dynamic-provider plugin cost.
 * - start-up: the floor program with 0 resources: the CLI, the language host, tsx, the program and the stack
 *   resource, no provider plugin. Subtracted from the others, it gives the marginal time per resource.
 *
 * Every run is the first `pulumi up` on a fresh, empty stack with its own state directory and local-backend state
 * file (`stack init` is not timed), then `pulumi stack export` checks the resource count (not timed either). The
 * cases take turns (start-up, floor, mesh, start-up, floor, mesh...) so that load on the machine spreads over all
 * of them; each figure is the median of RUNS runs. `npm run bench -- pulumi-engine --sizes=6` runs a 6-VPC mesh.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type CapturedResult, ensureEngines, pulumiEnv, ROOT, runCaptured } from "../scripts/engines.mjs";
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
import { DEFAULT_VPCS, ringMesh } from "./programs/peerlink-mesh/topology.js";

/** Runs per case: `PEERLINK_BENCH_RUNS`, else 3 (at least 2). */
const RUNS = Math.max(2, Number(process.env.PEERLINK_BENCH_RUNS ?? 3) || 3);
const PROGRAMS = join(ROOT, "bench", "programs");
const NOOP_TYPE = "pulumi-nodejs:dynamic/peerlinkBench:Noop";

interface Case {
  readonly label: string;
  readonly program: "peerlink-mesh" | "noop-floor";
  readonly env: Record<string, string>;
  /** Resources `pulumi up` must create besides the stack and the default provider. */
  readonly resources: number;
  /** What their types start with. */
  readonly typePrefix: string;
}

function pulumi(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CapturedResult> {
  return runCaptured("pulumi", [...args, "--non-interactive"], { cwd, env });
}

async function ok(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CapturedResult> {
  const result = await pulumi(cwd, env, args);
  if (result.code !== 0)
    throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.output}`);
  return result;
}

/** One first `pulumi up` of a case on a fresh stack; returns its wall time in ms. */
async function runOnce(c: Case): Promise<number> {
  const cwd = join(PROGRAMS, c.program);
  const stateDir = mkdtempSync(join(tmpdir(), "peerlink-bench-pulumi-"));
  const stack = `bench-${randomBytes(4).toString("hex")}`;
  const env = pulumiEnv(stateDir, { ...c.env, PEERLINK_STATE: join(stateDir, "peerlink.db") });
  try {
    await ok(cwd, env, ["stack", "init", stack]);
    const start = performance.now();
    await ok(cwd, env, ["up", "--yes", "--skip-preview", "--stack", stack]);
    const wall = performance.now() - start;
    const exported = await ok(cwd, env, ["stack", "export", "--stack", stack]);
    const resources = (JSON.parse(exported.stdout) as { deployment: { resources?: { type: string }[] } })
      .deployment.resources;
    const created = (resources ?? []).filter((r) => r.type.startsWith(c.typePrefix)).length;
    if (created !== c.resources)
      throw new Error(
        `${c.label}: expected ${c.resources} ${c.typePrefix}* resources, the stack has ${created}`,
      );
    return wall;
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
    // The passphrase provider keeps its salt in the program directory.
    rmSync(join(cwd, `Pulumi.${stack}.yaml`), { force: true });
  }
}

/** Pulumi's default `--parallel`, as `pulumi up --help` states it. */
async function defaultParallel(env: NodeJS.ProcessEnv): Promise<string> {
  const help = await pulumi(ROOT, env, ["up", "--help"]);
  return /--parallel int32\s.*\(default (\d+)\)/.exec(help.output)?.[1] ?? "unknown";
}

interface Row {
  readonly c: Case;
  readonly samples: number[];
}

const bench: Bench = {
  id: "pulumi-engine",
  title: "Pulumi engine: `pulumi up` of a 20-VPC mesh against no-op resources",
  async run(context: BenchContext): Promise<BenchReport> {
    const mesh = ringMesh(context.sizes?.[0] ?? DEFAULT_VPCS);
    const { engines } = await ensureEngines({ only: ["pulumi"] });
    const versionDir = mkdtempSync(join(tmpdir(), "peerlink-bench-pulumi-help-"));
    const parallel = await defaultParallel(pulumiEnv(versionDir)).finally(() =>
      rmSync(versionDir, { recursive: true, force: true }),
    );
    const cases: Case[] = [
      {
        label: "start-up (0 resources)",
        program: "noop-floor",
        env: { PEERLINK_BENCH_RESOURCES: "0" },
        resources: 0,
        typePrefix: NOOP_TYPE,
      },
      {
        label: "floor: no-op dynamic resources",
        program: "noop-floor",
        env: { PEERLINK_BENCH_RESOURCES: String(mesh.resources) },
        resources: mesh.resources,
        typePrefix: NOOP_TYPE,
      },
      {
        label: `peerlink: ${mesh.vpcs}-VPC ring mesh`,
        program: "peerlink-mesh",
        env: { PEERLINK_BENCH_VPCS: String(mesh.vpcs) },
        resources: mesh.resources,
        typePrefix: "pulumi-nodejs:dynamic/peerlink:",
      },
      // The same two without the file backend's checkpoint after every step (PULUMI_SKIP_CHECKPOINTS): that
      // write is of the whole state, so its cost grows with the state's size per resource, which is larger for
      // peerlink's resources (inputs, outputs and the serialized provider) than for the no-op ones.
      {
        label: "floor, PULUMI_SKIP_CHECKPOINTS",
        program: "noop-floor",
        env: { PEERLINK_BENCH_RESOURCES: String(mesh.resources), PULUMI_SKIP_CHECKPOINTS: "true" },
        resources: mesh.resources,
        typePrefix: NOOP_TYPE,
      },
      {
        label: `peerlink mesh, PULUMI_SKIP_CHECKPOINTS`,
        program: "peerlink-mesh",
        env: { PEERLINK_BENCH_VPCS: String(mesh.vpcs), PULUMI_SKIP_CHECKPOINTS: "true" },
        resources: mesh.resources,
        typePrefix: "pulumi-nodejs:dynamic/peerlink:",
      },
    ];
    const loadBefore = loadavg()[0]!;
    const rows: Row[] = cases.map((c) => ({ c, samples: [] }));
    for (let i = 0; i < RUNS; i++)
      for (const row of rows) {
        context.log(`pulumi-engine: ${row.c.label}, run ${i + 1}/${RUNS}`);
        const wall = await runOnce(row.c);
        row.samples.push(wall);
        context.log(`pulumi-engine:   ${(wall / 1000).toFixed(1)} s`);
      }
    const loadAfter = loadavg()[0]!;

    const [startup, floor, peerlink, floorNoCheckpoints, peerlinkNoCheckpoints] = rows as [
      Row,
      Row,
      Row,
      Row,
      Row,
    ];
    const startupMs = median(startup.samples);
    const floorMs = median(floor.samples);
    const peerlinkMs = median(peerlink.samples);
    const n = mesh.resources;
    const table: Table = {
      header: [
        "case",
        "resources",
        "median s",
        "min–max s",
        "runs",
        "ms / resource",
        "marginal ms / resource",
        "× floor",
      ],
      align: ["left", "right", "right", "right", "right", "right", "right", "right"],
      rows: rows.map(({ c, samples }) => {
        const wall = median(samples);
        const resources = c.resources;
        return [
          c.label,
          String(resources),
          (wall / 1000).toFixed(1),
          `${(Math.min(...samples) / 1000).toFixed(1)}–${(Math.max(...samples) / 1000).toFixed(1)}`,
          String(samples.length),
          resources > 0 ? formatMs(wall / resources) : "",
          resources > 0 ? formatMs((wall - startupMs) / resources) : "",
          resources > 0 ? (wall / floorMs).toFixed(2) : "",
        ];
      }),
    };
    const overhead = (peerlinkMs - floorMs) / n;
    const topology =
      `${mesh.vpcs} VPCs (one /16 each, each in a region of its own) on a ring, each peered with its ` +
      `${Math.min(mesh.vpcs - 1, mesh.maxOffset * 2)} nearest neighbours (offsets 1..${mesh.maxOffset} both ways): ` +
      `${mesh.peerings.length} cross-region peerings at 100 Mbps and ${mesh.routes} RouteRules (both sides of every ` +
      `peering, main tables): ${n} peerlink resources (${mesh.vpcs} Vpc + ${mesh.peerings.length} Peering + ` +
      `${mesh.routes} RouteRule).`;
    const overheadNoCheckpoints =
      (median(peerlinkNoCheckpoints.samples) - median(floorNoCheckpoints.samples)) / n;
    const headline = `peerlink over the floor: ${formatMs(overhead)} ms per resource (${((peerlinkMs - floorMs) / 1000).toFixed(1)} s for ${n} resources); peerlink ${formatMs(peerlinkMs / n)} ms/resource, floor ${formatMs(floorMs / n)} ms/resource, start-up ${(startupMs / 1000).toFixed(1)} s. Without the per-step checkpoint: ${formatMs(overheadNoCheckpoints)} ms per resource.`;
    const notes = [
      `Topology: ${topology} A full mesh of ${mesh.vpcs} VPCs is refused by the local backend: ${mesh.vpcs - 1} peerings per VPC, over Tencent's limit of 10 (PEERING_LIMIT_EXCEEDED), which the backend enforces.`,
      `Floor: the same number of dynamic resources whose provider's create returns {id, outs: {}}, with no dependencies between them (the mesh has three levels: VPCs, then peerings, then routes). Start-up: the floor program with 0 resources (CLI, language host, tsx, program, stack resource; no provider plugin).`,
      `Each run is the first \`pulumi up --yes --skip-preview\` on a fresh stack (own file backend and local-backend state file; \`stack init\` not timed); the cases take turns, median of ${RUNS} runs each. ms / resource = median wall / resources; marginal = (median wall − start-up median) / resources; × floor = median wall / floor median.`,
      `Pulumi ${engines.pulumi?.version ?? "?"} (${engines.pulumi?.source ?? "?"}), \`--parallel\` left at its default (${parallel}, per \`pulumi up --help\`); programs run through tsx and import \`peerlink/pulumi\` from dist/.`,
      `Machine load average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after. The engine spawns the CLI, the language host, the program and the provider plugin: the figures move with any other load on the machine.`,
    ];
    const host = machine();
    return {
      text: [
        host.text,
        `Pulumi ${engines.pulumi?.version ?? "?"}, --parallel default ${parallel}; load ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)}`,
        `Topology: ${topology}`,
        "",
        textTable(table),
        "",
        headline,
      ].join("\n"),
      markdown: [
        host.markdown,
        "",
        markdownTable(table),
        "",
        `**${headline}**`,
        "",
        ...notes.map((note) => `- ${note}`),
      ].join("\n"),
      targets: [],
    };
  },
};

export default bench;
