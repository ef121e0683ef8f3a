/**
 * Cross-region disaster recovery (seed 000 "跨地域容灾"): a production VPC in one region and a warm standby in
 * another, joined by one peering with routes on both sides for every route table and every CIDR.
 */
import type { BandwidthPolicySpec } from "../topology-schema.js";
import {
  checkSitesRouting,
  type DrLinkOptions,
  type DrPlan,
  type DrSite,
  distinctVpcs,
  linkOptionsOf,
  planPeering,
  routesBothWays,
} from "./site.js";

/** A per-IP outbound limit on the DR peering (seed 000 "配置跨地域对等连接的流控"). */
export interface DrBandwidthLimit {
  /** An address of the side named by `side`. */
  readonly ip: string;
  readonly limitMbps: number;
  /** @default "primary" */
  readonly side?: "primary" | "standby";
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
}

export function planTwoRegionDr(input: TwoRegionDrInput): DrPlan {
  const { name, primary, standby } = input;
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
    ...linkOptionsOf(input),
  };
  return {
    vpcs: distinctVpcs([primary, standby]),
    peerings: [peering],
    routes: routesBothWays(primary, standby, name),
    bandwidthPolicies,
    ...checkSitesRouting([
      ["primary", primary, [standby]],
      ["standby", standby, [primary]],
    ]),
  };
}
