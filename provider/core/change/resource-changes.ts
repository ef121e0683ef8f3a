/**
 * What a change to a topology document does to its resources, resource by resource: added, removed, or changed
 * field by field. Both documents are declarations, so a resource is matched by what names it in the document: a
 * VPC, subnet or peering by its id; a route by its VPC, route table and destination (the key a cloud's route table
 * holds one route under, so a route pointed at another peering is a change of `peering`, not a removal and an
 * addition); a bandwidth policy by its peering, IP and VPC (the peering's requester when it names none, as the
 * rule reads it). Two routes under one key (a ROUTE_CONFLICT) are paired
 * in document order. Pure.
 */
import { canonicalJson } from "../canonical-json.js";
import type { ResourceKind } from "../resource-ref.js";
import { MAIN_ROUTE_TABLE } from "../topology-index.js";
import type { TopologyDocument } from "../topology-schema.js";

export type ChangeKind = "added" | "removed" | "changed";

export interface FieldChange {
  readonly field: string;
  /** The base document's value (undefined: not set there). */
  readonly from?: unknown;
  /** The head document's value (undefined: not set there). */
  readonly to?: unknown;
}

export interface ResourceChange {
  readonly kind: Exclude<ResourceKind, "document">;
  /** What names the resource: the id, or a route's `vpc [table] destination`, a policy's `peering ip in vpc`. */
  readonly key: string;
  readonly change: ChangeKind;
  /** The resource as the head declares it (added, changed) or as the base did (removed). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** For `changed`: each field whose value differs, in the order the fields first appear. */
  readonly fields: readonly FieldChange[];
}

type Spec = Readonly<Record<string, unknown>>;

type KeyOf = (spec: Spec, doc: TopologyDocument) => string;

const KEYS: Readonly<Record<ResourceChange["kind"], KeyOf>> = {
  vpcs: (s) => String(s.id),
  subnets: (s) => String(s.id),
  peerings: (s) => String(s.id),
  routes: (s) => `${String(s.vpc)} [${String(s.routeTable ?? MAIN_ROUTE_TABLE)}] ${String(s.destination)}`,
  bandwidthPolicies: (s, doc) =>
    `${String(s.peering)} ${String(s.ip)} in ${String(s.vpc ?? doc.peerings.find((p) => p.id === s.peering)?.vpc ?? "?")}`,
};

/** The fields whose canonical JSON differs; a field set on one side only counts as changed. */
export function fieldChanges(from: Spec, to: Spec): FieldChange[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const out: FieldChange[] = [];
  for (const field of names) {
    const a = from[field];
    const b = to[field];
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
    out.push({ field, ...(a === undefined ? {} : { from: a }), ...(b === undefined ? {} : { to: b }) });
  }
  return out;
}

/** Specs by key, several per key in document order (routes under one key). */
function byKey(specs: readonly Spec[], key: (spec: Spec) => string): Map<string, Spec[]> {
  const out = new Map<string, Spec[]>();
  for (const spec of specs) {
    const k = key(spec);
    const list = out.get(k);
    if (list) list.push(spec);
    else out.set(k, [spec]);
  }
  return out;
}

function kindChanges(
  kind: ResourceChange["kind"],
  [baseDoc, base]: readonly [TopologyDocument, readonly Spec[]],
  [headDoc, head]: readonly [TopologyDocument, readonly Spec[]],
): ResourceChange[] {
  const before = byKey(base, (spec) => KEYS[kind](spec, baseDoc));
  const key = (spec: Spec) => KEYS[kind](spec, headDoc);
  const out: ResourceChange[] = [];
  const seen = new Map<string, number>();
  for (const spec of head) {
    const k = key(spec);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const old = before.get(k)?.[n];
    if (!old) {
      out.push({ kind, key: k, change: "added", spec, fields: [] });
      continue;
    }
    const fields = fieldChanges(old, spec);
    if (fields.length > 0) out.push({ kind, key: k, change: "changed", spec, fields });
  }
  for (const [k, specs] of before)
    for (const spec of specs.slice(seen.get(k) ?? 0))
      out.push({ kind, key: k, change: "removed", spec, fields: [] });
  return out;
}

/** Every resource the head adds, removes or changes against the base, kind by kind in document order. */
export function resourceChanges(base: TopologyDocument, head: TopologyDocument): ResourceChange[] {
  return [
    ...kindChanges("vpcs", [base, base.vpcs], [head, head.vpcs]),
    ...kindChanges("subnets", [base, base.subnets ?? []], [head, head.subnets ?? []]),
    ...kindChanges("peerings", [base, base.peerings], [head, head.peerings]),
    ...kindChanges("routes", [base, base.routes], [head, head.routes]),
    ...kindChanges("bandwidthPolicies", [base, base.bandwidthPolicies], [head, head.bandwidthPolicies]),
  ];
}
