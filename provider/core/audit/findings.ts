/**
 * The audit of a discovered estate: every validator code on the live topology, and the findings only a live
 * estate has (routes through peerings that are not ACTIVE, requests waiting for an answer, rejected and expired
 * leftovers, peer sides the credentials cannot read). Pure: the time is an argument.
 */
import { CidrCache } from "../cidr.js";
import { type Diagnostic, diagnostic, sortDiagnostics } from "../diagnostics.js";
import { withoutUnreliableWarnings } from "../incomplete-topology.js";
import { peeringRef, type ResourceRef, routeRef } from "../resource-ref.js";
import { pendingExpiryDays } from "../rulebook/index.js";
import type { PeeringSpec, TopologyDocument, VpcSpec } from "../topology-schema.js";
import { validateTopology } from "../validate.js";
import { liveView, statusOf } from "./live-view.js";

export interface AuditOptions {
  /** The time the estate was read, for the days a pending request has left. */
  readonly now: Date;
}

const DAY_MS = 86_400_000;

/** The validators' diagnostics on the live view, with route positions put back into the discovered document. */
function validatorFindings(discovered: TopologyDocument, incomplete: ReadonlySet<string>): Diagnostic[] {
  const view = liveView(discovered);
  const { diagnostics } = validateTopology(view.document, new CidrCache());
  const reliable = withoutUnreliableWarnings(diagnostics, view.document.routes, incomplete);
  const original = (ref: ResourceRef): ResourceRef => {
    if (ref.kind !== "routes" || typeof ref.key !== "number") return ref;
    const key = view.routeIndex[ref.key] ?? ref.key;
    return key === ref.key ? ref : { ...ref, key };
  };
  return reliable.map((d) => {
    const ref = original(d.ref);
    const related = d.related?.map(original);
    if (ref === d.ref && (related ?? []).every((r, i) => r === d.related![i])) return d;
    return diagnostic(d.code, ref, d.message, d.fix, { field: d.field, related });
  });
}

function routeFindings(discovered: TopologyDocument): Diagnostic[] {
  const byId = new Map(discovered.peerings.map((p) => [p.id, p]));
  const out: Diagnostic[] = [];
  discovered.routes.forEach((route, i) => {
    const peering = byId.get(route.peering);
    const status = peering ? statusOf(peering) : undefined;
    if (status === "ACTIVE") return;
    const what =
      status === undefined
        ? `peering "${route.peering}", which the account does not list (deleted, or never there)`
        : `peering "${route.peering}", which is ${status}`;
    out.push(
      diagnostic(
        "ROUTE_PEERING_NOT_ACTIVE",
        routeRef(i),
        `Route in VPC "${route.vpc}" sends ${route.destination} through ${what}: the traffic goes nowhere.`,
        status === "PENDING" || status === "CREATING" || status === "ACCEPTING"
          ? `Have the peer account accept "${route.peering}", or delete the route.`
          : `Delete the route, or point it at an ACTIVE peering to the VPC that owns ${route.destination}.`,
      ),
    );
  });
  return out;
}

function pendingFinding(p: PeeringSpec, vpc: VpcSpec | undefined, now: Date): Diagnostic {
  const days = vpc ? pendingExpiryDays(vpc.cloud) : undefined;
  const since = p.createdAt ? ` since ${p.createdAt}` : "";
  const expires =
    p.expiresAt !== undefined
      ? Date.parse(p.expiresAt)
      : p.createdAt !== undefined && days !== undefined
        ? Date.parse(p.createdAt) + days * DAY_MS
        : undefined;
  let left: string;
  if (expires !== undefined) {
    const daysLeft = Math.max(0, (expires - now.getTime()) / DAY_MS);
    left = `${daysLeft.toFixed(1)} days left before it expires (${new Date(expires).toISOString()})`;
  } else if (vpc && days === undefined) {
    // Rulebook: Huawei documents no expiry (rulebook/huaweicloud.ts pendingExpiryDays is open).
    left = `${vpc.cloud} documents no expiry for a request, so none is given`;
  } else {
    left = "the expiry is not known";
  }
  return diagnostic(
    "PEERING_PENDING",
    peeringRef(p.id),
    `Peering "${p.id}" from VPC "${p.vpc}" to VPC "${p.peerVpc}" has waited for the peer account to accept${since}: ${left}.`,
    `Ask the owner of "${p.peerVpc}" to accept "${p.id}", or delete the request if it is no longer wanted.`,
  );
}

function peeringFindings(discovered: TopologyDocument, now: Date): Diagnostic[] {
  const vpcs = new Map(discovered.vpcs.map((v) => [v.id, v]));
  const out: Diagnostic[] = [];
  for (const p of discovered.peerings) {
    const status = statusOf(p);
    if (status === "PENDING") out.push(pendingFinding(p, vpcs.get(p.vpc), now));
    if (status === "REJECTED" || status === "EXPIRED")
      out.push(
        diagnostic(
          "PEERING_LEFTOVER",
          peeringRef(p.id),
          `Peering "${p.id}" from VPC "${p.vpc}" to VPC "${p.peerVpc}" is ${status}${p.createdAt ? ` (requested ${p.createdAt})` : ""}: it carries no traffic.`,
          status === "EXPIRED"
            ? `Delete "${p.id}", or re-enable it where the cloud allows (Tencent EnableVpcPeeringConnection) if the peering is still wanted.`
            : `Delete "${p.id}"; request a new peering if the pair should be joined.`,
        ),
      );
    if (status === "REJECTED" || status === "DELETED") continue;
    const hidden = [vpcs.get(p.vpc), vpcs.get(p.peerVpc)].filter((v) => v?.visible === false);
    for (const v of hidden)
      out.push(
        diagnostic(
          "PEER_NOT_VISIBLE",
          peeringRef(p.id),
          `VPC "${v!.id}" (account ${v!.account}, ${v!.region}) on the other side of peering "${p.id}" cannot be read with the credentials given: its CIDRs and routes are not checked.`,
          `Add a connection for account ${v!.account} to the discovery so both sides are read.`,
        ),
      );
  }
  return out;
}

/** Peerings whose routes are not all known: a side the credentials cannot read, or a request not yet ACTIVE. */
function incompletePeerings(discovered: TopologyDocument): Set<string> {
  const hidden = new Set(discovered.vpcs.filter((v) => v.visible === false).map((v) => v.id));
  return new Set(
    discovered.peerings
      .filter((p) => statusOf(p) !== "ACTIVE" || hidden.has(p.vpc) || hidden.has(p.peerVpc))
      .map((p) => p.id),
  );
}

/** Every finding on a discovered estate, sorted as `validate` sorts. */
export function auditTopology(discovered: TopologyDocument, options: AuditOptions): Diagnostic[] {
  return sortDiagnostics([
    ...validatorFindings(discovered, incompletePeerings(discovered)),
    ...routeFindings(discovered),
    ...peeringFindings(discovered, options.now),
  ]);
}
