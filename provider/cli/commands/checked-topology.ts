import type { Topology } from "../../core/topology.js";
import { escapeText } from "../escape.js";
import { EXIT } from "../exit-codes.js";
import { schemaFailureText } from "../format-diagnostics.js";
import { asWriteStream, type CommandContext, commandContext } from "../io.js";
import { CliExit, readTopology } from "../read-topology.js";
import { useColour } from "../style.js";

/**
 * The topology for the commands that describe it (reachability, cost, graph). A document that does not match the
 * schema cannot be described: exit 1 with the diagnostics. Other errors are summarised on stderr, and the
 * command describes what was declared, because seeing the consequences of a mistake is part of reviewing it.
 */
export function checkedTopology(file: string, ctx: CommandContext = commandContext()): Topology {
  const result = readTopology(file, { ...ctx.read, locate: true });
  if (!result.topology) {
    const colour = useColour(asWriteStream(ctx.io.stderr));
    throw new CliExit(EXIT.invalid, schemaFailureText(file, result.diagnostics, colour, result.positions));
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) {
    ctx.io.stderr.write(
      `peerlink: ${escapeText(file)} has ${errors} error(s); showing what it declares. Run \`peerlink validate ${escapeText(file)}\` for details.\n`,
    );
  }
  return result.topology;
}
