/**
 * Journey 1 in the project a platform engineer already has: one made by `pulumi new typescript`. Its program is
 * CommonJS (package.json has no "type", tsconfig has module and moduleResolution nodenext), its Pulumi.yaml says
 * only `runtime: nodejs`, so the engine runs index.ts through Pulumi's own ts-node with the project's TypeScript,
 * and peerlink comes from `npm pack` of this build, installed as `npm install peerlink` lays it out
 * (test/support/packed-install.ts). Until 2026-12-08 this program failed on its first line:
 * `require("peerlink/pulumi")` was ERR_PACKAGE_PATH_NOT_EXPORTED, because the exports had only "import".
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPackedPeerlink, type PackedInstall } from "../support/packed-install.js";
import { livePeerings, snapshot } from "./support/local.js";
import { PulumiStack } from "./support/pulumi.js";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { TwoRegionDr, Vpc } from "peerlink/pulumi";

const config = new pulumi.Config();
const standbyCidr = config.get("standbyCidr") ?? "10.1.0.0/16";

const guangzhou = new Vpc("payments-gz", { name: "payments-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
const beijing = new Vpc("payments-bj", { name: "payments-bj", region: "ap-beijing", cidrs: [standbyCidr] });

const dr = new TwoRegionDr("payments-dr", {
  primary: { vpc: guangzhou, region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
  standby: { vpc: beijing, region: "ap-beijing", cidrs: [standbyCidr] },
  bandwidthMbps: 200,
  chargeType: "POSTPAID_BY_MONTH_95",
});

export const status = dr.status;
export const reachability = dr.reachabilityMatrix;
`;

describe("a `pulumi new typescript` project (CommonJS, Pulumi's ts-node) using the packed package", () => {
  let packed: PackedInstall;
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    packed = installPackedPeerlink();
    const dir = join(packed.dir, "payments-network");
    mkdirSync(dir);
    writeFileSync(join(dir, "Pulumi.yaml"), "name: payments-network\nruntime: nodejs\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "payments-network", main: "index.ts" }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          outDir: "bin",
          target: "es2020",
          module: "nodenext",
          moduleResolution: "nodenext",
          sourceMap: true,
        },
        files: ["index.ts"],
      }),
    );
    writeFileSync(join(dir, "index.ts"), PROGRAM);
    stack = new PulumiStack(dir);
    stateFile = join(stack.stateDir, "peerlink.db");
    stack.env.PEERLINK_STATE = stateFile;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init();
  });
  afterAll(() => {
    stack?.close();
    if (packed) rmSync(packed.dir, { recursive: true, force: true });
  });

  it("up ends with the peering ACTIVE and traffic both ways", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("ACTIVE");
    // Sites without a name are named by their role.
    expect(outputs.reachability).toEqual({
      "payments-dr-primary": { "payments-dr-standby": true },
      "payments-dr-standby": { "payments-dr-primary": true },
    });
    const state = await snapshot(stateFile, "local");
    expect(livePeerings(state.peerings).map((p) => p.status)).toEqual(["ACTIVE"]);
  });

  it("a second run changes nothing", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
  });

  it("a TypeScript policy pack laid out as `pulumi policy new aws-typescript` makes one (CommonJS, node10) runs and passes", async () => {
    // PulumiPolicy.yaml `runtime: nodejs`, index.ts through Pulumi's ts-node, which type-checks it: the import
    // becomes require("peerlink/pulumi/policy") (loading it serves the pack), its types come from typesVersions.
    const pack = join(packed.dir, "network-policies");
    mkdirSync(pack);
    writeFileSync(
      join(pack, "PulumiPolicy.yaml"),
      "description: peerlink's topology rules\nruntime: nodejs\n",
    );
    writeFileSync(join(pack, "package.json"), JSON.stringify({ name: "network-policies", version: "0.0.1" }));
    writeFileSync(
      join(pack, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es6",
          module: "commonjs",
          moduleResolution: "node",
          strictNullChecks: true,
        },
        files: ["index.ts"],
      }),
    );
    writeFileSync(
      join(pack, "index.ts"),
      'import { topologyErrorsPolicy } from "peerlink/pulumi/policy";\nexport const served: string = topologyErrorsPolicy.name;\n',
    );
    const preview = await stack.preview(["--policy-pack", pack]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/✅ peerlink@v0\.0\.1/);
    expect(preview.output).not.toMatch(/\[(mandatory|advisory)\]/);
  });

  it("an overlapping standby CIDR fails the preview with CIDR_OVERLAP, before anything is touched", async () => {
    const before = await snapshot(stateFile, "local");
    const preview = await stack.preview(["--config", "standbyCidr=10.0.128.0/17"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("CIDR_OVERLAP");
    expect(preview.output).toContain("10.0.128.0/17");
    expect(await snapshot(stateFile, "local")).toEqual(before);
  });

  it("destroy removes what it made", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, "local");
    expect(livePeerings(state.peerings)).toEqual([]);
    expect(state.vpcs).toEqual([]);
  });
});
