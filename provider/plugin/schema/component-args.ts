/**
 * The inputs of the DR components as the provider plugin receives them (`construct`): the TypeScript args of
 * provider/pulumi/components with a site's `vpc` as a VPC id string (another language cannot hand over a `Vpc`
 * object; it passes `vpc.vpcId` or `vpc.id`). Strict, like the resources' input schemas: a misspelt key is an
 * error, not ignored. package-schema.ts refuses to generate when these names and the TypeScript interfaces differ.
 */
import { z } from "zod";
import { DR_SIDES } from "../../core/dr/two-region-dr.js";
import { THREE_CENTER_LINK_KEYS, THREE_CENTER_ROLES } from "../../core/dr/two-regions-three-centers.js";
import { CHARGE_TYPES, CLOUDS, SERVICE_LEVELS } from "../../core/topology-schema.js";
import { connectionSchema } from "../../pulumi/runtime/connection.js";

export const cloudSchema = z.enum(CLOUDS);
export const chargeTypeSchema = z.enum(CHARGE_TYPES);
export const serviceLevelSchema = z.enum(SERVICE_LEVELS);

/** DrRouting (core/dr/routing-policy.ts): the planner judges the values (ROUTING_OUTSIDE_PEER, ROUTING_POLICY_INVALID). */
export const drRoutingSchema = z.strictObject({
  routes: z.union([z.enum(["peer-cidrs", "none"]), z.array(z.string().min(1))]).optional(),
  routeTables: z.array(z.string().min(1)).optional(),
  mainTable: z.boolean().optional(),
});

/** DrExternalLink (core/dr/external-links.ts): a link this stack requests only, or accepts only. */
export const drExternalLinkSchema = z.strictObject({
  requesterOnly: z.boolean().optional(),
  existingPeeringId: z.string().min(1).optional(),
});

/** DrSiteArgs (components/site.ts). */
export const drSiteSchema = z.strictObject({
  vpc: z.string().min(1),
  name: z.string().min(1).optional(),
  region: z.string().min(1),
  cidrs: z.array(z.string()).min(1),
  cloud: cloudSchema.optional(),
  account: z.string().min(1).optional(),
  routeTableIds: z.union([z.array(z.string().min(1)), z.record(z.string(), z.string().min(1))]).optional(),
  assignedIpv6Cidrs: z.array(z.string().min(1)).optional(),
  routing: drRoutingSchema.optional(),
  connection: connectionSchema.optional(),
});

/** DrResourceOptions (components/create-children.ts), shared by the three components. */
const drResourceOptions = {
  tags: z.record(z.string(), z.string()).optional(),
  timeoutSeconds: z.number().positive().optional(),
};

/** DrLinkOptions as the components take them. */
const linkOptions = {
  bandwidthMbps: z.number().int().positive().optional(),
  chargeType: chargeTypeSchema.optional(),
  serviceLevel: serviceLevelSchema.optional(),
};

/** DrBandwidthLimit (core/dr/two-region-dr.ts). */
export const drBandwidthLimitSchema = z.strictObject({
  ip: z.string().min(1),
  limitMbps: z.number().positive(),
  side: z.enum(DR_SIDES).optional(),
});

export const twoRegionDrArgsSchema = z.strictObject({
  primary: drSiteSchema,
  standby: drSiteSchema,
  peeringName: z.string().min(1).optional(),
  ...linkOptions,
  bandwidthPolicies: z.array(drBandwidthLimitSchema).optional(),
  requesterOnly: z.boolean().optional(),
  existingPeeringId: z.string().min(1).optional(),
  ...drResourceOptions,
});

/** ThreeCentersRouteArgs (components/two-regions-three-centers.ts). */
export const threeCentersRouteSchema = z.strictObject({
  from: z.enum(THREE_CENTER_ROLES),
  destination: z.string().min(1),
  via: z.enum(THREE_CENTER_LINK_KEYS),
  routeTable: z.string().min(1).optional(),
});

export const twoRegionsThreeCentersArgsSchema = z.strictObject({
  production: drSiteSchema,
  backup: drSiteSchema,
  dr: drSiteSchema,
  peeringNamePrefix: z.string().min(1).optional(),
  ...linkOptions,
  additionalRoutes: z.array(threeCentersRouteSchema).optional(),
  // Keyed by link (production-backup, production-dr, backup-dr): the planner refuses another key
  // (EXTERNAL_PEERING_INVALID), so a map is enough here.
  externalPeerings: z.record(z.string(), drExternalLinkSchema).optional(),
  ...drResourceOptions,
});

export const hubAndSpokeArgsSchema = z.strictObject({
  hub: drSiteSchema,
  spokes: z.record(z.string(), drSiteSchema),
  peeringNamePrefix: z.string().min(1).optional(),
  meshSpokes: z.boolean().optional(),
  routeSpokesThroughHub: z.boolean().optional(),
  externalPeerings: z.record(z.string(), drExternalLinkSchema).optional(),
  ...linkOptions,
  ...drResourceOptions,
});
