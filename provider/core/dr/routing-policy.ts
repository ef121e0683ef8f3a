/**
 * A site's routing policy: which destinations it routes to its peers, into which of its route tables, or nothing
 * at all (a side whose routes another team or stack manages). Least-privilege routes are what CIS AWS Foundations
 * 5.5 and Prowler's `vpc_peering_routing_tables_with_least_privilege` audit: a route to the whole peer VPC fails
 * them. Checked here once, at plan time, for every planner and front end.
 */
import { type Cidr, coveredBy, parseCidr } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { ResourceRef } from "../resource-ref.js";

/** Destinations a site routes: every CIDR of each peer, a list of blocks inside the peers, or nothing. */
export type DrRoutes = "peer-cidrs" | "none" | readonly string[];

export interface DrRouting {
  /**
   * What this site routes to its peers: `"peer-cidrs"` every CIDR of each peer; a list of blocks (subnets), each
   * inside one of the peers' CIDRs and routed through that peer's peering only; `"none"` nothing (the side's
   * routes are managed elsewhere: the reachability matrix then shows no traffic from it).
   * @default "peer-cidrs"
   */
  readonly routes?: DrRoutes;
  /**
   * Which of the site's extra route tables (by their name in the topology) get the routes.
   * @default every extra route table of the site
   */
  readonly routeTables?: readonly string[];
  /**
   * Whether the main route table gets the routes.
   * @default true
   */
  readonly mainTable?: boolean;
}

/** What a site's policy asks for, with the defaults applied (plain data, for planners and tests). */
export interface ResolvedRouting {
  /** undefined: every CIDR of the peer. */
  readonly destinations: readonly Cidr[] | undefined;
  /** The tables that get routes: undefined for the main one, then the extra ones, in order. */
  readonly tables: readonly (string | undefined)[];
}

export interface RoutedSite {
  readonly vpc: string;
  readonly cidrs: readonly string[];
  /** IPv6 blocks the cloud assigned the VPC (never declared): routed to like its CIDRs. */
  readonly assignedIpv6Cidrs?: readonly string[];
  readonly routeTables?: readonly string[];
  readonly routing?: DrRouting;
}

/** Every block a site's peers may route to: its CIDRs, then the IPv6 blocks its cloud assigned it. */
export function routableBlocks(site: {
  readonly cidrs: readonly string[];
  readonly assignedIpv6Cidrs?: readonly string[];
}): string[] {
  return [...site.cidrs, ...(site.assignedIpv6Cidrs ?? [])];
}

function policyRef(role: string, ...path: (string | number)[]): ResourceRef {
  return { kind: "document", path: [role, "routing", ...path] };
}

/** The policy with its defaults; `routes: "none"` routes nothing, into no table. */
export function resolveRouting(site: RoutedSite): ResolvedRouting {
  const routing = site.routing ?? {};
  if (routing.routes === "none") return { destinations: [], tables: [] };
  // A table the site does not have is refused by checkRouting; it gets no routes, so that refusal is the only one.
  const known = new Set(site.routeTables ?? []);
  const extra = (routing.routeTables ?? site.routeTables ?? []).filter((t) => known.has(t));
  const tables = routing.mainTable === false ? [...extra] : [undefined, ...extra];
  if (routing.routes === undefined || routing.routes === "peer-cidrs")
    return { destinations: undefined, tables };
  const destinations: Cidr[] = [];
  for (const text of routing.routes) {
    const parsed = parseCidr(text);
    if (parsed.ok) destinations.push(parsed.cidr);
  }
  return { destinations, tables };
}

/** The destinations `from` routes to `to` under its policy, as written: inside `to` only. */
export function destinationsToPeer(
  routing: ResolvedRouting,
  to: { readonly cidrs: readonly string[]; readonly assignedIpv6Cidrs?: readonly string[] },
): string[] {
  if (routing.destinations === undefined) return routableBlocks(to);
  const peer: Cidr[] = [];
  for (const text of routableBlocks(to)) {
    const parsed = parseCidr(text);
    if (parsed.ok) peer.push(parsed.cidr);
  }
  return routing.destinations.filter((d) => coveredBy(d, peer)).map((d) => d.text);
}

/**
 * Every problem of one site's policy, given the sites it peers with: a destination that does not parse or lies
 * inside none of the peers (ROUTING_OUTSIDE_PEER), a route table the site does not have, an empty selection
 * (ROUTING_POLICY_INVALID). `role` names the site in the component (`primary`, `hub`, `spokes.a`).
 */
