#!/usr/bin/env node
/**
 * The `peerlink` command. Each subcommand is a thin wrapper around a pure function of the core.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import type { CostModel } from "../core/cost/index.js";
import { GRAPH_FORMATS, type GraphFormat } from "../core/graph/index.js";
import { DEFAULT_EMULATOR_PORT, DEFAULT_EMULATOR_STATE_DIR } from "../emulator/defaults.js";
import { packageVersion } from "../package-root.js";
// discover, audit and emulator bring the clouds' SDKs and the emulator's server: imported when they run, so
// that the file commands do not load them (measured: 415 ms of start-up with them, BENCHMARKS.md).
import type { AuditOptions } from "./commands/audit.js";
import { runCost } from "./commands/cost.js";
import { type DiffOptions, runDiff } from "./commands/diff.js";
import type { DiscoverOptions } from "./commands/discover.js";
import type { EmulatorCommandOptions } from "./commands/emulator.js";
import { runGraph } from "./commands/graph.js";
import { runReachability } from "./commands/reachability.js";
import { runValidate, VALIDATE_FORMATS, type ValidateOptions } from "./commands/validate.js";
import { EXIT } from "./exit-codes.js";
import { type CliIo, type CommandContext, commandContext, processIo } from "./io.js";
import { CliExit } from "./read-topology.js";

/**
 * Commander's error for a wrong command line (`error: unknown option '--fromat'` and, on a second line,
 * `(Did you mean --format?)`) as the one stderr line every exit 2 comes with:
 * `peerlink: unknown option '--fromat' (fix: did you mean --format? See peerlink --help.)`.
 */
export function usageErrorLine(text: string): string {
  const [first = "", ...rest] = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const what = first.replace(/^error: /, "");
  const hints = rest
    .map((line) => line.replace(/^\((.*)\)$/, "$1"))
    .map((h) => `${h[0]!.toLowerCase()}${h.slice(1)} `);
  return `peerlink: ${what} (fix: ${hints.join("")}See peerlink --help.)`;
}

/**
 * The CLI on `io`, with the exit code set through `setExit`. Commands that end with a `CliExit` print its
 * message; any other error propagates to `run`.
 */
