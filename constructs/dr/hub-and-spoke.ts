/**
 * Hub and spoke: each spoke peered with the hub; spokes peer each other directly only with `meshSpokes`.
 * Peering is not transitive (seed 000), so `routeSpokesThroughHub` plans the routes as asked and the synth then
 * fails with TRANSITIVE_ROUTE for each: the core decides, not this construct. The topology comes from
 * planHubAndSpoke.
 */

import { Construct } from "constructs";
import type { DrExternalLink } from "../../provider/core/dr/external-links.js";
import {
  checkSpokeKeys,
  hubPeeringId,
  planHubAndSpoke,
  spokePeeringId,
} from "../../provider/core/dr/hub-and-spoke.js";
import type { DrRouting } from "../../provider/core/dr/routing-policy.js";
import { linkOptionsOf } from "../../provider/core/dr/site.js";
import { TopologyValidationError } from "../../provider/core/errors.js";
import type { ChargeType, ServiceLevel } from "../../provider/core/topology-schema.js";
import { checkConstructArguments, HUB_AND_SPOKE_KEYS } from "../argument-keys.js";
import type { ExistingPeering } from "../existing-peering.js";
import type { Peering } from "../peering.js";
import type { VpcSite } from "../vpc-site.js";
import { type BuiltPlan, buildPlan, toDrSite } from "./build-plan.js";

export interface HubAndSpokeProps {
  readonly hub: VpcSite;
  /** Spokes by a short key (letters, digits, `-`, `_`), used in construct ids and peering names. */
  readonly spokes: Readonly<Record<string, VpcSite>>;
  /**
   * Prefix of the peering names: `<name>-hub-<spoke>`, `<name>-<spoke>-<spoke>`.
   * @default the construct id
   */
  readonly name?: string;
  /** Peer every pair of spokes directly. @default false */
  readonly meshSpokes?: boolean;
  /** Route spokes to each other through the hub; always fails with TRANSITIVE_ROUTE. @default false */
  readonly routeSpokesThroughHub?: boolean;
  /** For cross-region peerings (and all peerings on Baidu). @default none */
  readonly bandwidthMbps?: number;
  /** @default the cloud's default */
  readonly chargeType?: ChargeType;
  /** @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /** @default true for peerings whose two accounts are known and differ */
  readonly acceptance?: boolean;
  /**
   * Least-privilege routes for the hub and for spokes by key (see DrRouting). A hub's destination list is split
   * by spoke: each block goes through the peering of the spoke it lies in.
   * @default every CIDR of each peer, in every route table
   */
  readonly routing?: {
    readonly hub?: DrRouting;
    readonly spokes?: Readonly<Record<string, DrRouting>>;
  };
  /**
   * Hub links requested here and accepted by the spoke account's own stack, by spoke key:
   * `{ requesterOnly: true }` synthesizes the peering and the hub's routes, no acceptance.
   * `{ existingPeeringId }` accepts a peering requested outside the stack and routes this stack's side only.
   * @default none
   */
  readonly externalPeerings?: Readonly<Record<string, DrExternalLink>>;
}

export class HubAndSpoke extends Construct {
  /** Hub peerings by spoke key. */
  readonly hubPeerings: ReadonlyMap<string, Peering | ExistingPeering>;
  readonly built: BuiltPlan;

  constructor(scope: Construct, id: string, props: HubAndSpokeProps) {
    super(scope, id);
    checkConstructArguments(this, props, HUB_AND_SPOKE_KEYS, "HubAndSpoke");
    const name = props.name ?? id;
    const keys = Object.keys(props.spokes);
    const badKeys = checkSpokeKeys(keys, this.node.path);
    if (badKeys) throw new TopologyValidationError([badKeys]);
    const plan = planHubAndSpoke({
      name,
      hub: toDrSite(props.hub, props.routing?.hub),
      spokes: Object.fromEntries(
        keys.map((k) => [k, toDrSite(props.spokes[k]!, props.routing?.spokes?.[k])]),
      ),
      meshSpokes: props.meshSpokes ?? false,
      routeSpokesThroughHub: props.routeSpokesThroughHub ?? false,
      ...linkOptionsOf(props),
      ...(props.externalPeerings !== undefined ? { externalPeerings: props.externalPeerings } : {}),
    });
    const constructIds = new Map<string, string>();
    for (const k of keys) constructIds.set(hubPeeringId(name, k), `hub-${k}`);
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++)
        constructIds.set(spokePeeringId(name, keys[i]!, keys[j]!), `${keys[i]}-${keys[j]}`);
    this.built = buildPlan(this, plan, [props.hub, ...keys.map((k) => props.spokes[k]!)], {
      constructId: (planned) => constructIds.get(planned)!,
      ...(props.acceptance !== undefined ? { acceptance: props.acceptance } : {}),
    });
    this.hubPeerings = new Map(keys.map((k) => [k, this.built.peerings.get(hubPeeringId(name, k))!]));
  }
}
