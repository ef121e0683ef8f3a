/**
 * Drift between a declared topology (network.yaml) and a discovered one, resource by resource. Declared ids are
 * the author's names; live ids are the cloud's (vpc-…, pcx-…). A declared VPC is the live VPC of the same cloud,
 * region and account whose name is the declared `name` (else its id), or the live VPC with the declared id; a
 * declared peering is the live one joining the same two VPCs (either direction); a declared route is the live
 * route of the same VPC and destination; a declared subnet is the live subnet of its VPC with the same block, else
 * the one with its name (whose block then drifted). Subnets are compared only when the declared document has a
 * `subnets` list (an empty one says "no subnets"); without one, a VPC's subnets are not the declaration's concern,
 * and a live document without one (subnets not read) compares none. Pure.
 */

import { canonicalCidrText } from "../cidr.js";
import { type Diagnostic, diagnostic, sortDiagnostics } from "../diagnostics.js";
import { peeringRef, type ResourceRef, routeRef, subnetRef, vpcRef } from "../resource-ref.js";
import { defaultGatewayOf } from "../subnet-rules.js";
import type { PeeringSpec, SubnetSpec, TopologyDocument, VpcSpec } from "../topology-schema.js";
import { countsOnCloud, statusOf } from "./live-view.js";

const vpcKey = (v: VpcSpec, name: string) => `${v.cloud}\u0000${v.region}\u0000${v.account}\u0000${name}`;
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function changed(
  ref: ResourceRef,
  field: string,
  what: string,
  declared: unknown,
  live: unknown,
): Diagnostic {
  return diagnostic(
    "DRIFT_CHANGED",
    { ...ref, path: [field] },
    `${what}: ${field} is declared ${JSON.stringify(declared)} but is ${JSON.stringify(live)} on the cloud.`,
    `Apply the declared topology (pulumi up / tofu apply) to set ${field} back, or declare ${JSON.stringify(live)} if the live value is right.`,
  );
}

/** Declared VPC id -> the live VPC it is. */
function matchVpcs(declared: TopologyDocument, live: TopologyDocument): Map<string, VpcSpec> {
  const visible = live.vpcs.filter((v) => v.visible !== false);
  const byId = new Map(visible.map((v) => [v.id, v]));
  const byName = new Map(visible.map((v) => [vpcKey(v, v.name ?? v.id), v]));
  const out = new Map<string, VpcSpec>();
  for (const v of declared.vpcs) {
    const found = byId.get(v.id) ?? byName.get(vpcKey(v, v.name ?? v.id));
    if (found) out.set(v.id, found);
  }
  return out;
}

function vpcDrift(
  declared: TopologyDocument,
  live: TopologyDocument,
  match: Map<string, VpcSpec>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const used = new Set<string>();
  for (const v of declared.vpcs) {
    const found = match.get(v.id);
    if (!found) {
      out.push(
        diagnostic(
          "DRIFT_MISSING",
          vpcRef(v.id),
          `Declared VPC "${v.id}" (${v.cloud} ${v.region}, account ${v.account}, ${v.cidrs.join(", ")}) is not in the live estate.`,
          `Create it (pulumi up / tofu apply), or remove it from the declared topology.`,
        ),
      );
      continue;
    }
    used.add(found.id);
    if (found.cidrs.join(",") !== v.cidrs.join(","))
      out.push(changed(vpcRef(v.id), "cidrs", `VPC "${v.id}" (live ${found.id})`, v.cidrs, found.cidrs));
  }
  for (const v of live.vpcs)
    if (v.visible !== false && !used.has(v.id))
      out.push(
        diagnostic(
          "DRIFT_EXTRA",
          vpcRef(v.id),
          `Live VPC "${v.id}"${v.name ? ` ("${v.name}")` : ""} (${v.cloud} ${v.region}, account ${v.account}) is not declared.`,
          `Declare it, or delete it if nothing uses it.`,
        ),
      );
  return out;
}

