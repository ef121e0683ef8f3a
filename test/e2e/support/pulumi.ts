/**
 * Drives the real Pulumi CLI (built by scripts/engines.mjs) on a program directory, with state in local files under
 * a temporary directory: no cloud, no Pulumi Cloud, no downloads. Every command is `pulumi <args> --non-interactive`
 * with the environment of `pulumiEnv` (scripts/engines.mjs), so what runs here is what `npm run demo` runs.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureEngines, pulumiEnv, ROOT } from "../../../scripts/engines.mjs";

export { ROOT };

/** Builds (or finds) pulumi and its language host once per test file. */
export async function pulumiReady(): Promise<void> {
  await ensureEngines({ only: ["pulumi"] });
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for messages the CLI may print on either. */
  output: string;
}

/**
 * One stack of one program, with its own state directory. The stack name is unique, so that test files sharing a
 * program directory never share its `Pulumi.<stack>.yaml` (where the passphrase provider keeps its salt).
 * `close()` removes the state and that file.
 */
export class PulumiStack {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly programDir: string,
    readonly stack = `e2e-${randomBytes(4).toString("hex")}`,
    extraEnv: Record<string, string> = {},
  ) {
    this.stateDir = mkdtempSync(join(tmpdir(), "peerlink-e2e-pulumi-"));
    this.env = pulumiEnv(this.stateDir, extraEnv);
  }

  /** Runs `pulumi <args>` in the program directory. Never throws on a non-zero exit: the result says. */
  run(args: string[], options: { env?: Record<string, string> } = {}): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.programDir,
        env: { ...this.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        output += chunk;
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
        output += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output }));
    });
  }

  /** Like `run`, but throws with the whole output when the command fails. */
  async ok(args: string[], options: { env?: Record<string, string> } = {}): Promise<CommandResult> {
    const result = await this.run(args, options);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.output}`);
    }
    return result;
  }

  async init(config: Record<string, string> = {}): Promise<void> {
    await this.ok(["stack", "init", this.stack]);
    for (const [key, value] of Object.entries(config)) {
      await this.ok(["config", "set", "--stack", this.stack, key, value]);
    }
  }

  up(extra: string[] = []): Promise<CommandResult> {
    return this.run(["up", "--yes", "--skip-preview", "--stack", this.stack, ...extra]);
  }

  preview(extra: string[] = []): Promise<CommandResult> {
    return this.run(["preview", "--stack", this.stack, ...extra]);
  }

  refresh(extra: string[] = []): Promise<CommandResult> {
    return this.run(["refresh", "--yes", "--skip-preview", "--stack", this.stack, ...extra]);
  }

  destroy(extra: string[] = []): Promise<CommandResult> {
    return this.run(["destroy", "--yes", "--skip-preview", "--stack", this.stack, ...extra]);
  }

  /** The stack's outputs, secrets shown. */
  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.ok(["stack", "output", "--json", "--show-secrets", "--stack", this.stack]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** The checkpoint's resources (`pulumi stack export`), secrets shown. */
  async resources(): Promise<
    Array<{ urn: string; type: string; id?: string; outputs?: Record<string, unknown> }>
  > {
    const result = await this.ok(["stack", "export", "--show-secrets", "--stack", this.stack]);
    const deployment = JSON.parse(result.stdout) as {
      deployment: {
        resources?: Array<{ urn: string; type: string; id?: string; outputs?: Record<string, unknown> }>;
      };
    };
    return deployment.deployment.resources ?? [];
  }

  /** The change summary of `pulumi preview --json`: operation name -> count. */
  async previewSummary(
    extra: string[] = [],
  ): Promise<{ summary: Record<string, number>; result: CommandResult }> {
    const result = await this.preview(["--json", ...extra]);
    const summary = parseJsonSummary(result.stdout);
    return { summary, result };
  }

  close(): void {
    rmSync(this.stateDir, { recursive: true, force: true });
    rmSync(join(this.programDir, `Pulumi.${this.stack}.yaml`), { force: true });
  }
}

/** `pulumi preview --json` prints one JSON document with a `changeSummary`. */
export function parseJsonSummary(stdout: string): Record<string, number> {
  const start = stdout.indexOf("{");
  if (start < 0) throw new Error(`no JSON in pulumi output:\n${stdout}`);
  const doc = JSON.parse(stdout.slice(start)) as { changeSummary?: Record<string, number> };
  return doc.changeSummary ?? {};
}

/** The counts of a summary other than `same`: what a command would change. */
export function changes(summary: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(summary).filter(([op, n]) => op !== "same" && n > 0));
}
