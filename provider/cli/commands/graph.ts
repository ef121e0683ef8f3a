import { type GraphFormat, renderGraph } from "../../core/graph/index.js";
import { EXIT } from "../exit-codes.js";
import { type CommandContext, commandContext } from "../io.js";
import { checkedTopology } from "./checked-topology.js";

/** `peerlink graph FILE --format mermaid|dot`: paste Mermaid into a pull request, pipe DOT into `dot -Tsvg`. */
export function runGraph(
  file: string,
  options: { readonly format: GraphFormat },
  ctx: CommandContext = commandContext(),
): number {
  const text = renderGraph(checkedTopology(file, ctx), options.format);
  ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
