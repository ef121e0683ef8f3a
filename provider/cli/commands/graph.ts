import { type GraphFormat, renderChangeGraph, renderGraph } from "../../core/graph/index.js";
import { EXIT } from "../exit-codes.js";
import { type CommandContext, commandContext } from "../io.js";
import { readSide } from "../read-side.js";
import { checkedTopology } from "./checked-topology.js";

/**
 * `peerlink graph FILE --format mermaid|dot [--base BASE]`: paste Mermaid into a pull request, pipe DOT into
 * `dot -Tsvg`. With a base, the picture of the change: what the base had and FILE removes is drawn back in, and
 * each VPC, peering and route FILE adds, removes or changes is marked, as `peerlink diff` matches them.
 */
export function runGraph(
  file: string,
  options: { readonly format: GraphFormat; readonly base?: string },
  ctx: CommandContext = commandContext(),
): number {
  const head = checkedTopology(file, ctx);
  const text =
    options.base === undefined
      ? renderGraph(head, options.format)
      : renderChangeGraph(readSide(options.base, ctx).topology.document, head.document, options.format);
  ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
