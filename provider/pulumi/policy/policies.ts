/**
 * The peerlink stack policies: the topology of every peerlink resource in the stack (topologyFromStack) through
 * the core validators, the same rules as `peerlink validate`, the components and the CDKTF constructs. Errors
 * are mandatory violations (the preview fails), warnings advisory. Separate from index.ts, which serves the pack:
 * importing this module starts nothing.
 */
import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import type { Diagnostic, Severity } from "../../core/diagnostics.js";
import { withoutUnreliableWarnings } from "../../core/incomplete-topology.js";
import { type ResourceRef, renderResource } from "../../core/resource-ref.js";
import { validateDocument } from "../../core/validate.js";
import { type StackResource, type StackTopology, topologyFromStack } from "./topology-from-stack.js";

export interface StackDiagnostics {
  readonly stack: StackTopology;
  readonly diagnostics: readonly Diagnostic[];
}

/** The core's diagnostics for the stack's peerlink resources (warnings on incomplete peerings left out). */
export function diagnoseStack(resources: readonly StackResource[]): StackDiagnostics {
  const stack = topologyFromStack(resources);
  const diagnostics = withoutUnreliableWarnings(
    validateDocument(stack.topology).diagnostics,
    stack.topology.routes,
    stack.incompletePeerings,
  );
  return { stack, diagnostics };
}

/** The stack resource a diagnostic concerns (`routes[3].destination` -> the RouteRule's URN). */
export function ownerOf(stack: StackTopology, ref: ResourceRef): string | undefined {
  if (ref.kind === "document" || ref.key === undefined) return undefined;
  return stack.owners.get(renderResource({ kind: ref.kind, key: ref.key }));
}

/** `CODE [resource] message Fix: fix`: the code first, for CI logs to grep. */
export function violationMessage(d: Diagnostic): string {
  return `${d.code} [${d.resource}] ${d.message} Fix: ${d.fix}`;
}

function reportSeverity(severity: Severity) {
  return (args: StackValidationArgs, reportViolation: ReportViolation): void => {
    const { stack, diagnostics } = diagnoseStack(args.resources as unknown as readonly StackResource[]);
    for (const d of diagnostics) {
      if (d.severity !== severity) continue;
      const urn = ownerOf(stack, d.ref);
      if (urn === undefined) reportViolation(violationMessage(d));
      else reportViolation(violationMessage(d), urn);
    }
  };
}

/** Errors (CIDR_OVERLAP, TRANSITIVE_ROUTE, DUPLICATE_PEERING...) block the update. */
export const topologyErrorsPolicy: StackValidationPolicy = {
  name: "peerlink-topology-errors",
  description:
    "The stack's VPC peerings, routes and bandwidth policies pass peerlink's topology rules (errors: CIDR_OVERLAP, TRANSITIVE_ROUTE, DUPLICATE_PEERING, ...).",
  enforcementLevel: "mandatory",
  validateStack: reportSeverity("error"),
};

/** Warnings (MISSING_RETURN_ROUTE, PEERING_UNUSED, BANDWIDTH_NOT_SETTABLE) are shown, never block. */
export const topologyWarningsPolicy: StackValidationPolicy = {
  name: "peerlink-topology-warnings",
  description:
    "peerlink's topology warnings on the stack (MISSING_RETURN_ROUTE, PEERING_UNUSED, BANDWIDTH_NOT_SETTABLE).",
  enforcementLevel: "advisory",
  validateStack: reportSeverity("warning"),
};

export const peerlinkPolicies: readonly StackValidationPolicy[] = [
  topologyErrorsPolicy,
  topologyWarningsPolicy,
];
