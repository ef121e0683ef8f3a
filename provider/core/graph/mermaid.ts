/**
 * Mermaid `flowchart LR` of a topology, for pasting into a README, a pull request or any Markdown viewer that
 * renders Mermaid (GitHub, GitLab). Peerings are undirected lines (thick when cross-region, since those are the
 * billed ones); routes are dotted arrows from the VPC that holds them to the VPC they send traffic to.
 */
import type { ChangeKind } from "../change/resource-changes.js";
import type { Topology } from "../topology.js";
import type { ChangeMarks } from "./change-marks.js";
import { CHANGE_COLOURS } from "./change-style.js";
import {
  buildGraphModel,
  type GraphGroup,
  type GraphModel,
  type PeeringEdge,
  type RouteEdge,
} from "./model.js";

const INDENT = "  ";

/**
 * Characters that would end a quoted label, start an entity, be read as HTML or Markdown, or split an edge label.
 * Mermaid turns `#name;` / `#code;` back into the character when it renders.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  "#": "#35;",
  '"': "#quot;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
  "|": "#124;",
};

function escapeText(text: string): string {
  // A raw line break would end the statement; labels get their breaks from `<br/>` instead.
  return text.replace(/[#"&<>`|]/g, (c) => ENTITIES[c]!).replace(/\s*[\r\n]+\s*/g, " ");
}

/** A quoted label; its lines joined with `<br/>`, the one bit of HTML the label is meant to contain. */
function label(lines: readonly string[]): string {
  return `"${lines.map(escapeText).join("<br/>")}"`;
}

function groupLines(group: GraphGroup): string[] {
  return [
    `subgraph ${group.key}[${label([group.title])}]`,
    ...group.nodes.map((node) => `${INDENT}${node.key}[${label(node.lines)}]`),
    "end",
  ];
}

function peeringLine(edge: PeeringEdge): string {
  const link = edge.peering.crossRegion ? "===" : "---";
  return `${edge.from} ${link}|${label(edge.lines)}| ${edge.to}`;
}

function routeLine(edge: RouteEdge): string {
  return `${edge.from} -.->|${label(edge.lines)}| ${edge.to}`;
}

const KINDS: readonly ChangeKind[] = ["added", "removed", "changed"];

/** A style per change: wide in its colour, dashed when removed. */
const style = (kind: ChangeKind) =>
  `stroke:${CHANGE_COLOURS[kind]},stroke-width:3px${kind === "removed" ? ",stroke-dasharray:5 5" : ""}`;

/**
 * With marks: a class per change for the nodes, and a linkStyle per change for the edges, which Mermaid numbers in
 * the order they are drawn (peerings, then routes).
 */
function changeLines(model: GraphModel): string[] {
  const nodes = model.groups.flatMap((g) => g.nodes);
  const edges = [...model.peerings, ...model.routes];
  const out: string[] = [];
  for (const kind of KINDS) {
    const marked = nodes.filter((n) => n.mark === kind).map((n) => n.key);
    if (marked.length > 0) out.push(`classDef ${kind} ${style(kind)}`, `class ${marked.join(",")} ${kind}`);
    const links = edges.flatMap((e, i) => (e.mark === kind ? [i] : []));
    if (links.length > 0) out.push(`linkStyle ${links.join(",")} ${style(kind)}`);
  }
  return out;
}

export function renderMermaid(topology: Topology, marks?: ChangeMarks): string {
  const model = buildGraphModel(topology, marks);
  const body = [
    ...model.groups.flatMap(groupLines),
    ...model.peerings.map(peeringLine),
    ...model.routes.map(routeLine),
    ...changeLines(model),
  ];
  return ["flowchart LR", ...body.map((line) => INDENT + line)].join("\n") + "\n";
}
