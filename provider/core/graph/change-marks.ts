/**
 * The picture of a change (`peerlink graph HEAD --base BASE`): the head's topology with what the base had and the
 * head removed put back in, and each VPC, peering and route marked added, removed or changed, as resourceChanges
 * (../change/resource-changes.ts) matches them, so the graph and `peerlink diff` always agree on what changed.
 * Pure.
 */
import {
  type ChangeKind,
  type FieldChange,
  type ResourceChange,
  resourceChanges,
  routeKeyText,
} from "../change/resource-changes.js";
import { MAIN_ROUTE_TABLE } from "../topology-index.js";
import type { RouteSpec, TopologyDocument, VpcSpec } from "../topology-schema.js";

export interface ChangeMark {
  readonly change: ChangeKind;
  /** For `changed`: the fields that differ. */
  readonly fields: readonly FieldChange[];
}

/** Marks by VPC id, peering id and route key (`vpc [table] destination`, as resourceChanges keys routes). */
export interface ChangeMarks {
  readonly vpcs: ReadonlyMap<string, ChangeMark>;
  readonly peerings: ReadonlyMap<string, ChangeMark>;
  readonly routes: ReadonlyMap<string, ChangeMark>;
}

const routeKeyOf = (r: RouteSpec) => routeKeyText(r.vpc, r.routeTable ?? MAIN_ROUTE_TABLE, r.destination);

/**
 * The head with the base's removed VPCs, peerings and routes added back (after the head's own, in the base's
 * order), and the marks. A VPC both sides hold keeps the head's spec with the base's route tables added, so a
 * removed route of a removed table still has a table to be drawn from. `changes` is resourceChanges(base, head),
 * passed in where the caller has it already (`diff --graph`).
 */
export function markedChange(
  base: TopologyDocument,
  head: TopologyDocument,
  changes: readonly ResourceChange[] = resourceChanges(base, head),
): { readonly document: TopologyDocument; readonly marks: ChangeMarks } {
  const marks = { vpcs: new Map<string, ChangeMark>(), peerings: new Map(), routes: new Map() };
  const removed = { vpcs: new Set<string>(), peerings: new Set<string>(), routes: new Set<string>() };
  // A route key the head still holds (one of two routes under one key removed) keeps the head's mark, drawn once.
  const headRoutes = new Set(head.routes.map(routeKeyOf));
  for (const c of changes) {
    if (c.kind !== "vpcs" && c.kind !== "peerings" && c.kind !== "routes") continue;
    if (c.change === "removed" && c.kind === "routes" && headRoutes.has(c.key)) continue;
    marks[c.kind].set(c.key, { change: c.change, fields: c.fields });
    if (c.change === "removed") removed[c.kind].add(c.key);
  }
  const baseTables = new Map(base.vpcs.map((v) => [v.id, v.routeTables ?? []]));
  const vpcs: VpcSpec[] = head.vpcs.map((v) => {
    const tables = [...new Set([...(v.routeTables ?? []), ...(baseTables.get(v.id) ?? [])])];
    return tables.length === 0 ? v : { ...v, routeTables: tables };
  });
  const document: TopologyDocument = {
    ...head,
    vpcs: [...vpcs, ...base.vpcs.filter((v) => removed.vpcs.has(v.id))],
    peerings: [...head.peerings, ...base.peerings.filter((p) => removed.peerings.has(p.id))],
    routes: [...head.routes, ...base.routes.filter((r) => removed.routes.has(routeKeyOf(r)))],
  };
  return { document, marks };
}
