/**
 * What a DR component checks and reports at construction, on the plain plan: the whole topology through the core
 * validators (errors throw, every one of them at once), the reachability matrix and the estimated cost. Pure: no
 * Pulumi, so the components only decide where the results go (an exception, `pulumi.log.warn`, outputs).
 */
import type { CostEstimate } from "../../core/cost/estimate.js";
import { estimateCost } from "../../core/cost/estimate.js";
import { type Diagnostic, hasErrors } from "../../core/diagnostics.js";
import { isRequesterConcern } from "../../core/dr/external-peering.js";
import { isReturnRouteManagedElsewhere } from "../../core/dr/routing-policy.js";
import type { DrPlan } from "../../core/dr/site.js";
import { TopologyValidationError } from "../../core/errors.js";
import { computeReachability, type Reachability } from "../../core/reachability.js";
import type { Topology } from "../../core/topology.js";
import type { TopologyInput } from "../../core/topology-schema.js";
import { validateDocument } from "../../core/validate.js";

/** The plan as a topology document, as `peerlink validate` would read it. */
export function planToTopology(plan: DrPlan): TopologyInput {
  return {
    vpcs: plan.vpcs,
    peerings: plan.peerings,
    routes: plan.routes,
    bandwidthPolicies: plan.bandwidthPolicies,
  };
}

/**
 * A topology refusal as Pulumi shows a user's mistake: the message with every diagnostic, without a stack trace.
 * `pulumi.RunError.isInstance` recognises errors by the `__pulumiRunError` marker, and the Pulumi runtime then
 * prints only the message. The stack is cut to the message too: the runtime also renders every uncaught error with
 * `util.inspect`, which on Node 20.20 spends 30-45 s on a stack through @pulumi/pulumi's frames before it gives up
 * (measured by test/e2e/pulumi-local.test.ts's plan-time refusal).
 */
export class PulumiTopologyValidationError extends TopologyValidationError {
  readonly __pulumiRunError = true;

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics);
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Validates the plan; throws a TopologyValidationError (PulumiTopologyValidationError) with every diagnostic when
 * there is an error, with each
 * resource prefixed by the component name (`[payments-dr/peerings[payments-dr]] CIDR_OVERLAP ...`).
 * Returns the resolved topology and the warnings.
 */
export function validatePlan(
  plan: DrPlan,
  componentName: string,
): { topology: Topology; warnings: Diagnostic[] } {
  const validated = validateDocument(planToTopology(plan));
  // An existing peering's bandwidth and billing are its requester's: not this stack's to fix.
  // And a return route the plan was told is made elsewhere (`routes: "none"`) is no warning to fix here.
  const found = validated.diagnostics.filter(
    (d) => !isRequesterConcern(plan.externalPeerings, d) && !isReturnRouteManagedElsewhere(plan, d),
  );
  const result = { ...validated, ok: !hasErrors(found), diagnostics: found };
  // The planner's own refusals (a routing policy outside the peers) first, then the validators' findings.
  const named = [...(plan.diagnostics ?? []), ...result.diagnostics].map((d) => ({
    ...d,
    resource: `${componentName}/${d.resource}`,
  }));
  if ((plan.diagnostics ?? []).length > 0 || !result.ok || !result.topology)
    throw new PulumiTopologyValidationError(named);
  return { topology: result.topology, warnings: named.filter((d) => d.severity === "warning") };
}

/** For each VPC, whether traffic flows to each VPC it is peered with (a route there and one back). */
export type ReachabilityMatrix = Record<string, Record<string, boolean>>;

export function reachabilityMatrix(reachability: Reachability): ReachabilityMatrix {
  const matrix: ReachabilityMatrix = {};
  for (const vpc of reachability.vpcs) matrix[vpc] = {};
  for (const entry of reachability.entries) {
    const row = matrix[entry.from] ?? {};
    matrix[entry.from] = row;
    row[entry.to] = (row[entry.to] ?? false) || entry.flows;
  }
  return matrix;
}

/** The cost of a component's peerings, from the planned bandwidth caps (seed 000 Tencent prices). */
export interface DrCostSummary {
  readonly currency: CostEstimate["currency"];
  /**
   * CNY per day, the sum over the peerings; "unpriced" when any peering has no price (a total without it would
   * understate), e.g. every Huawei or Baidu peering, or a Tencent peering without bandwidth.
   */
  readonly perDay: number | "unpriced";
  /** CNY per 30-day month, or "unpriced" as perDay. */
  readonly perMonth: number | "unpriced";
  /** Peerings without a price, by the planner's peering id, with the reason. */
  readonly unpriced: Readonly<Record<string, string>>;
  /** One line per peering: `<id>: <perDay> CNY/day (<model>, <basis>)` or `<id>: unpriced (<reason>)`. */
  readonly lines: readonly string[];
}

/**
 * @param paidElsewhere peerings this stack only accepts: their requester pays (seed 000 "跨地域的对等连接费用由
 * 对等连接申请方支付"), so they cost this stack nothing and leave the totals priced.
 */
export function summarizeCost(
  estimate: CostEstimate,
  paidElsewhere: ReadonlySet<string> = new Set(),
): DrCostSummary {
  const unpriced: Record<string, string> = {};
  const lines: string[] = [];
  for (const p of estimate.peerings) {
    if (paidElsewhere.has(p.peering)) {
      lines.push(`${p.peering}: paid by the requester (account ${p.payerAccount}), not this stack`);
      continue;
    }
    if (!p.priced) {
      unpriced[p.peering] = p.reason ?? "no price";
      lines.push(`${p.peering}: unpriced (${p.reason ?? "no price"})`);
    } else lines.push(`${p.peering}: ${p.perDay} ${estimate.currency}/day (${p.model}, ${p.basis})`);
  }
  const any = estimate.unpriced.some((id) => !paidElsewhere.has(id));
  return {
    currency: estimate.currency,
    perDay: any ? "unpriced" : estimate.totalPerDay,
    perMonth: any ? "unpriced" : estimate.totalPerMonth,
    unpriced,
    lines,
  };
}

export interface PlanReport {
  readonly topology: Topology;
  readonly warnings: readonly Diagnostic[];
  readonly reachability: Reachability;
  readonly matrix: ReachabilityMatrix;
  readonly cost: DrCostSummary;
}

/** Validate (throws on errors), then reachability and cost of the plan. */
export function reportPlan(plan: DrPlan, componentName: string): PlanReport {
  const { topology, warnings } = validatePlan(plan, componentName);
  const reachability = computeReachability(topology);
  return {
    topology,
    warnings,
    reachability,
    matrix: reachabilityMatrix(reachability),
    cost: summarizeCost(
      estimateCost(topology),
      new Set(
        Object.entries(plan.externalPeerings ?? {})
          .filter(([, e]) => e.mode === "accept-existing")
          .map(([id]) => id),
      ),
    ),
  };
}
