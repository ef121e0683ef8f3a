/** Topology diagrams: the same picture as Mermaid (for Markdown) or Graphviz DOT (for `dot` and other tools). */
import type { Topology } from "../topology.js";
import type { ChangeMarks } from "./change-marks.js";
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
