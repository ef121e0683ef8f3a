import type { DiagnosticPlace } from "../core/diagnostic-positions.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePosition } from "../core/load/locate.js";
import { fieldText, renderResource } from "../core/resource-ref.js";
import { ITEMS, jsonWithItems } from "./chunked-output.js";
import { escapeText } from "./escape.js";
import { STDIN } from "./read-topology.js";
import { paint } from "./style.js";

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Where each diagnostic is in its file, in the order of the diagnostics (core diagnostic-positions.ts). */
export type Positions = readonly (DiagnosticPlace | undefined)[];

/** `file:line:column`, the form editors and terminals open at the line; standard input (`-`) is `<stdin>`. */
export function positionText(file: string, at: SourcePosition): string {
  return `${file === STDIN ? "<stdin>" : file}:${at.line}:${at.column}`;
}

/** `2 errors, 1 warning`, or `ok, no problems found`. */
function problemsText(diagnostics: readonly Diagnostic[], colour: boolean): string {
  if (diagnostics.length === 0) return `${paint(colour, "green", "ok")}, no problems found`;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${plural(errors, "error")}, ${plural(diagnostics.length - errors, "warning")}`;
}

/** `network.yaml: 2 errors, 1 warning`, or `network.yaml: ok, no problems found`; the file name escaped. */
export function summaryLine(file: string, diagnostics: readonly Diagnostic[], colour: boolean): string {
  return `${escapeText(file)}: ${problemsText(diagnostics, colour)}`;
}

/** `3 files: 2 errors, 1 warning`, or `3 files: ok, no problems found`: the last line of several files' report. */
export function filesSummaryLine(reports: readonly FileReport[], colour: boolean): string {
  return `${plural(reports.length, "file")}: ${problemsText(
    reports.flatMap((r) => r.diagnostics),
    colour,
  )}`;
}

/** One validated file's report, as the writers of several files take them. */
export interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly positions: Positions;
}

/**
 * Every file's diagnostics in turn as one list, for the writers that stream one list (./chunked-output.ts): its
 * length, and which file's which diagnostic item `k` is. Items are asked in order, so the file only moves on.
 */
export function reportItems<R extends FileReport>(
  reports: readonly R[],
): {
  readonly count: number;
  /** Item k: file `f` of `reports`, its diagnostic `i`. */
  at(k: number): { readonly report: R; readonly f: number; readonly i: number };
} {
  const start = [0];
  for (const report of reports) start.push(start[start.length - 1]! + report.diagnostics.length);
  let f = 0;
  return {
    count: start[start.length - 1]!,
    at(k) {
      while (k >= start[f + 1]!) f++;
      return { report: reports[f]!, f, i: k - start[f]! };
    },
  };
}

/**
 * For people: a summary line, then the diagnostics grouped by resource, in the validators' order, each resource
 * with its `file:line:column` when `positions` says where it is. A diagnostic whose field at fault is elsewhere
 * than its resource's entry ends its message with that field's place; one that involves other places (the two
 * blocks that overlap) has a third line, `see:`, naming each with its place. The file name, resources, messages
 * and fixes hold user input (ids, names, blocks), so they are escaped (./escape.ts): one diagnostic is always two
 * lines, or three with `see:`, whatever its ids contain.
 */
export function formatDiagnosticsText(
  file: string,
  diagnostics: readonly Diagnostic[],
  colour: boolean,
  positions: Positions = [],
): string {
  return [...diagnosticsTextChunks(file, diagnostics, colour, positions)].join("");
}

/** `formatDiagnosticsText`'s text in chunks, a resource at a time (./chunked-output.ts). */
export function* diagnosticsTextChunks(
  file: string,
  diagnostics: readonly Diagnostic[],
  colour: boolean,
  positions: Positions = [],
): Generator<string> {
  const shown = escapeText(file);
  if (diagnostics.length === 0) {
    yield `${summaryLine(file, diagnostics, colour)}\n`;
    return;
  }
  // A resource's diagnostics share its text, so they share its place: the first one's is the group's.
  const groups = new Map<string, { list: number[]; at: SourcePosition | undefined }>();
  diagnostics.forEach((d, i) => {
    const group = groups.get(d.resource);
    if (group) group.list.push(i);
    else groups.set(d.resource, { list: [i], at: positions[i]?.entry });
  });
  const place = (at: SourcePosition) => paint(colour, "dim", positionText(shown, at));
  yield `${summaryLine(file, diagnostics, colour)}\n`;
  for (const [resource, { list, at }] of groups) {
    const lines = ["", `${paint(colour, "bold", escapeText(resource))}${at ? `  ${place(at)}` : ""}`];
    for (const i of list) {
      const d = diagnostics[i]!;
      const { at: field, related = [] } = positions[i] ?? {};
      const severity =
        d.severity === "error" ? paint(colour, "red", "error  ") : paint(colour, "yellow", "warning");
      const there = field && !samePosition(field, at) ? `  ${place(field)}` : "";
      lines.push(`  ${severity} ${paint(colour, "bold", d.code)} ${escapeText(d.message)}${there}`);
      lines.push(`          ${paint(colour, "dim", "fix:")} ${escapeText(d.fix)}`);
      if (related.length > 0) {
        const named = related.map((r) => `${escapeText(r.resource)}${r.at ? ` ${place(r.at)}` : ""}`);
        lines.push(`          ${paint(colour, "dim", "see:")} ${named.join(", ")}`);
      }
    }
    yield `${lines.join("\n")}\n`;
  }
}

/** How many diagnostics a command other than validate shows when a document does not match the schema. */
export const SHOWN_ON_FAILURE = 1_000;

/**
 * Why a command stops on a document that does not match the schema, for stderr: the text format, the first
 * `SHOWN_ON_FAILURE` diagnostics under a summary line that counts them all, then how many more there are and
 * where to see them. A message is one string, and a large file's every diagnostic would pass the longest one.
 */
export function schemaFailureText(
  file: string,
  diagnostics: readonly Diagnostic[],
  colour: boolean,
  positions: Positions = [],
): string {
  if (diagnostics.length <= SHOWN_ON_FAILURE)
    return formatDiagnosticsText(file, diagnostics, colour, positions).trimEnd();
  const shown = diagnostics.slice(0, SHOWN_ON_FAILURE);
  const [, ...groups] = diagnosticsTextChunks(file, shown, colour, positions.slice(0, SHOWN_ON_FAILURE));
  const more = plural(diagnostics.length - SHOWN_ON_FAILURE, "more problem");
  return [
    summaryLine(file, diagnostics, colour),
    groups.join("").trimEnd(),
    "",
    `… and ${more}: \`peerlink validate ${escapeText(file)}\` lists every one.`,
  ].join("\n");
}

