/**
 * A topology built from a plan with unknown values (Pulumi Outputs, CDKTF tokens) leaves out what it cannot know,
 * never guessing it. The warnings that say a route is missing are then unreliable for a peering some of whose
 * routes were left out; every front end drops them the same way, here.
 */
import type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
import type { TopologyDocument } from "./topology-schema.js";

export const MISSING_ROUTE_WARNINGS: ReadonlySet<DiagnosticCode> = new Set([
  "MISSING_RETURN_ROUTE",
  "PEERING_UNUSED",
]);

/** The peering a diagnostic concerns: `peerings[id]` itself, or the peering of `routes[i]`. */
export function peeringOfDiagnostic(
  diagnostic: Diagnostic,
  routes: TopologyDocument["routes"],
): string | undefined {
  const { kind, key, path } = diagnostic.ref;
  if (kind === "peerings" && typeof key === "string" && path === undefined) return key;
  if (kind === "routes" && typeof key === "number") return routes[key]?.peering;
  return undefined;
}

/** Drops the missing-route warnings of peerings whose routes are not all known. */
export function withoutUnreliableWarnings(
  diagnostics: readonly Diagnostic[],
  routes: TopologyDocument["routes"],
  incompletePeerings: ReadonlySet<string>,
): Diagnostic[] {
  if (incompletePeerings.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    if (!MISSING_ROUTE_WARNINGS.has(d.code)) return true;
    const peering = peeringOfDiagnostic(d, routes);
    return peering === undefined || !incompletePeerings.has(peering);
  });
}
