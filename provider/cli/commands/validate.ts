import { packageVersion } from "../../package-root.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnosticsJson, formatDiagnosticsText } from "../format-diagnostics.js";
import { formatDiagnosticsGithub } from "../format-github.js";
import { formatDiagnosticsSarif } from "../format-sarif.js";
import { asWriteStream, type CommandContext, commandContext } from "../io.js";
import { readTopology } from "../read-topology.js";
import { useColour } from "../style.js";

export const VALIDATE_FORMATS = ["text", "json", "github", "sarif"] as const;

export interface ValidateOptions {
  /** text for people, json for programs, github for annotations in GitHub Actions, sarif for code scanning. */
  readonly format: (typeof VALIDATE_FORMATS)[number];
}

/**
 * `peerlink validate FILE`: exit 0 without errors, 1 with errors (2 for unreadable files, raised earlier). Every
 * format says where in the file each diagnostic is, when it can.
 */
export function runValidate(
  file: string,
  options: ValidateOptions,
  ctx: CommandContext = commandContext(),
): number {
  const result = readTopology(file, { ...ctx.read, locate: true });
  const { diagnostics, positions = [] } = result;
  const out = ((): string => {
    switch (options.format) {
      case "json":
        return formatDiagnosticsJson(result.ok, diagnostics, file, positions);
      case "github":
        return formatDiagnosticsGithub(file, diagnostics, positions);
      case "sarif":
        return formatDiagnosticsSarif(file, diagnostics, positions, packageVersion());
      default:
        return formatDiagnosticsText(file, diagnostics, useColour(asWriteStream(ctx.io.stdout)), positions);
    }
  })();
  ctx.io.stdout.write(out);
  return result.ok ? EXIT.ok : EXIT.invalid;
}
