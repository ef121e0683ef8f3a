/**
 * Hub and spoke: shared services in a hub VPC, each spoke peered with the hub. Spokes reach each other only
 * through direct peerings (`meshSpokes`), never through the hub: peering is not transitive (seed 000
 * "对等连接互通性不传递"). A request to route spokes through the hub is planned as asked and left to the core,
 * which reports every such route as TRANSITIVE_ROUTE with the chain; the planner does not re-implement the rule.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import {
  checkExternalLinkKeys,
  type DrExternalLink,
  externalPeeringsOf,
  planLink,
} from "./external-links.js";
import {
  checkSitesRouting,
  type DrLinkOptions,
  type DrPlan,
  type DrSite,
  distinctVpcs,
  planPeering,
  routedElsewhereOf,
  routesBothWays,
  routesToPeer,
} from "./site.js";

export interface HubAndSpokeInput extends DrLinkOptions {
  /** Prefix of the peering ids: `<name>-hub-<spoke>` and, with meshSpokes, `<name>-<spoke>-<spoke>`. */
  readonly name: string;
  readonly hub: DrSite;
  /** Spokes by a short key, used in the peering ids (insertion order is kept). */
  readonly spokes: Readonly<Record<string, DrSite>>;
  /**
   * Peer every pair of spokes directly, with routes both ways.
   * @default false
   */
  readonly meshSpokes?: boolean;
  /**
   * Also route each spoke to the other spokes' CIDRs through its hub peering. Peering is not transitive, so this
   * always fails validation with TRANSITIVE_ROUTE; it exists so that templates asking for it are refused loudly.
   * @default false
   */
  readonly routeSpokesThroughHub?: boolean;
  /**
   * Hub links owned outside this stack, by spoke key (the hub requests): requester-only (the spoke account's
   * stack accepts and routes its side), or an existing peering the spoke's side accepts (external-links.ts).
   * @default none (this stack requests, accepts and routes every link)
   */
  readonly externalPeerings?: Readonly<Record<string, DrExternalLink>>;
}

/** A spoke key becomes part of peering ids and construct ids: letters, digits, - and _ only. */
const SPOKE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The spoke keys that cannot become part of an id, as one INVALID_SPOKE_KEY diagnostic (undefined when all are
 * plain). The Pulumi component and the CDKTF construct both ask this before planning.
 */
export function checkSpokeKeys(keys: readonly string[], resource: string): Diagnostic | undefined {
  const bad = keys.filter((k) => !SPOKE_KEY.test(k));
  if (bad.length === 0) return undefined;
  return diagnostic(
    "INVALID_SPOKE_KEY",
    { kind: "document", path: [resource] },
    `Spoke keys ${bad.map((k) => JSON.stringify(k)).join(", ")} are not plain names.`,
    "Use letters, digits, - and _ only.",
  );
}

export function hubPeeringId(name: string, spoke: string): string {
  return `${name}-hub-${spoke}`;
}

export function spokePeeringId(name: string, a: string, b: string): string {
  return `${name}-${a}-${b}`;
}

export function planHubAndSpoke(input: HubAndSpokeInput): DrPlan {
  const { name, hub } = input;
  const spokes = Object.entries(input.spokes);
  const links = spokes.map(([key, spoke]) =>
    planLink({
      id: hubPeeringId(name, key),
      requester: hub,
      accepter: spoke,
      roles: ["hub", `spokes.${key}`],
      options: input,
      external: input.externalPeerings?.[key],
      path: ["externalPeerings", key],
    }),
  );
  const routing = checkSitesRouting([
    ["hub", hub, spokes.map(([, site]) => site)],
    ...spokes.map(
      ([key, site]) =>
        [
          `spokes.${key}`,
          site,
          [hub, ...(input.meshSpokes ? spokes.filter(([k]) => k !== key).map(([, s]) => s) : [])],
        ] as const,
    ),
  ]);
  const diagnostics = [
    ...checkExternalLinkKeys(
      input.externalPeerings,
      spokes.map(([key]) => key),
    ),
    ...links.flatMap((l) => l.diagnostics),
    ...(routing.diagnostics ?? []),
  ];
  const plan: DrPlan = {
    vpcs: distinctVpcs([hub, ...spokes.map(([, site]) => site)]),
    peerings: links.map((l) => l.peering),
    routes: links.flatMap((l) => l.routes),
    bandwidthPolicies: [],
    ...routedElsewhereOf([hub, ...spokes.map(([, site]) => site)]),
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
    ...externalPeeringsOf(links),
  };
  if (input.meshSpokes) {
    for (let i = 0; i < spokes.length; i++)
      for (let j = i + 1; j < spokes.length; j++) {
        const [ka, a] = spokes[i]!;
        const [kb, b] = spokes[j]!;
        const id = spokePeeringId(name, ka, kb);
        plan.peerings.push(planPeering(id, a, b, input));
        plan.routes.push(...routesBothWays(a, b, id));
      }
  }
  if (input.routeSpokesThroughHub) {
    for (const [key, spoke] of spokes)
      for (const [otherKey, other] of spokes)
        if (otherKey !== key) plan.routes.push(...routesToPeer(spoke, other, hubPeeringId(name, key)));
  }
  return plan;
}
