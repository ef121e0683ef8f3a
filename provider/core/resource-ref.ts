/**
 * Which resource a diagnostic concerns, as data (the cdktf way: the construct path is an object, `[path] message`
 * is formatted last). Consumers branch on `kind` and `key`; `renderResource` gives the text shown to people and
 * in JSON (`peerings[gz-bj]`, `routes[3]`, `vpcs[0].cidrs`), never parsed back.
 */

export type ResourceKind = "document" | "vpcs" | "subnets" | "peerings" | "routes" | "bandwidthPolicies";

/** A field inside a resource or a document node, by keys and list positions: `["cidrs", 0]`. */
export type FieldPath = readonly (string | number)[];

export interface ResourceRef {
  readonly kind: ResourceKind;
  /** The id (VPCs, subnets, peerings) or the document index (routes, bandwidth policies, and schema errors by position). */
  readonly key?: string | number;
  /** The field inside the resource, for schema errors: `["cidrs", 0]`. */
  readonly path?: FieldPath;
}

export const vpcRef = (id: string): ResourceRef => ({ kind: "vpcs", key: id });
export const subnetRef = (id: string): ResourceRef => ({ kind: "subnets", key: id });
export const peeringRef = (id: string): ResourceRef => ({ kind: "peerings", key: id });
export const routeRef = (index: number): ResourceRef => ({ kind: "routes", key: index });
export const policyRef = (index: number): ResourceRef => ({ kind: "bandwidthPolicies", key: index });
/** A resource by its position in the document (a duplicate id, a schema error). */
export const positionRef = (kind: ResourceKind, index: number): ResourceRef => ({ kind, key: index });
export const DOCUMENT_REF: ResourceRef = { kind: "document" };

const KINDS: ReadonlySet<string> = new Set(["vpcs", "subnets", "peerings", "routes", "bandwidthPolicies"]);

/** A zod or JSON path as a field path: list positions stay numbers, every other key is its string. */
export function fieldPathOf(path: readonly PropertyKey[]): FieldPath {
  return path.map((p) => (typeof p === "number" ? p : String(p)));
}

/** A schema error's path (`["vpcs", 0, "cidrs"]`) as a reference. */
export function refOfPath(path: readonly PropertyKey[]): ResourceRef {
  const [kind, key, ...rest] = path;
  if (typeof kind !== "string" || !KINDS.has(kind)) {
    return path.length === 0 ? DOCUMENT_REF : { kind: "document", path: fieldPathOf(path) };
  }
  const ref: { kind: ResourceKind; key?: string | number; path?: FieldPath } = {
    kind: kind as ResourceKind,
  };
  if (typeof key === "number" || typeof key === "string") ref.key = key;
  if (rest.length > 0) ref.path = fieldPathOf(rest);
  return ref;
}

/** `prefix` followed by a field path in the document's notation: `vpcs[bj]` and `["cidrs", 1]` give `vpcs[bj].cidrs[1]`. */
export function fieldText(path: FieldPath, prefix = ""): string {
  let text = prefix;
  for (const p of path) text += typeof p === "number" ? `[${p}]` : text === "" ? p : `.${p}`;
  return text;
}

/** The text of a reference: `kind[key].field[0]`, or `document`. */
export function renderResource(ref: ResourceRef): string {
  const head = ref.kind === "document" ? "" : ref.key === undefined ? ref.kind : `${ref.kind}[${ref.key}]`;
  return fieldText(ref.path ?? [], head) || "document";
}

/** A field of the resource `ref` names: `fieldRef(vpcRef("bj"), "cidrs", 1)` is `vpcs[bj].cidrs[1]`. */
export function fieldRef(ref: ResourceRef, ...field: FieldPath): ResourceRef {
  return { ...ref, path: [...(ref.path ?? []), ...field] };
}

/** Whether `ref` is the resource `kind[key]` itself (not a field of it). */
export function isResource(ref: ResourceRef, kind: ResourceKind, key: string | number): boolean {
  return ref.kind === kind && ref.key === key;
}
