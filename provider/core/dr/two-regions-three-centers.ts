/**
 * "Two regions, three centres" (两地三中心, seed 000 "跨地域容灾" and the free same-region peering): production and
 * a same-region backup in the primary region, a remote DR VPC in another. Peering is not transitive (seed 000
 * "对等连接互通性不传递"), so all three pairs get their own peering and full-mesh routes; nothing is routed
 * through production.
 */
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
  routedElsewhereOf,
} from "./site.js";

export interface TwoRegionsThreeCentersInput extends DrLinkOptions {
  /** Prefix of the three peering ids: `<name>-production-backup`, `<name>-production-dr`, `<name>-backup-dr`. */
  readonly name: string;
  readonly production: DrSite;
  /** The same-region backup centre. */
  readonly backup: DrSite;
  /** The remote DR centre in the other region. */
  readonly dr: DrSite;
  /**
   * Links owned outside this stack, by `production-backup`, `production-dr` or `backup-dr` (the first role
   * requests): requester-only, or an existing peering to accept (external-links.ts).
   * @default none (this stack requests, accepts and routes every link)
   */
  readonly externalPeerings?: Readonly<Partial<Record<ThreeCenterLink, DrExternalLink>>>;
}

/** `first-second` of one link (each pair on its own: `backup-backup` is no link). */
type LinkKey<L> = L extends readonly [infer A extends string, infer B extends string] ? `${A}-${B}` : never;

/** A link's key in `externalPeerings`. */
export type ThreeCenterLink = LinkKey<(typeof THREE_CENTER_LINKS)[number]>;

/** The three centres. */
export const THREE_CENTER_ROLES = ["production", "backup", "dr"] as const;
export type ThreeCenterRole = (typeof THREE_CENTER_ROLES)[number];

/** The links' keys, as `externalPeerings` and a route's `via` name them: every ThreeCenterLink, once. */
export const THREE_CENTER_LINK_KEYS = [
  "production-backup",
  "production-dr",
  "backup-dr",
] as const satisfies readonly ThreeCenterLink[];
// The compile stops here if a link of THREE_CENTER_LINKS has no key above.
const EVERY_LINK_KEYED: [Exclude<ThreeCenterLink, (typeof THREE_CENTER_LINK_KEYS)[number]>] extends [never]
  ? true
  : never = true;
void EVERY_LINK_KEYED;

/** The three roles, in the order their peerings are planned. */
export const THREE_CENTER_LINKS = [
  ["production", "backup"],
  ["production", "dr"],
  ["backup", "dr"],
] as const;

export function threeCentersPeeringId(
  name: string,
  a: (typeof THREE_CENTER_LINKS)[number][0],
  b: (typeof THREE_CENTER_LINKS)[number][1],
): string {
  return `${name}-${a}-${b}`;
}

export function planTwoRegionsThreeCenters(input: TwoRegionsThreeCentersInput): DrPlan {
  const sites = { production: input.production, backup: input.backup, dr: input.dr };
  const links = THREE_CENTER_LINKS.map(([a, b]) => {
    const link = `${a}-${b}` as ThreeCenterLink;
    return planLink({
      id: threeCentersPeeringId(input.name, a, b),
      requester: sites[a],
      accepter: sites[b],
      roles: [a, b],
      options: input,
      external: input.externalPeerings?.[link],
      path: ["externalPeerings", link],
    });
  });
  const routing = checkSitesRouting(
    THREE_CENTER_ROLES.map(
      (role) =>
        [role, sites[role], THREE_CENTER_ROLES.filter((r) => r !== role).map((r) => sites[r])] as const,
    ),
  );
  const diagnostics = [
    ...checkExternalLinkKeys(
      input.externalPeerings,
      THREE_CENTER_LINKS.map(([a, b]) => `${a}-${b}`),
    ),
    ...links.flatMap((l) => l.diagnostics),
    ...(routing.diagnostics ?? []),
  ];
  return {
    vpcs: distinctVpcs([sites.production, sites.backup, sites.dr]),
    peerings: links.map((l) => l.peering),
    routes: links.flatMap((l) => l.routes),
    bandwidthPolicies: [],
    ...routedElsewhereOf([sites.production, sites.backup, sites.dr]),
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
    ...externalPeeringsOf(links),
  };
}
