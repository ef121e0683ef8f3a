/**
 * Resolution: from the schema-checked document to a model with parsed CIDRs and references followed, plus the
 * structural diagnostics found on the way (INVALID_CIDR, UNKNOWN_REFERENCE, duplicate ids). Rules run on this
 * model and skip whatever could not be resolved, so one typo produces one diagnostic, not a cascade.
 */
import { type Cidr, CidrCache, firstSelfOverlap, parseCidr, parseIp } from "./cidr.js";
import { closestName, NameSuggester } from "./closest-name.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import {
  type FieldPath,
  fieldRef,
  fieldText,
  peeringRef,
  policyRef,
  positionRef,
  type ResourceRef,
  routeRef,
  subnetRef,
  vpcRef,
} from "./resource-ref.js";
import {
  MAIN_ROUTE_TABLE,
  MAIN_TABLE_ID,
  NOT_ON_PEERING,
  RouteColumns,
  registerIndex,
  type TopologyIndex,
} from "./topology-index.js";
import type {
  BandwidthPolicySpec,
  Cloud,
  PeeringSpec,
  RouteSpec,
  SubnetSpec,
  TopologyDocument,
  VpcSpec,
} from "./topology-schema.js";

export { MAIN_ROUTE_TABLE };

export interface Vpc {
  readonly spec: VpcSpec;
  readonly id: string;
  readonly cloud: Cloud;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  readonly ref: ResourceRef;
  /** The CIDRs that parsed, then the assigned IPv6 blocks that did; invalid ones are reported and left out. */
  readonly cidrs: readonly Cidr[];
  /** The IPv6 blocks the cloud assigned (`assignedIpv6Cidrs`), also in `cidrs`: not judged as declared blocks. */
  readonly assignedIpv6: readonly Cidr[];
  readonly routeTables: readonly string[];
}

export interface Subnet {
  readonly spec: SubnetSpec;
  /** Position in the document's `subnets`. */
  readonly index: number;
  readonly id: string;
  /** The name the cloud is given: `name`, or the id. */
  readonly name: string;
  readonly ref: ResourceRef;
  readonly vpc: Vpc;
}

export interface Peering {
  readonly spec: PeeringSpec;
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly resource: string;
  readonly ref: ResourceRef;
  readonly vpc: Vpc;
  readonly peerVpc: Vpc;
  readonly crossRegion: boolean;
  readonly crossAccount: boolean;
}

export interface Route {
  readonly spec: RouteSpec;
  readonly index: number;
  readonly resource: string;
  readonly ref: ResourceRef;
  readonly vpc: Vpc;
  readonly peering: Peering;
  readonly routeTable: string;
  readonly destination: Cidr;
  /** The other side of the peering as seen from this route's VPC (undefined if the VPC is not on it). */
  readonly peerVpc: Vpc | undefined;
}

export interface BandwidthPolicy {
  readonly spec: BandwidthPolicySpec;
  readonly index: number;
  readonly resource: string;
  readonly ref: ResourceRef;
  readonly peering: Peering;
  readonly vpc: Vpc;
  readonly ip: Cidr;
}

/**
 * `routes`, `peeringsByVpc` and `routesByPeering` are built on first read: the rules work on the integer columns of
 * topology-index.ts, so validating a large clean document never makes the 8-per-VPC route objects at all.
 */
