/**
 * "Two regions, three centres" (两地三中心; journey 3): production and a same-region backup, plus a remote DR
 * VPC; three peerings and full-mesh routes, because peering is not transitive (seed 000). The topology comes from
 * planTwoRegionsThreeCenters. A route added later that sends DR traffic for the backup through production fails
 * the synth with TRANSITIVE_ROUTE, naming the chain.
 */
import { Construct } from "constructs";
import type { DrExternalLink } from "../../provider/core/dr/external-links.js";
import type { DrRouting } from "../../provider/core/dr/routing-policy.js";
import { linkOptionsOf } from "../../provider/core/dr/site.js";
import {
  planTwoRegionsThreeCenters,
  THREE_CENTER_LINKS,
  type ThreeCenterLink,
  threeCentersPeeringId,
} from "../../provider/core/dr/two-regions-three-centers.js";
import type { ChargeType, ServiceLevel } from "../../provider/core/topology-schema.js";
import { checkConstructArguments, TWO_REGIONS_THREE_CENTERS_KEYS } from "../argument-keys.js";
import type { ExistingPeering } from "../existing-peering.js";
import type { Peering } from "../peering.js";
import type { VpcSite } from "../vpc-site.js";
import { type BuiltPlan, buildPlan, toDrSite } from "./build-plan.js";

export interface TwoRegionsThreeCentersProps {
  readonly production: VpcSite;
  /** The backup centre in production's region (same-region peering: free, no bandwidth; seed 000). */
  readonly backup: VpcSite;
  /** The remote DR centre. */
  readonly dr: VpcSite;
  /**
   * Prefix of the peering names: `<name>-production-backup`, `<name>-production-dr`, `<name>-backup-dr`.
   * @default the construct id
   */
  readonly name?: string;
  /** For the cross-region peerings (and same-region ones on Baidu, which requires it). @default none */
  readonly bandwidthMbps?: number;
  /** @default the cloud's default */
  readonly chargeType?: ChargeType;
  /** @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /** @default true for peerings whose two accounts are known and differ */
  readonly acceptance?: boolean;
  /**
   * Least-privilege routes per centre (see DrRouting): destinations, route tables, or `routes: "none"`.
   * @default every CIDR of each peer, in every route table of each centre
   */
  readonly routing?: {
    readonly production?: DrRouting;
    readonly backup?: DrRouting;
    readonly dr?: DrRouting;
  };
  /**
   * Links requested here and accepted by the other account's own stack, by link (`production-dr`):
   * `{ requesterOnly: true }` synthesizes the peering and the requester's routes, no acceptance.
   * `{ existingPeeringId }` accepts a peering requested outside the stack and routes this stack's side only.
   * @default none
   */
  readonly externalPeerings?: Readonly<Partial<Record<ThreeCenterLink, DrExternalLink>>>;
}

export class TwoRegionsThreeCenters extends Construct {
  /** The three peerings, by role pair. */
  readonly peerings: {
    readonly productionBackup: Peering | ExistingPeering;
    readonly productionDr: Peering | ExistingPeering;
    readonly backupDr: Peering | ExistingPeering;
  };
  readonly built: BuiltPlan;

  constructor(scope: Construct, id: string, props: TwoRegionsThreeCentersProps) {
    super(scope, id);
    checkConstructArguments(this, props, TWO_REGIONS_THREE_CENTERS_KEYS, "TwoRegionsThreeCenters");
    const name = props.name ?? id;
    const plan = planTwoRegionsThreeCenters({
      name,
      production: toDrSite(props.production, props.routing?.production),
      backup: toDrSite(props.backup, props.routing?.backup),
      dr: toDrSite(props.dr, props.routing?.dr),
      ...linkOptionsOf(props),
      ...(props.externalPeerings !== undefined ? { externalPeerings: props.externalPeerings } : {}),
    });
    const constructIds = new Map(
      THREE_CENTER_LINKS.map(([a, b]) => [threeCentersPeeringId(name, a, b), `${a}-${b}`]),
    );
    this.built = buildPlan(this, plan, [props.production, props.backup, props.dr], {
      constructId: (planned) => constructIds.get(planned)!,
      ...(props.acceptance !== undefined ? { acceptance: props.acceptance } : {}),
    });
    const get = (a: string, b: string) => this.built.peerings.get(`${name}-${a}-${b}`)!;
    this.peerings = {
      productionBackup: get("production", "backup"),
      productionDr: get("production", "dr"),
      backupDr: get("backup", "dr"),
    };
  }
}
