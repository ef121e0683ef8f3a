import { topologyChange } from "../../core/change/index.js";
import type { DiagnosticPlace } from "../../core/diagnostic-positions.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import { renderChangeGraph } from "../../core/graph/index.js";
import { EXIT } from "../exit-codes.js";
import { describeChange, formatChangeMarkdown, formatChangeText } from "../format-change.js";
import { plainDiagnostic, positionText } from "../format-diagnostics.js";
import { fileAtRevision } from "../git-revision.js";
import { type CommandContext, commandContext } from "../io.js";
import { readSide, type SideSource, sideName } from "../read-side.js";
import { CliExit } from "../read-topology.js";

export interface DiffOptions {
  readonly format: "text" | "json" | "markdown";
  /** Markdown only: end with the Mermaid graph of the change (`peerlink graph HEAD --base BASE`). */
  readonly graph?: boolean;
  /** The base is the head file as this git revision holds it (`--base-ref origin/main`); then no BASE is given. */
  readonly baseRef?: string;
}

/** The two sides named on the command line: `BASE HEAD`, or `--base-ref REV FILE`. */
export function diffSides(
  first: string,
  second: string | undefined,
  baseRef: string | undefined,
): { base: SideSource; head: string } {
  if (baseRef !== undefined) {
    if (second !== undefined)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: with --base-ref the base comes from git: give only the head file, not ${first} and ${second} (fix: peerlink diff --base-ref ${baseRef} HEAD_FILE, or peerlink diff ${first} ${second} without --base-ref)`,
      );
    return { base: fileAtRevision(first, baseRef), head: first };
  }
  if (second === undefined)
    throw new CliExit(
      EXIT.unreadable,
      `peerlink: diff compares two topologies and was given one, ${first} (fix: peerlink diff BASE ${first}, or peerlink diff --base-ref origin/main ${first})`,
    );
  return { base: first, head: second };
}

/**
 * `peerlink diff BASE HEAD` (or `--base-ref REV HEAD`): what the change from BASE to HEAD does (resources,
 * traffic, planned cost, problems).
 * Exit 1 when HEAD has an error that BASE did not have, so CI stops a change that makes the topology worse while
 * the problems it inherited stay `peerlink validate`'s business.
 */
export function runDiff(
  first: string,
  second: string | undefined,
  options: DiffOptions,
  ctx: CommandContext = commandContext(),
): number {
  if (options.graph && options.format !== "markdown")
    throw new CliExit(
      EXIT.unreadable,
      "peerlink: --graph goes with --format markdown (fix: add --format markdown)",
    );
  const sides = diffSides(first, second, options.baseRef);
  const [base, head] = [sideName(sides.base), sides.head];
  const [before, after] = [readSide(sides.base, ctx), readSide(head, ctx)];
  const change = topologyChange(before, after);
  // The change's diagnostics are the sides' own objects: each found where its side's read placed it.
  const places = new Map<Diagnostic, { file: string; place: DiagnosticPlace | undefined }>();
  for (const [file, side] of [
    [base, before],
    [head, after],
  ] as const)
    side.diagnostics.forEach((d, i) => {
      places.set(d, { file, place: side.positions?.[i] });
    });
  const plain = (d: Diagnostic) => {
    const found = places.get(d);
    return plainDiagnostic(d, found?.file, found?.place);
  };
  if (options.format === "json") {
    ctx.io.stdout.write(
      `${JSON.stringify(
        {
          ...change,
          diagnostics: {
            introduced: change.diagnostics.introduced.map(plain),
            resolved: change.diagnostics.resolved.map(plain),
            unchanged: change.diagnostics.unchanged.map(plain),
          },
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const locate = (d: Diagnostic) => {
      const at = places.get(d)?.place?.at;
      return at && positionText(head, at);
    };
    const sections = describeChange(change, locate);
    if (options.format === "text") ctx.io.stdout.write(formatChangeText(base, head, sections));
    else {
      ctx.io.stdout.write(formatChangeMarkdown(base, head, sections));
      if (options.graph) {
        // The renderer writes no backtick (it is an entity in labels), so the fence cannot be closed early.
        const graph = renderChangeGraph(
          before.topology.document,
          after.topology.document,
          "mermaid",
          change.resources,
        );
        ctx.io.stdout.write(`\n**Graph of the change**\n\n\`\`\`mermaid\n${graph}\`\`\`\n`);
      }
    }
  }
  return change.ok ? EXIT.ok : EXIT.invalid;
}
