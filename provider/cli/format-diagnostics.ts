import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePosition } from "../core/load/locate.js";
import { escapeText } from "./escape.js";
import { STDIN } from "./read-topology.js";
import { paint } from "./style.js";

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Where each diagnostic is in its file, in the order of the diagnostics (`undefined` where unknown). */
export type Positions = readonly (SourcePosition | undefined)[];

/** `file:line:column`, the form editors and terminals open at the line; standard input (`-`) is `<stdin>`. */
export function positionText(file: string, at: SourcePosition): string {
  return `${file === STDIN ? "<stdin>" : file}:${at.line}:${at.column}`;
}

/** `network.yaml: 2 errors, 1 warning`, or `network.yaml: ok, no problems found`; the file name escaped. */
export function summaryLine(file: string, diagnostics: readonly Diagnostic[], colour: boolean): string {
  const shown = escapeText(file);
  if (diagnostics.length === 0) return `${shown}: ${paint(colour, "green", "ok")}, no problems found`;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${shown}: ${plural(errors, "error")}, ${plural(diagnostics.length - errors, "warning")}`;
}

/**
 * For people: a summary line, then the diagnostics grouped by resource, in the validators' order, each resource
 * with its `file:line:column` when `positions` says where it is. The file name, resources, messages and fixes hold
 * user input (ids, names, blocks), so they are escaped (./escape.ts): one diagnostic is always exactly two lines,
 * whatever its ids contain.
 */
export function formatDiagnosticsText(
  file: string,
  diagnostics: readonly Diagnostic[],
  colour: boolean,
  positions: Positions = [],
): string {
  const shown = escapeText(file);
  if (diagnostics.length === 0) return `${summaryLine(file, diagnostics, colour)}\n`;
  // A resource's diagnostics share its text, so they share its place: the first one's is the group's.
  const groups = new Map<string, { list: Diagnostic[]; at: SourcePosition | undefined }>();
  diagnostics.forEach((d, i) => {
    const group = groups.get(d.resource);
    if (group) group.list.push(d);
    else groups.set(d.resource, { list: [d], at: positions[i] });
  });
  const lines = [summaryLine(file, diagnostics, colour), ""];
  for (const [resource, { list, at }] of groups) {
    const where = at ? `  ${paint(colour, "dim", positionText(shown, at))}` : "";
    lines.push(`${paint(colour, "bold", escapeText(resource))}${where}`);
    for (const d of list) {
      const severity =
        d.severity === "error" ? paint(colour, "red", "error  ") : paint(colour, "yellow", "warning");
      lines.push(`  ${severity} ${paint(colour, "bold", d.code)} ${escapeText(d.message)}`);
      lines.push(`          ${paint(colour, "dim", "fix:")} ${escapeText(d.fix)}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

/**
 * A diagnostic in the stable machine format: `{"code","severity","resource","message","fix"}`, and
 * `"location": {"file","line","column"}` when it is known where in the file it is.
 */
export function plainDiagnostic(
  { code, severity, resource, message, fix }: Diagnostic,
  file?: string,
  at?: SourcePosition,
) {
  const plain = { code, severity, resource, message, fix };
  return file !== undefined && at
    ? { ...plain, location: { file, line: at.line, column: at.column } }
    : plain;
}

/** The stable machine format: `{"ok", "diagnostics": [{"code","severity","resource","message","fix","location"?}]}`. */
export function formatDiagnosticsJson(
  ok: boolean,
  diagnostics: readonly Diagnostic[],
  file?: string,
  positions: Positions = [],
): string {
  const plain = diagnostics.map((d, i) => plainDiagnostic(d, file, positions[i]));
  return `${JSON.stringify({ ok, diagnostics: plain }, null, 2)}\n`;
}
