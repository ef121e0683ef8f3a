/**
 * The CDKTF example (examples/cdktf-dr) through the real tools: `cdktf synth` (cdktf-cli 0.21.0) writes the two
 * stacks, then OpenTofu (v1.12.6, scripts/engines.mjs) reads each synthesized cdk.tf.json.
 *
 * The provider the constructs target, tencentcloudstack/tencentcloud ~> 1.83, cannot be built on this machine:
 * the Go module proxy refuses github.com/tencentcloudstack/terraform-provider-tencentcloud (HTTP 403 for
 * v1.83.25, for its commit and for @latest), and building it from source fails on 26 of its tencentcloud-sdk-go
 * modules (e.g. tencentcloud/common v1.3.164, 403). So:
 * - always: `tofu init` with an empty filesystem mirror as the only installation method. OpenTofu parses the whole
 *   configuration first (JSON syntax, the terraform / provider / resource blocks, meta-arguments, version
 *   constraints) and stops before installing anything if it is invalid; a valid one fails at provider
 *   installation only. Argument names and types are not checked there: that needs the provider's schema;
 * - when a provider binary is given (PEERLINK_TENCENTCLOUD_PROVIDER, or terraform-provider-tencentcloud on PATH):
 *   `tofu validate -json` with it as a dev override, which checks every argument against its schema.
 */
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONFIGURATION_PROBLEMS,
  type CommandResult,
  cdktfSynth,
  configurationProblems,
  errorTitles,
  oneLine,
  PROVIDER_NOT_IN_MIRROR,
  providerDirFor,
  ROOT,
  runTofu,
  TENCENTCLOUD_ADDRESS,
  TENCENTCLOUD_CONSTRAINT,
  TENCENTCLOUD_SOURCE,
  tencentcloudProviderBinary,
  tofuBinary,
  writeDevOverrideConfig,
  writeMirrorConfig,
} from "./support/tofu.js";

const EXAMPLE = join(ROOT, "examples", "cdktf-dr");
/** Words of OpenTofu's configuration errors (JSON syntax, unknown blocks or arguments, invalid values). */
const CONFIGURATION_ERROR_WORDS = /Invalid|Unsupported argument|Failed to load|JSON/;
const STACKS = ["payments-dr", "cross-account-dr"] as const;

