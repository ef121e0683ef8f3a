/**
 * Hub and spoke: shared services in a hub VPC, each spoke peered with the hub. Spokes reach each other only
 * through direct peerings (`meshSpokes`), never through the hub: peering is not transitive (seed 000
 * "对等连接互通性不传递"). `routeSpokesThroughHub` plans those routes as asked and the core refuses every one of
 * them with TRANSITIVE_ROUTE, at construction, before anything is created. The topology comes from
 * planHubAndSpoke, as for the CDKTF construct.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../../backends/backend.js";
import { mapOf, object, type ShapeOf, typed } from "../../core/argument-keys.js";
import { DR_EXTERNAL_LINK_KEYS, DR_LINK_OPTION_KEYS } from "../../core/dr/argument-shapes.js";
import type { TopologyDescription } from "../../core/dr/describe-plan.js";
import type { DrExternalLink } from "../../core/dr/external-links.js";
import {
  checkSpokeKeys,
  hubPeeringId,
  planHubAndSpoke,
  spokePeeringId,
} from "../../core/dr/hub-and-spoke.js";
import { type DrPlan, linkOptionsOf } from "../../core/dr/site.js";
import type { Reachability } from "../../core/reachability.js";
import type { ChargeType, ServiceLevel } from "../../core/topology-schema.js";
import type { Peering } from "../peering.js";
import type { PeeringAcceptance } from "../peering-acceptance.js";
import type { RouteRule } from "../route-rule.js";
import { checkComponentArguments, DR_RESOURCE_OPTION_KEYS, DR_SITE_ARG_KEYS } from "./argument-keys.js";
import { buildDr, commonOutputs } from "./build-dr.js";
import type { ChildFactory } from "./child-factory.js";
import type { DrResourceOptions } from "./create-children.js";
import { type DrCostSummary, PulumiTopologyValidationError, type ReachabilityMatrix } from "./plan-report.js";
import { type DrSiteArgs, resolveSite } from "./site.js";

export interface HubAndSpokeArgs extends DrResourceOptions {
  readonly hub: DrSiteArgs;
  /** Spokes by a short key (letters, digits, `-`, `_`), used in resource and peering names. */
  readonly spokes: Readonly<Record<string, DrSiteArgs>>;
  /**
   * Prefix of the peering names: `<name>-hub-<spoke>`, `<name>-<spoke>-<spoke>`.
   * @default the component's name
   */
  readonly peeringNamePrefix?: string;
  /**
   * Peer every pair of spokes directly, with routes both ways: the way for spokes to reach each other.
   * @default false
   */
  readonly meshSpokes?: boolean;
  /**
   * Route spokes to each other through the hub. Peering is not transitive, so this always fails with
   * TRANSITIVE_ROUTE; it exists so that a template asking for it is refused loudly. Use `meshSpokes`.
   * @default false
   */
  readonly routeSpokesThroughHub?: boolean;
  /** For cross-region peerings (and all peerings on Baidu). @default none */
  readonly bandwidthMbps?: number;
  /** @default the cloud's default */
  readonly chargeType?: ChargeType;
  /** @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /**
   * Hub links owned outside this stack, by spoke key (the hub requests): `{ requesterOnly: true }` requests the
   * peering and routes the hub's side only, the spoke account's own stack accepting it (the hub's routes wait,
   * then fail with PEERING_NOT_ACCEPTED); `{ existingPeeringId }` accepts a peering the hub's account requested
   * and routes the spoke's side only (no Peering is created). Refused with EXTERNAL_PEERING_INVALID when it
   * cannot work (both modes, requester-only in one account, a key that is no spoke).
   * @default none
   */
  readonly externalPeerings?: Readonly<Record<string, DrExternalLink>>;
}

const HUB_AND_SPOKE_ARG_KEYS = {
  ...DR_RESOURCE_OPTION_KEYS,
  ...DR_LINK_OPTION_KEYS,
  hub: object(DR_SITE_ARG_KEYS, true),
  spokes: mapOf(DR_SITE_ARG_KEYS, true),
  peeringNamePrefix: typed("string"),
  meshSpokes: typed("boolean"),
  routeSpokesThroughHub: typed("boolean"),
  externalPeerings: mapOf(DR_EXTERNAL_LINK_KEYS),
} as const satisfies ShapeOf<HubAndSpokeArgs>;

