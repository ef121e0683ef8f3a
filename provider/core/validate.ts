/**
 * The entry points every front end calls: the CLI on a file, the Pulumi components and the CDKTF aspect on the
 * topology they build in code, the local backend before it creates a peering.
 */
import { CidrCache } from "./cidr.js";
import { type Diagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
import { schemaIssueDiagnostics } from "./schema-issue.js";
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

/** Told when validation enters a phase (the CLI's progress lines on large documents). */
export type OnPhase = (name: "schema" | "resolving" | "rules", detail?: string) => void;

/** Validates a parsed document of unknown shape: schema first, then every rule. */
export function validateDocument(input: unknown, onPhase?: OnPhase): ValidationResult {
  onPhase?.("schema");
  const parsed = topologySchema.safeParse(input);
  if (!parsed.success) {
    const diagnostics = schemaIssueDiagnostics(parsed.error.issues, input);
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
