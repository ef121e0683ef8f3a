import { type GraphFormat, renderChangeGraph, renderGraph } from "../../core/graph/index.js";
import { EXIT } from "../exit-codes.js";
import { fileAtRevision } from "../git-revision.js";
import { type CommandContext, commandContext } from "../io.js";
import { readSide } from "../read-side.js";
import { CliExit } from "../read-topology.js";
import { checkedTopology } from "./checked-topology.js";

/**
 * `peerlink graph FILE --format mermaid|dot [--base BASE | --base-ref REV]`: paste Mermaid into a pull request,
 * pipe DOT into `dot -Tsvg`. With a base (a file, or FILE at a git revision), the picture of the change: what the
 * base had and FILE removes is drawn back in, and each VPC, peering and route FILE adds, removes or changes is
 * marked, as `peerlink diff` matches them.
 */
export function runGraph(
  file: string,
  options: { readonly format: GraphFormat; readonly base?: string; readonly baseRef?: string },
  ctx: CommandContext = commandContext(),
): number {
  if (options.base !== undefined && options.baseRef !== undefined)
    throw new CliExit(
      EXIT.unreadable,
      `peerlink: give one base, --base ${options.base} or --base-ref ${options.baseRef} (fix: drop one of them)`,
    );
  const head = checkedTopology(file, ctx);
  const base = options.baseRef === undefined ? options.base : fileAtRevision(file, options.baseRef);
  const text =
    base === undefined
      ? renderGraph(head, options.format)
      : renderChangeGraph(readSide(base, ctx).topology.document, head.document, options.format);
  ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
