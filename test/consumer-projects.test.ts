/**
 * peerlink in the projects its users already have. The package is ESM; a Pulumi program made by
 * `pulumi new typescript` is CommonJS (its tsconfig: module and moduleResolution nodenext, no "type" in
 * package.json), and an app made by `cdktf init --template=typescript` is CommonJS compiled with TypeScript's
 * node10 resolution (module CommonJS, no moduleResolution), which does not read `exports` at all. Until 2026-12-08
 * neither could use peerlink: TypeScript could not find `peerlink/cdktf`, and Node refused `require("peerlink/pulumi")`
 * (ERR_PACKAGE_PATH_NOT_EXPORTED, the exports had only "import").
 *
 * Each layout below is written beside the packed package (test/support/packed-install.ts), type-checked with its own
 * compiler options, and run the way it runs (CommonJS `require`, which Node ≥ 20.19 allows of an ES module, or
 * `import`). The Pulumi engine running such a program is test/e2e/pulumi-template-project.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/built-cli.js";
import { installPackedPeerlink, type PackedInstall } from "./support/packed-install.js";

/**
 * Every entry point that a program loads, and one name each must export, so that an empty module does not pass.
 * `peerlink/pulumi/policy` is left out: loading it serves the policy pack (the engine runs it, from a pack's own
 * directory), so it is only resolved here; test/e2e/pulumi-local.test.ts runs the pack.
 */
const ENTRIES = {
  peerlink: "validateDocument",
  "peerlink/backends": "openLocalBackend",
  "peerlink/pulumi": "TwoRegionDr",
  "peerlink/pulumi/runtime": "openBackend",
  "peerlink/cdktf": "TwoRegionDr",
} as const;
const POLICY_ENTRY = "peerlink/pulumi/policy";
const POLICY_FILE = "dist/provider/pulumi/policy/index.js";

/**
 * A TypeScript file that imports from every entry point and constructs each public class with typed arguments, as a
 * program would: a constructor missing from the published declarations (stripInternal removes whatever a doc
 * comment with an `@internal` tag sits on) would leave the base class's signature and fail here.
 */
const EVERY_ENTRY = `
import { type ValidationResult, validateDocument } from "peerlink";
import { type LocalStateOptions, openLocalBackend } from "peerlink/backends";
import { HubAndSpoke, Peering, RouteRule, TwoRegionDr, TwoRegionsThreeCenters, Vpc } from "peerlink/pulumi";
import { openBackend } from "peerlink/pulumi/runtime";
import { topologyErrorsPolicy } from "peerlink/pulumi/policy";
import * as cdktf from "peerlink/cdktf";
import { App, TerraformStack } from "cdktf";

const result: ValidationResult = validateDocument({ vpcs: [] });
const options: LocalStateOptions = { file: ":memory:" };
export const vpcs = openLocalBackend(options).listVpcs();
const gz = new Vpc("gz", { name: "gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
const site = (vpc: Vpc | string, region: string, cidr: string) => ({ vpc, region, cidrs: [cidr] });
const dr = new TwoRegionDr("dr", {
  primary: site(gz, "ap-guangzhou", "10.0.0.0/16"),
  standby: site("vpc-bj", "ap-beijing", "10.1.0.0/16"),
  bandwidthMbps: 200,
  chargeType: "POSTPAID_BY_MONTH_95",
});
const centres = new TwoRegionsThreeCenters("bank", {
  production: site("vpc-p", "ap-shanghai", "10.10.0.0/16"),
  backup: site("vpc-b", "ap-shanghai", "10.11.0.0/16"),
  dr: site("vpc-d", "ap-beijing", "10.12.0.0/16"),
  bandwidthMbps: 100,
});
const hub = new HubAndSpoke("hub", {
  hub: site("vpc-hub", "ap-guangzhou", "10.20.0.0/16"),
  spokes: { a: site("vpc-a", "ap-guangzhou", "10.21.0.0/16") },
});
const peering = new Peering("p", { name: "p", vpcId: gz.id, peerVpcId: "vpc-x", bandwidthMbps: 100 });
const route = new RouteRule("r", { vpcId: gz.id, destination: "10.9.0.0/16", peeringId: peering.id });
const statuses: Array<import("@pulumi/pulumi").Output<string>> = [dr.status, peering.status];

const app = new App();
const stack = new TerraformStack(app, "payments-dr");
const vpcSite = (vpcId: string, region: string, cidr: string): cdktf.VpcSite => ({
  vpcId, cloud: "tencentcloud", region, account: "100001", cidrs: [cidr],
});
const construct = new cdktf.TwoRegionDr(stack, "dr", {
  primary: vpcSite("vpc-gz", "ap-guangzhou", "10.0.0.0/16"),
  standby: vpcSite("vpc-bj", "ap-beijing", "10.1.0.0/16"),
  bandwidthMbps: 200,
});
const link = new cdktf.Peering(stack, "link", {
  cloud: "tencentcloud",
  vpc: vpcSite("vpc-a", "ap-guangzhou", "10.30.0.0/16"),
  peerVpc: vpcSite("vpc-b", "ap-guangzhou", "10.31.0.0/16"),
});
export const used = [result.ok, centres.plan, hub.plan, route, statuses, construct.node.path, link, openBackend];
export const policyName: string = topologyErrorsPolicy.name;
`;