export interface Topology {
  readonly document: TopologyDocument;
  readonly vpcs: readonly Vpc[];
  readonly vpcById: ReadonlyMap<string, Vpc>;
  /** Subnets whose VPC exists, in document order (a repeated id: the first). */
  readonly subnets: readonly Subnet[];
  /** Peerings whose two VPCs both exist. */
  readonly peerings: readonly Peering[];
  readonly peeringById: ReadonlyMap<string, Peering>;
  /** Routes whose VPC, peering, route table and destination all resolved. */
  readonly routes: readonly Route[];
  readonly bandwidthPolicies: readonly BandwidthPolicy[];
  /** Peerings by VPC id, both directions. */
  readonly peeringsByVpc: ReadonlyMap<string, readonly Peering[]>;
  /** Routes by peering id. */
  readonly routesByPeering: ReadonlyMap<string, readonly Route[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cidrDiagnostic(
  resource: ResourceRef,
  at: FieldPath,
  text: string,
  parsed: { reason: "unparsable" | "host-bits-set" | "not-canonical"; suggestion?: string },
): Diagnostic {
  const field = fieldText(at);
  const places = { field: at };
  if (parsed.reason === "not-canonical") {
    // Refused, not rewritten: the string is what a backend would send the cloud (core/cidr.ts).
    return diagnostic(
      "INVALID_CIDR",
      resource,
      `${field} "${text}" is not written canonically (spaces or leading zeros); it reads as ${parsed.suggestion}.`,
      `Write "${parsed.suggestion}".`,
      places,
    );
  }
  if (parsed.reason === "host-bits-set") {
    return diagnostic(
      "INVALID_CIDR",
      resource,
      `${field} "${text}" has host bits set; the block's network address is ${parsed.suggestion}.`,
      `Write "${parsed.suggestion}".`,
      places,
    );
  }
  return diagnostic(
    "INVALID_CIDR",
    resource,
    `${field} "${text}" is not a CIDR block.`,
    "Write an IPv4 or IPv6 block such as 10.0.0.0/16.",
    places,
  );
}

function ownOverlapDiagnostic(
  resource: ResourceRef,
  own: { earlier: number; later: number; left: Cidr; right: Cidr },
  positions: readonly number[],
): Diagnostic {
  const laterAt = ["cidrs", positions[own.later]!];
  const earlierAt = ["cidrs", positions[own.earlier]!];
  const later = fieldText(laterAt);
  const earlier = fieldText(earlierAt);
  return diagnostic(
    "INVALID_CIDR",
    resource,
    `${later} "${own.right.text}" overlaps ${earlier} "${own.left.text}" of the same VPC; the CIDRs of one VPC must be disjoint.`,
    `Remove ${own.right.text}, or use a secondary block disjoint from ${own.left.text}.`,
    { field: laterAt, related: [fieldRef(resource, ...earlierAt)] },
  );
}

function routeTableFix(table: string, vpc: Vpc): string {
  const meant = closestName(table, vpc.routeTables);
  const add = `add "${table}" to vpcs[${vpc.id}].routeTables, or omit routeTable to use the main table.`;
  return meant === undefined
    ? `${add[0]!.toUpperCase()}${add.slice(1)}`
    : `Correct it to "${meant}", or ${add}`;
}

/** The declared ids a reference may name, to guess which one a broken reference meant. */
interface DeclaredNames {
  readonly vpcs: NameSuggester;
  /** Set once the peerings are resolved; the VPC references of peerings come before. */
  peerings?: NameSuggester;
}

function unknown(
  resource: ResourceRef,
  field: string,
  kind: "VPC" | "peering",
  value: string,
  names: DeclaredNames,
): Diagnostic {
  const declared = kind === "VPC" ? "vpcs" : "peerings";
  const meant = (kind === "VPC" ? names.vpcs : names.peerings)?.meant(value);
  return diagnostic(
    "UNKNOWN_REFERENCE",
    resource,
    `${field} "${value}" names no ${kind} in the document.`,
    meant === undefined
      ? `Declare ${kind} "${value}" under ${declared}, or correct the id.`
      : `Correct the id to "${meant}" (the ${kind} under ${declared} it most likely means), or declare ${kind} "${value}" there.`,
    { field: [field] },
  );
}

const NO_TABLES: readonly string[] = Object.freeze([]);

/**
 * Resource paths are built when a diagnostic needs them, not stored as one more string per object, and the
 * spec's own fields are read through getters: a 100k-VPC model is copied by every young-generation collection
 * until it is promoted, so each field kept off the object is memory not copied (measured: bench validate).
 */
class ResolvedVpc implements Vpc {
  constructor(
    readonly spec: VpcSpec,
    readonly cidrs: readonly Cidr[],
    /** Position in `Topology.vpcs`, the row of the VPC in the index. */
    readonly position: number,
    readonly assignedIpv6: readonly Cidr[] = [],
  ) {}

  get id(): string {
    return this.spec.id;
  }

  get cloud(): Cloud {
    return this.spec.cloud;
  }

  get region(): string {
    return this.spec.region;
  }

  get account(): string {
    return this.spec.account;
  }

  get routeTables(): readonly string[] {
    return this.spec.routeTables ?? NO_TABLES;
  }

  get resource(): string {
    return `vpcs[${this.id}]`;
  }

  get ref(): ResourceRef {
    return vpcRef(this.id);
  }
}

class ResolvedPeering implements Peering {
  constructor(
    readonly spec: PeeringSpec,
    readonly index: number,
    readonly vpc: ResolvedVpc,
    readonly peerVpc: ResolvedVpc,
    /** Position in `Topology.peerings`. */
    readonly position: number,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  get name(): string {
    return this.spec.name ?? this.spec.id;
  }

  get crossRegion(): boolean {
    return this.vpc.spec.region !== this.peerVpc.spec.region;
  }

  get crossAccount(): boolean {
    return this.vpc.spec.account !== this.peerVpc.spec.account;
  }

  get resource(): string {
    return `peerings[${this.id}]`;
  }

  get ref(): ResourceRef {
    return peeringRef(this.id);
  }
}

const NO_CIDRS: readonly Cidr[] = Object.freeze([]);

/**
 * A VPC's own blocks, parsed without the cache: each is distinct in a valid document, so memoizing them only cost
 * a hash insert per VPC (routes find their destination among the peer's blocks first: resolveRoutes).
 */
function parseVpcCidrs(spec: VpcSpec, out: Diagnostic[]): Cidr[] {
  const texts = spec.cidrs;
  const cidrs: Cidr[] = [];
  let positions: number[] | undefined; // only when a block was refused: overlap diagnostics name the positions
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const parsed = parseCidr(text);
    if (parsed.ok) {
      cidrs.push(parsed.cidr);
      positions?.push(i);
    } else {
      positions ??= Array.from({ length: cidrs.length }, (_, k) => k);
      out.push(cidrDiagnostic(vpcRef(spec.id), ["cidrs", i], text, parsed));
    }
  }
  if (cidrs.length > 1) {
    const own = firstSelfOverlap(cidrs);
    if (own) out.push(ownOverlapDiagnostic(vpcRef(spec.id), own, positions ?? cidrs.map((_, k) => k)));
  }
  return cidrs;
}

function parseAssigned(spec: VpcSpec, texts: readonly string[], cache: CidrCache, out: Diagnostic[]): Cidr[] {
  const assigned: Cidr[] = [];
  texts.forEach((text, i) => {
    const parsed = cache.parse(text);
    if (!parsed.ok) out.push(cidrDiagnostic(vpcRef(spec.id), ["assignedIpv6Cidrs", i], text, parsed));
    else if (parsed.cidr.family !== 6)
      out.push(
        diagnostic(
          "INVALID_CIDR",
          vpcRef(spec.id),
          `assignedIpv6Cidrs[${i}] "${text}" of VPC "${spec.id}" is no IPv6 block; it holds the IPv6 blocks the cloud assigned.`,
          `Move ${text} to cidrs, or give the IPv6 block the cloud assigned the VPC.`,
          { field: ["assignedIpv6Cidrs", i] },
        ),
      );
    else assigned.push(parsed.cidr);
  });
  return assigned;
}

const KIND_NAMES = {
  vpcs: ["VPC", "VPC", vpcRef],
  subnets: ["Subnet", "subnet", subnetRef],
  peerings: ["Peering", "peering", peeringRef],
} as const;

/** A VPC, subnet or peering id declared a second time, at `index` of its list. */
function repeatedId(list: "vpcs" | "subnets" | "peerings", index: number, id: string): Diagnostic {
  const [Kind, kind, byId] = KIND_NAMES[list];
  return diagnostic(
    "INVALID_DOCUMENT",
    positionRef(list, index),
    `${Kind} id "${id}" is declared more than once.`,
    `Give every ${kind} a unique id.`,
    // By id, the reference is the first declaration (diagnostic-positions.ts finds the first entry with the id).
    { field: ["id"], related: [byId(id)] },
  );
}

/**
 * Adds `item` under `id` unless the id is taken, without asking the map first (a valid document repeats no id, and
 * the question cost a hash lookup per VPC and peering): a repeat is noticed by the map not growing, and the first
 * declaration is put back. True when added; `list` holds the map's values in order.
 */
function addFirst<T extends { readonly id: string }>(
  byId: Map<string, T>,
  list: T[],
  id: string,
  item: T,
): boolean {
  byId.set(id, item);
  if (byId.size === list.length) {
    byId.set(id, list.find((x) => x.id === id)!);
    return false;
  }
  list.push(item);
  return true;
}

/**
 * The VPCs by id, in document order with positions 0, 1, ... (addFirst); after a first repeat, each id is asked
 * about before its blocks are parsed.
 */
function resolveVpcs(doc: TopologyDocument, cache: CidrCache, out: Diagnostic[]): ResolvedVpcs {
  const byId = new Map<string, ResolvedVpc>();
  const list: ResolvedVpc[] = [];
  const specs = doc.vpcs;
  let repeated = false;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index]!;
    if (repeated && byId.has(spec.id)) {
      out.push(repeatedId("vpcs", index, spec.id));
      continue;
    }
    const reported = out.length;
    const cidrs = parseVpcCidrs(spec, out);
    const assignedTexts = spec.assignedIpv6Cidrs;
    const assigned =
      assignedTexts && assignedTexts.length > 0 ? parseAssigned(spec, assignedTexts, cache, out) : NO_CIDRS;
    const vpc = new ResolvedVpc(
      spec,
      assigned.length > 0 ? [...cidrs, ...assigned] : cidrs,
      list.length,
      assigned,
    );
    if (!addFirst(byId, list, spec.id, vpc)) {
      out.length = reported; // what the repeat's blocks reported is not reported
      out.push(repeatedId("vpcs", index, spec.id));
      repeated = true;
    }
  }
  return { byId, list };
}

