/**
 * `peerlink discover --format terraform-import` through OpenTofu (v1.12.6, scripts/engines.mjs): an estate built
 * with each cloud's official client on the emulator, discovered on all three clouds into one imports.tf.json, then
 * `tofu init` on it with an empty filesystem mirror as the only installation method. OpenTofu reads the whole
 * configuration first (the terraform, provider and import blocks, each `to` an address, each provider reference
 * one it has) and stops before installing anything if it is invalid. A valid file fails at provider installation
 * only, which is as far as this machine goes: none of the three providers can be built here (cdktf-tofu.test.ts).
 * `plan -generate-config-out` against the clouds, the step after, needs the providers and real accounts.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_SOURCES } from "../../provider/core/terraform-providers.js";
import { CLOUDS } from "../../provider/core/topology-schema.js";
import type { EmulatorAccount } from "../../provider/emulator/protocol.js";
import { type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import { planter, REGION } from "../audit/support/plant.js";
import { inProcessCli } from "../support/in-process-cli.js";
import {
  CONFIGURATION_PROBLEMS,
  configurationProblems,
  errorTitles,
  oneLine,
  PROVIDER_NOT_IN_MIRROR,
  runTofu,
  tofuBinary,
  writeMirrorConfig,
} from "./support/tofu.js";

const A: EmulatorAccount = {
  id: "500001",
  secretId: `AKIDtfimport${"1".repeat(24)}`,
  secretKey: `tfKey${"1".repeat(27)}`,
};
const B: EmulatorAccount = {
  id: "500002",
  secretId: `AKIDtfimport${"2".repeat(24)}`,
  secretKey: `tfKey${"2".repeat(27)}`,
};
const ENV = Object.fromEntries(
  [A, B].flatMap((a) => [
    [`KEY_ID_${a.id}`, a.secretId],
    [`KEY_SECRET_${a.id}`, a.secretKey],
  ]),
);

let emulator: RunningEmulator;
let work: string;
let mirrorDir: string;
let mirrorConfig: string;
let imports: string;

const peerlink = inProcessCli(ENV);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "peerlink-e2e-tfimport-"));
  mirrorDir = join(work, "empty-mirror");
  mirrorConfig = writeMirrorConfig(join(work, "mirror.tfrc"), mirrorDir);
  emulator = await startEmulator({ accounts: [A, B], rateLimits: false, port: 0 });
  // On each cloud: A's VPC peered with B's, accepted, routed both ways.
  for (const cloud of CLOUDS) {
    const plant = planter(cloud, emulator.url);
    const a = await plant.vpc(A, "app", "10.0.0.0/16");
    const b = await plant.vpc(B, "shared", "10.1.0.0/16");
    const p = await plant.peering(A, a, B, b, "app-shared");
    await plant.accept(B, p);
    await plant.route(A, a, "10.1.0.0/16", p);
    await plant.route(B, b, "10.0.0.0/16", p);
  }
  const profile = join(work, "accounts.json");
  const connections = CLOUDS.flatMap((cloud) =>
    [A, B].map((a) => ({
      name: `${cloud}-${a.id}`,
      backend: cloud,
      account: a.id,
      regions: [REGION[cloud]],
      endpoint: emulator.url,
      credentials: { secretIdEnv: `KEY_ID_${a.id}`, secretKeyEnv: `KEY_SECRET_${a.id}` },
    })),
  );
  writeFileSync(profile, JSON.stringify({ connections }));
  const out = await peerlink("discover", "--profile", profile, "--format", "terraform-import");
  expect(out.code, out.stderr).toBe(0);
  imports = out.stdout;
}, 120_000);

afterAll(async () => {
  await emulator?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `tofu init` in a fresh directory holding `json` as imports.tf.json. */
async function init(json: string) {
  const dir = join(work, "runs", randomBytes(3).toString("hex"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "imports.tf.json"), json);
  return runTofu(tofuBinary(), dir, mirrorConfig, ["init", "-backend=false", "-input=false"]);
}

describe("discover --format terraform-import, read by OpenTofu", () => {
  it("names the three providers, six aliased configurations and the import blocks of both accounts", () => {
    const file = JSON.parse(imports) as {
      terraform: { required_providers: Record<string, unknown> };
      provider: Record<string, unknown[]>;
      import: { to: string }[];
    };
    expect(Object.keys(file.terraform.required_providers).sort()).toEqual([...CLOUDS].sort());
    expect(Object.values(file.provider).flat()).toHaveLength(6);
    // Per cloud: 2 VPCs, 1 peering, 2 routes, and on Huawei and Baidu the acceptance (Tencent's is no object).
    expect(file.import).toHaveLength(3 * 5 + 2);
  });

  it("tofu init reads the whole file and fails only at installing the three providers", async () => {
    const result = await init(imports);
    const text = oneLine(result.output);
    expect(result.code, result.output).not.toBe(0);
    for (const cloud of CLOUDS)
      expect(text).toContain(
        `Finding ${PROVIDER_SOURCES[cloud].source} versions matching "${PROVIDER_SOURCES[cloud].version}"`,
      );
    expect(
      errorTitles(result.output).every((t) => t === PROVIDER_NOT_IN_MIRROR),
      result.output,
    ).toBe(true);
    expect(configurationProblems(result.output), result.output).toEqual([]);
  });

  type ImportJson = {
    provider: Record<string, { alias: string }[]>;
    import: { to: string; provider: string }[];
  };
  // What peerlink's naming guards against, each broken by hand: OpenTofu refuses it while reading the file.
  const broken: ReadonlyArray<[string, (file: ImportJson) => void, string]> = [
    [
      "two imports to one address",
      (f) => {
        f.import[1]!.to = f.import[0]!.to;
      },
      "Duplicate import configuration",
    ],
    [
      "a resource name that is no identifier",
      (f) => {
        f.import[0]!.to = f.import[0]!.to.replace(".", ".1");
      },
      "Extra characters after expression",
    ],
    [
      "a provider alias that is no identifier",
      (f) => {
        f.provider.tencentcloud![0]!.alias = "1gz";
      },
      "Invalid provider configuration alias",
    ],
  ];
  it.each(broken)("the same check fails on the file with %s", async (_what, breakIt, error) => {
    const file = JSON.parse(imports) as ImportJson;
    breakIt(file);
    const result = await init(JSON.stringify(file));
    expect(result.code).not.toBe(0);
    expect(
      errorTitles(result.output).some((title) => title.startsWith(error)),
      result.output,
    ).toBe(true);
    expect(configurationProblems(result.output)).toContain(CONFIGURATION_PROBLEMS);
  });
});
