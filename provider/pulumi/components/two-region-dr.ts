/**
 * Cross-region disaster recovery (seed 000 "跨地域容灾"; journey 1): one peering between production and the
 * standby, routes on both sides for every route table and CIDR, an acceptance when the accounts differ, optional
 * per-IP limits. The topology comes from planTwoRegionDr, the planner the CDKTF TwoRegionDr construct uses too.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../../backends/backend.js";
import { listOf, object, type ShapeOf, typed } from "../../core/argument-keys.js";
import { DR_BANDWIDTH_LIMIT_KEYS, DR_LINK_OPTION_KEYS } from "../../core/dr/argument-shapes.js";
import type { TopologyDescription } from "../../core/dr/describe-plan.js";
import { type DrPlan, linkOptionsOf } from "../../core/dr/site.js";
import { type DrBandwidthLimit, planTwoRegionDr } from "../../core/dr/two-region-dr.js";
import type { Reachability } from "../../core/reachability.js";
import type { ChargeType, ServiceLevel } from "../../core/topology-schema.js";
import type { BandwidthPolicy } from "../bandwidth-policy.js";
import type { Peering } from "../peering.js";
import type { PeeringAcceptance } from "../peering-acceptance.js";
import type { RouteRule } from "../route-rule.js";
import { checkComponentArguments, DR_RESOURCE_OPTION_KEYS, DR_SITE_ARG_KEYS } from "./argument-keys.js";
import { buildDr, commonOutputs } from "./build-dr.js";
import type { ChildFactory } from "./child-factory.js";
import type { DrResourceOptions } from "./create-children.js";
import type { DrCostSummary, ReachabilityMatrix } from "./plan-report.js";
import { type DrSiteArgs, resolveSite } from "./site.js";

export interface TwoRegionDrArgs extends DrResourceOptions {
  /** Production: the requester, which creates the peering and (on Tencent) pays for it (seed 000). */
  readonly primary: DrSiteArgs;
  /** The warm standby in the DR region: the accepter. */
  readonly standby: DrSiteArgs;
  /**
   * The peering's name on the cloud, and its id in the topology.
   * @default the component's name
   */
  readonly peeringName?: string;
  /**
   * Bandwidth cap in Mbps. Tencent cross-region: 10/20/50/100/200/500/1000 (seed 000); Baidu: required.
   * @default none (the cloud's default; Baidu then fails validation with INVALID_BANDWIDTH)
   */
  readonly bandwidthMbps?: number;
  /**
   * Tencent POSTPAID_BY_DAY_MAX (daily peak) or POSTPAID_BY_MONTH_95 (monthly 95th percentile); Baidu Postpaid or
   * Prepaid.
   * @default the cloud's default (Tencent daily peak)
   */
  readonly chargeType?: ChargeType;
  /** Tencent platinum, gold or silver. @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /**
   * Per-IP outbound limits on the peering (Tencent cross-region, seed 000); one BandwidthPolicy holds them all.
   * @default [] (no BandwidthPolicy)
   */
  readonly bandwidthPolicies?: readonly DrBandwidthLimit[];
  /**
   * Request the peering and route the primary's side only, leaving the acceptance and the standby's routes to the
   * standby account's own stack (which uses `existingPeeringId`). The primary's routes wait for the acceptance up
   * to `timeoutSeconds`, then fail saying the accepter has not accepted. Refused (EXTERNAL_PEERING_INVALID) when
   * both sides are in one account, or with a standby routing policy.
   * @default false
   */
  readonly requesterOnly?: boolean;
  /**
   * Accept a peering requested outside this stack (by a partner, or the primary account's own stack) and route
   * the standby's side only: no Peering is created or ever deleted here. Bandwidth, billing and per-IP limits are
   * the requester's and are refused here (EXTERNAL_PEERING_INVALID), as is a primary routing policy.
   * @default undefined (this stack requests the peering)
   */
  readonly existingPeeringId?: string;
}