/** The subnets whose VPC is declared; a repeated id or an unknown VPC is reported. */
function resolveSubnets(
  doc: TopologyDocument,
  vpcById: ReadonlyMap<string, ResolvedVpc>,
  out: Diagnostic[],
  names: DeclaredNames,
): Subnet[] {
  const specs = doc.subnets;
  if (specs === undefined || specs.length === 0) return [];
  const seen = new Set<string>();
  const subnets: Subnet[] = [];
  specs.forEach((spec, index) => {
    if (seen.has(spec.id)) {
      out.push(repeatedId("subnets", index, spec.id));
      return;
    }
    seen.add(spec.id);
    const vpc = vpcById.get(spec.vpc);
    if (!vpc) {
      out.push(unknown(subnetRef(spec.id), "vpc", "VPC", spec.vpc, names));
      return;
    }
    subnets.push({ spec, index, id: spec.id, name: spec.name ?? spec.id, ref: subnetRef(spec.id), vpc });
  });
  return subnets;
}

interface ResolvedVpcs {
  readonly byId: Map<string, ResolvedVpc>;
  /** `byId`'s values in order: position `i` is the VPC whose `position` is `i`. */
  readonly list: ResolvedVpc[];
}

/** The peerings that resolved, and the ids of those declared whose VPCs did not (reported already). */
interface ResolvedPeerings {
  readonly byId: Map<string, ResolvedPeering>;
  readonly unresolved: ReadonlySet<string>;
  /** `byId`'s values in order: position `i` is the peering whose `position` is `i`. */
  readonly list: ResolvedPeering[];
}