export function buildProgram(
  io: CliIo = processIo(),
  setExit: (code: number) => void = (c) => {
    process.exitCode = c;
  },
): Command {
  const guard = (action: () => number): void => {
    try {
      setExit(action());
    } catch (error) {
      if (!(error instanceof CliExit)) throw error;
      io.stderr.write(`${error.message}\n`);
      setExit(error.exitCode);
    }
  };
  const context = (options: { progress?: boolean }): CommandContext => commandContext(io, options.progress);

  const program = new Command("peerlink")
    .description(
      "VPC peering as code: validate topologies, show reachability, estimate cost, draw the graph, review a change.",
    )
    .version(packageVersion(), "-V, --version", "print peerlink's version")
    .exitOverride()
    .configureOutput({
      writeErr: (text) => io.stderr.write(text),
      writeOut: (text) => io.stdout.write(text),
      outputError: (text, write) => write(`${usageErrorLine(text)}\n`),
    });

  const textOrJson = () =>
    new Option("--format <format>", "output format").choices(["text", "json"]).default("text");
  const progress = () =>
    new Option("--progress", "progress on stderr for large documents (default: when stderr is a terminal)");

  program
    .command("validate")
    .description("check topology files; exit 0 without errors, 1 with errors, 2 if one is unreadable")
    .argument("<files...>", "topology files (YAML or JSON)")
    .addOption(
      new Option(
        "--format <format>",
        "output format: text, json, github (annotations in GitHub Actions), sarif (code scanning)",
      )
        .choices(VALIDATE_FORMATS)
        .default("text"),
    )
    .addOption(progress())
    .action((files: string[], options: ValidateOptions & { progress?: boolean }) =>
      guard(() => runValidate(files, options, context(options))),
    );

  program
    .command("reachability")
    .description("which CIDRs each VPC reaches through each peering, and whether replies come back")
    .argument("<file>", "topology file (YAML or JSON)")
    .addOption(textOrJson())
    .addOption(progress())
    .action((file: string, options: { format: "text" | "json"; progress?: boolean }) =>
      guard(() => runReachability(file, options, context(options))),
    );

  program
    .command("cost")
    .description("estimate what the peerings cost per day and per month (Tencent mainland prices, seed 000)")
    .argument("<file>", "topology file (YAML or JSON)")
    .option("--samples <csv>", "measured 5-minute samples: time,in_mbps,out_mbps[,peering]")
    .addOption(
      new Option(
        "--model <model>",
        "billing model for every peering (default: each peering's chargeType)",
      ).choices(["daily-peak", "monthly-95"]),
    )
    .addOption(textOrJson())
    .addOption(progress())
    .action(
      (
        file: string,
        options: { format: "text" | "json"; model?: CostModel; samples?: string; progress?: boolean },
      ) => guard(() => runCost(file, options, context(options))),
    );

  program
    .command("graph")
    .description("draw VPCs (grouped by region), peerings and routes as Mermaid or Graphviz DOT")
    .argument("<file>", "topology file (YAML or JSON)")
    .addOption(new Option("--format <format>", "diagram language").choices(GRAPH_FORMATS).default("mermaid"))
    .option(
      "--base <file>",
      "draw the change from this topology: added, removed and changed marked (as diff)",
    )
    .option(
      "--base-ref <rev>",
      "as --base, the base being <file> as git revision <rev> holds it (origin/main)",
    )
    .addOption(progress())
    .action(
      (file: string, options: { format: GraphFormat; base?: string; baseRef?: string; progress?: boolean }) =>
        guard(() => runGraph(file, options, context(options))),
    );

  program
    .command("diff")
    .description(
      "what a change does: resources, traffic, planned cost and problems from <base> to <head>; exit 1 when <head> adds an error",
    )
    .argument(
      "<base>",
      "the topology before the change (YAML or JSON); with --base-ref, the head file (its version at <rev> is the base)",
    )
    .argument("[head]", "the topology after the change (omitted with --base-ref)")
    .option(
      "--base-ref <rev>",
      "give one file, the head: the base is that file as git revision <rev> (origin/main) holds it",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"),
    )
    .option("--graph", "with --format markdown: end with the Mermaid graph of the change (as graph --base)")
    .addOption(progress())
    .action((base: string, head: string | undefined, options: DiffOptions & { progress?: boolean }) =>
      guard(() => runDiff(base, head, options, context(options))),
    );

  // Day 2 (issue 14): read an estate, read-only; credentials from the environment or a profile file only.
  const asyncGuard = async (action: () => Promise<number>): Promise<void> => {
    try {
      setExit(await action());
    } catch (error) {
      if (!(error instanceof CliExit)) throw error;
      io.stderr.write(`${error.message}\n`);
      setExit(error.exitCode);
    }
  };
  const connectionOptions = (command: Command) =>
    command
      .option(
        "--profile <file>",
        "connections file: {connections: [{backend, account, regions, endpoint, credentials}]}",
      )
      .addOption(
        new Option("--backend <kind>", "one connection: the backend").choices([
          "tencentcloud",
          "huaweicloud",
          "baiducloud",
        ]),
      )
      .option("--region <regions>", "one connection: its region(s), comma-separated")
      .option("--endpoint <url>", "one connection: the API endpoint (default: the cloud's)")
      .option("--account <id>", "one connection: the account (uin, project id, account id)")
      .addOption(
        new Option("--progress", "per-account counts on stderr (default: when stderr is a terminal)"),
      );

  connectionOptions(
    program
      .command("discover")
      .description(
        "read accounts (read-only) and write the live estate as a topology document, a Pulumi import file or Terraform import blocks",
      ),
  )
    .addOption(
      new Option(
        "--format <format>",
        "a topology document (yaml, json), a Pulumi bulk import file (pulumi-import), or OpenTofu/Terraform import blocks for the clouds' providers (terraform-import, an imports.tf.json)",
      )
        .choices(["yaml", "json", "pulumi-import", "terraform-import"])
        .default("yaml"),
    )
    .option("-o, --output <file>", "write the document to a file instead of stdout")
    .option(
      "--pulumi-provider <account=urn>",
      "pulumi-import of several accounts: the URN of the stack's peerlink provider for an account (repeat per account)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action((options: DiscoverOptions) =>
      asyncGuard(async () => (await import("./commands/discover.js")).runDiscover(options, context(options))),
    );

  connectionOptions(
    program
      .command("audit")
      .description(
        "discover, then report findings and drift; exit 0 without errors, 1 with errors, 2 if unreadable",
      ),
  )
    .option("--input <file>", "audit a document written by `peerlink discover` instead of reading accounts")
    .option("--against <file>", "also report drift from this declared topology")
    .addOption(textOrJson())
    .action((options: AuditOptions) =>
      asyncGuard(async () => (await import("./commands/audit.js")).runAudit(options, context(options))),
    );

  program
    .command("schema")
    .description(
      "print the topology document's JSON Schema, for editors (as topology.schema.json in the package)",
    )
    .action(() =>
      asyncGuard(async () => {
        const { topologyJsonSchemaText } = await import("../core/topology-json-schema.js");
        io.stdout.write(topologyJsonSchemaText());
        return EXIT.ok;
      }),
    );

  program
    .command("emulator")
    .description("serve the Tencent, Huawei and Baidu VPC APIs on 127.0.0.1 over a local state file")
    .option("--port <n>", "port (0 picks a free one)", String(DEFAULT_EMULATOR_PORT))
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--state <dir>", "directory of the state file state.db", DEFAULT_EMULATOR_STATE_DIR)
    .option(
      "--accounts <file>",
      'accounts: {"accounts": [{"id", "secretId", "secretKey"}]} (default: two demo accounts)',
    )
    .option("--no-rate-limit", "turn off the clouds' per-account rate limits")
    .action(async (options: EmulatorCommandOptions) => {
      try {
        const { runEmulator } = await import("./commands/emulator.js");
        setExit(await runEmulator(options));
      } catch (error) {
        if (!(error instanceof CliExit)) throw error;
        io.stderr.write(`${error.message}\n`);
        setExit(error.exitCode);
      }
    });

  return program;
}

/** One line for an error no command expected; the stack only with PEERLINK_DEBUG=1. */
function internalError(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
  const stack = env.PEERLINK_DEBUG === "1" && error instanceof Error && error.stack ? `${error.stack}\n` : "";
  return `peerlink: internal error: ${message}\n${stack}`;
}

/**
 * Runs the CLI on the arguments after the script name and returns the exit code: 0, 1, or 2 for unreadable
 * input, a wrong command line or an internal error. Never throws.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await buildProgram(io, (code) => {
      exitCode = code;
    }).parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    // Help and version end with code 0; usage errors with 2, like unreadable input.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
    io.stderr.write(internalError(error, io.env));
    return EXIT.unreadable;
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await run(process.argv.slice(2));
