/**
 * The pure middle step of every DR component (the pulumi-awsx pattern: validate, compute plain specs, then loop
 * to create): which Peering, PeeringAcceptance, RouteRule and BandwidthPolicy children a planned topology needs,
 * with their names and the sites they act for. No Pulumi here, so it is unit-tested on plain data.
 */
import type { DrPlan } from "../../core/dr/site.js";
import type { ChargeType, ServiceLevel } from "../../core/topology-schema.js";

export interface PeeringChildSpec {
  /** The planner's peering id. */
  readonly plannedId: string;
  /** The Pulumi resource name of the Peering. */
  readonly resourceName: string;
  /** Topology ids of the requester and accepter sites. */
  readonly requester: string;
  readonly accepter: string;
  /** The peering's name on the cloud. */
  readonly name: string;
  readonly bandwidthMbps?: number;
  readonly chargeType?: ChargeType;
  readonly serviceLevel?: ServiceLevel;
  /** The two accounts differ: the accepter's connection accepts it (a PeeringAcceptance). */
  readonly crossAccount: boolean;
  /** The PeeringAcceptance's resource name when there is one. */
  readonly acceptanceName?: string;
  /** An existing peering (requested outside this stack) to accept: no Peering resource is created. */
  readonly existingPeeringId?: string;
  /** Requester-only: the accepter account, whose own stack accepts (named by the routes' timeout error). */
  readonly acceptedByAccount?: string;
}

export interface RouteChildSpec {
  readonly resourceName: string;
  /** The planner's id of the peering the route uses. */
  readonly peering: string;
  /** Topology id of the VPC whose route table gets the route (its connection makes it). */
  readonly vpc: string;
  /** The extra route table's name in the topology; undefined for the main table. */
  readonly routeTable?: string;
  readonly destination: string;
  readonly description: string;
}

export interface BandwidthPolicyChildSpec {
  readonly resourceName: string;
  readonly peering: string;
  readonly limits: readonly { readonly vpc: string; readonly ip: string; readonly limitMbps: number }[];
}

export interface ChildSpecs {
  readonly peerings: readonly PeeringChildSpec[];
  readonly routes: readonly RouteChildSpec[];
  readonly bandwidthPolicies: readonly BandwidthPolicyChildSpec[];
}

export interface ChildNaming {
  /** The component's name: every child's name starts with it (Pulumi names are unique per stack and type). */
  readonly prefix: string;
  /** The short key of a planned peering in child names (`peering`, `production-dr`, `hub-a`). */
  readonly peeringKey: (plannedId: string) => string;
  /** A name for a destination known only at apply (its placeholder in the plan), for names and descriptions. */
  readonly destinationLabel?: (destination: string) => string | undefined;
}

/** Letters, digits, `.`, `_` and `-` only: a CIDR such as `10.0.0.0/16` or `fd00::/8` becomes `10.0.0.0-16`. */
export function nameSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-");
}

/**
 * Children for a plan. Route names carry the VPC, table and destination rather than a position, so adding a
 * CIDR or a route table later adds routes instead of renaming (and so replacing) the existing ones.
 */
export function getChildSpecs(plan: DrPlan, naming: ChildNaming): ChildSpecs {
  const accountOf = new Map(plan.vpcs.map((v) => [v.id, String(v.account)]));
  const peeringName = new Map<string, string>();
  const peerings = plan.peerings.map((p): PeeringChildSpec => {
    const resourceName = `${naming.prefix}-${naming.peeringKey(p.id)}`;
    peeringName.set(p.id, resourceName);
    const crossAccount = accountOf.get(p.vpc) !== accountOf.get(p.peerVpc);
    // Requester-only: the accepter's own stack accepts. An existing peering: accepted here, whatever the accounts
    // (the acceptance finds a same-account peering ACTIVE and only waits for it).
    const external = plan.externalPeerings?.[p.id];
    const accepts = external === undefined ? crossAccount : external.mode === "accept-existing";
    return {
      plannedId: p.id,
      resourceName,
      requester: p.vpc,
      accepter: p.peerVpc,
      name: p.name ?? p.id,
      ...(p.bandwidthMbps !== undefined ? { bandwidthMbps: p.bandwidthMbps } : {}),
      ...(p.chargeType !== undefined ? { chargeType: p.chargeType } : {}),
      ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
      crossAccount,
      ...(accepts ? { acceptanceName: `${resourceName}-acceptance` } : {}),
      ...(external?.mode === "accept-existing" ? { existingPeeringId: external.peeringId } : {}),
      ...(external?.mode === "requester-only" ? { acceptedByAccount: accountOf.get(p.peerVpc) ?? "" } : {}),
    };
  });
  const taken = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
    taken.add(candidate);
    return candidate;
  };
  const routes = plan.routes.map((r): RouteChildSpec => {
    const base = peeringName.get(r.peering) ?? `${naming.prefix}-${nameSafe(r.peering)}`;
    const other = plan.peerings.find((p) => p.id === r.peering);
    const peer = other ? (other.vpc === r.vpc ? other.peerVpc : other.vpc) : r.peering;
    const label = naming.destinationLabel?.(r.destination);
    return {
      resourceName: unique(
        `${base}-route-${nameSafe(r.vpc)}-${nameSafe(r.routeTable ?? "main")}-${nameSafe(label ?? r.destination)}`,
      ),
      peering: r.peering,
      vpc: r.vpc,
      ...(r.routeTable !== undefined ? { routeTable: r.routeTable } : {}),
      destination: r.destination,
      description: `peerlink ${naming.prefix}: ${label ?? r.destination} in ${peer}`,
    };
  });
  const byPeering = new Map<string, { vpc: string; ip: string; limitMbps: number }[]>();
  for (const policy of plan.bandwidthPolicies) {
    const requester = plan.peerings.find((p) => p.id === policy.peering)?.vpc ?? "";
    const list = byPeering.get(policy.peering) ?? [];
    list.push({ vpc: policy.vpc ?? requester, ip: policy.ip, limitMbps: policy.limitMbps });
    byPeering.set(policy.peering, list);
  }
  const bandwidthPolicies = [...byPeering].map(
    ([peering, limits]): BandwidthPolicyChildSpec => ({
      resourceName: `${peeringName.get(peering) ?? `${naming.prefix}-${nameSafe(peering)}`}-bandwidth-policy`,
      peering,
      limits,
    }),
  );
  return { peerings, routes, bandwidthPolicies };
}
