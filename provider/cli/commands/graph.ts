import { type GraphFormat, markedChange, renderGraph } from "../../core/graph/index.js";
import { resolveTopology } from "../../core/topology.js";
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
  let text: string;
  if (options.base === undefined) text = renderGraph(head, options.format);
  else {
    const { document, marks } = markedChange(readSide(options.base, ctx).topology.document, head.document);
    text = renderGraph(resolveTopology(document).topology, options.format, marks);
  }
  ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
