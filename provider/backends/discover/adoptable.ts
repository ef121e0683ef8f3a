/**
 * What accounts own of a discovered estate, and so what an import file adopts for them, whichever tool reads it
 * (pulumi-import.ts, terraform-import.ts): their VPCs and those VPCs' subnets (where they were read); the
 * peerings they requested, pending or live; their acceptance of an ACTIVE peering another account requested; the
 * routes of their VPCs' route tables. Peerings that are over (REJECTED, EXPIRED, DELETED: the audit's leftovers)
 * are not adopted: they are deleted. Each list is in a stable order, by id (routes by route table, then id), and
 * holds each resource once, though several regions of one account list the same peering.
 */
import type { PeeringInfo, RouteInfo, SubnetInfo, VpcInfo } from "../backend.js";
import type { SessionEstate } from "./discover.js";

/** Peering states worth adopting: requested or live. */
const ADOPTABLE: ReadonlySet<string> = new Set(["CREATING", "PENDING", "ACCEPTING", "ACTIVE"]);

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface AdoptableShare {
  readonly vpcs: readonly VpcInfo[];
  readonly subnets: readonly SubnetInfo[];
  /** Requested by one of the accounts. */
  readonly peerings: readonly PeeringInfo[];
  /** ACTIVE, requested by another account and accepted by one of these. */
  readonly acceptances: readonly PeeringInfo[];
  readonly routes: readonly RouteInfo[];
  /** Every VPC read, the accounts' and their peers': a subnet's or route's VPC, by id. */
  readonly vpcOf: (id: string) => VpcInfo;
}

export function adoptableShare(
  estates: readonly SessionEstate[],
  accounts: readonly string[],
): AdoptableShare {
  const wanted = new Set(accounts);
  const vpcs = new Map(estates.flatMap((e) => e.vpcs).map((v) => [v.id, v]));
  const peerings = new Map<string, PeeringInfo>();
  for (const e of estates) for (const p of e.peerings) peerings.set(p.id, p);
  const routes = new Map(estates.flatMap((e) => e.routes).map((r) => [`${r.routeTableId}/${r.id}`, r]));
  const subnets = new Map(estates.flatMap((e) => e.subnets ?? []).map((x) => [x.id, x]));
  const own = [...vpcs.values()].filter((v) => wanted.has(v.account)).sort(byId);
  const ownIds = new Set(own.map((v) => v.id));
  const live = [...peerings.values()].filter((p) => ADOPTABLE.has(p.status)).sort(byId);
  return {
    vpcs: own,
    subnets: [...subnets.values()].filter((x) => ownIds.has(x.vpcId)).sort(byId),
    peerings: live.filter((p) => wanted.has(p.account)),
    acceptances: live.filter(
      (p) => wanted.has(p.peerAccount) && p.peerAccount !== p.account && p.status === "ACTIVE",
    ),
    routes: [...routes.entries()]
      .filter(([, r]) => ownIds.has(r.vpcId))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r),
    vpcOf: (id) => vpcs.get(id)!,
  };
}
