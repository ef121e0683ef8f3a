import { packageVersion } from "../../package-root.js";
import { writeChunks } from "../chunked-output.js";
import { EXIT } from "../exit-codes.js";
import {
  diagnosticsJsonChunks,
  diagnosticsTextChunks,
  filesJsonChunks,
  filesSummaryLine,
} from "../format-diagnostics.js";
import { diagnosticsGithubChunks } from "../format-github.js";
import { diagnosticsSarifChunks } from "../format-sarif.js";
import { asWriteStream, type CommandContext, commandContext } from "../io.js";
import { CliExit, readTopology, STDIN } from "../read-topology.js";
import { useColour } from "../style.js";

export const VALIDATE_FORMATS = ["text", "json", "github", "sarif"] as const;

export interface ValidateOptions {
  /** text for people, json for programs, github for annotations in GitHub Actions, sarif for code scanning. */
  readonly format: (typeof VALIDATE_FORMATS)[number];
}

/**
 * `peerlink validate FILE...`: exit 0 without errors, 1 with errors in any file (2 for an unreadable file, raised
 * before anything is written). Every format says where in each file each diagnostic is, when it can. One file is
 * reported as it always was; several are reported in the order given, with a last line (text) or a `files` list
 * (JSON) over all of them, and one SARIF run.
 */
export function runValidate(
  files: string | readonly string[],
  options: ValidateOptions,
  ctx: CommandContext = commandContext(),
): number {
  const list = typeof files === "string" ? [files] : files;
  if (list.filter((file) => file === STDIN).length > 1)
    throw new CliExit(
      EXIT.unreadable,
      "peerlink: standard input (-) is read once: name it once among the files.",
    );
  const reports = list.map((file) => {
    const { ok, diagnostics, positions = [] } = readTopology(file, { ...ctx.read, locate: true });
    return { file, ok, diagnostics, positions };
  });
  const colour = useColour(asWriteStream(ctx.io.stdout));
  // Written in pieces: a large file's report can be longer than one string may be (../chunked-output.ts).
  const chunks = function* (): Iterable<string> {
    if (options.format === "sarif") return yield* diagnosticsSarifChunks(reports, packageVersion());
    if (options.format === "json" && reports.length > 1) return yield* filesJsonChunks(reports);
    for (const [n, { file, ok, diagnostics, positions }] of reports.entries()) {
      if (options.format === "json") yield* diagnosticsJsonChunks(ok, diagnostics, file, positions);
      else if (options.format === "github") yield* diagnosticsGithubChunks(file, diagnostics, positions);
      else {
        if (n > 0) yield "\n";
        yield* diagnosticsTextChunks(file, diagnostics, colour, positions);
      }
    }
    if (options.format === "text" && reports.length > 1) yield `\n${filesSummaryLine(reports, colour)}\n`;
  };
  writeChunks(ctx.io.stdout, chunks());
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}
