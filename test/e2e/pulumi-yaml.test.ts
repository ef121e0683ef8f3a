/**
 * Pulumi YAML end to end (issue 13): examples/yaml-two-region-dr (`runtime: yaml`) declares two Vpcs and a
 * peerlink:index:TwoRegionDr, served by the provider plugin from the checkout (`plugins.providers[].path`), on the
 * real Pulumi CLI with the YAML language host built from github.com/pulumi/pulumi-yaml (scripts/engines.mjs yaml,
 * only for this file). up, a no-change preview, refresh and destroy, checked against the backend's own state; the
 * overlapping-CIDR variant fails its preview with CIDR_OVERLAP and creates nothing, and a mistyped property is
 * refused by the YAML host's type checker from the plugin's schema (schema.json); and the same program on the plugin
 * of the packed package, where `npm install peerlink` puts it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEngines } from "../../scripts/engines.mjs";
import { installPackedPeerlink, type PackedInstall } from "../support/packed-install.js";
import { livePeerings, snapshot } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const EXAMPLE = join(ROOT, "examples", "yaml-two-region-dr");
const OVERLAP = join(ROOT, "examples", "yaml-two-region-dr-overlap");
const ACCOUNT = "100000000013";
/** A cold build of the YAML language host takes minutes (268 s measured on 2 busy cores). */
const BUILD_TIMEOUT = 20 * 60 * 1000;

beforeAll(async () => {
  await ensureEngines({ only: ["yaml"] });
}, BUILD_TIMEOUT);

describe("Pulumi YAML: examples/yaml-two-region-dr through the provider plugin", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(EXAMPLE);
    stateFile = join(stack.stateDir, "yaml.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile, "peerlink:account": ACCOUNT });
  });
  afterAll(() => stack?.close());

  it("up creates both VPCs, an ACTIVE peering and the routes both ways, as plugin resources", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("ACTIVE");
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs.map((v) => v.name).sort()).toEqual(["yaml-payments-bj", "yaml-payments-gz"]);
    const peerings = livePeerings(state.peerings);
    expect(peerings.map((p) => [p.id, p.status, p.bandwidthMbps])).toEqual([
      [outputs.peeringId, "ACTIVE", 100],
    ]);
    expect(state.routes.map((r) => r.destination).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    expect(outputs.routes).toHaveLength(2);
    const types = (await stack.resources()).map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "peerlink:index:TwoRegionDr",
        "peerlink:index:Vpc",
        "peerlink:index:Peering",
        "peerlink:index:RouteRule",
      ]),
    );
    expect(types.some((t) => t.startsWith("pulumi-nodejs:dynamic"))).toBe(false);
  });

  it("previews no changes after up", async () => {
    const { summary, result } = await stack.previewSummary(["--expect-no-changes"]);
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
  });

  it("refresh finds the stack as it left it", async () => {
    const refresh = await stack.refresh(["--expect-no-changes"]);
    expect(refresh.code, refresh.output).toBe(0);
  });

  it("destroy removes the VPCs and deletes the peering", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs).toEqual([]);
    expect(livePeerings(state.peerings)).toEqual([]);
    expect(await stack.resources()).toEqual([]);
  });
});

describe("Pulumi YAML: a TwoRegionDr whose CIDRs overlap", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(OVERLAP);
    stateFile = join(stack.stateDir, "overlap.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile, "peerlink:account": ACCOUNT });
  });
  afterAll(() => stack?.close());

  it("fails its preview with CIDR_OVERLAP, naming the VPCs, and creates nothing", async () => {
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      '[payments-dr/peerings[payments-dr]] CIDR_OVERLAP VPC "vpc-overlap-gz" CIDR 10.0.0.0/16 overlaps VPC "vpc-overlap-bj" CIDR 10.0.128.0/17',
    );
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs).toEqual([]);
    expect(state.peerings).toEqual([]);
  });
});

describe("Pulumi YAML: the plugin's schema types the program", () => {
  let stack: PulumiStack;
  let dir: string;

  beforeAll(async () => {
    // The overlap example with a string where the schema says integer, in a directory of its own.
    dir = mkdtempSync(join(tmpdir(), "peerlink-e2e-yaml-"));
    const program = readFileSync(join(OVERLAP, "Pulumi.yaml"), "utf8")
      .replace("path: ../../bin", `path: ${join(ROOT, "bin")}`)
      .replace("bandwidthMbps: 100", "bandwidthMbps: lots");
    writeFileSync(join(dir, "Pulumi.yaml"), program);
    stack = new PulumiStack(dir);
    await stack.init({ "peerlink:stateFile": join(stack.stateDir, "typed.db") });
  });
  afterAll(() => {
    stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a string for bandwidthMbps before any resource is registered", async () => {
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("bandwidthMbps: Cannot assign type 'string' to type 'integer'");
  });
});

describe("Pulumi YAML with the plugin of `npm install peerlink` (path: node_modules/peerlink/bin)", () => {
  // The packed package, as npm installs it: until 2026-12-08 it lacked schema.json, and its plugin served the
  // minimal schema, against which the YAML host could not type a single property.
  let packed: PackedInstall;
  let stack: PulumiStack;
  let typed: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    packed = installPackedPeerlink();
    const program = readFileSync(join(EXAMPLE, "Pulumi.yaml"), "utf8").replace(
      "path: ../../bin",
      "path: node_modules/peerlink/bin",
    );
    expect(program).toContain("path: node_modules/peerlink/bin");
    writeFileSync(join(packed.dir, "Pulumi.yaml"), program);
    mkdirSync(join(packed.dir, "typed"));
    writeFileSync(
      join(packed.dir, "typed", "Pulumi.yaml"),
      program
        .replace("path: node_modules/peerlink/bin", "path: ../node_modules/peerlink/bin")
        .replace("bandwidthMbps: 100", "bandwidthMbps: lots"),
    );
    stack = new PulumiStack(packed.dir);
    stateFile = join(stack.stateDir, "installed.db");
    typed = new PulumiStack(join(packed.dir, "typed"));
    for (const s of [stack, typed]) {
      delete s.env.PEERLINK_STATE;
      delete s.env.PEERLINK_ACCOUNT;
    }
    await stack.init({ "peerlink:stateFile": stateFile, "peerlink:account": ACCOUNT });
    await typed.init({ "peerlink:stateFile": join(typed.stateDir, "typed.db") });
  });
  afterAll(() => {
    stack?.close();
    typed?.close();
    if (packed) rmSync(packed.dir, { recursive: true, force: true });
  });

  it("types the program from the installed plugin's schema", async () => {
    const preview = await typed.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("bandwidthMbps: Cannot assign type 'string' to type 'integer'");
  });

  it("up ends with the peering ACTIVE, then destroy removes it", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    expect((await stack.outputs()).status).toBe("ACTIVE");
    expect(livePeerings((await snapshot(stateFile, ACCOUNT)).peerings)).toHaveLength(1);
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    expect((await snapshot(stateFile, ACCOUNT)).vpcs).toEqual([]);
  });
});

describe("pulumi package get-schema on the plugin", () => {
  it("returns schema.json (the CLI re-serializes it: compared as data)", async () => {
    const stack = new PulumiStack(OVERLAP);
    try {
      const result = await stack.run([
        "package",
        "get-schema",
        join(ROOT, "bin", "pulumi-resource-peerlink"),
      ]);
      expect(result.code, result.output).toBe(0);
      const committed = JSON.parse(readFileSync(join(ROOT, "schema.json"), "utf8")) as unknown;
      expect(JSON.parse(result.stdout)).toEqual(committed);
    } finally {
      stack.close();
    }
  });
});
