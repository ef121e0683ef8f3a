/** Topology diagrams: the same picture as Mermaid (for Markdown) or Graphviz DOT (for `dot` and other tools). */
import type { Topology } from "../topology.js";
import { renderDot } from "./dot.js";
import { renderMermaid } from "./mermaid.js";

export { renderDot } from "./dot.js";
export { renderMermaid } from "./mermaid.js";

export type GraphFormat = "mermaid" | "dot";

/** The formats `renderGraph` accepts, for CLI option choices and help text. */
export const GRAPH_FORMATS: readonly GraphFormat[] = ["mermaid", "dot"];

export function renderGraph(topology: Topology, format: GraphFormat): string {
  switch (format) {
    case "mermaid":
      return renderMermaid(topology);
    case "dot":
      return renderDot(topology);
  }
}
