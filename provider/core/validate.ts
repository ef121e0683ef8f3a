/**
 * The entry points every front end calls: the CLI on a file, the Pulumi components and the CDKTF aspect on the
 * topology they build in code, the local backend before it creates a peering.
 */
import { CidrCache } from "./cidr.js";
import { type Diagnostic, diagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
import { refOfPath } from "./resource-ref.js";
import { resolveTopology, type Topology } from "./topology.js";
import { type TopologyDocument, topologySchema } from "./topology-schema.js";
import { RULES } from "./validators/index.js";

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The resolved model, when the document matched the schema. */
  readonly topology?: Topology;
}

function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "document" : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Told when validation enters a phase (the CLI's progress lines on large documents). */
export type OnPhase = (name: "schema" | "resolving" | "rules", detail?: string) => void;

/** Validates a parsed document of unknown shape: schema first, then every rule. */
export function validateDocument(input: unknown, onPhase?: OnPhase): ValidationResult {
  onPhase?.("schema");
  const parsed = topologySchema.safeParse(input);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue) => {
      const path = pathText(issue.path);
      const got = issue.code === "unrecognized_keys" ? "" : ` (got ${shown(valueAt(input, issue.path))})`;
      return diagnostic(
        "INVALID_DOCUMENT",
        refOfPath(issue.path),
        `${path}: ${issue.message}${got}.`,
        issue.code === "unrecognized_keys"
          ? `Remove or correct the key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}; see the topology format in the README.`
          : `Correct ${path}; see the topology format in the README.`,
        // An unknown key is pointed at itself (the first, when there are several), not at its object.
        issue.code === "unrecognized_keys" ? { field: [issue.keys[0]!] } : undefined,
      );
    });
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  return validateTopology(parsed.data, new CidrCache(), onPhase);
}

/** Validates a document that already has the schema's shape (front ends build these in code). */
export function validateTopology(
  document: TopologyDocument,
  cache = new CidrCache(),
  onPhase?: OnPhase,
): ValidationResult {
  onPhase?.("resolving");
  const { topology, diagnostics } = resolveTopology(document, cache);
  onPhase?.(
    "rules",
    `(${RULES.length} rules; ${topology.vpcs.length} VPCs, ${topology.peerings.length} peerings, ${topology.routes.length} routes)`,
  );
  for (const rule of RULES) for (const found of rule(topology)) diagnostics.push(found);
  const sorted = sortDiagnostics(diagnostics);
  return { ok: !hasErrors(sorted), diagnostics: sorted, topology };
}
