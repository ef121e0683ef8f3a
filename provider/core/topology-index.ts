/**
 * The resolved topology's relations as integer columns, built once by resolveTopology and shared by the rules.
 *
 * A 100k-VPC mesh has 800k routes. Holding each as an object, plus a Map entry and an array per peering and per
 * VPC, made garbage collection a quarter of validation (every young-generation collection copies the whole
 * surviving model). Here a route is a row of typed arrays (off the JS heap, so never copied) and each grouping
 * ("routes of a peering", "routes of a VPC", "peerings of a VPC") is one counting sort into two typed arrays.
 * `Topology.routes` and the public maps are still there, built from these columns on first use.
 */
import type { Cidr } from "./cidr.js";
import type { Peering, Route, Topology, Vpc } from "./topology.js";

/** `routePeer` of a route whose VPC is not a side of its peering (ROUTE_NOT_ON_PEERING). */
export const NOT_ON_PEERING = -1;

/** The key of a VPC's main route table (routes that omit `routeTable`). */
export const MAIN_ROUTE_TABLE = "main";

/** The route table id of a VPC's main table. */
export const MAIN_TABLE_ID = 0;

/**
 * Items grouped by key, in ascending item order within each key: key `k` owns
 * `items[start[k]]` .. `items[start[k + 1] - 1]`.
 */
export interface Groups {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** The number of items of key `k`. */
export function groupSize(groups: Groups, k: number): number {
  return groups.start[k + 1]! - groups.start[k]!;
}

/**
 * Groups `count` items by `first[i]` and, where it differs, also by `second[i]` (a peering belongs to both its
 * VPCs, once if they are the same). A stable counting sort: O(items + keys), no allocation per item.
 */
export function groupBy(keys: number, count: number, first: Int32Array, second?: Int32Array): Groups {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) {
    start[first[i]! + 1]!++;
    if (second && second[i] !== first[i]) start[second[i]! + 1]!++;
  }
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, keys);
  const items = new Int32Array(start[keys]!);
  for (let i = 0; i < count; i++) {
    items[next[first[i]!]!++] = i;
    if (second && second[i] !== first[i]) items[next[second[i]!]!++] = i;
  }
  return { start, items };
}

export interface TopologyIndex {
  /** Position of each peering's VPC and peer VPC in `topology.vpcs`. */
  readonly peeringVpc: Int32Array;
  readonly peeringPeerVpc: Int32Array;
  /** Resolved routes, in document order; row `r` is `topology.routes[r]`. */
  readonly routeCount: number;
  /** Position of the route's VPC in `topology.vpcs`. */
  readonly routeVpc: Int32Array;
  /** Position of the route's peering in `topology.peerings`. */
  readonly routePeering: Int32Array;
  /** Position of the other side of the peering, or NOT_ON_PEERING. */
  readonly routePeer: Int32Array;
  /**
   * The route table as a number: MAIN_TABLE_ID for the main table, and within one VPC equal ids are equal table
   * names (resolution uses 1 + the table's position in the VPC's routeTables).
   */
  readonly routeTable: Int32Array;
  readonly routeDestination: readonly Cidr[];
  /** Route rows by peering position. */
  readonly routesOfPeering: Groups;
  /** Route rows by VPC position. */
  readonly routesOfVpc: Groups;
  /** Peering positions by VPC position, both directions (a self-peering once). */
  readonly peeringsOfVpc: Groups;
  /** The route object of row `r` (made on demand: rules need one only to report it). */
  route(r: number): Route;
}

/** Route rows as resolution (or the fallback below) collects them; `finish` adds the groupings. */
export class RouteColumns {
  count = 0;
  readonly vpc: Int32Array;
  readonly peering: Int32Array;
  readonly peer: Int32Array;
  readonly table: Int32Array;
  /** The row's route in the document (`document.routes[spec[r]]`). */
  readonly spec: Int32Array;
  /** Rows `0 .. count - 1` are set (sized once: pushing 800k rows cost three times the writes, measured). */
  readonly destination: Cidr[];

  /** `capacity`: at most this many rows (the document's route count). */
  constructor(capacity: number) {
    this.vpc = new Int32Array(capacity);
    this.peering = new Int32Array(capacity);
    this.peer = new Int32Array(capacity);
    this.table = new Int32Array(capacity);
    this.spec = new Int32Array(capacity);
    this.destination = new Array<Cidr>(capacity);
  }

  add(spec: number, vpc: number, peering: number, peer: number, table: number, destination: Cidr): void {
    const r = this.count++;
    this.spec[r] = spec;
    this.vpc[r] = vpc;
    this.peering[r] = peering;
    this.peer[r] = peer;
    this.table[r] = table;
    this.destination[r] = destination;
  }

  finish(
    vpcCount: number,
    peeringVpc: Int32Array,
    peeringPeerVpc: Int32Array,
    route: (r: number) => Route,
  ): TopologyIndex {
    const peerings = peeringVpc.length;
    return {
      peeringVpc,
      peeringPeerVpc,
      routeCount: this.count,
      routeVpc: this.vpc,
      routePeering: this.peering,
      routePeer: this.peer,
      routeTable: this.table,
      routeDestination: this.destination,
      routesOfPeering: groupBy(peerings, this.count, this.peering),
      routesOfVpc: groupBy(vpcCount, this.count, this.vpc),
      peeringsOfVpc: groupBy(vpcCount, peerings, peeringVpc, peeringPeerVpc),
      route,
    };
  }
}

const indexes = new WeakMap<Topology, TopologyIndex>();

/** Called by resolveTopology with the index it built alongside the model. */
export function registerIndex(topology: Topology, index: TopologyIndex): void {
  indexes.set(topology, index);
}

/**
 * The index of a topology. resolveTopology registers one; a topology assembled some other way (the Topology
 * interface is public) gets one built from its objects, once.
 */
export function topologyIndex(topology: Topology): TopologyIndex {
  let index = indexes.get(topology);
  if (!index) {
    index = indexFromObjects(topology);
    indexes.set(topology, index);
  }
  return index;
}

function indexFromObjects(topology: Topology): TopologyIndex {
  const vpcPosition = new Map<Vpc, number>(topology.vpcs.map((vpc, i) => [vpc, i]));
  const peeringPosition = new Map<Peering, number>(topology.peerings.map((p, i) => [p, i]));
  const peeringVpc = Int32Array.from(topology.peerings, (p) => vpcPosition.get(p.vpc)!);
  const peeringPeerVpc = Int32Array.from(topology.peerings, (p) => vpcPosition.get(p.peerVpc)!);
  const routes = topology.routes;
  const tables = new Map<string, number>([[MAIN_ROUTE_TABLE, MAIN_TABLE_ID]]);
  const columns = new RouteColumns(routes.length);
  for (const route of routes) {
    let table = tables.get(route.routeTable);
    if (table === undefined) {
      table = tables.size;
      tables.set(route.routeTable, table);
    }
    columns.add(
      route.index,
      vpcPosition.get(route.vpc)!,
      peeringPosition.get(route.peering)!,
      route.peerVpc ? vpcPosition.get(route.peerVpc)! : NOT_ON_PEERING,
      table,
      route.destination,
    );
  }
  return columns.finish(topology.vpcs.length, peeringVpc, peeringPeerVpc, (r) => routes[r]!);
}
