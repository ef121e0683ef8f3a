/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line per diagnostic, which
 * the runner turns into an annotation on that line of the pull request's diff ("Workflow commands for GitHub
 * Actions", https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions: "Creates an error
 * message and prints the message to the log. This message will create an annotation, which can associate the
 * message with a particular file in your repository").
 *
 * The escaping is the toolkit's own (actions/toolkit, packages/core/src/command.ts, `escapeData` and
 * `escapeProperty`: `%`, CR and LF in the message; also `:` and `,` in a property), written here because
 * @actions/core only prints straight to process.stdout and brings an HTTP client with it.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { escapeText } from "./escape.js";
import { type Positions, summaryLine } from "./format-diagnostics.js";
import { STDIN } from "./read-topology.js";

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * The annotations, then one plain summary line for the log. Each message is the diagnostic's message, a line
 * break and its fix, then the other places it involves with their lines; user strings are made terminal-safe first (./escape.ts), so a newline inside an id can
 * never end the command early. A diagnostic with no place in a file (read from standard input, or a resource the
 * file does not hold) is annotated without one, and GitHub shows it on the run instead of on a line.
 */
export function formatDiagnosticsGithub(
  file: string,
  diagnostics: readonly Diagnostic[],
  positions: Positions = [],
): string {
  return [...diagnosticsGithubChunks(file, diagnostics, positions)].join("");
}

/** `formatDiagnosticsGithub`'s text in chunks, a line at a time (./chunked-output.ts). */
export function* diagnosticsGithubChunks(
  file: string,
  diagnostics: readonly Diagnostic[],
  positions: Positions = [],
): Generator<string> {
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    // Standard input is no file of the repository: its diagnostics are annotated on the run.
    const place = file === STDIN ? undefined : positions[i];
    const at = place?.at;
    const properties = [
      ...(at ? [`file=${escapeProperty(file)}`, `line=${at.line}`, `col=${at.column}`] : []),
      `title=${escapeProperty(`${d.code} ${escapeText(d.resource)}`)}`,
    ];
    // An annotation has one place: the others the problem involves are named in its text, with their lines.
    const related = (place?.related ?? []).map(
      (r) => `${escapeText(r.resource)}${r.at ? ` (line ${r.at.line})` : ""}`,
    );
    const see = related.length > 0 ? `\nsee: ${related.join(", ")}` : "";
    const message = `${escapeText(d.message)}\nfix: ${escapeText(d.fix)}${see}`;
    yield `::${d.severity} ${properties.join(",")}::${escapeData(message)}\n`;
  }
  yield `${summaryLine(file, diagnostics, false)}\n`;
}