export class HubAndSpoke extends pulumi.ComponentResource {
  /** Hub peerings by spoke key (none for an existing peering this stack only accepts). */
  readonly hubPeerings: ReadonlyMap<string, Peering>;
  /** With meshSpokes: spoke peerings by `<a>-<b>` (keys in declaration order). */
  readonly spokePeerings: ReadonlyMap<string, Peering>;
  /** By peering name, for the cross-account peerings only. */
  readonly acceptances: ReadonlyMap<string, PeeringAcceptance>;
  readonly routes: readonly RouteRule[];
  /** Peering ids by peering name (`<name>-hub-<spoke>`, `<name>-<a>-<b>`). */
  readonly peeringIds: pulumi.Output<Record<string, string>>;
  /** Statuses by peering name (the acceptance's for cross-account peerings). */
  readonly statuses: pulumi.Output<Record<string, PeeringStatus>>;
  readonly reachability: pulumi.Output<Reachability>;
  readonly reachabilityMatrix: pulumi.Output<ReachabilityMatrix>;
  readonly costEstimate: pulumi.Output<DrCostSummary>;
  readonly estimatedDailyCost: pulumi.Output<number | "unpriced">;
  readonly plan: DrPlan;
  readonly description: TopologyDescription;
  /** `description.routes` with the real IPv6 blocks of dual-stack sites, once the cloud has assigned them. */
  readonly plannedRoutes: pulumi.Output<string[]>;

  /**
   * @param children what the children are created with, for the provider plugin's `construct` only, which makes
   * them the plugin's own resource types. @default the dynamic-provider classes
   */
  constructor(
    name: string,
    args: HubAndSpokeArgs,
    opts?: pulumi.ComponentResourceOptions,
    children?: ChildFactory,
  ) {
    super("peerlink:index:HubAndSpoke", name, {}, opts);
    checkComponentArguments(args, HUB_AND_SPOKE_ARG_KEYS, name, "HubAndSpoke");
    const prefix = args.peeringNamePrefix ?? name;
    const keys = Object.keys(args.spokes);
    const badKeys = checkSpokeKeys(keys, name);
    if (badKeys) throw new PulumiTopologyValidationError([badKeys]);
    const hub = resolveSite(args.hub, "hub", name);
    const spokes = new Map(keys.map((k) => [k, resolveSite(args.spokes[k]!, k, name)]));
    const plan = planHubAndSpoke({
      name: prefix,
      hub: hub.drSite,
      spokes: Object.fromEntries([...spokes].map(([k, s]) => [k, s.drSite])),
      meshSpokes: args.meshSpokes ?? false,
      routeSpokesThroughHub: args.routeSpokesThroughHub ?? false,
      ...linkOptionsOf(args),
      ...(args.externalPeerings !== undefined ? { externalPeerings: args.externalPeerings } : {}),
    });
    const keyOf = new Map<string, string>();
    for (const k of keys) keyOf.set(hubPeeringId(prefix, k), `hub-${k}`);
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++)
        keyOf.set(spokePeeringId(prefix, keys[i]!, keys[j]!), `${keys[i]}-${keys[j]}`);
    const built = buildDr(
      this,
      name,
      plan,
      [hub, ...spokes.values()],
      { peeringKey: (id) => keyOf.get(id)! },
      args,
      children,
    );
    const { peerings, peeringIds, acceptances, statuses } = built.children;
    this.hubPeerings = new Map(
      keys.flatMap((k) => {
        const p = peerings.get(hubPeeringId(prefix, k));
        return p ? [[k, p] as const] : [];
      }),
    );
    const mesh = new Map<string, Peering>();
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const p = peerings.get(spokePeeringId(prefix, keys[i]!, keys[j]!));
        if (p) mesh.set(`${keys[i]}-${keys[j]}`, p);
      }
    this.spokePeerings = mesh;
    this.acceptances = acceptances;
    this.routes = built.children.routes;
    this.peeringIds = pulumi.output(Object.fromEntries(peeringIds));
    this.statuses = pulumi.output(Object.fromEntries(statuses)) as pulumi.Output<
      Record<string, PeeringStatus>
    >;
    this.reachability = built.reachability;
    this.reachabilityMatrix = built.reachabilityMatrix;
    this.costEstimate = built.costEstimate;
    this.estimatedDailyCost = built.estimatedDailyCost;
    this.plan = built.plan;
    this.description = built.description;
    this.plannedRoutes = built.routes;
    this.registerOutputs({ peeringIds: this.peeringIds, statuses: this.statuses, ...commonOutputs(built) });
  }
}
