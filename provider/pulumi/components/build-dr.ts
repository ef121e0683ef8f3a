/**
 * The steps every DR component takes, in the pulumi-awsx order: validate the planned topology (throws before any
 * resource exists), compute the child specs, create the children, and gather the outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { substituteDeferred } from "../../core/dr/deferred-ipv6.js";
import { describeTopology, type TopologyDescription } from "../../core/dr/describe-plan.js";
import type { DrPlan } from "../../core/dr/site.js";
import type { Reachability } from "../../core/reachability.js";
import type { ChildFactory } from "./child-factory.js";
import { type ChildNaming, type ChildSpecs, getChildSpecs } from "./child-specs.js";
import { type CreatedChildren, createChildren, type DrResourceOptions } from "./create-children.js";
import { type DrCostSummary, type ReachabilityMatrix, reportPlan } from "./plan-report.js";
import type { ResolvedSite } from "./site.js";

export interface BuiltDr {
  readonly plan: DrPlan;
  readonly specs: ChildSpecs;
  readonly children: CreatedChildren;
  readonly description: TopologyDescription;
  /** `description.routes` with the real IPv6 blocks of dual-stack sites. */
  readonly routes: pulumi.Output<string[]>;
  readonly reachability: pulumi.Output<Reachability>;
  readonly reachabilityMatrix: pulumi.Output<ReachabilityMatrix>;
  readonly costEstimate: pulumi.Output<DrCostSummary>;
  readonly estimatedDailyCost: pulumi.Output<number | "unpriced">;
}

export function buildDr(
  parent: pulumi.ComponentResource,
  name: string,
  plan: DrPlan,
  sites: readonly ResolvedSite[],
  naming: Omit<ChildNaming, "prefix">,
  options: DrResourceOptions,
  factory?: ChildFactory,
): BuiltDr {
  const report = reportPlan(plan, name);
  for (const w of report.warnings)
    pulumi.log.warn(`[${w.resource}] ${w.code} ${w.message} Fix: ${w.fix}`, parent);
  const deferred = new Map(sites.flatMap((s) => [...s.deferredIpv6]));
  const destinationLabel = (destination: string) => deferred.get(destination)?.label;
  const specs = getChildSpecs(plan, { prefix: name, ...naming, destinationLabel });
  const children = createChildren(parent, specs, sites, options, factory);
  const description = describeTopology(plan);
  // The reports name the real blocks once the cloud has assigned them (unknown at the first preview).
  const resolved = <T>(value: T): pulumi.Output<T> => {
    if (deferred.size === 0) return pulumi.output(value) as pulumi.Output<T>;
    const keys = [...deferred.keys()];
    return pulumi
      .all(keys.map((k) => deferred.get(k)!.input))
      .apply((blocks) =>
        substituteDeferred(value, new Map(keys.map((k, i) => [k, blocks[i]!]))),
      ) as pulumi.Output<T>;
  };
  return {
    plan,
    specs,
    children,
    description,
    routes: resolved(description.routes),
    reachability: resolved(report.reachability),
    reachabilityMatrix: resolved(report.matrix),
    costEstimate: pulumi.output(report.cost),
    estimatedDailyCost: pulumi.output(report.cost.perDay),
  };
}

/** The outputs every DR component registers. */
export function commonOutputs(built: BuiltDr): pulumi.Inputs {
  return {
    reachability: built.reachability,
    reachabilityMatrix: built.reachabilityMatrix,
    costEstimate: built.costEstimate,
    estimatedDailyCost: built.estimatedDailyCost,
    routes: built.routes,
  };
}
