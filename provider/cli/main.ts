#!/usr/bin/env node
/**
 * The `peerlink` command. Each subcommand is a thin wrapper around a pure function of the core.
 */
import { Command, CommanderError, Option } from "commander";
import type { CostModel } from "../core/cost/index.js";
import { GRAPH_FORMATS, type GraphFormat } from "../core/graph/index.js";
import { runCost } from "./commands/cost.js";
import { DEFAULT_EMULATOR_PORT, DEFAULT_EMULATOR_STATE_DIR, runEmulator } from "./commands/emulator.js";
import { runGraph } from "./commands/graph.js";
import { runReachability } from "./commands/reachability.js";
import { runValidate } from "./commands/validate.js";
import { EXIT } from "./exit-codes.js";
import { CliExit } from "./read-topology.js";

function run(action: () => number): void {
  try {
    process.exitCode = action();
  } catch (error) {
    if (error instanceof CliExit) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}

export function buildProgram(): Command {
  const program = new Command("peerlink")
    .description(
      "VPC peering as code: validate topologies, show reachability, estimate cost, draw the graph.",
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const textOrJson = () =>
    new Option("--format <format>", "output format").choices(["text", "json"]).default("text");

  program
    .command("validate")
    .description("check a topology file; exit 0 without errors, 1 with errors, 2 if unreadable")
    .argument("<file>", "topology file (YAML or JSON)")
    .addOption(textOrJson())
    .action((file: string, options: { format: "text" | "json" }) => run(() => runValidate(file, options)));

  program
    .command("reachability")
    .description("which CIDRs each VPC reaches through each peering, and whether replies come back")
    .argument("<file>", "topology file (YAML or JSON)")
    .addOption(textOrJson())
    .action((file: string, options: { format: "text" | "json" }) =>
      run(() => runReachability(file, options)),
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
    .action((file: string, options: { format: "text" | "json"; model?: CostModel; samples?: string }) =>
      run(() => runCost(file, options)),
    );

  program
    .command("graph")
    .description("draw VPCs (grouped by region), peerings and routes as Mermaid or Graphviz DOT")
    .argument("<file>", "topology file (YAML or JSON)")
    .addOption(new Option("--format <format>", "diagram language").choices(GRAPH_FORMATS).default("mermaid"))
    .action((file: string, options: { format: GraphFormat }) => run(() => runGraph(file, options)));

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
    .action(async (options: Parameters<typeof runEmulator>[0]) => {
      try {
        process.exitCode = await runEmulator(options);
      } catch (error) {
        if (!(error instanceof CliExit)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = error.exitCode;
      }
    });

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; usage errors with 2, like unreadable input.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
  } else {
    throw error;
  }
}