interface Resource {
  key: string;
  body: Record<string, unknown>;
}
interface StackJson {
  terraform: { required_providers: Record<string, unknown>; backend?: unknown };
  provider: Record<string, Record<string, unknown>[]>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

/** A stack's resources of one type by construct path (`<stack>/<construct>/.../Resource`). */
function resourcesByPath(stack: StackJson, type: string): Map<string, Resource> {
  const found = new Map<string, Resource>();
  for (const [key, body] of Object.entries(stack.resource[type] ?? {})) {
    const path = (body["//"] as { metadata: { path: string } }).metadata.path;
    found.set(path, { key, body });
  }
  return found;
}

/** The route entries as comparable rows: provider, table, destination, next hop. */
function routeRows(stack: StackJson): string[] {
  return [...resourcesByPath(stack, "tencentcloud_route_table_entry").values()]
    .map(({ body }) =>
      [body.provider, body.route_table_id, body.destination_cidr_block, body.next_type, body.next_hub].join(
        " ",
      ),
    )
    .sort();
}

let tofu: string;
let work: string;
let mirrorConfig: string;
let mirrorDir: string;
let outDir: string;
let synth: CommandResult;

beforeAll(async () => {
  tofu = tofuBinary();
  work = mkdtempSync(join(tmpdir(), "peerlink-e2e-tofu-"));
  mirrorDir = join(work, "empty-mirror");
  mirrorConfig = writeMirrorConfig(join(work, "mirror.tfrc"), mirrorDir);
  outDir = join(work, "cdktf.out");
  synth = await cdktfSynth(EXAMPLE, outDir, mirrorConfig);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const stackFile = (name: string) => join(outDir, "stacks", name, "cdk.tf.json");
const readStack = (name: string) => JSON.parse(readFileSync(stackFile(name), "utf8")) as StackJson;

/** A fresh directory holding `json` as its only cdk.tf.json, for one tofu run. */
function stackDir(name: string, json: string): string {
  const dir = join(work, "runs", `${name}-${randomBytes(3).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "cdk.tf.json"), json);
  return dir;
}

describe("cdktf synth of examples/cdktf-dr (real cdktf-cli)", () => {
  it("exits 0 and writes both stacks", () => {
    expect(synth.code, synth.output).toBe(0);
    expect(synth.output).toContain("Generated Terraform code for the stacks: cross-account-dr, payments-dr");
    for (const name of STACKS) expect(existsSync(stackFile(name)), stackFile(name)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    expect(Object.keys(manifest.stacks).sort()).toEqual([...STACKS].sort());
  });

  it.each(STACKS)("%s requires tencentcloudstack/tencentcloud ~> 1.83", (name) => {
    const stack = readStack(name);
    expect(stack.terraform.required_providers).toEqual({
      tencentcloud: { source: TENCENTCLOUD_SOURCE, version: TENCENTCLOUD_CONSTRAINT },
    });
  });

  it("payments-dr: one gold 200 Mbps peering Guangzhou -> Beijing, routes on both sides for every table and CIDR", () => {
    const stack = readStack("payments-dr");
    expect(Object.keys(stack.resource).sort()).toEqual([
      "tencentcloud_route_table_entry",
      "tencentcloud_vpc_peer_connect_manager",
    ]);
    expect(stack.provider.tencentcloud).toEqual([
      { alias: "ap-guangzhou", region: "ap-guangzhou" },
      { alias: "ap-beijing", region: "ap-beijing" },
    ]);
    const peerings = resourcesByPath(stack, "tencentcloud_vpc_peer_connect_manager");
    expect([...peerings.keys()]).toEqual(["payments-dr/payments-dr/peering/Resource"]);
    const peering = peerings.get("payments-dr/payments-dr/peering/Resource")!;
    expect(peering.body).toMatchObject({
      provider: "tencentcloud.ap-guangzhou",
      source_vpc_id: "vpc-2ari9m7h",
      destination_vpc_id: "vpc-k1h3qoxa",
      destination_region: "ap-beijing",
      destination_uin: "100001",
      peering_connection_name: "payments-dr",
      bandwidth: 200,
      charge_type: "POSTPAID_BY_MONTH_95",
      qos_level: "AU",
    });
    const hop = `PEERCONNECTION \${tencentcloud_vpc_peer_connect_manager.${peering.key}.id}`;
    expect(routeRows(stack)).toEqual(
      [
        `tencentcloud.ap-beijing rtb-bj-main 10.0.0.0/16 ${hop}`,
        `tencentcloud.ap-guangzhou rtb-gz-app 10.1.0.0/16 ${hop}`,
        `tencentcloud.ap-guangzhou rtb-gz-app 10.2.0.0/16 ${hop}`,
        `tencentcloud.ap-guangzhou rtb-gz-main 10.1.0.0/16 ${hop}`,
        `tencentcloud.ap-guangzhou rtb-gz-main 10.2.0.0/16 ${hop}`,
      ].sort(),
    );
  });

  it("cross-account-dr: the standby's account accepts through its own role, and every route waits for it", () => {
    const stack = readStack("cross-account-dr");
    expect(Object.keys(stack.resource).sort()).toEqual([
      "tencentcloud_route_table_entry",
      "tencentcloud_vpc_peer_connect_accept_operation",
      "tencentcloud_vpc_peer_connect_manager",
    ]);
    expect(stack.provider.tencentcloud).toEqual([
      { alias: "app", region: "ap-guangzhou" },
      {
        alias: "network",
        region: "ap-beijing",
        assume_role: {
          role_arn: "qcs::cam::uin/100002:roleName/peerlink-accepter",
          session_name: "peerlink",
          session_duration: 3600,
        },
      },
    ]);
    const peering = resourcesByPath(stack, "tencentcloud_vpc_peer_connect_manager").get(
      "cross-account-dr/shared-services/peering/Resource",
    )!;
    expect(peering.body).toMatchObject({
      provider: "tencentcloud.app",
      destination_uin: "100002",
      destination_region: "ap-beijing",
      bandwidth: 100,
    });
    const acceptances = resourcesByPath(stack, "tencentcloud_vpc_peer_connect_accept_operation");
    expect([...acceptances.keys()]).toEqual(["cross-account-dr/shared-services/peering-acceptance/Resource"]);
    const acceptance = [...acceptances.values()][0]!;
    expect(acceptance.body).toMatchObject({
      provider: "tencentcloud.network",
      peering_connection_id: `\${tencentcloud_vpc_peer_connect_manager.${peering.key}.id}`,
    });
    const routes = [...resourcesByPath(stack, "tencentcloud_route_table_entry").values()];
    expect(routes).toHaveLength(5);
    for (const { body } of routes)
      expect(body.depends_on).toEqual([`tencentcloud_vpc_peer_connect_accept_operation.${acceptance.key}`]);
    expect(routes.map(({ body }) => `${body.provider} ${body.route_table_id}`).sort()).toEqual([
      "tencentcloud.app rtb-gz-app",
      "tencentcloud.app rtb-gz-app",
      "tencentcloud.app rtb-gz-main",
      "tencentcloud.app rtb-gz-main",
      "tencentcloud.network rtb-bj-main",
    ]);
  });
});

describe("tofu init on the synthesized stacks (empty filesystem mirror, no registry)", () => {
  it.each(STACKS)(
    "%s: OpenTofu reads the whole configuration and fails only at installing the provider",
    async (name) => {
      const dir = stackDir(name, readFileSync(stackFile(name), "utf8"));
      const init = await runTofu(tofu, dir, mirrorConfig, ["init", "-backend=false", "-input=false"]);
      const text = oneLine(init.output);
      expect(init.code, init.output).not.toBe(0);
      // It got as far as provider installation, with the constraint of the synthesized stack...
      expect(text).toContain(
        `Finding ${TENCENTCLOUD_SOURCE} versions matching "${TENCENTCLOUD_CONSTRAINT}"...`,
      );
      // ...and failed there, because the mirror has no package, and there only.
      expect(errorTitles(init.output), init.output).toEqual([PROVIDER_NOT_IN_MIRROR]);
      expect(text).toContain(
        `provider ${TENCENTCLOUD_ADDRESS} was not found in any of the search locations - ${mirrorDir}`,
      );
      expect(configurationProblems(init.output), init.output).toEqual([]);
      expect(init.output).not.toMatch(CONFIGURATION_ERROR_WORDS);
    },
  );

  const broken: ReadonlyArray<[string, (json: string) => string, string]> = [
    ["a JSON syntax error (truncated file)", (json) => json.slice(0, json.length >> 1), "Unclosed object"],
    [
      "an unknown top-level block",
      (json) => JSON.stringify({ ...(JSON.parse(json) as object), resources: { x: {} } }),
      "Extraneous JSON object property",
    ],
    [
      "an invalid version constraint",
      (json) => json.replace(`"version": "${TENCENTCLOUD_CONSTRAINT}"`, `"version": "~> one.eighty-three"`),
      "Invalid version constraint",
    ],
  ];
  it.each(broken)(
    "payments-dr with %s: init fails on the configuration, before any provider is looked for",
    async (_what, breakIt, error) => {
      const json = readFileSync(stackFile("payments-dr"), "utf8");
      const bad = breakIt(json);
      expect(bad).not.toBe(json);
      const init = await runTofu(tofu, stackDir("broken", bad), mirrorConfig, [
        "init",
        "-backend=false",
        "-input=false",
      ]);
      expect(init.code, init.output).not.toBe(0);
      expect(errorTitles(init.output), init.output).toContain(error);
      // The same check that passes on the synthesized stacks fails here.
      const problems = configurationProblems(init.output);
      expect(problems).toContain(CONFIGURATION_PROBLEMS);
      expect(problems).toContain(error);
      expect(init.output).toMatch(CONFIGURATION_ERROR_WORDS);
      expect(init.output).not.toContain(`Finding ${TENCENTCLOUD_SOURCE} versions`);
    },
  );
});

const providerBinary = tencentcloudProviderBinary();
const NO_PROVIDER =
  "no terraform-provider-tencentcloud (set PEERLINK_TENCENTCLOUD_PROVIDER or put it on PATH); it cannot be built " +
  "here: the Go module proxy answers 403 for github.com/tencentcloudstack/terraform-provider-tencentcloud " +
  "(v1.83.25, its commit, @latest) and for 26 of its tencentcloud-sdk-go modules (e.g. tencentcloud/common v1.3.164)";

describe("tofu validate against the provider's schema", () => {
  it.skipIf(providerBinary === undefined).each(STACKS)(
    providerBinary === undefined
      ? `%s: skipped, ${NO_PROVIDER}`
      : `%s: tofu validate -json is valid with ${providerBinary} (dev override)`,
    async (name) => {
      const config = writeDevOverrideConfig(
        join(work, `dev-override-${name}.tfrc`),
        providerDirFor(providerBinary!, join(work, `provider-${name}`)),
      );
      const dir = stackDir(name, readFileSync(stackFile(name), "utf8"));
      const validate = await runTofu(tofu, dir, config, ["validate", "-json"]);
      const report = JSON.parse(validate.stdout.slice(validate.stdout.indexOf("{"))) as {
        valid: boolean;
        error_count: number;
        diagnostics: { severity: string; summary: string; detail?: string }[];
      };
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(report.valid, validate.output).toBe(true);
      expect(validate.code, validate.output).toBe(0);
    },
  );
});

describe("a topology error stops the synth (real cdktf-cli)", () => {
  let appDir: string;
  let brokenOut: string;
  let broken: CommandResult;

  beforeAll(async () => {
    // Inside the repository, so that `peerlink/cdktf` still resolves to dist/ by the package's self-reference.
    appDir = join(ROOT, "test", "e2e", `.tmp-cdktf-${randomBytes(4).toString("hex")}`);
    mkdirSync(appDir);
    for (const file of ["cdktf.json", "main.ts"]) copyFileSync(join(EXAMPLE, file), join(appDir, file));
    const stacks = readFileSync(join(EXAMPLE, "stacks.ts"), "utf8");
    const overlapping = stacks.replace(
      'cidrs: ["10.1.0.0/16", "10.2.0.0/16"]',
      'cidrs: ["10.0.0.0/16"]', // Beijing now overlaps Guangzhou's 10.0.0.0/16
    );
    expect(overlapping).not.toBe(stacks);
    writeFileSync(join(appDir, "stacks.ts"), overlapping);
    brokenOut = mkdtempSync(join(tmpdir(), "peerlink-e2e-cdktf-overlap-"));
    broken = await cdktfSynth(appDir, brokenOut, mirrorConfig);
  });
  afterAll(() => {
    if (appDir) rmSync(appDir, { recursive: true, force: true });
    if (brokenOut) rmSync(brokenOut, { recursive: true, force: true });
  });

  it("exits non-zero with the construct path and CIDR_OVERLAP, and writes no stack", () => {
    expect(broken.code, broken.output).not.toBe(0);
    expect(broken.output).toContain("cdktf encountered an error while synthesizing");
    expect(broken.output).toContain(
      '[payments-dr/payments-dr/peering] CIDR_OVERLAP VPC "payments-gz" CIDR 10.0.0.0/16 overlaps VPC ' +
        '"payments-bj" CIDR 10.0.0.0/16',
    );
    for (const name of STACKS) expect(existsSync(join(brokenOut, "stacks", name, "cdk.tf.json"))).toBe(false);
  });
});
