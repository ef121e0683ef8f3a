/**
 * Peerings a stack does not own both ends of. Platform teams meet two: a request made outside the stack (by a
 * partner, or by hand) that this stack only accepts and routes its own side of; and a request this stack makes
 * and routes its side of, leaving the acceptance (and the other side's routes) to the other account's own stack.
 * A cross-account peering is requested by one account and works once the other accepts it (seed 000
 * "与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效"; unaccepted, "申请将在7天后自动过期失效"); the
 * requester pays for a cross-region one (seed 000 "跨地域的对等连接费用由对等连接申请方支付"), so bandwidth and
 * billing belong to whoever requests.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { ResourceRef } from "../resource-ref.js";

/**
 * - `requester-only`: request the peering and route the requester's side; the accepter account's stack accepts
 *   and routes its side. Routes here wait for ACTIVE, up to the timeout, and fail then saying nobody accepted.
 * - `accept-existing`: the peering exists (`peeringId`); accept it and route the accepter's side only.
 */
export type DrExternalPeering =
  | { readonly mode: "requester-only" }
  | { readonly mode: "accept-existing"; readonly peeringId: string };

/** What a TwoRegionDr asks of an external peering, for the checks. */
export interface ExternalPeeringRequest {
  readonly requesterOnly?: boolean;
  readonly existingPeeringId?: string;
  readonly requesterAccount: string;
  readonly accepterAccount: string;
  /** The requester's and accepter's own routing, as given (undefined: the default). */
  readonly requesterRoutes?: unknown;
  readonly accepterRoutes?: unknown;
  /** Link options and per-IP limits given: the requester's to set. */
  readonly linkOptions: readonly string[];
  readonly bandwidthPolicies: number;
  /** The component's roles of the two sides, for the messages (`primary`, `standby`). */
  readonly roles: readonly [requester: string, accepter: string];
  /** Where the two options sit in the component's inputs (`externalPeerings.hub-partner`). @default top level */
  readonly path?: readonly string[];
}

/** The external mode asked for, or undefined for a peering this stack owns both ends of. */
export function externalPeeringOf(request: ExternalPeeringRequest): DrExternalPeering | undefined {
  if (request.existingPeeringId !== undefined)
    return { mode: "accept-existing", peeringId: request.existingPeeringId };
  return request.requesterOnly ? { mode: "requester-only" } : undefined;
}

/** Everything that cannot work in the external mode asked for, as EXTERNAL_PEERING_INVALID. */
export function checkExternalPeering(request: ExternalPeeringRequest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (...path: string[]): ResourceRef => ({
    kind: "document",
    path: [...(request.path ?? []), ...path],
  });
  const refuse = (where: ResourceRef, message: string, fix: string) =>
    out.push(diagnostic("EXTERNAL_PEERING_INVALID", where, message, fix));
  const [requester, accepter] = request.roles;
  if (request.requesterOnly && request.existingPeeringId !== undefined)
    refuse(
      at("requesterOnly"),
      `requesterOnly and existingPeeringId ${JSON.stringify(request.existingPeeringId)} both given: a stack either requests the peering or accepts an existing one.`,
      "Keep requesterOnly in the requester account's stack and existingPeeringId in the accepter account's stack.",
    );
  if (request.requesterOnly) {
    if (request.requesterAccount === request.accepterAccount)
      refuse(
        at("requesterOnly"),
        `requesterOnly leaves the acceptance to another account, but both sides are in account ${request.requesterAccount}: a same-account peering needs no acceptance.`,
        `Drop requesterOnly, or give the ${accepter} its own account.`,
      );
    if (request.accepterRoutes !== undefined && request.accepterRoutes !== "none")
      refuse(
        at(accepter, "routing"),
        `requesterOnly routes the ${requester} side only, but the ${accepter} has a routing policy: its routes belong to the accepter account's stack.`,
        `Drop ${accepter}.routing (or say routes: "none"), and route that side in the accepter account's stack.`,
      );
  }
  if (request.existingPeeringId !== undefined) {
    if (request.existingPeeringId.trim() === "")
      refuse(
        at("existingPeeringId"),
        "existingPeeringId is empty.",
        "Give the id of the peering the other account requested (pcx-..., a Huawei UUID, peerconn-...).",
      );
    for (const option of request.linkOptions)
      refuse(
        at(option),
        `${option} is set on an existing peering ${JSON.stringify(request.existingPeeringId)}, which the requester made and pays for.`,
        `Drop ${option}: bandwidth and billing are the requester's (its stack or console sets them).`,
      );
    if (request.bandwidthPolicies > 0)
      refuse(
        at("bandwidthPolicies"),
        `${request.bandwidthPolicies} per-IP limit(s) on the existing peering ${JSON.stringify(request.existingPeeringId)}: the limits are set by the requester.`,
        "Drop bandwidthPolicies, and set them in the requester's stack.",
      );
    if (request.requesterRoutes !== undefined && request.requesterRoutes !== "none")
      refuse(
        at(requester, "routing"),
        `existingPeeringId accepts and routes the ${accepter} side only, but the ${requester} has a routing policy: its routes belong to the requester's stack.`,
        `Drop ${requester}.routing (or say routes: "none").`,
      );
  }
  return out;
}

/** Codes about a peering's bandwidth and billing: the requester's business, never the accepting stack's. */
const REQUESTER_CODES: ReadonlySet<string> = new Set(["INVALID_BANDWIDTH", "INVALID_CHARGE_TYPE"]);

/**
 * Whether a validator's finding concerns what an accepting stack does not set: the bandwidth and billing of an
 * existing peering (requested, and paid for, by the other account). Such findings are dropped from its report.
 */
export function isRequesterConcern(
  externalPeerings: Readonly<Record<string, DrExternalPeering>> | undefined,
  d: Diagnostic,
): boolean {
  if (!REQUESTER_CODES.has(d.code) || d.ref.kind !== "peerings" || typeof d.ref.key !== "string")
    return false;
  return externalPeerings?.[d.ref.key]?.mode === "accept-existing";
}
