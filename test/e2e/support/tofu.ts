/**
 * Drives the real cdktf CLI (devDependency cdktf-cli) and OpenTofu (built by scripts/engines.mjs into .tools/bin)
 * on synthesized stacks: no cloud, no registry, no downloads. Each OpenTofu run gets a CLI configuration file of
 * its own (TF_CLI_CONFIG_FILE), so what provider installation does is decided here, never by the machine's
 * ~/.terraformrc.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { onPath, ROOT, runCaptured } from "../../../scripts/engines.mjs";

export { ROOT };

/** The OpenTofu binary scripts/engines.mjs chose in the run's global setup (test/e2e/support/global-setup.ts). */
export function tofuBinary(): string {
  return inject("engines").tofu;
}
/** The cdktf CLI of node_modules (cdktf-cli 0.21.0). */
export const CDKTF = join(ROOT, "node_modules", ".bin", "cdktf");

/** The provider the constructs target (constructs/providers/versions.ts) and what a registry would call it. */
export const TENCENTCLOUD_SOURCE = "tencentcloudstack/tencentcloud";
export const TENCENTCLOUD_ADDRESS = `registry.opentofu.org/${TENCENTCLOUD_SOURCE}`;
export const TENCENTCLOUD_CONSTRAINT = "~> 1.83";

export interface CommandResult {
  code: number;
  stdout: string;
  /** stdout and stderr together, in the order they came, ANSI escapes removed. */
  output: string;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

/** Removes colour and cursor-movement escapes (cdktf's spinner prints them even without a terminal). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Collapses every run of whitespace to one space: OpenTofu wraps its messages at 78 columns. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** Runs a command; never throws on a non-zero exit: the result says. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CommandResult> {
  return runCaptured(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } }).then(
    ({ code, stdout, output }) => ({ code, stdout, output: stripAnsi(output) }),
  );
}

/**
 * `cdktf synth --output <outDir>` in an app directory (one with a cdktf.json). Offline: no version check, no
 * telemetry. `tofuConfig` is passed as TF_CLI_CONFIG_FILE (cdktf asks the terraform on PATH for its version).
 */
export function cdktfSynth(appDir: string, outDir: string, tofuConfig: string): Promise<CommandResult> {
  return runCommand(CDKTF, ["synth", "--output", outDir], {
    cwd: appDir,
    env: {
      CHECKPOINT_DISABLE: "1",
      DISABLE_VERSION_CHECK: "1",
      TF_CLI_CONFIG_FILE: tofuConfig,
      FORCE_COLOR: "0",
    },
  });
}

/** Runs `<tofu> <args> -no-color` in a stack directory with the given CLI configuration file. */
export function runTofu(
  tofu: string,
  stackDir: string,
  cliConfig: string,
  args: readonly string[],
): Promise<CommandResult> {
  return runCommand(tofu, [...args, "-no-color"], {
    cwd: stackDir,
    env: {
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: "1",
      // No registry, no checkpoint: everything stays on this machine.
      CHECKPOINT_DISABLE: "1",
    },
  });
}

const hclString = (value: string) => JSON.stringify(value);

/**
 * A CLI configuration whose only installation method is a filesystem mirror on `mirrorDir` (created empty if
 * absent): `tofu init` reads the configuration, then finds no provider package there, and no registry is asked.
 */
export function writeMirrorConfig(file: string, mirrorDir: string): string {
  mkdirSync(mirrorDir, { recursive: true });
  writeFileSync(
    file,
    `provider_installation {\n  filesystem_mirror {\n    path = ${hclString(mirrorDir)}\n  }\n}\n`,
  );
  return file;
}

/**
 * A CLI configuration that takes the Tencent Cloud provider from `providerDir` (a directory holding a
 * `terraform-provider-tencentcloud` executable) without installing it, every other provider as usual.
 */
export function writeDevOverrideConfig(file: string, providerDir: string): string {
  writeFileSync(
    file,
    [
      "provider_installation {",
      "  dev_overrides {",
      `    ${hclString(TENCENTCLOUD_SOURCE)} = ${hclString(providerDir)}`,
      "  }",
      "  direct {}",
      "}",
      "",
    ].join("\n"),
  );
  return file;
}

/**
 * A terraform-provider-tencentcloud binary, when this machine has one: $PEERLINK_TENCENTCLOUD_PROVIDER, else
 * the first on PATH. There is none by default: it cannot be built here (see cdktf-tofu.test.ts).
 */
export function tencentcloudProviderBinary(): string | undefined {
  const fromEnv = process.env.PEERLINK_TENCENTCLOUD_PROVIDER;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PEERLINK_TENCENTCLOUD_PROVIDER=${fromEnv}: no such file (unset it to skip)`);
    return fromEnv;
  }
  return onPath("terraform-provider-tencentcloud");
}

/**
 * A directory for dev_overrides holding `binary` under the name OpenTofu looks for
 * (`terraform-provider-tencentcloud`), whatever the binary itself is called.
 */
export function providerDirFor(binary: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  symlinkSync(binary, join(dir, "terraform-provider-tencentcloud"));
  return dir;
}

/**
 * The titles of the errors OpenTofu printed (`Error: <title>` with -no-color), in order. Used to tell the one
 * expected failure (no provider package in the mirror) from any configuration error.
 */
export function errorTitles(output: string): string[] {
  return [...output.matchAll(/^Error: (.+)$/gm)].map((m) => m[1]!.trim());
}

/** What `tofu init` prints before its errors when the configuration itself is at fault. */
export const CONFIGURATION_PROBLEMS = "including problems with the configuration";

/** The provider-installation error of `tofu init` on an empty filesystem mirror: the only one expected. */
export const PROVIDER_NOT_IN_MIRROR = "Failed to query available provider packages";

/**
 * Everything in a `tofu init` output that is not the expected provider-installation failure: configuration
 * errors (JSON syntax, unknown blocks, invalid constraints...), OpenTofu's "problems with the configuration"
 * preamble, any other error. Empty when the configuration was read cleanly.
 */
export function configurationProblems(output: string): string[] {
  const problems = errorTitles(output).filter((title) => title !== PROVIDER_NOT_IN_MIRROR);
  if (oneLine(output).includes(CONFIGURATION_PROBLEMS)) problems.unshift(CONFIGURATION_PROBLEMS);
  return problems;
}
