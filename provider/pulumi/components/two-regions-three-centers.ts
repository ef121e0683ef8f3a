/**
 * "Two regions, three centres" (两地三中心; journey 3): production and a same-region backup, plus a remote DR
 * centre; three peerings and full-mesh routes, because peering is not transitive (seed 000 "对等连接互通性不传递").
 * The topology comes from planTwoRegionsThreeCenters, as for the CDKTF construct. A route added through
 * `additionalRoutes` that sends DR traffic for the backup through production fails at construction with
 * TRANSITIVE_ROUTE, naming the chain.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../../backends/backend.js";
import { listOf, mapOf, object, oneOf, type ShapeOf, typed } from "../../core/argument-keys.js";
import { DR_EXTERNAL_LINK_KEYS, DR_LINK_OPTION_KEYS } from "../../core/dr/argument-shapes.js";
import type { TopologyDescription } from "../../core/dr/describe-plan.js";
import type { DrExternalLink } from "../../core/dr/external-links.js";
import { type DrPlan, linkOptionsOf } from "../../core/dr/site.js";
import {
  planTwoRegionsThreeCenters,
  THREE_CENTER_LINK_KEYS,
  THREE_CENTER_LINKS,
  THREE_CENTER_ROLES,
  type ThreeCenterLink,
  type ThreeCenterRole,
  threeCentersPeeringId,
} from "../../core/dr/two-regions-three-centers.js";
import type { Reachability } from "../../core/reachability.js";
import type { ChargeType, ServiceLevel } from "../../core/topology-schema.js";
import type { Peering } from "../peering.js";
import type { PeeringAcceptance } from "../peering-acceptance.js";
import type { RouteRule } from "../route-rule.js";
import { checkComponentArguments, DR_RESOURCE_OPTION_KEYS, DR_SITE_ARG_KEYS } from "./argument-keys.js";
import { buildDr, commonOutputs } from "./build-dr.js";
import type { ChildFactory } from "./child-factory.js";
import type { DrResourceOptions } from "./create-children.js";
import type { DrCostSummary, ReachabilityMatrix } from "./plan-report.js";
import { type DrSiteArgs, resolveSite } from "./site.js";

/** One of the three centres. */
export type ThreeCentersRole = ThreeCenterRole;
/** A peering of the three, by its two centres. */
export type ThreeCentersLink = ThreeCenterLink;

/** A route beyond the full mesh, validated with the rest (a route through a third centre is refused). */
export interface ThreeCentersRouteArgs {
  /** The centre whose route table gets the route. */
  readonly from: ThreeCentersRole;
  readonly destination: string;
  /** The peering it goes through. */
  readonly via: ThreeCentersLink;
  /**
   * An extra route table of `from`, by its name in `routeTableIds`.
   * @default the main route table
   */
  readonly routeTable?: string;
}

export interface TwoRegionsThreeCentersArgs extends DrResourceOptions {
  readonly production: DrSiteArgs;
  /** The backup centre in production's region (same-region peering: free, no bandwidth; seed 000). */
  readonly backup: DrSiteArgs;
  /** The remote DR centre in the other region. */
  readonly dr: DrSiteArgs;
  /**
   * Prefix of the peering names: `<name>-production-backup`, `<name>-production-dr`, `<name>-backup-dr`.
   * @default the component's name
   */
  readonly peeringNamePrefix?: string;
  /** For the cross-region peerings (and same-region ones on Baidu, which requires it). @default none */
  readonly bandwidthMbps?: number;
  /** @default the cloud's default */
  readonly chargeType?: ChargeType;
  /** @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /**
   * Routes beyond the full mesh.
   * @default []
   */
  readonly additionalRoutes?: readonly ThreeCentersRouteArgs[];
  /**
   * Links owned outside this stack, by link (the first centre requests): `{ requesterOnly: true }` requests the
   * peering and routes the requester's side only, the accepter account's own stack accepting it (its routes here
   * wait, then fail with PEERING_NOT_ACCEPTED); `{ existingPeeringId }` accepts a peering requested outside the
   * stack and routes the accepter's side only (no Peering is created; bandwidth and billing stay the requester's).
   * What cannot work is refused with EXTERNAL_PEERING_INVALID.
   * @default none
   */
  readonly externalPeerings?: Readonly<Partial<Record<ThreeCentersLink, DrExternalLink>>>;
}

const THREE_CENTERS_ROUTE_KEYS = {
  from: oneOf(THREE_CENTER_ROLES, true),
  destination: typed("string", true),
  via: oneOf(THREE_CENTER_LINK_KEYS, true),
  routeTable: typed("string"),
} as const satisfies ShapeOf<ThreeCentersRouteArgs>;

