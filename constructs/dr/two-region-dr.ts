/**
 * Cross-region disaster recovery (seed 000 "跨地域容灾"; journey 1): one peering between production and the
 * standby, routes on both sides for every route table and CIDR, acceptance when the accounts differ.
 * The topology comes from planTwoRegionDr, the same planner as the Pulumi component's.
 */
import { Construct } from "constructs";
import type { DrRouting } from "../../provider/core/dr/routing-policy.js";
import { linkOptionsOf } from "../../provider/core/dr/site.js";
import type { DrBandwidthLimit } from "../../provider/core/dr/two-region-dr.js";
import { planTwoRegionDr } from "../../provider/core/dr/two-region-dr.js";
import type { ChargeType, ServiceLevel } from "../../provider/core/topology-schema.js";
import { checkConstructArguments, TWO_REGION_DR_KEYS } from "../argument-keys.js";
import type { ExistingPeering } from "../existing-peering.js";
import type { Peering } from "../peering.js";
import type { VpcSite } from "../vpc-site.js";
import { type BuiltPlan, buildPlan, toDrSite } from "./build-plan.js";

export interface TwoRegionDrProps {
  /** Production: the requester (on Tencent, the payer; seed 000). */
  readonly primary: VpcSite;
  /** The warm standby in the DR region: the accepter. */
  readonly standby: VpcSite;
  /**
   * The peering's name on the cloud.
   * @default the construct id
   */
  readonly name?: string;
  /** Tencent cross-region: 10/20/50/100/200/500/1000 Mbps; Baidu: required. @default none */
  readonly bandwidthMbps?: number;
  /** @default the cloud's default */
  readonly chargeType?: ChargeType;
  /** @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /**
   * Per-IP limits on the peering (validated; see BandwidthPolicy: no provider can synthesize them).
   * @default []
   */
  readonly bandwidthPolicies?: readonly DrBandwidthLimit[];
  /** @default false */
  readonly bandwidthPoliciesManagedOutsideTerraform?: boolean;
  /** @default true when the two accounts are known and differ */
  readonly acceptance?: boolean;
  /**
   * Least-privilege routes per side (the same DrRouting as the Pulumi component's `primary.routing`): which
   * destinations each side routes, into which of its tables, or `routes: "none"` for a side managed elsewhere.
   * @default every CIDR of the peer, in every route table of each side
   */
  readonly routing?: { readonly primary?: DrRouting; readonly standby?: DrRouting };
  /**
   * Request the peering and route the primary's side only; the standby account's own stack accepts it and routes
   * its side (no acceptance here). Refused (EXTERNAL_PEERING_INVALID) when both sides are in one account or with
   * a standby routing policy.
   * @default false
   */
  readonly requesterOnly?: boolean;
  /**
   * The id of a peering the primary's account requested outside this stack (a partner, or the requester's own
   * stack): it is accepted here when the accounts differ (the standby's account accepts) and only the standby's
   * side is routed; bandwidth, billing and per-IP limits are the requester's, so setting them is refused
   * (EXTERNAL_PEERING_INVALID), as is a primary routing policy. The same option as the Pulumi component's.
   * @default none: the peering is requested here
   */
  readonly existingPeeringId?: string;
}

export class TwoRegionDr extends Construct {
  /** The peering: an ExistingPeering when `existingPeeringId` is given. */
  readonly peering: Peering | ExistingPeering;
  readonly built: BuiltPlan;

  constructor(scope: Construct, id: string, props: TwoRegionDrProps) {
    super(scope, id);
    checkConstructArguments(this, props, TWO_REGION_DR_KEYS, "TwoRegionDr");
    const name = props.name ?? id;
    const plan = planTwoRegionDr({
      name,
      primary: toDrSite(props.primary, props.routing?.primary),
      standby: toDrSite(props.standby, props.routing?.standby),
      ...linkOptionsOf(props),
      ...(props.bandwidthPolicies !== undefined ? { bandwidthPolicies: props.bandwidthPolicies } : {}),
      ...(props.requesterOnly !== undefined ? { requesterOnly: props.requesterOnly } : {}),
      ...(props.existingPeeringId !== undefined ? { existingPeeringId: props.existingPeeringId } : {}),
    });
    this.built = buildPlan(this, plan, [props.primary, props.standby], {
      constructId: () => "peering",
      ...(props.acceptance !== undefined ? { acceptance: props.acceptance } : {}),
      ...(props.bandwidthPoliciesManagedOutsideTerraform !== undefined
        ? { bandwidthPoliciesManagedOutsideTerraform: props.bandwidthPoliciesManagedOutsideTerraform }
        : {}),
    });
    this.peering = this.built.peerings.get(name)!;
  }
}
