/**
 * Cross-region disaster recovery (seed 000 "跨地域容灾"): a production VPC in one region and a warm standby in
 * another, joined by one peering with routes on both sides for every route table and every CIDR.
 */
import type { BandwidthPolicySpec } from "../topology-schema.js";
import { checkExternalPeering, externalPeeringOf } from "./external-peering.js";
import {
  checkSitesRouting,
  type DrLinkOptions,
  type DrPlan,
  type DrSite,
  distinctVpcs,
  linkOptionsOf,
  planPeering,
  routedElsewhereOf,
  routesBothWays,
} from "./site.js";

/** The two sites of a two-region DR, as `bandwidthPolicies[].side` names them. */
export const DR_SIDES = ["primary", "standby"] as const;
export type DrSide = (typeof DR_SIDES)[number];

/** A per-IP outbound limit on the DR peering (seed 000 "配置跨地域对等连接的流控"). */
export interface DrBandwidthLimit {
  /** An address of the side named by `side`. */
  readonly ip: string;
  readonly limitMbps: number;
  /** @default "primary" */
  readonly side?: DrSide;
}

export interface TwoRegionDrInput extends DrLinkOptions {
  /** The peering's id and name in the topology. */
  readonly name: string;
  /** The requester: production. */
  readonly primary: DrSite;
  /** The accepter: the standby VPC in the DR region. */
  readonly standby: DrSite;
  /** @default [] */
  readonly bandwidthPolicies?: readonly DrBandwidthLimit[];
  /**
   * Request the peering and route the primary's side only; the standby account's own stack accepts it and routes
   * its side. The primary's routes wait for the acceptance up to the timeout.
   * @default false
   */
  readonly requesterOnly?: boolean;
  /**
   * An existing peering (requested by the primary's account, outside this stack): accept it and route the
   * standby's side only. No peering is created, and bandwidth and billing stay the requester's.
   * @default undefined (this stack requests the peering)
   */
  readonly existingPeeringId?: string;
}

export function planTwoRegionDr(input: TwoRegionDrInput): DrPlan {
  const { name } = input;
  const request = {
    ...(input.requesterOnly !== undefined ? { requesterOnly: input.requesterOnly } : {}),
    ...(input.existingPeeringId !== undefined ? { existingPeeringId: input.existingPeeringId } : {}),
    requesterAccount: input.primary.account,
    accepterAccount: input.standby.account,
    requesterRoutes: input.primary.routing?.routes ?? input.primary.routing,
    accepterRoutes: input.standby.routing?.routes ?? input.standby.routing,
    linkOptions: Object.keys(linkOptionsOf(input)),
    bandwidthPolicies: input.bandwidthPolicies?.length ?? 0,
    roles: DR_SIDES,
  };
  const external = externalPeeringOf(request);
  // The side this stack does not own routes nothing here: the other account's stack routes it.
  const primary =
    external?.mode === "accept-existing"
      ? { ...input.primary, routing: { routes: "none" as const } }
      : input.primary;
  const standby =
    external?.mode === "requester-only"
      ? { ...input.standby, routing: { routes: "none" as const } }
      : input.standby;
  const refused = checkExternalPeering(request);
  const bandwidthPolicies: BandwidthPolicySpec[] = (input.bandwidthPolicies ?? []).map((limit) => ({
    peering: name,
    vpc: limit.side === "standby" ? standby.vpc : primary.vpc,
    ip: limit.ip,
    limitMbps: limit.limitMbps,
  }));
  // Bandwidth goes on as given, even same-region: a "two-region" DR in one region is the user's mistake,
  // which the core reports (BANDWIDTH_NOT_SETTABLE) instead of the planner hiding it.
  const peering = {
    ...planPeering(name, primary, standby, {}),
    ...(external?.mode === "accept-existing" ? {} : linkOptionsOf(input)),
  };
  const routing = checkSitesRouting([
    ["primary", primary, [standby]],
    ["standby", standby, [primary]],
  ]);
  const diagnostics = [...refused, ...(routing.diagnostics ?? [])];
  return {
    vpcs: distinctVpcs([primary, standby]),
    peerings: [peering],
    routes: routesBothWays(primary, standby, name),
    bandwidthPolicies: external?.mode === "accept-existing" ? [] : bandwidthPolicies,
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
    ...(external ? { externalPeerings: { [name]: external } } : {}),
    ...routedElsewhereOf([primary, standby]),
  };
}
