/**
 * External peerings in the components with several peerings (TwoRegionsThreeCenters, HubAndSpoke): each link
 * may be requested here and accepted by the other account's own stack (`requesterOnly`), or be a peering
 * requested outside the stack that this one accepts (`existingPeeringId`), as TwoRegionDr's single link may
 * (external-peering.ts says what each mode means and refuses). What differs with several links: a site's routing
 * policy and the component's bandwidth and billing are shared by its other links, so they are not refused here;
 * only this link's routes on the other stack's side are left out, and an existing peering gets no link options
 * (its requester set and pays for them, seed 000 "跨地域的对等连接费用由对等连接申请方支付").
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { PeeringSpec, RouteSpec } from "../topology-schema.js";
import { checkExternalPeering, type DrExternalPeering, externalPeeringOf } from "./external-peering.js";
import { type DrLinkOptions, type DrSite, planPeering, routesToPeer } from "./site.js";

/** How one link of a component is owned outside the stack; at most one of the two. */
export interface DrExternalLink {
  /**
   * Request the peering and route the requester's side only; the accepter account's own stack accepts it and
   * routes its side. The routes here wait for the acceptance up to the timeout (PEERING_NOT_ACCEPTED then).
   */
  readonly requesterOnly?: boolean;
  /** A peering the requester's account made outside this stack: accept it and route the accepter's side only. */
  readonly existingPeeringId?: string;
}

export interface LinkToPlan {
  /** The planned peering id. */
  readonly id: string;
  readonly requester: DrSite;
  readonly accepter: DrSite;
  /** The component's role names of the two sides (`hub`, `spokes.partner`), for the messages. */
  readonly roles: readonly [requester: string, accepter: string];
  readonly options: DrLinkOptions;
  readonly external: DrExternalLink | undefined;
  /** Where `external` sits in the component's inputs (`externalPeerings`, `partner`). */
  readonly path: readonly string[];
}

export interface PlannedLink {
  readonly peering: PeeringSpec;
  readonly routes: RouteSpec[];
  readonly external?: DrExternalPeering;
  readonly diagnostics: Diagnostic[];
}

/** One link's peering and routes: both sides' routes, or only this stack's side of an external peering. */
export function planLink(link: LinkToPlan): PlannedLink {
  const { id, requester, accepter, external: given } = link;
  const request = {
    ...(given?.requesterOnly !== undefined ? { requesterOnly: given.requesterOnly } : {}),
    ...(given?.existingPeeringId !== undefined ? { existingPeeringId: given.existingPeeringId } : {}),
    requesterAccount: requester.account,
    accepterAccount: accepter.account,
    linkOptions: [],
    bandwidthPolicies: 0,
    roles: link.roles,
    path: link.path,
  };
  const external = externalPeeringOf(request);
  const accepts = external?.mode === "accept-existing";
  return {
    peering: planPeering(id, requester, accepter, accepts ? {} : link.options),
    routes: [
      ...(accepts ? [] : routesToPeer(requester, accepter, id)),
      ...(external?.mode === "requester-only" ? [] : routesToPeer(accepter, requester, id)),
    ],
    ...(external ? { external } : {}),
    diagnostics: checkExternalPeering(request),
  };
}

/**
 * Keys of a component's `externalPeerings` that name none of its links, as EXTERNAL_PEERING_INVALID: a typo
 * would otherwise build both sides of a peering the user meant to leave to another stack.
 */
export function checkExternalLinkKeys(
  given: Readonly<Record<string, unknown>> | undefined,
  known: readonly string[],
): Diagnostic[] {
  return Object.keys(given ?? {})
    .filter((key) => !known.includes(key))
    .map((key) =>
      diagnostic(
        "EXTERNAL_PEERING_INVALID",
        { kind: "document", path: ["externalPeerings", key] },
        `externalPeerings names "${key}", which is no peering of this component (its peerings: ${known.join(", ") || "none"}).`,
        `Key externalPeerings by one of ${known.join(", ")}.`,
      ),
    );
}

/** The external modes of planned links by peering id, as DrPlan.externalPeerings (absent when none). */
export function externalPeeringsOf(links: readonly PlannedLink[]): {
  externalPeerings?: Record<string, DrExternalPeering>;
} {
  const entries = links.flatMap((l) => (l.external ? [[l.peering.id, l.external] as const] : []));
  return entries.length > 0 ? { externalPeerings: Object.fromEntries(entries) } : {};
}
