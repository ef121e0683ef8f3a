/**
 * What a change to a topology document does, for the review of a pull request (USER-JOURNEYS.md journey 5): the
 * resources it adds, removes and changes, the traffic it opens or cuts, what it does to the planned bill, and the
 * problems it brings or mends. Both sides go through the same validators, reachability and cost estimate as
 * `peerlink validate`, `reachability` and `cost`, so the diff says nothing those commands would not. Pure.
 */
import { estimateCost } from "../cost/estimate.js";
import { computeReachability } from "../reachability.js";
import type { ValidationResult } from "../validate.js";
import { type CostChange, costChange } from "./cost-change.js";
import { type DiagnosticChanges, diagnosticChanges } from "./diagnostic-changes.js";
import { type FlowChange, flowChanges } from "./reachability-changes.js";
import { type ResourceChange, resourceChanges } from "./resource-changes.js";

export interface TopologyChange {
  readonly resources: readonly ResourceChange[];
  readonly flows: readonly FlowChange[];
  readonly cost: CostChange;
  readonly diagnostics: DiagnosticChanges;
  /** True when the head has no error that the base did not have. */
  readonly ok: boolean;
}

/** A resolved document: `validateDocument`'s result when the document matched the schema. */
export type ResolvedResult = ValidationResult & {
  readonly topology: NonNullable<ValidationResult["topology"]>;
};

export function topologyChange(base: ResolvedResult, head: ResolvedResult): TopologyChange {
  const diagnostics = diagnosticChanges(base.diagnostics, head.diagnostics);
  return {
    resources: resourceChanges(base.topology.document, head.topology.document),
    flows: flowChanges(computeReachability(base.topology), computeReachability(head.topology)),
    cost: costChange(estimateCost(base.topology), estimateCost(head.topology)),
    diagnostics,
    ok: !diagnostics.introduced.some((d) => d.severity === "error"),
  };
}