/** Declared once, whether or not it resolved: a reference to it is not an unknown reference. */
function isDeclared(peerings: ResolvedPeerings, id: string): boolean {
  return peerings.byId.has(id) || (peerings.unresolved.size > 0 && peerings.unresolved.has(id));
}

/** As resolveVpcs: set first, and ask before setting only once an id has been seen twice. */
function resolvePeerings(
  doc: TopologyDocument,
  vpcById: ReadonlyMap<string, ResolvedVpc>,
  out: Diagnostic[],
  names: DeclaredNames,
): ResolvedPeerings {
  const byId = new Map<string, ResolvedPeering>();
  const list: ResolvedPeering[] = [];
  // Only the few that fail to resolve are kept apart: a second set of every id cost a hash insert per peering.
  const unresolved = new Set<string>();
  const resolved = { byId, unresolved, list };
  const specs = doc.peerings;
  let repeated = false;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index]!;
    if ((repeated && byId.has(spec.id)) || (unresolved.size > 0 && unresolved.has(spec.id))) {
      out.push(repeatedId("peerings", index, spec.id));
      continue;
    }
    const vpc = vpcById.get(spec.vpc);
    const peerVpc = vpcById.get(spec.peerVpc);
    if (vpc && peerVpc) {
      if (!addFirst(byId, list, spec.id, new ResolvedPeering(spec, index, vpc, peerVpc, list.length))) {
        out.push(repeatedId("peerings", index, spec.id));
        repeated = true;
      }
      continue;
    }
    if (byId.has(spec.id)) {
      out.push(repeatedId("peerings", index, spec.id));
      continue;
    }
    unresolved.add(spec.id);
    const resource = peeringRef(spec.id);
    if (!vpc) out.push(unknown(resource, "vpc", "VPC", spec.vpc, names));
    if (!peerVpc) out.push(unknown(resource, "peerVpc", "VPC", spec.peerVpc, names));
  }
  return resolved;
}