function peeringDrift(
  declared: TopologyDocument,
  live: TopologyDocument,
  match: Map<string, VpcSpec>,
): { diagnostics: Diagnostic[]; peerings: Map<string, PeeringSpec> } {
  const out: Diagnostic[] = [];
  const livePeerings = live.peerings.filter((p) => countsOnCloud(statusOf(p)) && statusOf(p) !== "EXPIRED");
  const byPair = new Map(livePeerings.map((p) => [pairKey(p.vpc, p.peerVpc), p]));
  const matched = new Map<string, PeeringSpec>();
  for (const p of declared.peerings) {
    const a = match.get(p.vpc);
    const b = match.get(p.peerVpc);
    const found = a && b ? byPair.get(pairKey(a.id, b.id)) : undefined;
    if (!found) {
      out.push(
        diagnostic(
          "DRIFT_MISSING",
          peeringRef(p.id),
          `Declared peering "${p.id}" between VPC "${p.vpc}" and VPC "${p.peerVpc}" is not in the live estate${a && b ? "" : " (a side VPC is missing too)"}.`,
          `Create it (pulumi up / tofu apply), or remove it from the declared topology.`,
        ),
      );
      continue;
    }
    matched.set(p.id, found);
    const what = `Peering "${p.id}" (live ${found.id})`;
    if (statusOf(found) !== "ACTIVE")
      out.push(changed(peeringRef(p.id), "status", what, "ACTIVE", statusOf(found)));
    const name = p.name ?? p.id;
    if (found.name !== undefined && found.name !== name)
      out.push(changed(peeringRef(p.id), "name", what, name, found.name));
    for (const field of ["bandwidthMbps", "chargeType", "serviceLevel"] as const)
      if (p[field] !== undefined && p[field] !== found[field])
        out.push(changed(peeringRef(p.id), field, what, p[field], found[field] ?? null));
  }
  const used = new Set([...matched.values()].map((p) => p.id));
  for (const p of livePeerings)
    if (!used.has(p.id))
      out.push(
        diagnostic(
          "DRIFT_EXTRA",
          peeringRef(p.id),
          `Live peering "${p.id}" (${statusOf(p)}) between VPC "${p.vpc}" and VPC "${p.peerVpc}" is not declared.`,
          `Declare it, or delete it if it is not wanted.`,
        ),
      );
  return { diagnostics: out, peerings: matched };
}

function routeDrift(
  declared: TopologyDocument,
  live: TopologyDocument,
  vpcs: Map<string, VpcSpec>,
  peerings: Map<string, PeeringSpec>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const key = (vpc: string, destination: string) => `${vpc}\u0000${destination}`;
  const liveByKey = new Map<string, number>();
  live.routes.forEach((r, i) => {
    liveByKey.set(key(r.vpc, r.destination), i);
  });
  const used = new Set<number>();
  declared.routes.forEach((r, i) => {
    const vpc = vpcs.get(r.vpc);
    const at = vpc ? liveByKey.get(key(vpc.id, r.destination)) : undefined;
    if (at === undefined) {
      out.push(
        diagnostic(
          "DRIFT_MISSING",
          routeRef(i),
          `Declared route in VPC "${r.vpc}" to ${r.destination} through peering "${r.peering}" is not in the live estate.`,
          `Create it (pulumi up / tofu apply), or remove it from the declared topology.`,
        ),
      );
      return;
    }
    used.add(at);
    const found = live.routes[at]!;
    const via = peerings.get(r.peering)?.id;
    if (via !== found.peering)
      out.push(
        changed(
          routeRef(i),
          "peering",
          `Route in VPC "${r.vpc}" to ${r.destination}`,
          via ?? r.peering,
          found.peering,
        ),
      );
  });
  live.routes.forEach((r, i) => {
    if (used.has(i)) return;
    out.push(
      diagnostic(
        "DRIFT_EXTRA",
        routeRef(i),
        `Live route in VPC "${r.vpc}" to ${r.destination} through peering "${r.peering}" is not declared (position ${i} of the discovered routes).`,
        `Declare it, or delete it if it is not wanted.`,
      ),
    );
  });
  return out;
}

