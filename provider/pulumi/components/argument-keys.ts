/**
 * The UNKNOWN_ARGUMENT check of the DR components' arguments (core/argument-keys.ts), and the keys of the parts
 * they share: a site and the resource options. A JavaScript program (or a spread config object) with `bandwith`
 * or `standby.regoin` would otherwise build a topology without them; it fails before anything is planned.
 */
import { type ArgumentShape, type ShapeOf, unknownArguments } from "../../core/argument-keys.js";
import { DR_ROUTING_KEYS } from "../../core/dr/argument-shapes.js";
import type { DrResourceOptions } from "./create-children.js";
import { PulumiTopologyValidationError } from "./plan-report.js";
import type { DrSiteArgs } from "./site.js";

export const DR_SITE_ARG_KEYS = {
  vpc: true,
  name: true,
  region: true,
  cidrs: true,
  assignedIpv6Cidrs: true,
  cloud: true,
  account: true,
  routeTableIds: true,
  routing: DR_ROUTING_KEYS,
  connection: true,
} as const satisfies ShapeOf<DrSiteArgs>;

export const DR_RESOURCE_OPTION_KEYS = {
  tags: true,
  timeoutSeconds: true,
} as const satisfies ShapeOf<DrResourceOptions>;

/** Throws every UNKNOWN_ARGUMENT of component `name` (of type `kind`, e.g. "TwoRegionDr") at once. */
export function checkComponentArguments(
  args: unknown,
  shape: ArgumentShape,
  name: string,
  kind: string,
): void {
  const unknown = unknownArguments(args, shape, name, kind);
  if (unknown.length > 0) throw new PulumiTopologyValidationError(unknown);
}
