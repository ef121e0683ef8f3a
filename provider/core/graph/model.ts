/**
 * The drawing-neutral view of a topology that both renderers print: which VPCs share a cloud+region box, what
 * each node and edge says, and which ids they get. Keeping the decisions here means Mermaid and DOT always show
 * the same picture; the renderers only handle their own syntax and escaping.
 *
 * Labels are lists of plain lines, unescaped for Mermaid and DOT (the renderers do that), but with control and bidi
 * characters already shown as escapes (../escape-text.ts): the graph is printed to a terminal or a CI log. Everything is in document order, so the same topology always
 * draws the same text (diffable in review, cacheable in CI).
 */
import { type ChangeKind, fieldValueText, routeKeyText } from "../change/resource-changes.js";
import { escapeText } from "../escape-text.js";
import { MAIN_ROUTE_TABLE, type Peering, type Route, type Topology, type Vpc } from "../topology.js";
import type { ChangeMark, ChangeMarks } from "./change-marks.js";

export interface GraphNode {
  /** Generated id (`v0`, `v1`, ...): user ids may hold spaces, quotes or reserved words like `end`. */
  readonly key: string;
  readonly vpc: Vpc;
  readonly lines: readonly string[];
  /** With a base (`graph --base`): what the change does to it; undefined when unchanged or without a base. */
  readonly mark?: ChangeKind;
}

export interface GraphGroup {
  /** Generated id (`g0`, `g1`, ...), for the same reason as node keys. */
  readonly key: string;
  readonly title: string;
  readonly nodes: readonly GraphNode[];
}

export interface PeeringEdge {
  readonly peering: Peering;
  readonly from: string;
  readonly to: string;
  readonly lines: readonly string[];
  readonly mark?: ChangeKind;
}

/** All routes one VPC sends over one peering, drawn as a single arrow towards the other side. */
export interface RouteEdge {
  readonly from: string;
  readonly to: string;
  readonly lines: readonly string[];
  /** Added or removed when every route of the edge is; changed when some are. */
  readonly mark?: ChangeKind;
}

export interface GraphModel {
  readonly groups: readonly GraphGroup[];
  readonly peerings: readonly PeeringEdge[];
  readonly routes: readonly RouteEdge[];
}

const SIGN: Readonly<Record<ChangeKind, string>> = { added: "+", removed: "−", changed: "~" };

/** The first lines of a marked node or peering: the change in words, so the picture reads without its colours. */
function markLine(mark: ChangeMark | undefined): string[] {
  if (!mark) return [];
  if (mark.change !== "changed") return [`${SIGN[mark.change]} ${mark.change}`];
  return mark.fields.map((f) => `~ ${f.field}: ${fieldValueText(f.from)} → ${fieldValueText(f.to)}`);
}

function nodeLines(vpc: Vpc): string[] {
  const lines = [vpc.id, ...vpc.cidrs.map((cidr) => cidr.text), `account ${vpc.account}`];
  // A discovered peer the credentials could not read (peerlink discover): the audit's PEER_NOT_VISIBLE.
  if (vpc.spec.visible === false) lines.push("! not visible (PEER_NOT_VISIBLE)");
  return lines;
}

/**
 * The audit's marks on a discovered peering (one whose document carries a live `status`): its state when not
 * ACTIVE, else whether routes use it both ways. Declared documents carry no status and get no marks.
 */
function findingLines(peering: Peering, routes: readonly Route[]): string[] {
  const status = peering.spec.status;
  if (status === undefined) return [];
  if (status === "PENDING")
    return [
      `! PENDING${peering.spec.createdAt ? ` since ${peering.spec.createdAt.slice(0, 10)}` : ""} (PEERING_PENDING)`,
    ];
  if (status === "REJECTED" || status === "EXPIRED") return [`! ${status} (PEERING_LEFTOVER)`];
  if (status !== "ACTIVE") return [`! ${status}`];
  if (peering.vpc.spec.visible === false || peering.peerVpc.spec.visible === false) return [];
  const from = new Set(routes.map((r) => r.vpc.id));
  if (from.size === 0) return ["! no route (PEERING_UNUSED)"];
  if (!from.has(peering.vpc.id) || !from.has(peering.peerVpc.id)) {
    const only = from.has(peering.vpc.id) ? peering.vpc.id : peering.peerVpc.id;
    return [`! one-way: routes only from ${only} (MISSING_RETURN_ROUTE)`];
  }
  return [];
}