/**
 * The other side of the peering as seen from `vpc`, or undefined when `vpc` is not on it. The same test as
 * Route.peerVpc, on positions.
 */
function peerPosition(peering: ResolvedPeering, vpc: ResolvedVpc): number {
  if (peering.vpc === vpc) return peering.peerVpc.position;
  if (peering.peerVpc === vpc) return peering.vpc.position;
  return NOT_ON_PEERING;
}

/** The route's VPC: one of its peering's two sides (string compares) unless the route is on neither. */
function sideOf(
  peering: ResolvedPeering,
  id: string,
  vpcById: ReadonlyMap<string, ResolvedVpc>,
): ResolvedVpc | undefined {
  if (peering.vpc.id === id) return peering.vpc;
  if (peering.peerVpc.id === id) return peering.peerVpc;
  return vpcById.get(id);
}

/**
 * The peer's block a destination names, already parsed with the VPC (most routes point at a peer's CIDR), or
 * undefined: then the destination goes through the cache.
 */
function peerBlock(peering: ResolvedPeering, vpc: ResolvedVpc, text: string): Cidr | undefined {
  const peer = peering.vpc === vpc ? peering.peerVpc : peering.vpc;
  const cidrs = peer.cidrs;
  for (let i = 0; i < cidrs.length; i++) if (cidrs[i]!.text === text) return cidrs[i];
  return undefined;
}

