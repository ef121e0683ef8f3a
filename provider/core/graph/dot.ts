/**
 * Graphviz DOT of a topology, for `dot -Tsvg` and tools that post-process graphs. Same picture as the Mermaid
 * output: one cluster per cloud+region, peerings as undirected lines (wider when cross-region), routes as dashed
 * arrows. Built with ts-graphviz, which writes the DOT syntax and quotes strings; only Graphviz's own label
 * escapes are handled here.
 */
import { attribute as _, Digraph, Edge, Node, Subgraph, toDot } from "ts-graphviz";
import type { ChangeKind } from "../change/resource-changes.js";
import type { Topology } from "../topology.js";
import type { ChangeMarks } from "./change-marks.js";
import { CHANGE_COLOURS } from "./change-style.js";
import { buildGraphModel, type GraphGroup, type PeeringEdge, type RouteEdge } from "./model.js";

const CROSS_REGION_PENWIDTH = 3;
const SAME_REGION_PENWIDTH = 1;

/**
 * ts-graphviz escapes quotes and line breaks but not backslashes, and Graphviz reads `\N`, `\G`, `\l`... in
 * labels as escapes; so backslashes and quotes are escaped here (ts-graphviz leaves an already escaped quote
 * alone). A label shaped `<...>` would be printed as an HTML label; `\<` keeps it plain text.
 */
function label(lines: readonly string[]): string {
  const text = lines.map((line) => line.replace(/[\\"]/g, (c) => `\\${c}`)).join("\n");
  return text.replace(/^(\s*)</, "$1\\<");
}

/** A marked node or edge in its change's colour, wider, and dashed when removed. */
function changeAttributes(mark: ChangeKind | undefined) {
  if (!mark) return {};
  return {
    [_.color]: CHANGE_COLOURS[mark],
    [_.fontcolor]: CHANGE_COLOURS[mark],
    [_.penwidth]: 3,
    ...(mark === "removed" ? { [_.style]: "dashed" } : {}),
  };
}

/** Node ids are the model's generated keys: a quoted DOT id cannot end with a backslash, a VPC id can. */
function cluster(group: GraphGroup, nodes: Map<string, Node>): Subgraph {
  const subgraph = new Subgraph(`cluster_${group.key}`, { [_.label]: label([group.title]) });
  for (const graphNode of group.nodes) {
    const node = new Node(graphNode.key, {
      [_.label]: label(graphNode.lines),
      ...changeAttributes(graphNode.mark),
    });
    nodes.set(graphNode.key, node);
    subgraph.addNode(node);
  }
  return subgraph;
}

function peeringEdge(edge: PeeringEdge, nodes: ReadonlyMap<string, Node>): Edge {
  return new Edge([nodes.get(edge.from)!, nodes.get(edge.to)!], {
    [_.label]: label(edge.lines),
    // A peering carries traffic both ways; routes say which way each VPC actually sends.
    [_.dir]: "none",
    [_.penwidth]: edge.peering.crossRegion ? CROSS_REGION_PENWIDTH : SAME_REGION_PENWIDTH,
    ...changeAttributes(edge.mark),
  });
}

function routeEdge(edge: RouteEdge, nodes: ReadonlyMap<string, Node>): Edge {
  return new Edge([nodes.get(edge.from)!, nodes.get(edge.to)!], {
    [_.label]: label(edge.lines),
    [_.style]: "dashed",
    ...changeAttributes(edge.mark),
  });
}

export function renderDot(topology: Topology, marks?: ChangeMarks): string {
  const model = buildGraphModel(topology, marks);
  // Left to right, like the Mermaid output, so the two read the same way.
  const graph = new Digraph("peerlink", { [_.rankdir]: "LR" });
  graph.attributes.node.set(_.shape, "box");
  const nodes = new Map<string, Node>();
  for (const group of model.groups) graph.addSubgraph(cluster(group, nodes));
  for (const edge of model.peerings) graph.addEdge(peeringEdge(edge, nodes));
  for (const edge of model.routes) graph.addEdge(routeEdge(edge, nodes));
  return `${toDot(graph)}\n`;
}
