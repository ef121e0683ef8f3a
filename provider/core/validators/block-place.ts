import type { Cidr } from "../cidr.js";
import { type FieldPath, fieldRef, type ResourceRef } from "../resource-ref.js";
import type { Vpc } from "../topology.js";

/**
 * Where one of a VPC's blocks is declared: `["cidrs", 1]`, or `["assignedIpv6Cidrs", 0]` for a block the cloud
 * assigned. A block that parsed is written canonically (core/cidr.ts refuses any other spelling), so its text is
 * the declared string; `undefined` if the VPC declares no such string.
 */
export function blockField(vpc: Vpc, block: Cidr): FieldPath | undefined {
  const declared = vpc.spec.cidrs.indexOf(block.text);
  if (declared >= 0) return ["cidrs", declared];
  const assigned = vpc.spec.assignedIpv6Cidrs?.indexOf(block.text) ?? -1;
  return assigned >= 0 ? ["assignedIpv6Cidrs", assigned] : undefined;
}

/** The block as a place of its own (`vpcs[bj].cidrs[1]`), or the VPC when the block cannot be found. */
export function blockRef(vpc: Vpc, block: Cidr): ResourceRef {
  const field = blockField(vpc, block);
  return field ? fieldRef(vpc.ref, ...field) : vpc.ref;
}
