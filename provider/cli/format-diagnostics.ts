import type { Diagnostic } from "../core/diagnostics.js";
import { escapeText } from "./escape.js";
import { paint } from "./style.js";

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * For people: a summary line, then the diagnostics grouped by resource, in the validators' order. The file name,
 * resources, messages and fixes hold user input (ids, names, blocks), so they are escaped (./escape.ts): one
 * diagnostic is always exactly two lines, whatever its ids contain.
 */
export function formatDiagnosticsText(
  file: string,
  diagnostics: readonly Diagnostic[],
  colour: boolean,
): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const shown = escapeText(file);
  if (diagnostics.length === 0) return `${shown}: ${paint(colour, "green", "ok")}, no problems found\n`;
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.resource);
    if (list) list.push(d);
    else groups.set(d.resource, [d]);
  }
  const lines = [`${shown}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`, ""];
  for (const [resource, list] of groups) {
    lines.push(paint(colour, "bold", escapeText(resource)));
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

/** A diagnostic in the stable machine format: `{"code","severity","resource","message","fix"}`. */
export function plainDiagnostic({ code, severity, resource, message, fix }: Diagnostic) {
  return { code, severity, resource, message, fix };
}

/** The stable machine format: `{"ok", "diagnostics": [{"code","severity","resource","message","fix"}]}`. */
export function formatDiagnosticsJson(ok: boolean, diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify({ ok, diagnostics: diagnostics.map(plainDiagnostic) }, null, 2)}\n`;
}