/** A subnet's gateway as declared or read: the block's first host when none is given (the document's default). */
function gatewayOf(s: SubnetSpec): string | undefined {
  return s.gatewayIp ?? defaultGatewayOf(s.cidr);
}

function subnetDrift(
  declared: TopologyDocument,
  live: TopologyDocument,
  match: Map<string, VpcSpec>,
): Diagnostic[] {
  if (declared.subnets === undefined || live.subnets === undefined) return [];
  const out: Diagnostic[] = [];
  const block = canonicalCidrText;
  const ofVpc = new Map<string, SubnetSpec[]>();
  for (const s of live.subnets) ofVpc.set(s.vpc, [...(ofVpc.get(s.vpc) ?? []), s]);
  const used = new Set<SubnetSpec>();
  for (const s of declared.subnets) {
    const vpc = match.get(s.vpc);
    const candidates = (vpc ? (ofVpc.get(vpc.id) ?? []) : []).filter((c) => !used.has(c));
    const name = s.name ?? s.id;
    const found =
      candidates.find((c) => block(c.cidr) === block(s.cidr)) ??
      candidates.find((c) => c.id === s.id || (c.name ?? c.id) === name);
    if (!found) {
      out.push(
        diagnostic(
          "DRIFT_MISSING",
          subnetRef(s.id),
          `Declared subnet "${s.id}" (${s.cidr}) of VPC "${s.vpc}" is not in the live estate${vpc ? "" : " (its VPC is missing too)"}.`,
          `Create it (pulumi up / tofu apply), or remove it from the declared topology.`,
        ),
      );
      continue;
    }
    used.add(found);
    const what = `Subnet "${s.id}" (live ${found.id})`;
    if (block(found.cidr) !== block(s.cidr))
      out.push(changed(subnetRef(s.id), "cidr", what, s.cidr, found.cidr));
    // A live subnet without a name has nothing to compare; one named as its id is written without `name`.
    if ((found.name ?? found.id) !== name && found.id !== name)
      out.push(changed(subnetRef(s.id), "name", what, name, found.name ?? found.id));
    if ((s.ipv6 ?? false) !== (found.ipv6 ?? false))
      out.push(changed(subnetRef(s.id), "ipv6", what, s.ipv6 ?? false, found.ipv6 ?? false));
    if (s.gatewayIp !== undefined && s.gatewayIp !== gatewayOf(found))
      out.push(changed(subnetRef(s.id), "gatewayIp", what, s.gatewayIp, gatewayOf(found) ?? null));
  }
  // Live subnets of the declared VPCs only: an undeclared VPC is DRIFT_EXTRA itself, with whatever it holds.
  const declaredVpcs = new Set([...match.values()].map((v) => v.id));
  for (const s of live.subnets)
    if (declaredVpcs.has(s.vpc) && !used.has(s))
      out.push(
        diagnostic(
          "DRIFT_EXTRA",
          subnetRef(s.id),
          `Live subnet "${s.id}"${s.name ? ` ("${s.name}")` : ""} (${s.cidr}) of VPC "${s.vpc}" is not declared.`,
          `Declare it, or delete it if nothing uses it.`,
        ),
      );
  return out;
}

/** Every difference between `declared` and `live`, sorted as `validate` sorts. */
export function driftBetween(declared: TopologyDocument, live: TopologyDocument): Diagnostic[] {
  const vpcs = matchVpcs(declared, live);
  const peerings = peeringDrift(declared, live, vpcs);
  return sortDiagnostics([
    ...vpcDrift(declared, live, vpcs),
    ...subnetDrift(declared, live, vpcs),
    ...peerings.diagnostics,
    ...routeDrift(declared, live, vpcs, peerings.peerings),
  ]);
}
