/**
 * Drives the real Pulumi CLI (built by scripts/engines.mjs) on a program directory, with state in local files under
 * a temporary directory: no cloud, no Pulumi Cloud, no downloads. Every command is `pulumi <args> --non-interactive`
 * with the environment of `pulumiEnv` (scripts/engines.mjs), so what runs here is what `npm run demo` runs.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CapturedResult, pulumiEnv, ROOT, runCaptured } from "../../../scripts/engines.mjs";

export { ROOT };

export type CommandResult = CapturedResult;

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
    return runCaptured("pulumi", [...args, "--non-interactive"], {
      cwd: this.programDir,
      env: { ...this.env, ...options.env },
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

  /**
   * `pulumi import` of one resource (`[type, name, id]`) or of a bulk import file (`["--file", path]`), unprotected
   * (so that a destroy covers it) and without code generation (the tests' programs declare what they adopt).
   */
  import(what: readonly string[]): Promise<CommandResult> {
    return this.run([
      "import",
      ...what,
      "--yes",
      "--protect=false",
      "--generate-code=false",
      "--stack",
      this.stack,
    ]);
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
    Array<{
      urn: string;
      type: string;
      id?: string;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
      dependencies?: string[];
      /** `<provider urn>::<provider id>` of a custom resource. */
      provider?: string;
    }>
  > {
    const result = await this.ok(["stack", "export", "--show-secrets", "--stack", this.stack]);
    const deployment = JSON.parse(result.stdout) as {
      deployment: {
        resources?: Array<{
          urn: string;
          type: string;
          id?: string;
          inputs?: Record<string, unknown>;
          outputs?: Record<string, unknown>;
          dependencies?: string[];
          provider?: string;
        }>;
      };
    };
    return deployment.deployment.resources ?? [];
  }

  /** The change summary of `pulumi preview --json`: operation name -> count. */
  async previewSummary(
    extra: string[] = [],
  ): Promise<{ summary: Record<string, number>; result: CommandResult }> {
    const result = await this.preview(["--json", ...extra]);
    return { summary: parsePreview(result.stdout).summary, result };
  }

  close(): void {
    rmSync(this.stateDir, { recursive: true, force: true });
    rmSync(join(this.programDir, `Pulumi.${this.stack}.yaml`), { force: true });
  }
}

/** The counts of a summary other than `same`: what a command would change. */
export function changes(summary: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(summary).filter(([op, n]) => op !== "same" && n > 0));
}

/** The URN's last segment: the resource's name. */
export function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

export interface EngineStep {
  readonly op: string;
  readonly urn: string;
  readonly type: string;
  readonly oldOutputs: Record<string, unknown> | undefined;
  readonly newOutputs: Record<string, unknown> | undefined;
}

export interface EngineReport {
  /** The summary event's resourceChanges: operation -> count. */
  readonly summary: Record<string, number>;
  readonly result: string | undefined;
  /** One per resource whose step finished (resOutputsEvent). */
  readonly steps: readonly EngineStep[];
}

interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  old?: { outputs?: Record<string, unknown> };
  new?: { outputs?: Record<string, unknown> };
}

/**
 * `pulumi up|refresh|destroy --json` print one engine event per line (unlike `preview --json`, one document): the
 * steps come as resOutputsEvent, the counts in the final summaryEvent.
 */
export function parseEngineEvents(stdout: string): EngineReport {
  let summary: Record<string, number> | undefined;
  let result: string | undefined;
  const steps: EngineStep[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line) as {
      resOutputsEvent?: { metadata: StepMetadata };
      summaryEvent?: { resourceChanges?: Record<string, number>; result?: string };
    };
    if (event.resOutputsEvent) {
      const m = event.resOutputsEvent.metadata;
      steps.push({
        op: m.op,
        urn: m.urn,
        type: m.type,
        oldOutputs: m.old?.outputs,
        newOutputs: m.new?.outputs,
      });
    }
    if (event.summaryEvent) {
      summary = event.summaryEvent.resourceChanges ?? {};
      result = event.summaryEvent.result;
    }
  }
  if (summary === undefined) throw new Error(`no summary event in pulumi output:\n${stdout}`);
  return { summary, result, steps };
}

/** What `pulumi preview --json` (one JSON document) plans: the change summary and one step per resource. */
export function parsePreview(stdout: string): {
  summary: Record<string, number>;
  steps: ReadonlyArray<{ op: string; urn: string }>;
} {
  const start = stdout.indexOf("{");
  if (start < 0) throw new Error(`no JSON in pulumi output:\n${stdout}`);
  const doc = JSON.parse(stdout.slice(start)) as {
    steps?: { op: string; urn: string }[];
    changeSummary?: Record<string, number>;
  };
  return { summary: doc.changeSummary ?? {}, steps: doc.steps ?? [] };
}
