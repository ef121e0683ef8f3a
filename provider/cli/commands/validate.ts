import { EXIT } from "../exit-codes.js";
import { formatDiagnosticsJson, formatDiagnosticsText } from "../format-diagnostics.js";
import { readTopology } from "../read-topology.js";
import { useColour } from "../style.js";

export interface ValidateOptions {
  readonly format: "text" | "json";
}

/** `peerlink validate FILE`: exit 0 without errors, 1 with errors (2 for unreadable files, raised earlier). */
export function runValidate(file: string, options: ValidateOptions): number {
  const result = readTopology(file);
  process.stdout.write(
    options.format === "json"
      ? formatDiagnosticsJson(result.ok, result.diagnostics)
      : formatDiagnosticsText(file, result.diagnostics, useColour(process.stdout)),
  );
  return result.ok ? EXIT.ok : EXIT.invalid;
}
