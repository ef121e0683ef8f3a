import { packageVersion } from "../../package-root.js";
import { writeChunks } from "../chunked-output.js";
import { EXIT } from "../exit-codes.js";
import { diagnosticsJsonChunks, diagnosticsTextChunks } from "../format-diagnostics.js";
import { diagnosticsGithubChunks } from "../format-github.js";
import { diagnosticsSarifChunks } from "../format-sarif.js";
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
  // Written in pieces: a large file's report can be longer than one string may be (../chunked-output.ts).
  const chunks = ((): Iterable<string> => {
    switch (options.format) {
      case "json":
        return diagnosticsJsonChunks(result.ok, diagnostics, file, positions);
      case "github":
        return diagnosticsGithubChunks(file, diagnostics, positions);
      case "sarif":
        return diagnosticsSarifChunks(file, diagnostics, positions, packageVersion());
      default:
        return diagnosticsTextChunks(file, diagnostics, useColour(asWriteStream(ctx.io.stdout)), positions);
    }
  })();
  writeChunks(ctx.io.stdout, chunks);
  return result.ok ? EXIT.ok : EXIT.invalid;
}
