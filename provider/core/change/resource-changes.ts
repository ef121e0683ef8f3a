/**
 * What a change to a topology document does to its resources, resource by resource: added, removed, or changed
 * field by field. Both documents are declarations, so a resource is matched by what names it in the document: a
 * VPC, subnet or peering by its id; a route by its VPC, route table and destination (the key a cloud's route table
 * holds one route under, so a route pointed at another peering is a change of `peering`, not a removal and an
 * addition); a bandwidth policy by its peering, IP and VPC (the peering's requester when it names none, as the
 * rule reads it). Two routes under one key (a ROUTE_CONFLICT) are paired
 * in document order. Pure.
 */
import { isDeepStrictEqual } from "node:util";
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

/** A route's key as text: `vpc [table] destination` (what ResourceChange.key holds for a route). */
export const routeKeyText = (vpc: string, routeTable: string, destination: string) =>
  `${vpc} [${routeTable}] ${destination}`;

/** A field's value as people read it in a change: JSON, or `(not set)`. */
export const fieldValueText = (value: unknown) => (value === undefined ? "(not set)" : JSON.stringify(value));

/** What names a resource, in three parts (an id is `[id, "", ""]`), and how the parts read as one key. */
type Parts = readonly [string, string, string];

interface KeyOf {
  /** Made once per document (a policy's default VPC is a lookup). */
  readonly parts: (doc: TopologyDocument) => (spec: Spec) => Parts;
  readonly text: (parts: Parts) => string;
}

const byId: KeyOf = { parts: () => (s) => [String(s.id), "", ""], text: ([id]) => id };

const KEYS: Readonly<Record<ResourceChange["kind"], KeyOf>> = {
  vpcs: byId,
  subnets: byId,
  peerings: byId,
  routes: {
    parts: () => (s) => [String(s.vpc), String(s.routeTable ?? MAIN_ROUTE_TABLE), String(s.destination)],
    text: ([vpc, table, destination]) => routeKeyText(vpc, table, destination),
  },
  bandwidthPolicies: {
    parts: (doc) => {
      const requester = new Map(doc.peerings.map((p) => [p.id, p.vpc]));
      return (s) => [
        String(s.peering),
        String(s.ip),
        String(s.vpc ?? requester.get(String(s.peering)) ?? "?"),
      ];
    },
    text: ([peering, ip, vpc]) => `${peering} ${ip} in ${vpc}`,
  },
};

/**
 * The fields whose values differ (deep, object keys in any order: node's isDeepStrictEqual); a field set on one
 * side only counts as changed.
 */
export function fieldChanges(from: Spec, to: Spec): FieldChange[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const out: FieldChange[] = [];
  for (const field of names) {
    const a = from[field];
    const b = to[field];
    if (isDeepStrictEqual(a ?? null, b ?? null)) continue;
    out.push({ field, ...(a === undefined ? {} : { from: a }), ...(b === undefined ? {} : { to: b }) });
  }
  return out;
}

type Held = Spec | Spec[];

/**
 * Specs by key: one spec, or several in document order for a key held more than once (routes under one key), in
 * maps nested on the key's parts. Most keys hold one spec, so no list is made for them, and no joined key string is
 * made until a change is reported: at 100k VPCs the lists and the joined keys were half of the comparison's time.
 */
class SpecsByKey {
  readonly #root = new Map<string, Map<string, Map<string, Held>>>();

  add([a, b, c]: Parts, spec: Spec): void {
    let second = this.#root.get(a);
    if (!second) {
      second = new Map();
      this.#root.set(a, second);
    }
    let third = second.get(b);
    if (!third) {
      third = new Map();
      second.set(b, third);
    }
    const held = third.get(c);
    if (held === undefined) third.set(c, spec);
    else if (Array.isArray(held)) held.push(spec);
    else third.set(c, [held, spec]);
  }

  /** Takes the first spec still held under the key (pairing in document order); undefined when none is left. */
  take([a, b, c]: Parts): Spec | undefined {
    const third = this.#root.get(a)?.get(b);
    const found = third?.get(c);
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) {
      third!.delete(c);
      return found;
    }
    const first = found.shift();
    if (found.length === 0) third!.delete(c);
    return first;
  }

  /** What is left, in the order the keys were first added (a Map keeps insertion order through deletes). */
  *rest(): Generator<[Parts, Spec]> {
    for (const [a, second] of this.#root)
      for (const [b, third] of second)
        for (const [c, held] of third)
          for (const spec of Array.isArray(held) ? held : [held]) yield [[a, b, c], spec];
  }
}

function kindChanges(
  kind: ResourceChange["kind"],
  [baseDoc, base]: readonly [TopologyDocument, readonly Spec[]],
  [headDoc, head]: readonly [TopologyDocument, readonly Spec[]],
): ResourceChange[] {
  const { parts, text } = KEYS[kind];
  const before = new SpecsByKey();
  const baseParts = parts(baseDoc);
  for (const spec of base) before.add(baseParts(spec), spec);
  const headParts = parts(headDoc);
  const out: ResourceChange[] = [];
  for (const spec of head) {
    const k = headParts(spec);
    const old = before.take(k);
    if (!old) {
      out.push({ kind, key: text(k), change: "added", spec, fields: [] });
      continue;
    }
    // Most resources are unchanged: one deep comparison settles them before any field is listed.
    if (isDeepStrictEqual(old, spec)) continue;
    const fields = fieldChanges(old, spec);
    if (fields.length > 0) out.push({ kind, key: text(k), change: "changed", spec, fields });
  }
  for (const [k, spec] of before.rest())
    out.push({ kind, key: text(k), change: "removed", spec, fields: [] });
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
