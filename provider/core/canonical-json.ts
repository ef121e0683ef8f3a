/**
 * JSON text that is equal for equal data: object keys sorted at every depth and undefined fields dropped, so that
 * the same parameters in another insertion order compare (and hash) the same. Used for client-token fingerprints
 * in the local backend and for input comparison in the Pulumi diff.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]),
  );
}
