import { escapeText } from "./escape.js";

/**
 * Left-aligned columns for terminal tables; no library needed for a dozen lines of padding. Every cell is escaped
 * (./escape.ts) before the widths are measured: cells hold ids and names, and a control character in one would
 * break the row (a newline) or the terminal (an escape sequence).
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map(escapeText);
  const body = rows.map((r) => r.map(escapeText));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(head), ...body.map(line)].join("\n");
}
