/**
 * Where in its file each diagnostic is: the resource's entry (`vpcs[gz-prod]` is the VPC whose `id` is gz-prod)
 * or the node a schema error names (`vpcs[0].cidrs[1]`), the field at fault inside it (`Diagnostic.field`), and
 * the other places it involves (`Diagnostic.related`). For the reports that point at lines: text, JSON, GitHub
 * annotations, SARIF.
 */
import type { Diagnostic } from "./diagnostics.js";
import { type DocumentPath, documentLocator, type SourcePosition } from "./load/locate.js";
import type { ParsedDocument } from "./load-document.js";
import { type ResourceRef, renderResource } from "./resource-ref.js";

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

/** A place a diagnostic involves besides its own (`Diagnostic.related`): its text, and where it is. */
export interface RelatedPlace {
  /** As `Diagnostic.resource` is written: `vpcs[bj].cidrs[1]`. */
  readonly resource: string;
  readonly at: SourcePosition | undefined;
}

/** Where one diagnostic is in its file; a position is `undefined` when the file does not hold the place. */
export interface DiagnosticPlace {
  /** The place `ref` names: the resource's entry, or the node a schema error names. */
  readonly entry: SourcePosition | undefined;
  /** Where the report points: the field at fault (`Diagnostic.field`) when the file holds it, else `entry`. */
  readonly at: SourcePosition | undefined;
  readonly related: readonly RelatedPlace[];
}

const NOWHERE: DiagnosticPlace = { entry: undefined, at: undefined, related: [] };

/**
 * Where each diagnostic is in `text`, the document they were found in (same order). The text is read again
 * only when there are diagnostics, and a JSON text only along the paths of their places; `parsed` is the value the validation
 * read, which a JSON text is located beside without being parsed again.
 */
export function diagnosticPlaces(
  text: string,
  diagnostics: readonly Diagnostic[],
  parsed?: ParsedDocument,
): DiagnosticPlace[] {
  if (diagnostics.length === 0) return [];
  // Each diagnostic's paths in the document: its entry, its field, its related places (found once the text is
  // read, as an id becomes an index only in the document's value).
  let paths: { entry?: DocumentPath; field?: DocumentPath; related: (DocumentPath | undefined)[] }[] = [];
  const wanted = (root: unknown) => {
    const indexOf = idIndex(root);
    paths = diagnostics.map((d) => {
      const entry = documentPathOf(d.ref, indexOf);
      return {
        entry,
        field: entry && d.field ? [...entry, ...d.field] : undefined,
        related: (d.related ?? []).map((r) => documentPathOf(r, indexOf)),
      };
    });
    return paths.flatMap((p) => [p.entry, p.field, ...p.related].filter((q) => q !== undefined));
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // No depth limit: the wanted paths bound what is read, of a JSON text and (when its layout allows) a YAML one.
  const locator = documentLocator(body, Number.POSITIVE_INFINITY, wanted, parsed);
  if (!locator) return diagnostics.map(() => NOWHERE);
  // The full YAML reader reads every node and never asks: the paths are found here then.
  if (paths.length === 0) wanted(locator.root);
  const find = (path: DocumentPath | undefined) => path && locator.position(path);
  return diagnostics.map((d, i) => {
    const p = paths[i]!;
    const entry = find(p.entry);
    return {
      entry,
      at: p.field ? (find(p.field) ?? entry) : entry,
      related: (d.related ?? []).map((r, k) => ({ resource: renderResource(r), at: find(p.related[k]) })),
    };
  });
}