/** Groups VPCs by cloud+region, in the order each group's first VPC appears. */
function buildGroups(
  vpcs: readonly Vpc[],
  keyOf: ReadonlyMap<string, string>,
  marks: ChangeMarks | undefined,
): GraphGroup[] {
  const byRegion = new Map<string, { title: string; nodes: GraphNode[] }>();
  for (const vpc of vpcs) {
    const title = `${vpc.cloud} ${vpc.region}`;
    let group = byRegion.get(title);
    if (!group) {
      group = { title, nodes: [] };
      byRegion.set(title, group);
    }
    const mark = marks?.vpcs.get(vpc.id);
    group.nodes.push({
      key: keyOf.get(vpc.id)!,
      vpc,
      lines: [...markLine(mark), ...nodeLines(vpc)].map(escapeText),
      ...(mark ? { mark: mark.change } : {}),
    });
  }
  return [...byRegion.values()].map((group, i) => ({
    key: `g${i}`,
    ...group,
    title: escapeText(group.title),
  }));
}

/** What a user asks first about a peering: what it costs (its cap) and whether two accounts must accept it. */
function bandwidthText(peering: Peering): string {
  const mbps = peering.spec.bandwidthMbps;
  if (mbps !== undefined) return `${mbps} Mbps`;
  // Same-region peerings have no settable cap; a cross-region one without it is an error the validators report.
  return peering.crossRegion ? "no bandwidth set" : "same-region";
}

function peeringLines(peering: Peering): string[] {
  const title = peering.name === peering.id ? peering.id : `${peering.name} (${peering.id})`;
  const lines = [title, bandwidthText(peering)];
  if (peering.crossAccount) lines.push("cross-account");
  return lines;
}

function routeLine(route: Route): string {
  const table = route.routeTable === MAIN_ROUTE_TABLE ? "" : ` (${route.routeTable})`;
  return `${route.destination.text}${table}`;
}

/** The edge's mark from its routes' marks: one kind when every route has it, else changed when any has one. */
function edgeMark(marks: readonly (ChangeKind | undefined)[]): ChangeKind | undefined {
  const first = marks[0];
  if (first !== undefined && marks.every((m) => m === first)) return first;
  return marks.some((m) => m !== undefined) ? "changed" : undefined;
}

/** One edge per (route VPC, peering); routes from a VPC not on the peering have no arrow to draw. */
function routeEdges(
  routes: readonly Route[],
  keyOf: ReadonlyMap<string, string>,
  marks: ChangeMarks | undefined,
): RouteEdge[] {
  const byVpc = new Map<
    string,
    { from: string; to: string; lines: Set<string>; marks: (ChangeKind | undefined)[] }
  >();
  for (const route of routes) {
    if (!route.peerVpc) continue;
    let edge = byVpc.get(route.vpc.id);
    if (!edge) {
      edge = {
        from: keyOf.get(route.vpc.id)!,
        to: keyOf.get(route.peerVpc.id)!,
        lines: new Set(),
        marks: [],
      };
      byVpc.set(route.vpc.id, edge);
    }
    const mark = marks?.routes.get(
      routeKeyText(route.vpc.id, route.routeTable, route.destination.text),
    )?.change;
    edge.marks.push(mark);
    // A Set drops exact duplicates (same destination, same table), which would only repeat a line.
    edge.lines.add(escapeText(`${mark ? `${SIGN[mark]} ` : ""}${routeLine(route)}`));
  }
  return [...byVpc.values()].map(({ from, to, lines, marks: routeMarks }) => {
    const mark = edgeMark(routeMarks);
    return { from, to, lines: [...lines], ...(mark ? { mark } : {}) };
  });
}

/** The model of a topology; with `marks` (from markedChange), each VPC, peering and route says what changed. */
export function buildGraphModel(topology: Topology, marks?: ChangeMarks): GraphModel {
  const keyOf = new Map(topology.vpcs.map((vpc, i) => [vpc.id, `v${i}`] as const));
  const peerings: PeeringEdge[] = [];
  const routes: RouteEdge[] = [];
  for (const peering of topology.peerings) {
    const mark = marks?.peerings.get(peering.id);
    peerings.push({
      peering,
      from: keyOf.get(peering.vpc.id)!,
      to: keyOf.get(peering.peerVpc.id)!,
      lines: [
        ...markLine(mark),
        ...peeringLines(peering),
        ...findingLines(peering, topology.routesByPeering.get(peering.id) ?? []),
      ].map(escapeText),
      ...(mark ? { mark: mark.change } : {}),
    });
    routes.push(...routeEdges(topology.routesByPeering.get(peering.id) ?? [], keyOf, marks));
  }
  return { groups: buildGroups(topology.vpcs, keyOf, marks), peerings, routes };
}