/** Writes the routes that resolve into `columns`, and reports the rest. */
function resolveRoutes(
  doc: TopologyDocument,
  vpcById: ReadonlyMap<string, ResolvedVpc>,
  peerings: ResolvedPeerings,
  cache: CidrCache,
  columns: RouteColumns,
  out: Diagnostic[],
  names: DeclaredNames,
): void {
  const specs = doc.routes;
  // Routes come grouped by peering (each side's tables in turn), so the last peering found is usually the next.
  let lastId: string | undefined;
  let last: ResolvedPeering | undefined;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index]!;
    if (spec.peering !== lastId) {
      lastId = spec.peering;
      last = peerings.byId.get(lastId);
    }
    const peering = last;
    const vpc = peering ? sideOf(peering, spec.vpc, vpcById) : vpcById.get(spec.vpc);
    const known = vpc && peering ? peerBlock(peering, vpc, spec.destination) : undefined;
    const parsed = known ? undefined : cache.parse(spec.destination);
    const destination = known ?? (parsed!.ok ? parsed!.cidr : undefined);
    const named = spec.routeTable !== undefined && vpc ? vpc.routeTables.indexOf(spec.routeTable) : -1;
    const knownTable = spec.routeTable === undefined || !vpc || named !== -1;
    if (vpc && peering && destination && knownTable) {
      // An explicit "main" (declared in routeTables) is the main table: tables used to be keyed by name.
      const table = named === -1 || spec.routeTable === MAIN_ROUTE_TABLE ? MAIN_TABLE_ID : named + 1;
      columns.add(index, vpc.position, peering.position, peerPosition(peering, vpc), table, destination);
      continue;
    }
    // The slow path, for broken routes only: say everything that is wrong with this one.
    const resource = routeRef(index);
    if (!vpc) out.push(unknown(resource, "vpc", "VPC", spec.vpc, names));
    // A peering that was declared but did not resolve has been reported already.
    if (!peering && !isDeclared(peerings, spec.peering))
      out.push(unknown(resource, "peering", "peering", spec.peering, names));
    if (!knownTable) {
      out.push(
        diagnostic(
          "UNKNOWN_REFERENCE",
          resource,
          `routeTable "${spec.routeTable}" is not a route table of VPC "${vpc!.id}".`,
          routeTableFix(spec.routeTable!, vpc!),
          { field: ["routeTable"] },
        ),
      );
    }
    if (parsed && !parsed.ok) out.push(cidrDiagnostic(resource, ["destination"], spec.destination, parsed));
  }
}

/**
 * Routes are the most numerous objects (8 per VPC in large meshes), so their resource path is computed when a
 * diagnostic needs it instead of being stored as one more string per route.
 */
class ResolvedRoute implements Route {
  constructor(
    readonly spec: RouteSpec,
    readonly index: number,
    readonly vpc: Vpc,
    readonly peering: Peering,
    readonly routeTable: string,
    readonly destination: Cidr,
    readonly peerVpc: Vpc | undefined,
  ) {}

  get resource(): string {
    return `routes[${this.index}]`;
  }

  get ref(): ResourceRef {
    return routeRef(this.index);
  }
}

function resolvePolicies(
  doc: TopologyDocument,
  vpcById: ReadonlyMap<string, Vpc>,
  peerings: ResolvedPeerings,
  out: Diagnostic[],
  names: DeclaredNames,
): BandwidthPolicy[] {
  const policies: BandwidthPolicy[] = [];
  doc.bandwidthPolicies.forEach((spec, index) => {
    const resource = policyRef(index);
    const peering = peerings.byId.get(spec.peering);
    if (!peering) {
      if (!isDeclared(peerings, spec.peering))
        out.push(unknown(resource, "peering", "peering", spec.peering, names));
      return;
    }
    const vpc = spec.vpc === undefined ? peering.vpc : vpcById.get(spec.vpc);
    if (!vpc) {
      out.push(unknown(resource, "vpc", "VPC", spec.vpc!, names));
      return;
    }
    const ip = parseIp(spec.ip);
    if (!ip) {
      out.push(
        diagnostic(
          "INVALID_CIDR",
          resource,
          `ip "${spec.ip}" is not an IP address.`,
          "Write a single address such as 10.0.1.5.",
          { field: ["ip"] },
        ),
      );
      return;
    }
    policies.push({ spec, index, resource: `bandwidthPolicies[${index}]`, ref: resource, peering, vpc, ip });
  });
  return policies;
}

