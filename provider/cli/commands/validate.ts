import { EXIT } from "../exit-codes.js";
import { formatDiagnosticsJson, formatDiagnosticsText } from "../format-diagnostics.js";
import { asWriteStream, type CommandContext, commandContext } from "../io.js";
import { readTopology } from "../read-topology.js";
import { useColour } from "../style.js";

export interface ValidateOptions {
  readonly format: "text" | "json";
}

/** `peerlink validate FILE`: exit 0 without errors, 1 with errors (2 for unreadable files, raised earlier). */
export function runValidate(
  file: string,
  options: ValidateOptions,
  ctx: CommandContext = commandContext(),
): number {
  const result = readTopology(file, ctx.read);
  ctx.io.stdout.write(
    options.format === "json"
      ? formatDiagnosticsJson(result.ok, result.diagnostics)
      : formatDiagnosticsText(file, result.diagnostics, useColour(asWriteStream(ctx.io.stdout))),
  );
  return result.ok ? EXIT.ok : EXIT.invalid;
}
