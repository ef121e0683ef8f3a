/**
 * Diagnostics: every problem the validators find, with a stable code. Codes are part of the public API
 * (CI pipelines grep for them); never rename one, only add.
 */

import { type FieldPath, type ResourceRef, renderResource } from "./resource-ref.js";

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The resource the problem concerns, as text: a path into the document, `peerings[gz-bj]`, `routes[3]`. */
  readonly resource: string;
  /** The same resource as data: what code branches on (the text above is for people and JSON). */
  readonly ref: ResourceRef;
  /** What is wrong, naming the values. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /**
   * The field at fault, inside the place `ref` names (`["bandwidthMbps"]`, `["cidrs", 1]`): where a report points.
   * Not part of `resource`, whose text is public API; absent when the problem is the resource as a whole.
   */
  readonly field?: FieldPath;
  /**
   * The other places the problem involves, each a resource or a field of one (the two overlapping blocks of
   * CIDR_OVERLAP, the peering a duplicate twins): a report's related locations.
   */
  readonly related?: readonly ResourceRef[];
}

/** Where a diagnostic points, beside its resource: see `Diagnostic.field` and `Diagnostic.related`. */
export interface DiagnosticPlaces {
  readonly field?: FieldPath;
  readonly related?: readonly ResourceRef[];
}