/** The route object of a row of the index (topology-index.ts). */
function routeOfRow(
  document: TopologyDocument,
  vpcs: readonly Vpc[],
  peerings: readonly Peering[],
  columns: RouteColumns,
  r: number,
): Route {
  const index = columns.spec[r]!;
  const spec = document.routes[index]!;
  const peer = columns.peer[r]!;
  return new ResolvedRoute(
    spec,
    index,
    vpcs[columns.vpc[r]!]!,
    peerings[columns.peering[r]!]!,
    spec.routeTable ?? MAIN_ROUTE_TABLE,
    columns.destination[r]!,
    peer === NOT_ON_PEERING ? undefined : vpcs[peer],
  );
}

function peeringsByVpcOf(peerings: readonly Peering[]): Map<string, Peering[]> {
  const byVpc = new Map<string, Peering[]>();
  for (const peering of peerings) {
    push(byVpc, peering.vpc.id, peering);
    if (peering.peerVpc !== peering.vpc) push(byVpc, peering.peerVpc.id, peering);
  }
  return byVpc;
}

/** Keyed in peering order, each list in route order. */
function routesByPeeringOf(peerings: readonly Peering[], index: TopologyIndex): Map<string, Route[]> {
  const byPeering = new Map<string, Route[]>();
  const { start, items } = index.routesOfPeering;
  for (let p = 0; p < peerings.length; p++) {
    if (start[p] === start[p + 1]) continue;
    const list: Route[] = [];
    for (let i = start[p]!; i < start[p + 1]!; i++) list.push(index.route(items[i]!));
    byPeering.set(peerings[p]!.id, list);
  }
  return byPeering;
}

/** Builds the model. Pure: the same document always gives the same model and diagnostics. */
export function resolveTopology(
  document: TopologyDocument,
  cache: CidrCache = new CidrCache(),
): { topology: Topology; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const vpcs = resolveVpcs(document, cache, diagnostics);
  const vpcById = vpcs.byId;
  const names: DeclaredNames = { vpcs: new NameSuggester(() => vpcById.keys()) };
  const subnets = resolveSubnets(document, vpcById, diagnostics, names);
  const peerings = resolvePeerings(document, vpcById, diagnostics, names);
  names.peerings = new NameSuggester(() => [...peerings.byId.keys(), ...peerings.unresolved]);
  const columns = new RouteColumns(document.routes.length);
  resolveRoutes(document, vpcById, peerings, cache, columns, diagnostics, names);
  const bandwidthPolicies = resolvePolicies(document, vpcById, peerings, diagnostics, names);

  const vpcList: Vpc[] = vpcs.list;
  const peeringList: ResolvedPeering[] = peerings.list;
  const peeringVpc = new Int32Array(peeringList.length);
  const peeringPeerVpc = new Int32Array(peeringList.length);
  for (let p = 0; p < peeringList.length; p++) {
    peeringVpc[p] = peeringList[p]!.vpc.position;
    peeringPeerVpc[p] = peeringList[p]!.peerVpc.position;
  }
  let routes: Route[] | undefined;
  let peeringsByVpc: Map<string, Peering[]> | undefined;
  let routesByPeering: Map<string, Route[]> | undefined;
  const index = columns.finish(
    vpcList.length,
    peeringVpc,
    peeringPeerVpc,
    (r) => routes?.[r] ?? routeOfRow(document, vpcList, peeringList, columns, r),
  );
  // Getters on the literal are own enumerable properties, so spreading or serializing the model still sees them.
  const topology: Topology = {
    document,
    vpcs: vpcList,
    vpcById,
    subnets,
    peerings: peeringList,
    peeringById: peerings.byId,
    get routes() {
      routes ??= Array.from({ length: index.routeCount }, (_, r) => index.route(r));
      return routes;
    },
    bandwidthPolicies,
    get peeringsByVpc() {
      peeringsByVpc ??= peeringsByVpcOf(peeringList);
      return peeringsByVpc;
    },
    get routesByPeering() {
      routesByPeering ??= routesByPeeringOf(peeringList, index);
      return routesByPeering;
    },
  };
  registerIndex(topology, index);
  return { topology, diagnostics };
}
