/** Topology diagrams: the same picture as Mermaid (for Markdown) or Graphviz DOT (for `dot` and other tools). */
import type { ResourceChange } from "../change/resource-changes.js";
import { resolveTopology, type Topology } from "../topology.js";
import type { TopologyDocument } from "../topology-schema.js";
import { type ChangeMarks, markedChange } from "./change-marks.js";
import { renderDot } from "./dot.js";
import { renderMermaid } from "./mermaid.js";

export { type ChangeMark, type ChangeMarks, markedChange } from "./change-marks.js";
export { renderDot } from "./dot.js";
export { renderMermaid } from "./mermaid.js";

export type GraphFormat = "mermaid" | "dot";

/** The formats `renderGraph` accepts, for CLI option choices and help text. */
export const GRAPH_FORMATS: readonly GraphFormat[] = ["mermaid", "dot"];

/** The diagram; with `marks` (markedChange of a base and a head), what the change adds, removes and changes. */
export function renderGraph(topology: Topology, format: GraphFormat, marks?: ChangeMarks): string {
  switch (format) {
    case "mermaid":
      return renderMermaid(topology, marks);
    case "dot":
      return renderDot(topology, marks);
  }
}

/**
 * The picture of the change from `base` to `head` (`graph --base`, `diff --graph`): markedChange's merged document,
 * resolved and drawn with its marks. `changes` is resourceChanges(base, head) where the caller has it already.
 */
export function renderChangeGraph(
  base: TopologyDocument,
  head: TopologyDocument,
  format: GraphFormat,
  changes?: readonly ResourceChange[],
): string {
  const { document, marks } = markedChange(base, head, changes);
  return renderGraph(resolveTopology(document).topology, format, marks);
}
