/**
 * Which problems a change brings and which it mends. A diagnostic is the same problem in both documents when its
 * code and message are: messages name the resources by id and the values (VPCs, blocks, peerings), not by their
 * position in the document, so a route moved down the list is the same problem and a new route into the same
 * chain is a new one. A problem met n times in the base and m times in the head counts m - n times as introduced
 * (or n - m as resolved). Pure.
 */
import type { Diagnostic } from "../diagnostics.js";

export interface DiagnosticChanges {
  /** In the head and not in the base, in the head's order. */
  readonly introduced: readonly Diagnostic[];
  /** In the base and not in the head, in the base's order. */
  readonly resolved: readonly Diagnostic[];
  /** In both. */
  readonly unchanged: readonly Diagnostic[];
}

const problemKey = (d: Diagnostic) => `${d.code}\u0000${d.message}`;

export function diagnosticChanges(
  base: readonly Diagnostic[],
  head: readonly Diagnostic[],
): DiagnosticChanges {
  // How often each problem of the base is still unmatched; a match takes one.
  const left = new Map<string, number>();
  for (const d of base) left.set(problemKey(d), (left.get(problemKey(d)) ?? 0) + 1);
  const take = (d: Diagnostic): boolean => {
    const n = left.get(problemKey(d)) ?? 0;
    if (n > 0) left.set(problemKey(d), n - 1);
    return n > 0;
  };
  const introduced: Diagnostic[] = [];
  const unchanged: Diagnostic[] = [];
  for (const d of head) (take(d) ? unchanged : introduced).push(d);
  // What the head did not take is what it resolved.
  const resolved = base.filter(take);
  return { introduced, resolved, unchanged };
}