/** The catalogue: code, severity and a one-line description (rendered into the README's table). */
export const DIAGNOSTIC_CODES = {
  INVALID_DOCUMENT: { severity: "error", summary: "The document does not match the topology schema." },
  INVALID_CIDR: {
    severity: "error",
    summary:
      "A CIDR block or IP address cannot be parsed, is not written canonically (spaces, leading zeros) or has host bits set, or two CIDRs of one VPC overlap.",
  },
  CIDR_NOT_ALLOWED: {
    severity: "error",
    summary:
      "A VPC block the cloud never creates: outside its documented ranges or prefix lengths (so /0), or IPv6 where the cloud assigns IPv6 itself.",
  },
  UNKNOWN_REFERENCE: {
    severity: "error",
    summary: "A VPC, peering or route table id that is referenced is not declared.",
  },
  SUBNET_INVALID: {
    severity: "error",
    summary:
      "A subnet the cloud refuses: a block that is no canonical IPv4 CIDR, outside its VPC, overlapping an earlier subnet of the VPC, with a longer mask than the cloud allows, IPv6 asked where the cloud assigns none at creation, or a gateway outside the block.",
  },
  SELF_PEERING: { severity: "error", summary: "A peering connects a VPC to itself." },
  DUPLICATE_PEERING: {
    severity: "error",
    summary: "More than one peering for the same pair of VPCs, in either direction.",
  },
  CROSS_CLOUD_PEERING: {
    severity: "error",
    summary: "A peering joins VPCs of two different clouds, which no cloud supports.",
  },
  CROSS_REGION_UNSUPPORTED: {
    severity: "error",
    summary: "A peering joins two regions on a cloud whose peerings are regional (Huawei).",
  },
  CIDR_OVERLAP: { severity: "error", summary: "A CIDR of one peered VPC overlaps a CIDR of the other." },
  PEER_CIDR_CONFLICT: {
    severity: "error",
    summary: "A VPC has two cross-region peerings whose peer VPCs overlap each other (Tencent, seed 000).",
  },
  PEERING_LIMIT_EXCEEDED: { severity: "error", summary: "More than 10 peerings on one VPC." },
  INVALID_BANDWIDTH: {
    severity: "error",
    summary: "Bandwidth missing or outside what the cloud accepts (Tencent tiers, Baidu positive integer).",
  },
  BANDWIDTH_NOT_SETTABLE: {
    severity: "warning",
    summary: "Bandwidth given where the cloud ignores it (Tencent same-region, Huawei).",
  },
  INVALID_CHARGE_TYPE: {
    severity: "error",
    summary: "Charge type or service level not offered by the cloud for this peering.",
  },
  INVALID_NAME: {
    severity: "error",
    summary: "Peering name too long (Tencent: 60) or out of 1-64 (Huawei).",
  },
  ROUTE_NOT_ON_PEERING: {
    severity: "error",
    summary: "A route's VPC is not one of the two VPCs of the peering it points at.",
  },
  TRANSITIVE_ROUTE: {
    severity: "error",
    summary: "A route sends traffic for a third VPC through a peering; peering is never transitive.",
  },
  ROUTE_DESTINATION_NOT_IN_PEER: {
    severity: "error",
    summary: "A route's destination is not inside the peer VPC's CIDRs (Tencent CidrNotInPeerVpc).",
  },
  IPV6_PEERING_UNSUPPORTED: {
    severity: "error",
    summary:
      "A route with an IPv6 destination through a peering, on a cloud whose documentation names no IPv6 peering routes.",
  },
  ROUTE_CONFLICT: {
    severity: "error",
    summary:
      "Two routes in one route table share a destination, or a destination overlaps the route's own VPC.",
  },
  ROUTE_LIMIT_EXCEEDED: {
    severity: "error",
    summary:
      "A route table holds more routes than the cloud's documented quota (Huawei 200 by default, Baidu 50).",
  },
  BANDWIDTH_POLICY_INVALID: {
    severity: "error",
    summary:
      "A per-IP limit whose IP is outside its VPC, that exceeds the peering bandwidth, or is unsupported.",
  },
  MISSING_RETURN_ROUTE: {
    severity: "warning",
    summary: "A route from A through a peering has no route in B back through the same peering.",
  },
  PEERING_UNUSED: { severity: "warning", summary: "A peering that no route on either side uses." },
  INVALID_SPOKE_KEY: {
    severity: "error",
    summary: "A hub-and-spoke spoke key that cannot be part of an id (letters, digits, - and _ only).",
  },
  ROUTING_OUTSIDE_PEER: {
    severity: "error",
    summary: "A DR site's routing policy lists a destination inside none of the site's peer VPCs.",
  },
  ROUTING_POLICY_INVALID: {
    severity: "error",
    summary:
      "A DR site's routing policy cannot be planned: a destination that is no CIDR, an unknown or empty route table selection.",
  },
  EXTERNAL_PEERING_INVALID: {
    severity: "error",
    summary:
      "A DR peering this stack does not fully own (accept-only or requester-only) asked for what only the other side can do.",
  },
  INVALID_ARGUMENT: {
    severity: "error",
    summary:
      "A construct's, component's or resource's arguments are not what it takes: a key it does not have, a required one not given, a value of the wrong type.",
  },
  ROUTE_PEERING_NOT_ACTIVE: {
    severity: "error",
    summary:
      "Audit: a live route's next hop is a peering that is not ACTIVE (pending, rejected, expired, deleted) or does not exist.",
  },
  PEERING_PENDING: {
    severity: "warning",
    summary:
      "Audit: a peering request no one has accepted yet, with the days left before the cloud expires it.",
  },
  PEERING_LEFTOVER: {
    severity: "warning",
    summary: "Audit: a REJECTED or EXPIRED peering request still listed, carrying no traffic.",
  },
  PEER_NOT_VISIBLE: {
    severity: "warning",
    summary:
      "Audit: the other side of a cross-account peering cannot be read with the credentials given; its blocks and routes are not checked.",
  },
  DRIFT_MISSING: {
    severity: "error",
    summary: "Audit --against: a declared VPC, peering or route that the live estate does not have.",
  },
  DRIFT_EXTRA: {
    severity: "warning",
    summary: "Audit --against: a live VPC, peering or route that the declared topology does not have.",
  },
  DRIFT_CHANGED: {
    severity: "error",
    summary: "Audit --against: a resource in both whose live value differs from the declared one.",
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes of PLANNER_CODES, as a type (a code added there must be added here, or PLANNER_CODES does not compile). */
export type PlannerCode =
  | "INVALID_SPOKE_KEY"
  | "ROUTING_OUTSIDE_PEER"
  | "ROUTING_POLICY_INVALID"
  | "EXTERNAL_PEERING_INVALID";

/** Codes the DR planners raise on their inputs before any topology exists (no topology document produces them). */
export const PLANNER_CODES: ReadonlySet<DiagnosticCode> = new Set<PlannerCode>([
  "INVALID_SPOKE_KEY",
  "ROUTING_OUTSIDE_PEER",
  "ROUTING_POLICY_INVALID",
  "EXTERNAL_PEERING_INVALID",
]);

/** Codes the front ends raise on a construct's or component's arguments (core/argument-keys.ts): no document has them. */
export const ARGUMENT_CODES: ReadonlySet<DiagnosticCode> = new Set<"INVALID_ARGUMENT">(["INVALID_ARGUMENT"]);

/** Codes only `peerlink audit` raises, on a discovered estate (core/audit): no declared document produces them. */
export const AUDIT_CODES = [
  "ROUTE_PEERING_NOT_ACTIVE",
  "PEERING_PENDING",
  "PEERING_LEFTOVER",
  "PEER_NOT_VISIBLE",
  "DRIFT_MISSING",
  "DRIFT_EXTRA",
  "DRIFT_CHANGED",
] as const satisfies readonly DiagnosticCode[];
export type AuditCode = (typeof AUDIT_CODES)[number];
export const AUDIT_CODE_SET: ReadonlySet<DiagnosticCode> = new Set(AUDIT_CODES);

/** The codes no declared document produces: the planners', the front ends' argument check's and the audit's. */
export type NonDocumentCode = PlannerCode | "INVALID_ARGUMENT" | AuditCode;

/** Whether some topology document, validated, can produce `code` (not a planner's, an argument check's nor the audit's). */
export function isDocumentCode(code: DiagnosticCode): boolean {
  return !PLANNER_CODES.has(code) && !ARGUMENT_CODES.has(code) && !AUDIT_CODE_SET.has(code);
}

export function diagnostic(
  code: DiagnosticCode,
  where: ResourceRef,
  message: string,
  fix: string,
  places?: DiagnosticPlaces,
): Diagnostic {
  const found: Diagnostic = {
    code,
    severity: DIAGNOSTIC_CODES[code].severity,
    resource: renderResource(where),
    ref: where,
    message,
    fix,
  };
  if (!places) return found;
  // Only the places that are given become keys: a diagnostic without them is the object it always was.
  const { field, related } = places;
  return {
    ...found,
    ...(field && field.length > 0 ? { field } : {}),
    ...(related && related.length > 0 ? { related } : {}),
  };
}

/**
 * Sorts into a deterministic order: errors first, then by resource kind in document order
 * (vpcs, peerings, routes, bandwidthPolicies), then by resource, code and message.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

const KIND_ORDER: readonly string[] = ["document", "vpcs", "peerings", "routes", "bandwidthPolicies"];

/** Same kind: positions (`routes[3]`, `routes[12]`) numerically, ids and fields as text. */
function compareResources(a: Diagnostic, b: Diagnostic): number {
  const kind = KIND_ORDER.indexOf(a.ref.kind) - KIND_ORDER.indexOf(b.ref.kind);
  if (kind !== 0) return kind;
  if (typeof a.ref.key === "number" && typeof b.ref.key === "number" && a.ref.key !== b.ref.key)
    return a.ref.key - b.ref.key;
  return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  const resource = compareResources(a, b);
  if (resource !== 0) return resource;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