interface Layout {
  /** Where the layout comes from. */
  readonly what: string;
  readonly packageJson: Record<string, unknown>;
  readonly compilerOptions: Record<string, unknown>;
  /** Without esModuleInterop under node10 resolution: zod's own declarations fail there (isZodsOwn). */
  readonly zodNeedsInterop?: boolean;
}

const LAYOUTS: Record<string, Layout> = {
  "pulumi-new-typescript": {
    what: "`pulumi new typescript` (pulumi/templates typescript/, 2026): CommonJS, nodenext",
    packageJson: { name: "pulumi-program", main: "index.ts" },
    compilerOptions: { strict: true, target: "es2020", module: "nodenext", moduleResolution: "nodenext" },
  },
  "pulumi-commonjs-node10": {
    what: "the Pulumi template's earlier tsconfig, still in many repositories: module commonjs, moduleResolution node",
    packageJson: { name: "pulumi-program", main: "index.ts" },
    compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node" },
    zodNeedsInterop: true,
  },
  "cdktf-init-typescript": {
    what: "`cdktf init --template=typescript` (cdktf-cli 0.21.0): CommonJS, node10, lib es2018, skipLibCheck",
    packageJson: { name: "cdktf-app", main: "main.js" },
    compilerOptions: {
      strict: true,
      target: "ES2018",
      lib: ["es2018"],
      module: "CommonJS",
      skipLibCheck: true,
      noUnusedLocals: true,
    },
  },
  "esm-nodenext": {
    what: 'an ES module package ("type": "module"), nodenext',
    packageJson: { name: "esm-app", type: "module" },
    compilerOptions: { strict: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext" },
  },
  strictest: {
    what: "a project with every strictness option on (exactOptionalPropertyTypes, verbatimModuleSyntax, ...)",
    packageJson: { name: "strict-app", type: "module" },
    compilerOptions: {
      strict: true,
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      useUnknownInCatchVariables: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
    },
  },
  bundler: {
    what: "a bundled app (esbuild, Vite): moduleResolution bundler",
    packageJson: { name: "bundled-app", type: "module" },
    compilerOptions: { strict: true, target: "es2022", module: "esnext", moduleResolution: "bundler" },
  },
};

/**
 * @pulumi/policy 1.21.0's own index.d.ts re-exports `unknownCheckingProxy` from a proxy.d.ts that declares nothing
 * (`export {};`), so any project that type-checks its libraries and imports @pulumi/policy gets these two errors,
 * with or without peerlink. They are that package's; every other file's errors count.
 */
function isPulumiPolicysOwn(d: ts.Diagnostic): boolean {
  return d.file?.fileName.includes("/node_modules/@pulumi/policy/") === true;
}

/**
 * zod 4.6.7's CommonJS declarations (v4/locales/index.d.cts: `export { default as ar } from "./ar.cjs"`, of modules
 * declared `export =`) need esModuleInterop, which the Pulumi template's earlier tsconfig does not set: a project
 * there that imports zod, or any library whose declarations name zod's types, gets TS1259 from zod's files
 * (colinhacks/zod#5160, "This module is declared with 'export =', and can only be used with a default import when
 * using the 'esModuleInterop' flag"). `pulumi up` is unaffected (ts-node reports the program's own files); `tsc`
 * needs esModuleInterop or skipLibCheck there, as the README says.
 */
function isZodsOwn(d: ts.Diagnostic): boolean {
  return d.code === 1259 && d.file?.fileName.includes("/node_modules/zod/") === true;
}

function describeDiagnostic(d: ts.Diagnostic): string {
  const where = d.file
    ? `${d.file.fileName}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
    : "";
  return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

/** Writes the layout's package.json and sources (name, text), type-checks them with its options, and (if asked) emits them. */
function compile(
  dir: string,
  layout: Layout,
  sources: readonly (readonly [string, string])[],
  emit = false,
): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify(layout.packageJson));
  for (const [file, source] of sources) writeFileSync(join(dir, file), source);
  const parsed = ts.parseJsonConfigFileContent(
    {
      compilerOptions: { ...layout.compilerOptions, outDir: "out", types: ["node"] },
      files: sources.map(([file]) => file),
    },
    ts.sys,
    dir,
  );
  expect(parsed.errors.map(describeDiagnostic)).toEqual([]);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !isPulumiPolicysOwn(d) && !(layout.zodNeedsInterop && isZodsOwn(d)));
  if (emit && problems.length === 0) program.emit();
  return problems.map(describeDiagnostic);
}

function node(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let packed: PackedInstall;
beforeAll(() => {
  packed = installPackedPeerlink();
}, 120_000);
afterAll(() => rmSync(packed.dir, { recursive: true, force: true }));

describe("peerlink in a consumer's TypeScript project", () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`type-checks every entry point in ${layout.what}`, () => {
      expect(compile(join(packed.dir, name), layout, [["index.ts", EVERY_ENTRY]])).toEqual([]);
    });
  }

  it("type-checks every self-contained TypeScript example of the README (those that start with their imports)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```ts\n(.*?)```/gs)]
      .map((m) => m[1]!)
      .filter((code) => code.trimStart().startsWith("import "));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    // One program of one module per example (each has imports, so nothing leaks between them).
    const files = examples.map((code, i) => [`example-${i}.ts`, code] as const);
    expect(compile(join(packed.dir, "readme-examples"), LAYOUTS["esm-nodenext"]!, files)).toEqual([]);
  });

  it("publishes declarations that need no devDependency's types (better-sqlite3's stay internal)", () => {
    // The layout that checks its libraries (no skipLibCheck) and has no @types/better-sqlite3 of its own.
    const dir = join(packed.dir, "backends-only");
    const problems = compile(dir, LAYOUTS["pulumi-new-typescript"]!, [["index.ts", EVERY_ENTRY]]);
    expect(problems.filter((p) => p.includes("better-sqlite3"))).toEqual([]);
    const engine = readFileSync(join(packed.packageDir, "dist/provider/backends/local/engine.d.ts"), "utf8");
    expect(engine).not.toContain("statement(");
    expect(engine).not.toContain("database.js");
  });

  it("tags @internal only at the start of a doc comment, where it means the declaration below", () => {
    // stripInternal drops the declaration under any doc comment with the tag anywhere in it: written in prose
    // ("@internal for the plugin"), it once removed the DR components' constructors from the declarations.
    const misplaced: string[] = [];
    for (const root of ["provider", "constructs"]) {
      for (const file of readdirSync(join(ROOT, root), { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts")) continue;
        readFileSync(join(ROOT, root, file), "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (line.includes("@internal") && !/^\s*\/\*\* @internal\b/.test(line))
              misplaced.push(`${root}/${file}:${i + 1}`);
          });
      }
    }
    expect(misplaced).toEqual([]);
  });
});

describe("peerlink at run time in a consumer's project", () => {
  it("is required from CommonJS, every entry point (Node ≥ 20.19 loads an ES module with require)", () => {
    const dir = join(packed.dir, "cjs-runtime");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "cjs", type: "commonjs" }));
    const script = `const entries = ${JSON.stringify(ENTRIES)};
      const loaded = Object.entries(entries).map(([e, name]) => [e, typeof require(e)[name]]);
      console.log(JSON.stringify({ loaded, policy: require.resolve(${JSON.stringify(POLICY_ENTRY)}) }));`;
    const r = node(dir, ["-e", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      loaded: Object.keys(ENTRIES).map((e) => [e, "function"]),
      policy: join(packed.packageDir, POLICY_FILE),
    });
  });

  it("is imported from an ES module, every entry point", () => {
    const dir = join(packed.dir, "esm-runtime");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "esm", type: "module" }));
    const script = `const entries = ${JSON.stringify(ENTRIES)}; const out = [];
      for (const [e, name] of Object.entries(entries)) out.push([e, typeof (await import(e))[name]]);
      console.log(JSON.stringify({ loaded: out, policy: import.meta.resolve(${JSON.stringify(POLICY_ENTRY)}) }));`;
    const r = node(dir, ["--input-type=module", "-e", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      loaded: Object.keys(ENTRIES).map((e) => [e, "function"]),
      policy: pathToFileURL(join(packed.packageDir, POLICY_FILE)).href,
    });
  });

  it("synthesizes a `cdktf init` app compiled to CommonJS, and fails its synth on a topology error", () => {
    const dir = join(packed.dir, "cdktf-app");
    const main = `import { App, TerraformStack } from "cdktf";
import { TwoRegionDr, type VpcSite } from "peerlink/cdktf";

const app = new App({ outdir: "cdktf.out" });
const stack = new TerraformStack(app, "payments-dr");
const site = (vpcId: string, region: string, cidr: string): VpcSite => ({
  vpcId, cloud: "huaweicloud", region, account: "acct-a", cidrs: [cidr],
});
new TwoRegionDr(stack, "dr", {
  primary: site("vpc-prod", "cn-east-3", "10.0.0.0/16"),
  standby: site("vpc-standby", process.env.STANDBY_REGION ?? "cn-east-3", "10.1.0.0/16"),
});
app.synth();
`;
    expect(compile(dir, LAYOUTS["cdktf-init-typescript"]!, [["main.ts", main]], true)).toEqual([]);
    const synth = node(dir, ["out/main.js"]);
    expect(synth.stderr).toBe("");
    expect(synth.code).toBe(0);
    const tf = JSON.parse(readFileSync(join(dir, "cdktf.out/stacks/payments-dr/cdk.tf.json"), "utf8")) as {
      resource: Record<string, unknown>;
    };
    expect(Object.keys(tf.resource)).toContain("huaweicloud_vpc_peering_connection");

    // Journey 4: a topology error stops the pipeline at the synth, with the construct's path and the code.
    rmSync(join(dir, "cdktf.out"), { recursive: true, force: true });
    const refused = node(dir, ["out/main.js"], { STANDBY_REGION: "cn-north-4" });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/\[payments-dr\/dr[^\]]*\] CROSS_REGION_UNSUPPORTED/);
    expect(existsSync(join(dir, "cdktf.out/stacks/payments-dr/cdk.tf.json"))).toBe(false);
  });

  it("serves the whole Pulumi package schema from its plugin, as `plugins.providers: path: node_modules/peerlink/bin` runs it", () => {
    // Until 2026-12-08 schema.json was not published, and the plugin fell back to the minimal schema (no
    // properties), which Pulumi YAML checks a program against.
    const getSchema = pathToFileURL(join(packed.packageDir, "dist/provider/plugin/get-schema.js")).href;
    const r = node(packed.dir, [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(getSchema)});
      process.stdout.write(m.loadSchema("0.0.0"));`,
    ]);
    expect(r.stderr).toBe("");
    const served = JSON.parse(r.stdout) as { resources: Record<string, { inputProperties: object }> };
    expect(served).toEqual(JSON.parse(readFileSync(join(ROOT, "schema.json"), "utf8")));
    expect(Object.keys(served.resources["peerlink:index:Peering"]!.inputProperties)).toContain(
      "bandwidthMbps",
    );
  });

  it("runs its CLI from the packed files", () => {
    const cli = join(packed.packageDir, "dist/provider/cli/main.js");
    const example = join(packed.dir, "network.yaml");
    writeFileSync(
      example,
      [
        "vpcs:",
        "  - { id: a, cloud: tencentcloud, region: ap-guangzhou, account: '1', cidrs: [10.0.0.0/16] }",
        "  - { id: b, cloud: tencentcloud, region: ap-beijing, account: '1', cidrs: [10.0.0.0/24] }",
        "peerings:",
        "  - { id: a-b, vpc: a, peerVpc: b }",
        "",
      ].join("\n"),
    );
    const r = node(packed.dir, [cli, "validate", example], { NO_COLOR: "1" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("CIDR_OVERLAP");
    const schema = node(packed.dir, [cli, "schema"]);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toEqual(
      JSON.parse(readFileSync(join(packed.packageDir, "topology.schema.json"), "utf8")),
    );
  });
});
