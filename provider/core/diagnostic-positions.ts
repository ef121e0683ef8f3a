/**
 * Where in its file each diagnostic is: the resource's entry (`vpcs[gz-prod]` is the VPC whose `id` is gz-prod),
 * or the field a schema error names (`vpcs[0].cidrs[1]`). For the reports that point at lines: text, GitHub
 * annotations, SARIF.
 */
import type { Diagnostic } from "./diagnostics.js";
import { type DocumentPath, documentLocator, type SourcePosition } from "./load/locate.js";
import type { ResourceRef } from "./resource-ref.js";

/** Each kind's entries by id (the first entry with an id), built once per kind asked for. */
export type IdIndex = (kind: string, id: string) => number | undefined;

export function idIndex(root: unknown): IdIndex {
  const byKind = new Map<string, Map<string, number>>();
  return (kind, id) => {
    let ids = byKind.get(kind);
    if (!ids) {
      ids = new Map();
      const list =
        root !== null && typeof root === "object" ? (root as Record<string, unknown>)[kind] : undefined;
      if (Array.isArray(list)) {
        list.forEach((entry, i) => {
          const key =
            entry !== null && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
          if (typeof key === "string" && !ids!.has(key)) ids!.set(key, i);
        });
      }
      byKind.set(kind, ids);
    }
    return ids.get(id);
  };
}

/**
 * The path in the document of `ref`: a resource named by id is found by its `id` (the first entry with it, as the
 * validators report a duplicate by position); one named by position is at that index. `undefined` for a
 * resource the document does not hold (a planner's generated topology).
 */
export function documentPathOf(ref: ResourceRef, indexOf: IdIndex): DocumentPath | undefined {
  const rest = ref.path ?? [];
  if (ref.kind === "document") return rest;
  if (ref.key === undefined) return [ref.kind, ...rest];
  if (typeof ref.key === "number") return [ref.kind, ref.key, ...rest];
  const index = indexOf(ref.kind, ref.key);
  return index === undefined ? undefined : [ref.kind, index, ...rest];
}

/** How many steps `documentPathOf` gives for `ref`: how deep the locator must look. */
function pathLength(ref: ResourceRef): number {
  const rest = ref.path?.length ?? 0;
  return ref.kind === "document" ? rest : ref.key === undefined ? 1 + rest : 2 + rest;
}

/**
 * The position of each diagnostic in `text`, the document they were found in (same order; `undefined` where
 * unknown). The text is read again only when there are diagnostics.
 */
export function diagnosticPositions(
  text: string,
  diagnostics: readonly Diagnostic[],
): (SourcePosition | undefined)[] {
  if (diagnostics.length === 0) return [];
  const depth = Math.max(...diagnostics.map((d) => pathLength(d.ref)));
  const locator = documentLocator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, depth);
  if (!locator) return diagnostics.map(() => undefined);
  const indexOf = idIndex(locator.root);
  return diagnostics.map((d) => {
    const path = documentPathOf(d.ref, indexOf);
    return path && locator.position(path);
  });
}