const THREE_CENTERS_ARG_KEYS = {
  ...DR_RESOURCE_OPTION_KEYS,
  ...DR_LINK_OPTION_KEYS,
  production: object(DR_SITE_ARG_KEYS, true),
  backup: object(DR_SITE_ARG_KEYS, true),
  dr: object(DR_SITE_ARG_KEYS, true),
  peeringNamePrefix: typed("string"),
  additionalRoutes: listOf(THREE_CENTERS_ROUTE_KEYS),
  externalPeerings: mapOf(DR_EXTERNAL_LINK_KEYS),
} as const satisfies ShapeOf<TwoRegionsThreeCentersArgs>;

export class TwoRegionsThreeCenters extends pulumi.ComponentResource {
  /** The three peerings, by role pair; undefined for an existing peering this stack only accepts. */
  readonly peerings: {
    readonly productionBackup: Peering | undefined;
    readonly productionDr: Peering | undefined;
    readonly backupDr: Peering | undefined;
  };
  /** By link (`production-dr`), for the cross-account ones only. */
  readonly acceptances: ReadonlyMap<ThreeCentersLink, PeeringAcceptance>;
  readonly routes: readonly RouteRule[];
  /** Peering ids by link (an existing peering's is the id it was given). */
  readonly peeringIds: pulumi.Output<Record<ThreeCentersLink, string>>;
  /** Statuses by link (the acceptance's for cross-account peerings). */
  readonly statuses: pulumi.Output<Record<ThreeCentersLink, PeeringStatus>>;
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
    args: TwoRegionsThreeCentersArgs,
    opts?: pulumi.ComponentResourceOptions,
    children?: ChildFactory,
  ) {
    super("peerlink:index:TwoRegionsThreeCenters", name, {}, opts);
    checkComponentArguments(args, THREE_CENTERS_ARG_KEYS, name, "TwoRegionsThreeCenters");
    const prefix = args.peeringNamePrefix ?? name;
    const sites = {
      production: resolveSite(args.production, "production", name),
      backup: resolveSite(args.backup, "backup", name),
      dr: resolveSite(args.dr, "dr", name),
    };
    const planned = planTwoRegionsThreeCenters({
      name: prefix,
      production: sites.production.drSite,
      backup: sites.backup.drSite,
      dr: sites.dr.drSite,
      ...linkOptionsOf(args),
      ...(args.externalPeerings !== undefined ? { externalPeerings: args.externalPeerings } : {}),
    });
    const links = THREE_CENTER_LINKS.map(([a, b]) => ({
      link: `${a}-${b}` as ThreeCentersLink,
      id: threeCentersPeeringId(prefix, a, b),
    }));
    const idOf = (link: ThreeCentersLink) => links.find((l) => l.link === link)!.id;
    const plan: DrPlan = {
      ...planned,
      routes: [
        ...planned.routes,
        ...(args.additionalRoutes ?? []).map((r) => ({
          vpc: sites[r.from].drSite.vpc,
          ...(r.routeTable !== undefined ? { routeTable: r.routeTable } : {}),
          destination: r.destination,
          peering: idOf(r.via),
        })),
      ],
    };
    const keyOf = new Map(links.map((l) => [l.id, l.link]));
    const built = buildDr(
      this,
      name,
      plan,
      [sites.production, sites.backup, sites.dr],
      { peeringKey: (id) => keyOf.get(id)! },
      args,
      children,
    );
    const peering = (link: ThreeCentersLink) => built.children.peerings.get(idOf(link));
    this.peerings = {
      productionBackup: peering("production-backup"),
      productionDr: peering("production-dr"),
      backupDr: peering("backup-dr"),
    };
    const acceptances = new Map<ThreeCentersLink, PeeringAcceptance>();
    for (const { link, id } of links) {
      const acceptance = built.children.acceptances.get(id);
      if (acceptance) acceptances.set(link, acceptance);
    }
    this.acceptances = acceptances;
    this.routes = built.children.routes;
    const statusOf = (link: ThreeCentersLink) => built.children.statuses.get(idOf(link))!;
    const peeringIdOf = (link: ThreeCentersLink) => built.children.peeringIds.get(idOf(link))!;
    this.peeringIds = pulumi.output({
      "production-backup": peeringIdOf("production-backup"),
      "production-dr": peeringIdOf("production-dr"),
      "backup-dr": peeringIdOf("backup-dr"),
    });
    this.statuses = pulumi.output({
      "production-backup": statusOf("production-backup"),
      "production-dr": statusOf("production-dr"),
      "backup-dr": statusOf("backup-dr"),
    });
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
