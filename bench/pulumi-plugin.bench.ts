/**
 * `pulumi up` wall time of the 20-VPC bench mesh through the provider plugin (bin/pulumi-resource-peerlink)
 * against the same number of no-op resources of a minimal provider plugin, in the same run, beside the same mesh
 * through the dynamic providers (bench/pulumi-engine.bench.ts has that one against its own dynamic floor), and
 * the checkpoint's size per resource of each. Target (issue 13): the plugin mesh within 1.3x its floor.
 *
 * - plugin mesh (bench/programs/plugin-mesh): the ring mesh of peerlink-mesh/topology.ts (20 VPCs, 100 peerings,
 *   200 routes: 320 resources) as `peerlink:index:*` custom resources, on the embedded local backend.
 * - floor: the same program with PEERLINK_BENCH_NOOP=1, every resource a custom resource of a plugin whose create
 *   returns {id, outs: {}} (bench/programs/plugin-noop/provider, @pulumi/pulumi's provider server like peerlink's):
 *   the same registrations, inputs, dependencies and stack traces, so the two differ by peerlink's provider alone.
 * - independent no-op resources (bench/programs/plugin-noop): as many resources of that plugin with no dependencies
 *   between them, the floor until 2026-12-06, kept as a row: against it the mesh also pays for its program's shape.
 * - dynamic mesh (bench/programs/peerlink-mesh): the same mesh through `peerlink/pulumi` (dynamic providers).
 *
 * Every run is the first `pulumi up` on a fresh stack with its own state directory (`stack init` not timed); the
 * cases take turns and each figure is the median of RUNS runs. State size: `pulumi stack export`, the JSON of the
 * case's own resources divided by their number (the stack and provider resources left out).
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

const RUNS = Math.max(2, Number(process.env.PEERLINK_BENCH_RUNS ?? 3) || 3);
const PROGRAMS = join(ROOT, "bench", "programs");
const TARGET = 1.3;

interface Case {
  readonly label: string;
  readonly program: "plugin-mesh" | "plugin-noop" | "peerlink-mesh";
  readonly env: Record<string, string>;
  readonly resources: number;
  readonly typePrefix: string;
}

interface Sample {
  readonly wallMs: number;
  readonly bytesPerResource: number;
}

async function ok(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CapturedResult> {
  const result = await runCaptured("pulumi", [...args, "--non-interactive"], { cwd, env });
  if (result.code !== 0)
    throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.output}`);
  return result;
}

async function runOnce(c: Case): Promise<Sample> {
  const cwd = join(PROGRAMS, c.program);
  const stateDir = mkdtempSync(join(tmpdir(), "peerlink-bench-plugin-"));
  const stack = `bench-${randomBytes(4).toString("hex")}`;
  const env = pulumiEnv(stateDir, { ...c.env, PEERLINK_STATE: join(stateDir, "peerlink.db") });
  try {
    await ok(cwd, env, ["stack", "init", stack]);
    const start = performance.now();
    await ok(cwd, env, ["up", "--yes", "--skip-preview", "--stack", stack]);
    const wallMs = performance.now() - start;
    const exported = await ok(cwd, env, ["stack", "export", "--stack", stack]);
    const resources = (JSON.parse(exported.stdout) as { deployment: { resources?: { type: string }[] } })
      .deployment.resources;
    const own = (resources ?? []).filter((r) => r.type.startsWith(c.typePrefix));
    if (own.length !== c.resources)
      throw new Error(
        `${c.label}: expected ${c.resources} ${c.typePrefix}* resources, the stack has ${own.length}`,
      );
    const bytes = own.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0);
    return { wallMs, bytesPerResource: bytes / own.length };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(join(cwd, `Pulumi.${stack}.yaml`), { force: true });
  }
}

const bench: Bench = {
  id: "pulumi-plugin",
  title: "Pulumi provider plugin: `pulumi up` of the 20-VPC mesh against no-op resources of a minimal plugin",
  async run(context: BenchContext): Promise<BenchReport> {
    const mesh = ringMesh(context.sizes?.[0] ?? DEFAULT_VPCS);
    const { engines } = await ensureEngines({ only: ["pulumi"] });
    const meshEnv = { PEERLINK_BENCH_VPCS: String(mesh.vpcs) };
    const cases: Case[] = [
      // The floor the target is judged against: the mesh program itself, every resource on the no-op plugin.
      {
        label: "floor: the mesh program on the no-op plugin",
        program: "plugin-mesh",
        env: { ...meshEnv, PEERLINK_BENCH_NOOP: "1" },
        resources: mesh.resources,
        typePrefix: "peerlinkbench:index:Noop",
      },
      {
        label: `peerlink plugin: ${mesh.vpcs}-VPC ring mesh`,
        program: "plugin-mesh",
        env: meshEnv,
        resources: mesh.resources,
        typePrefix: "peerlink:index:",
      },
      // As many no-op resources with no dependencies and no inputs to speak of: what the engine costs per resource
      // before any program shape (the mesh's dependencies, inputs and stack traces) is added.
      {
        label: "no-op plugin resources, independent",
        program: "plugin-noop",
        env: { PEERLINK_BENCH_RESOURCES: String(mesh.resources) },
        resources: mesh.resources,
        typePrefix: "peerlinkbench:index:Noop",
      },
      // Without the file backend's checkpoint after every step: that write is of the whole state, whose size per
      // resource grows with the outputs peerlink's resources have and the no-op ones do not.
      {
        label: "floor, PULUMI_SKIP_CHECKPOINTS",
        program: "plugin-mesh",
        env: { ...meshEnv, PEERLINK_BENCH_NOOP: "1", PULUMI_SKIP_CHECKPOINTS: "true" },
        resources: mesh.resources,
        typePrefix: "peerlinkbench:index:Noop",
      },
      {
        label: "peerlink plugin, PULUMI_SKIP_CHECKPOINTS",
        program: "plugin-mesh",
        env: { ...meshEnv, PULUMI_SKIP_CHECKPOINTS: "true" },
        resources: mesh.resources,
        typePrefix: "peerlink:index:",
      },
      {
        label: `peerlink dynamic providers: the same mesh`,
        program: "peerlink-mesh",
        env: meshEnv,
        resources: mesh.resources,
        typePrefix: "pulumi-nodejs:dynamic/peerlink:",
      },
    ];
    const loadBefore = loadavg()[0]!;
    const rows = cases.map((c) => ({ c, samples: [] as Sample[] }));
    for (let i = 0; i < RUNS; i++)
      for (const row of rows) {
        context.log(`pulumi-plugin: ${row.c.label}, run ${i + 1}/${RUNS}`);
        const sample = await runOnce(row.c);
        row.samples.push(sample);
        context.log(`pulumi-plugin:   ${(sample.wallMs / 1000).toFixed(1)} s`);
      }
    const loadAfter = loadavg()[0]!;
    const wall = (row: (typeof rows)[number]) => median(row.samples.map((s) => s.wallMs));
    const floorMs = wall(rows[0]!);
    const pluginMs = wall(rows[1]!);
    const ratio = pluginMs / floorMs;
    const table: Table = {
      header: [
        "case",
        "resources",
        "median s",
        "min–max s",
        "runs",
        "ms / resource",
        "× floor",
        "state bytes / resource",
      ],
      align: ["left", "right", "right", "right", "right", "right", "right", "right"],
      rows: rows.map((row) => {
        const walls = row.samples.map((s) => s.wallMs);
        return [
          row.c.label,
          String(row.c.resources),
          (wall(row) / 1000).toFixed(1),
          `${(Math.min(...walls) / 1000).toFixed(1)}–${(Math.max(...walls) / 1000).toFixed(1)}`,
          String(walls.length),
          formatMs(wall(row) / row.c.resources),
          (wall(row) / floorMs).toFixed(2),
          String(Math.round(median(row.samples.map((s) => s.bytesPerResource)))),
        ];
      }),
    };
    const independentMs = wall(rows[2]!);
    const headline = `peerlink through the plugin: ${ratio.toFixed(2)}× the same program on the no-op plugin (target ≤ ${TARGET}×); ${formatMs(pluginMs / mesh.resources)} ms/resource against ${formatMs(floorMs / mesh.resources)}; ${(pluginMs / independentMs).toFixed(2)}× as many independent no-op resources; dynamic providers ${(wall(rows[5]!) / floorMs).toFixed(2)}× the floor; without checkpoints ${(wall(rows[4]!) / wall(rows[3]!)).toFixed(2)}×.`;
    const notes = [
      `Mesh: ${mesh.vpcs} VPCs on a ring, ${mesh.peerings.length} cross-region peerings at 100 Mbps, ${mesh.routes} RouteRules: ${mesh.resources} resources, on the embedded local backend (bench/programs/peerlink-mesh/topology.ts).`,
      "Floor: the same program (bench/programs/plugin-mesh) with every resource declared as a custom resource of a provider plugin whose create returns {id, outs: {}} (bench/programs/plugin-noop/provider, on the same @pulumi/pulumi provider server as peerlink's plugin): the same registrations, inputs, dependencies and stack traces, a provider that does nothing. The rows differ by peerlink's provider alone (its start, check, create and wait, and the outputs it returns, which the checkpoint then carries).",
      "Independent no-op resources: as many resources of the same no-op plugin with no dependencies and a one-number input (bench/programs/plugin-noop), the floor this bench judged against until 2026-12-06; against it the mesh also pays the engine for its program's dependencies, inputs and longer stack traces, which any 320-resource mesh has, whatever serves it.",
      `Each run is the first \`pulumi up --yes --skip-preview\` on a fresh stack; the cases take turns, median of ${RUNS} runs. State bytes / resource: the JSON of the case's resources in \`pulumi stack export\`, divided by their number.`,
      `Pulumi ${engines.pulumi?.version ?? "?"} (${engines.pulumi?.source ?? "?"}); load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
    ];
    const host = machine();
    return {
      text: [host.text, "", textTable(table), "", headline].join("\n"),
      markdown: [
        host.markdown,
        "",
        markdownTable(table),
        "",
        `**${headline}**`,
        "",
        ...notes.map((n) => `- ${n}`),
      ].join("\n"),
      targets: [
        {
          label: `plugin mesh within ${TARGET}× the same program on the no-op plugin: ×${ratio.toFixed(2)}`,
          met: ratio <= TARGET,
        },
      ],
    };
  },
};

export default bench;