export function checkRouting(role: string, site: RoutedSite, peers: readonly RoutedSite[]): Diagnostic[] {
  const routing = site.routing;
  if (routing === undefined) return [];
  const out: Diagnostic[] = [];
  const invalid = (path: (string | number)[], message: string, fix: string) =>
    out.push(diagnostic("ROUTING_POLICY_INVALID", policyRef(role, ...path), message, fix));
  if (routing.routes === "none") {
    if (routing.routeTables !== undefined || routing.mainTable !== undefined)
      invalid(
        ["routes"],
        `Site "${site.vpc}" routes nothing (routes: "none") but also selects route tables.`,
        'Drop routeTables and mainTable, or give the destinations to route instead of "none".',
      );
    return out;
  }
  const known = new Set(site.routeTables ?? []);
  (routing.routeTables ?? []).forEach((table, i) => {
    if (!known.has(table))
      invalid(
        ["routeTables", i],
        `Site "${site.vpc}" has no route table "${table}" (its extra tables: ${[...known].join(", ") || "none"}).`,
        "Name one of the site's route tables (routeTableIds), or add the table to the site.",
      );
  });
  if (routing.mainTable === false && (routing.routeTables ?? site.routeTables ?? []).length === 0)
    invalid(
      ["mainTable"],
      `Site "${site.vpc}" excludes its main route table and selects no other: its routes would go nowhere.`,
      'Select a route table (routeTables), keep the main table, or say routes: "none".',
    );
  if (routing.routes === undefined || routing.routes === "peer-cidrs") return out;
  if (routing.routes.length === 0)
    invalid(
      ["routes"],
      `Site "${site.vpc}" lists no destination to route.`,
      'List the peer blocks to route, or say routes: "none" for a side managed elsewhere.',
    );
  const peerBlocks = peers.map((p) => ({
    vpc: p.vpc,
    cidrs: routableBlocks(p).flatMap((c) => {
      const parsed = parseCidr(c);
      return parsed.ok ? [parsed.cidr] : [];
    }),
  }));
  routing.routes.forEach((text, i) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) {
      const suggestion = parsed.suggestion ? ` Did you mean ${parsed.suggestion}?` : "";
      invalid(
        ["routes", i],
        `Site "${site.vpc}" routes ${JSON.stringify(text)}, which is not a CIDR block (${parsed.reason}).${suggestion}`,
        "Write the destination as a canonical CIDR block inside a peer VPC, e.g. 10.1.1.0/24.",
      );
      return;
    }
    if (peerBlocks.some((p) => coveredBy(parsed.cidr, p.cidrs))) return;
    const described = peers.map((p) => `"${p.vpc}" ${p.cidrs.join(", ")}`).join("; ");
    out.push(
      diagnostic(
        "ROUTING_OUTSIDE_PEER",
        policyRef(role, "routes", i),
        `Site "${site.vpc}" routes ${text}, which is inside none of its peers (${described}); peering is not transitive, so the cloud would refuse the route or drop the traffic.`,
        `Route only blocks inside a peer VPC's CIDRs (for example a subnet of ${peers[0]?.cidrs[0] ?? "the peer"}), or add the block to the peer as a secondary CIDR.`,
      ),
    );
  });
  return out;
}

/** The part of a plan `isReturnRouteManagedElsewhere` reads. */
export interface PlannedRoutes {
  readonly peerings: readonly { readonly id: string; readonly vpc: string; readonly peerVpc: string }[];
  readonly routes: readonly { readonly vpc: string; readonly peering: string }[];
  /** VPCs whose routes are managed outside the plan (`routes: "none"`, the far side of an external peering). */
  readonly routedElsewhere?: readonly string[];
  /** Peerings this stack owns one side of: their other side routes in the other account's stack. */
  readonly externalPeerings?: Readonly<Record<string, unknown>>;
}

/**
 * Whether a MISSING_RETURN_ROUTE finding concerns a return route the plan was told is made elsewhere: the side
 * that should route back says `routes: "none"`. Its reachability still shows no flow (this plan routes nothing
 * back); only the advice to add the route here, which would be wrong, is dropped.
 */
export function isReturnRouteManagedElsewhere(plan: PlannedRoutes, d: Diagnostic): boolean {
  if (d.code !== "MISSING_RETURN_ROUTE" || d.ref.kind !== "routes" || typeof d.ref.key !== "number")
    return false;
  const route = plan.routes[d.ref.key];
  const peering = route && plan.peerings.find((p) => p.id === route.peering);
  if (!route || !peering) return false;
  if (plan.externalPeerings?.[peering.id] !== undefined) return true;
  const back = peering.vpc === route.vpc ? peering.peerVpc : peering.vpc;
  return (plan.routedElsewhere ?? []).includes(back);
}
