/**
 * The limits every topology document is read under. A document past one of them is refused with a coded
 * `DocumentReadError` (exit code 2 in the CLI) instead of exhausting the process.
 */
export interface LoadLimits {
  /**
   * Largest document accepted, in bytes. Just under V8's longest string (2^29 - 24 UTF-16 units), so every
   * accepted document can be held as one string.
   * @default 512_000_000 (512 MB)
   */
  readonly maxBytes: number;
  /**
   * Deepest nesting of objects and arrays accepted. A topology needs 4 (document, list, entry, list of CIDRs);
   * the limit leaves room and keeps every later recursive step (schema, diagnostics) far from the stack limit.
   * @default 64
   */
  readonly maxDepth: number;
  /**
   * YAML only: most uses of an alias of a collection (`*name`), and, together with `maxAliasNodes`, what keeps an
   * alias bomb ("billion laughs") from expanding.
   * @default 1000
   */
  readonly maxAliases: number;
  /**
   * YAML only: most nodes the aliases may add to the document once expanded, past the larger of this number and
   * the document's own node count.
   * @default 10_000
   */
  readonly maxAliasNodes: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxBytes: 512_000_000,
  maxDepth: 64,
  maxAliases: 1000,
  maxAliasNodes: 10_000,
};
