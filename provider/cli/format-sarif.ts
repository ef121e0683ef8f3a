/**
 * SARIF 2.1.0, the static-analysis results format that GitHub code scanning and other review tools read ("SARIF
 * support for code scanning", https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * One run of the tool `peerlink`: every diagnostic code of the catalogue is a rule (its summary, its default
 * level, a link to the README's table), every diagnostic a result with its file, line and column, and the
 * resource as a logical location; the other places it involves (`Diagnostic.related`) are its related locations. The package names no home page, so the rules carry no help URI: their help
 * text points at the README's table instead.
 *
 * Written as a plain object against @types/sarif (the format's TypeScript definitions): a builder package
 * (node-sarif-builder) only sets these fields, with defaults that would be wrong here (an end column of 1).
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { DIAGNOSTIC_CODES, type Diagnostic } from "../core/diagnostics.js";
import type { SourcePosition } from "../core/load/locate.js";
import { ITEMS, jsonWithItems } from "./chunked-output.js";
import { type FileReport, type Positions, reportItems } from "./format-diagnostics.js";
import { STDIN } from "./read-topology.js";

/**
 * The file as a SARIF artifact URI: a relative path stays relative with `/` separators (code scanning resolves it
 * against the repository root), an absolute one is a `file:` URL. Characters a URI may not hold are
 * percent-encoded.
 */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .replace(/\\/g, "/")
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
}

function rules(): ReportingDescriptor[] {
  return Object.entries(DIAGNOSTIC_CODES).map(([id, { severity, summary }]) => ({
    id,
    shortDescription: { text: summary },
    defaultConfiguration: { level: severity },
    help: { text: `${summary} The README's "Diagnostic codes" table lists every code and its fix.` },
  }));
}

/**
 * The related locations as embedded links, `[vpcs\[bj\].cidrs\[1\]](1)`: GitHub code scanning shows a related
 * location only when the message links to it ("SARIF support for code scanning": "Code scanning will link to
 * related locations when they are embedded in the result message"). The link text escapes its brackets with a
 * backslash (SARIF 2.1.0, 3.11.6, embedded links).
 */
function seeLinks(related: readonly { readonly resource: string }[]): string {
  if (related.length === 0) return "";
  const links = related.map((r, id) => `[${r.resource.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${id})`);
  return `\nSee: ${links.join(", ")}.`;
}

/** The SARIF log of one validated file; `version` is peerlink's. */
export function formatDiagnosticsSarif(
  file: string,
  diagnostics: readonly Diagnostic[],
  positions: Positions,
  version: string,
): string {
  return [...diagnosticsSarifChunks([{ file, diagnostics, positions }], version)].join("");
}

/**
 * `formatDiagnosticsSarif`'s text in chunks, a result at a time (./chunked-output.ts). Several files make one run
 * with one artifact each: code scanning refuses two runs of one tool and category in an upload.
 */
export function* diagnosticsSarifChunks(reports: readonly FileReport[], version: string): Generator<string> {
  const catalogue = rules();
  const ruleIndex = new Map(catalogue.map((r, i) => [r.id, i]));
  const uris = reports.map(({ file }) => (file === STDIN ? undefined : artifactUri(file)));
  // The results are every file's diagnostics in turn.
  const items = reportItems(reports);
  const result = (k: number): Result => {
    const { report, f, i } = items.at(k);
    const { diagnostics, positions } = report;
    const uri = uris[f];
    const physical = (at: SourcePosition | undefined) =>
      uri === undefined
        ? {}
        : {
            physicalLocation: {
              artifactLocation: { uri },
              ...(at ? { region: { startLine: at.line, startColumn: at.column } } : {}),
            },
          };
    const d = diagnostics[i]!;
    const place = positions[i];
    const related = place?.related ?? [];
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: d.severity,
      message: { text: `${d.message}\nFix: ${d.fix}${seeLinks(related)}` },
      locations: [
        {
          ...physical(place?.at),
          logicalLocations: [{ fullyQualifiedName: d.resource, kind: "resource" }],
        },
      ],
      ...(related.length > 0
        ? {
            relatedLocations: related.map((r, id) => ({
              id,
              ...physical(r.at),
              logicalLocations: [{ fullyQualifiedName: r.resource, kind: "resource" }],
              message: { text: r.resource },
            })),
          }
        : {}),
    };
  };
  const artifacts = [...new Set(uris.filter((uri) => uri !== undefined))].map((uri) => ({
    location: { uri },
  }));
  // The results are the one streamed list (ITEMS); the rest of the log is as the types describe it.
  const log: Omit<Log, "runs"> & { runs: (Omit<Log["runs"][number], "results"> & { results: unknown })[] } = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "peerlink", version, rules: catalogue } },
        ...(artifacts.length === 0 ? {} : { artifacts }),
        results: ITEMS,
      },
    ],
  };
  yield* jsonWithItems(log, items.count, result);
  yield "\n";
}