const TWO_REGION_DR_ARG_KEYS = {
  ...DR_RESOURCE_OPTION_KEYS,
  ...DR_LINK_OPTION_KEYS,
  primary: object(DR_SITE_ARG_KEYS, true),
  standby: object(DR_SITE_ARG_KEYS, true),
  peeringName: typed("string"),
  bandwidthPolicies: listOf(DR_BANDWIDTH_LIMIT_KEYS),
  requesterOnly: typed("boolean"),
  existingPeeringId: typed("string"),
} as const satisfies ShapeOf<TwoRegionDrArgs>;

export class TwoRegionDr extends pulumi.ComponentResource {
  /** Undefined with `existingPeeringId` (the peering is not this stack's). */
  readonly peering: Peering | undefined;
  /** Only when the two sites' accounts differ. */
  readonly acceptance: PeeringAcceptance | undefined;
  readonly routes: readonly RouteRule[];
  readonly bandwidthPolicy: BandwidthPolicy | undefined;
  readonly peeringId: pulumi.Output<string>;
  /** ACTIVE once created (same account) or accepted (cross account). */
  readonly status: pulumi.Output<PeeringStatus>;
  /** Both directions of the peering: destinations, route tables, whether traffic flows. */
  readonly reachability: pulumi.Output<Reachability>;
  /** `matrix[from][to]`: traffic flows from `from` to `to` (a route there and one back). */
  readonly reachabilityMatrix: pulumi.Output<ReachabilityMatrix>;
  readonly costEstimate: pulumi.Output<DrCostSummary>;
  /** CNY per day from the planned bandwidth (Tencent prices, seed 000), or "unpriced". */
  readonly estimatedDailyCost: pulumi.Output<number | "unpriced">;
  /** The planned topology (plain values), as the CDKTF construct plans it for the same inputs. */
  readonly plan: DrPlan;
  /** The peerings and routes, named by VPC pair: `vpc [table] destination via requester -> accepter`. */
  readonly description: TopologyDescription;
  /** `description.routes` with the real IPv6 blocks of dual-stack sites, once the cloud has assigned them. */
  readonly plannedRoutes: pulumi.Output<string[]>;

  /**
   * @param children what the children are created with, for the provider plugin's `construct` only, which makes
   * them the plugin's own resource types. @default the dynamic-provider classes
   */
  constructor(
    name: string,
    args: TwoRegionDrArgs,
    opts?: pulumi.ComponentResourceOptions,
    children?: ChildFactory,
  ) {
    super("peerlink:index:TwoRegionDr", name, {}, opts);
    checkComponentArguments(args, TWO_REGION_DR_ARG_KEYS, name, "TwoRegionDr");
    const primary = resolveSite(args.primary, "primary", name);
    const standby = resolveSite(args.standby, "standby", name);
    const peeringName = args.peeringName ?? name;
    const plan = planTwoRegionDr({
      name: peeringName,
      primary: primary.drSite,
      standby: standby.drSite,
      ...linkOptionsOf(args),
      ...(args.bandwidthPolicies !== undefined ? { bandwidthPolicies: args.bandwidthPolicies } : {}),
      ...(args.requesterOnly !== undefined ? { requesterOnly: args.requesterOnly } : {}),
      ...(args.existingPeeringId !== undefined ? { existingPeeringId: args.existingPeeringId } : {}),
    });
    const built = buildDr(
      this,
      name,
      plan,
      [primary, standby],
      { peeringKey: () => "peering" },
      args,
      children,
    );
    this.peering = built.children.peerings.get(peeringName);
    this.acceptance = built.children.acceptances.get(peeringName);
    this.routes = built.children.routes;
    this.bandwidthPolicy = built.children.bandwidthPolicies[0];
    // The resource id (the same peering id): it stays known while preview plans an in-place update of the peering.
    this.peeringId = pulumi.output(built.children.peeringIds.get(peeringName)!);
    this.status = built.children.statuses.get(peeringName)!;
    this.reachability = built.reachability;
    this.reachabilityMatrix = built.reachabilityMatrix;
    this.costEstimate = built.costEstimate;
    this.estimatedDailyCost = built.estimatedDailyCost;
    this.plan = built.plan;
    this.description = built.description;
    this.plannedRoutes = built.routes;
    this.registerOutputs({ peeringId: this.peeringId, status: this.status, ...commonOutputs(built) });
  }
}