function samePosition(a: SourcePosition, b: SourcePosition | undefined): boolean {
  return b !== undefined && a.line === b.line && a.column === b.column;
}

function location(file: string, at: SourcePosition) {
  return { file, line: at.line, column: at.column };
}

/**
 * A diagnostic in the stable machine format: `{"code","severity","resource","message","fix"}`; `"field"` (the
 * field at fault inside the resource, `bandwidthMbps`) and `"related"` (the other places it involves, each
 * `{"resource","location"?}`) when it has them; and `"location": {"file","line","column"}`, the field's place or
 * else the resource's, when it is known where in the file it is.
 */
export function plainDiagnostic(d: Diagnostic, file?: string, place?: DiagnosticPlace) {
  const { code, severity, resource, message, fix } = d;
  const located = file !== undefined && place !== undefined;
  const related = (d.related ?? []).map((r, k) => {
    const at = located ? place.related[k]?.at : undefined;
    const named = { resource: renderResource(r) };
    return at ? { ...named, location: location(file!, at) } : named;
  });
  return {
    code,
    severity,
    resource,
    message,
    fix,
    ...(d.field ? { field: fieldText(d.field) } : {}),
    ...(related.length > 0 ? { related } : {}),
    ...(located && place.at ? { location: location(file, place.at) } : {}),
  };
}

/** The stable machine format: `{"ok", "diagnostics": [{"code","severity","resource","message","fix","location"?}]}`. */
export function formatDiagnosticsJson(
  ok: boolean,
  diagnostics: readonly Diagnostic[],
  file?: string,
  positions: Positions = [],
): string {
  return [...diagnosticsJsonChunks(ok, diagnostics, file, positions)].join("");
}

/**
 * Several files' report for programs: `{"ok", "files": [{"file", "ok"}], "diagnostics": [{"file", ...}]}`, the
 * one-file shape with each diagnostic naming its file, so a reader of `diagnostics[]` reads both. In chunks.
 */
export function* filesJsonChunks(
  reports: readonly (FileReport & { readonly ok: boolean })[],
): Generator<string> {
  const items = reportItems(reports);
  const item = (k: number) => {
    const { report, i } = items.at(k);
    return {
      file: report.file,
      ...plainDiagnostic(report.diagnostics[i]!, report.file, report.positions[i]),
    };
  };
  const skeleton = {
    ok: reports.every((r) => r.ok),
    files: reports.map(({ file, ok }) => ({ file, ok })),
    diagnostics: ITEMS,
  };
  yield* jsonWithItems(skeleton, items.count, item);
  yield "\n";
}

/** `formatDiagnosticsJson`'s text in chunks, a diagnostic at a time (./chunked-output.ts). */
export function* diagnosticsJsonChunks(
  ok: boolean,
  diagnostics: readonly Diagnostic[],
  file?: string,
  positions: Positions = [],
): Generator<string> {
  yield* jsonWithItems({ ok, diagnostics: ITEMS }, diagnostics.length, (i) =>
    plainDiagnostic(diagnostics[i]!, file, positions[i]),
  );
  yield "\n";
}
