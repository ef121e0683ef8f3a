/**
 * Reads an estate through the Backend interface and writes it as a topology document (core/topology-schema.ts),
 * so that validate, graph, reachability and cost take it as it is. Every list is paged (listPeerings here; the
 * backends page DescribeVpcs, route tables and routes themselves). What one account cannot see is marked, not
 * invented: the far VPC of a cross-account peering whose account is not among the sessions is written with
 * `visible: false` and no blocks. Each visible VPC's subnets are read too (one listSubnets per VPC, where the
 * backend offers subnets), so that `audit --against` can compare declared subnets. Live states are kept (`status`,
 * `createdAt`, `expiresAt`); DELETED peerings are left out (they carry nothing and the clouds drop their routes with
 * them, rulebook onDelete.routes).
 */
import { compareCidrs, parseCidr } from "../../core/cidr.js";
import type { RouteSpec, SubnetSpec, TopologyDocument, VpcSpec } from "../../core/topology-schema.js";
import type { Backend, PeeringInfo, RouteInfo, SubnetInfo, VpcInfo } from "../backend.js";
import { isBackendError } from "../errors.js";
import { peeringSpecOf, subnetSpecOf, vpcSpecOf } from "../shared/document-specs.js";
import type { DiscoverySession } from "./connections.js";

/** Peerings asked per listPeerings call. */
export const PEERING_PAGE = 100;

export interface SessionCounts {
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly vpcs: number;
  readonly peerings: number;
  readonly routes: number;
  readonly subnets: number;
  /**
   * Why this session's subnets were not read, when they were not: the credentials may not list subnets
   * (PERMISSION_DENIED; discovery worked without that permission before it read subnets). The document then has no
   * `subnets` list, so an audit compares none instead of calling every declared subnet missing.
   */
  readonly subnetsNotRead?: string;
}

export interface DiscoverOptions {
  /** Told when a session has been read. */
  readonly onSession?: (counts: SessionCounts) => void;
  /** Route tables read at once per session, and as many VPCs' subnet lists beside them. @default 4 */
  readonly concurrency?: number;
}

/** What one session (an account in a region) read. */
export interface SessionEstate {
  readonly vpcs: readonly VpcInfo[];
  readonly peerings: readonly PeeringInfo[];
  readonly routes: readonly RouteInfo[];
  /** Absent when they were not read (`subnetsNotRead` says why): none read is not none there. */
  readonly subnets?: readonly SubnetInfo[];
  readonly subnetsNotRead?: string;
}

/** Every peering the account lists, page by page until the total is reached. */
export async function listAllPeerings(backend: Backend): Promise<PeeringInfo[]> {
  const out: PeeringInfo[] = [];
  for (let offset = 0; ; ) {
    const page = await backend.listPeerings({}, { offset, limit: PEERING_PAGE });
    out.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return out;
  }
}

async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return out;
}

async function readSession(
  session: DiscoverySession,
  width: number,
  peerings?: Promise<readonly PeeringInfo[]>,
): Promise<SessionEstate> {
  const { backend } = session;
  const [vpcs, listed] = await Promise.all([backend.listVpcs(), peerings ?? listAllPeerings(backend)]);
  const tables = vpcs.flatMap((v) => v.routeTables.map((t) => t.id));
  // Two pools side by side: each backend paces its actions apart (20/s per action on Tencent), so the route tables
  // and the subnet lists are read at once; one pool would read the second list only after the first.
  const [routes, subnets] = await Promise.all([
    pool(tables, width, (id) => backend.listRoutes(id)),
    readSubnets(backend, vpcs, width),
  ]);
  return {
    vpcs,
    peerings: listed,
    routes: routes.flat(),
    ...("read" in subnets ? { subnets: subnets.read } : { subnetsNotRead: subnets.notRead }),
  };
}

/** Every listed VPC's subnets, or why they were not read (no subnets on this backend, or not permitted). */
async function readSubnets(
  backend: Backend,
  vpcs: readonly VpcInfo[],
  width: number,
): Promise<{ read: readonly SubnetInfo[] } | { notRead: string }> {
  if (!backend.capabilities().subnets) return { notRead: `the ${backend.kind} backend offers no subnets` };
  let denied: string | undefined;
  const lists = await pool(vpcs, width, async (v) => {
    if (denied !== undefined) return [];
    try {
      return await backend.listSubnets(v.id);
    } catch (error) {
      if (!isBackendError(error, "PERMISSION_DENIED")) throw error;
      denied ??= `PERMISSION_DENIED: ${error.message}${error.cloudCode ? ` (cloud code ${error.cloudCode})` : ""}`;
      return [];
    }
  });
  return denied === undefined ? { read: lists.flat() } : { notRead: denied };
}

/**
 * The peerings of one connection's sessions. The first region's listing is read first: when it holds peerings
 * that touch neither side of that region, the cloud lists peerings account-wide (the emulator's Tencent protocol
 * does), and reading the same list again in every other region would only spend the account's rate limit; the
 * other sessions then take it as it is. A regional listing is read in every region.
 */
