/**
 * The INVALID_ARGUMENT check of the DR components' arguments (core/argument-keys.ts), and the keys of the parts
 * they share: a site and the resource options. A JavaScript program (or a spread config object) with `bandwith`
 * or `standby.regoin` would otherwise build a topology without them, and one without `standby` would fail with a
 * TypeError; both fail before anything is planned.
 */
import {
  type ArgumentShape,
  argumentProblems,
  object,
  oneOf,
  requiredValue,
  type ShapeOf,
  typed,
  value,
} from "../../core/argument-keys.js";
import { DR_ROUTING_KEYS } from "../../core/dr/argument-shapes.js";
import { CLOUDS } from "../../core/topology-schema.js";
import type { DrResourceOptions } from "./create-children.js";
import { PulumiTopologyValidationError } from "./plan-report.js";
import type { DrSiteArgs } from "./site.js";

export const DR_SITE_ARG_KEYS = {
  vpc: requiredValue,
  name: typed("string"),
  region: typed("string", true),
  cidrs: typed("string[]", true),
  assignedIpv6Cidrs: value,
  cloud: oneOf(CLOUDS),
  account: typed("string"),
  routeTableIds: value,
  routing: object(DR_ROUTING_KEYS),
  connection: value,
} as const satisfies ShapeOf<DrSiteArgs>;

export const DR_RESOURCE_OPTION_KEYS = {
  tags: value,
  timeoutSeconds: value,
} as const satisfies ShapeOf<DrResourceOptions>;

/** Throws every INVALID_ARGUMENT of component `name` (of type `kind`, e.g. "TwoRegionDr") at once. */
export function checkComponentArguments(
  args: unknown,
  shape: ArgumentShape,
  name: string,
  kind: string,
): void {
  const problems = argumentProblems(args, shape, name, kind);
  if (problems.length > 0) throw new PulumiTopologyValidationError(problems);
}
