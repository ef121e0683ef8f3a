/**
 * The outputs each resource class of `peerlink/pulumi` declares (`declare readonly x: pulumi.Output<...>`), as zod
 * schemas: the runtime validates inputs with zod but returns outputs untyped, so their types are written here once.
 * package-schema.ts refuses to generate when these names and the classes' declared outputs differ.
 */
import { z } from "zod";
import { PEERING_STATUSES } from "../../backends/backend.js";

export const peeringStatusSchema = z.enum(PEERING_STATUSES);

export const vpcOutputsSchema = z.object({
  vpcId: z.string(),
  account: z.string(),
  region: z.string(),
  cidrs: z.array(z.string()),
  mainRouteTableId: z.string(),
  routeTableIds: z.record(z.string(), z.string()),
});

export const subnetOutputsSchema = z.object({
  subnetId: z.string(),
  gatewayIp: z.string(),
  ipv6Cidr: z.string(),
});

export const peeringOutputsSchema = z.object({
  peeringId: z.string(),
  status: peeringStatusSchema,
  account: z.string(),
  region: z.string(),
  accepterAccount: z.string(),
  accepterRegion: z.string(),
  crossRegion: z.boolean(),
  crossAccount: z.boolean(),
  name: z.string(),
  bandwidthMbps: z.number().int().optional(),
});

export const peeringAcceptanceOutputsSchema = z.object({
  status: peeringStatusSchema,
  peeringId: z.string(),
});

export const routeRuleOutputsSchema = z.object({
  routeId: z.string(),
  effectiveRouteTableId: z.string(),
});

export const appliedLimitSchema = z.object({
  ip: z.string(),
  limitMbps: z.number(),
  vpcId: z.string(),
});

export const bandwidthPolicyOutputsSchema = z.object({
  appliedLimits: z.array(appliedLimitSchema),
});