function peeringsOf(
  group: readonly DiscoverySession[],
): Map<DiscoverySession, Promise<readonly PeeringInfo[]>> {
  const out = new Map<DiscoverySession, Promise<readonly PeeringInfo[]>>();
  const [first, ...rest] = group;
  if (!first) return out;
  const firstList = listAllPeerings(first.backend);
  out.set(first, firstList);
  const accountWide = firstList.then((list) =>
    list.some((p) => p.region !== first.region && p.peerRegion !== first.region),
  );
  for (const s of rest)
    out.set(
      s,
      accountWide.then((wide) => (wide ? [] : listAllPeerings(s.backend))),
    );
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Merges what every session read into one document, in a stable order (ids, then route keys). */
export function estateDocument(estates: readonly SessionEstate[]): TopologyDocument {
  const vpcs = new Map<string, VpcInfo>();
  const peerings = new Map<string, PeeringInfo>();
  const routes = new Map<string, RouteInfo>();
  const subnets = new Map<string, SubnetInfo>();
  for (const e of estates) {
    for (const v of e.vpcs) vpcs.set(v.id, v);
    for (const s of e.subnets ?? []) subnets.set(s.id, s);
    for (const p of e.peerings) if (p.status !== "DELETED") peerings.set(p.id, p);
    for (const r of e.routes) routes.set(`${r.routeTableId}\u0000${r.id}`, r);
  }
  const docVpcs: VpcSpec[] = [...vpcs.values()].map(vpcSpecOf);
  const hidden = new Map<string, VpcSpec>();
  for (const p of peerings.values()) {
    const sides = [
      { id: p.vpcId, region: p.region, account: p.account },
      { id: p.peerVpcId, region: p.peerRegion, account: p.peerAccount },
    ];
    for (const side of sides)
      if (!vpcs.has(side.id) && !hidden.has(side.id))
        hidden.set(side.id, {
          id: side.id,
          cloud: p.cloud,
          region: side.region,
          account: side.account,
          cidrs: [],
          visible: false,
        });
  }
  docVpcs.push(...hidden.values());
  const mainTable = new Map<string, string>();
  for (const v of vpcs.values()) for (const t of v.routeTables) if (t.main) mainTable.set(t.id, v.id);
  const docRoutes: RouteSpec[] = [...routes.values()].map((r) => ({
    vpc: r.vpcId,
    ...(mainTable.has(r.routeTableId) ? {} : { routeTable: r.routeTableId }),
    destination: r.destination,
    peering: r.peeringId,
    ...(r.description ? { description: r.description } : {}),
  }));
  docVpcs.sort((a, b) => byText(a.id, b.id));
  docRoutes.sort(
    (a, b) =>
      byText(a.vpc, b.vpc) ||
      byText(a.routeTable ?? "", b.routeTable ?? "") ||
      byText(a.destination, b.destination) ||
      byText(a.peering, b.peering),
  );
  // Every session read subnets, or none: a document with a `subnets` list says every visible VPC's are in it.
  const read = estates.length > 0 && estates.every((e) => e.subnets !== undefined);
  // Per VPC in creation order, as the subnet rule reads a document (the order a cloud created them in); subnets
  // made within one tick of the cloud's clock (Tencent's CreatedTime is to the second) in address order.
  const created = (s: SubnetInfo) => Date.parse(s.createdAt) || 0;
  const address = (s: SubnetInfo) => {
    const parsed = parseCidr(s.cidr);
    return parsed.ok ? parsed.cidr : undefined;
  };
  const byAddress = (a: SubnetInfo, b: SubnetInfo) => {
    const [x, y] = [address(a), address(b)];
    return x && y ? compareCidrs(x, y) : 0;
  };
  const docSubnets: SubnetSpec[] = [...subnets.values()]
    .filter((s) => vpcs.has(s.vpcId))
    .sort(
      (a, b) => byText(a.vpcId, b.vpcId) || created(a) - created(b) || byAddress(a, b) || byText(a.id, b.id),
    )
    .map(subnetSpecOf);
  return {
    vpcs: docVpcs,
    ...(read ? { subnets: docSubnets } : {}),
    peerings: [...peerings.values()].map(peeringSpecOf).sort((a, b) => byText(a.id, b.id)),
    routes: docRoutes,
    bandwidthPolicies: [],
  };
}

/** Reads every session (all at once; each backend paces its own calls) and merges what they saw. */
export async function discoverEstate(
  sessions: readonly DiscoverySession[],
  options: DiscoverOptions = {},
): Promise<TopologyDocument> {
  return estateDocument(await readEstates(sessions, options));
}

/** What each session read, as read (cloud ids of route tables and routes included), in the sessions' order. */
export async function readEstates(
  sessions: readonly DiscoverySession[],
  options: DiscoverOptions = {},
): Promise<SessionEstate[]> {
  const width = options.concurrency ?? 4;
  const groups = new Map<string, DiscoverySession[]>();
  for (const s of sessions) {
    const key = `${s.name}\u0000${s.backend.kind}\u0000${s.backend.account}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const peerings = new Map<DiscoverySession, Promise<readonly PeeringInfo[]>>();
  const firstOf = new Map<DiscoverySession, Promise<readonly PeeringInfo[]>>();
  for (const group of groups.values()) {
    const lists = peeringsOf(group);
    for (const [s, list] of lists) {
      peerings.set(s, list);
      firstOf.set(s, lists.get(group[0]!)!);
    }
  }
  return Promise.all(
    sessions.map(async (session) => {
      const estate = await readSession(session, width, peerings.get(session));
      // The peerings of this account that touch this region, from whichever listing holds them.
      const seen = [...(await firstOf.get(session)!), ...estate.peerings];
      const here = new Set(
        seen
          .filter(
            (p) =>
              (p.account === session.backend.account && p.region === session.region) ||
              (p.peerAccount === session.backend.account && p.peerRegion === session.region),
          )
          .map((p) => p.id),
      );
      options.onSession?.({
        name: session.name,
        region: session.region,
        account: session.backend.account,
        vpcs: estate.vpcs.length,
        peerings: here.size,
        routes: estate.routes.length,
        subnets: estate.subnets?.length ?? 0,
        ...(estate.subnetsNotRead === undefined ? {} : { subnetsNotRead: estate.subnetsNotRead }),
      });
      return estate;
    }),
  );
}
