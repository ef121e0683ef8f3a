/**
 * What each DR component registers as its outputs (`registerOutputs` in provider/pulumi/components): plain values
 * a plugin can return from `construct`. The child resources themselves (`peering`, `routes` as RouteRule objects...)
 * stay TypeScript-only: their ids are among these outputs.
 */
import { z } from "zod";
import { peeringStatusSchema } from "./resource-outputs.js";

/** ReachabilityEntry (core/reachability.ts). */
export const reachabilityEntrySchema = z.object({
  from: z.string(),
  to: z.string(),
  peering: z.string(),
  destinations: z.array(z.string()),
  dropped: z.array(z.string()),
  routeTables: z.array(z.string()),
  returnPath: z.boolean(),
  flows: z.boolean(),
});

export const reachabilitySchema = z.object({
  vpcs: z.array(z.string()),
  entries: z.array(reachabilityEntrySchema),
});

const priced = z.union([z.number(), z.literal("unpriced")]);

/** DrCostSummary (components/plan-report.ts). */
export const drCostSummarySchema = z.object({
  currency: z.string(),
  perDay: priced,
  perMonth: priced,
  unpriced: z.record(z.string(), z.string()),
  lines: z.array(z.string()),
});

/** commonOutputs (components/build-dr.ts). */
const commonOutputs = {
  reachability: reachabilitySchema,
  reachabilityMatrix: z.record(z.string(), z.record(z.string(), z.boolean())),
  costEstimate: drCostSummarySchema,
  estimatedDailyCost: priced,
  /** The route descriptions (describeTopology), not the RouteRule objects of the TypeScript class. */
  routes: z.array(z.string()),
};

export const twoRegionDrOutputsSchema = z.object({
  peeringId: z.string(),
  status: peeringStatusSchema,
  ...commonOutputs,
});

export const twoRegionsThreeCentersOutputsSchema = z.object({
  peeringIds: z.record(z.string(), z.string()),
  statuses: z.record(z.string(), peeringStatusSchema),
  ...commonOutputs,
});

export const hubAndSpokeOutputsSchema = z.object({
  peeringIds: z.record(z.string(), z.string()),
  statuses: z.record(z.string(), peeringStatusSchema),
  ...commonOutputs,
});
