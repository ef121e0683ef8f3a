/**
 * Synth-time validation: an Aspect on the stack that, at every synth, gathers every peerlink construct of the
 * stack into one topology and runs the core validators on it (the same rules as `peerlink validate` and the
 * Pulumi components; nothing is re-implemented here). Errors are handed to the constructs, whose
 * `node.addValidation` hooks make `app.synth()` / `cdktf synth` fail with `[construct path] CODE message`;
 * warnings become warning annotations; elements left out for unresolved tokens get an info annotation.
 */
import { Annotations, Aspects, type IAspect, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import type { Diagnostic } from "../../provider/core/diagnostics.js";
import { isRequesterConcern } from "../../provider/core/dr/external-peering.js";
import { withoutUnreliableWarnings } from "../../provider/core/incomplete-topology.js";
import type { TopologyInput } from "../../provider/core/topology-schema.js";
import { validateDocument } from "../../provider/core/validate.js";
import { problemText } from "../errors.js";
import { isMember, TopologyBuilder, type TopologyMember } from "./topology-builder.js";

/** Context key: set `"peerlink:validation": false` in cdktf.json (or the App's context) to turn validation off. */
export const VALIDATION_CONTEXT_KEY = "peerlink:validation";

/** What the validation leaves on each construct for its `node.addValidation` hook. */
export interface ValidatedMember extends TopologyMember {
  resetSynthState(): void;
  addCoreDiagnostic(diagnostic: Diagnostic): void;
}

/**
 * An existing peering (ExistingPeering) was requested, and its other side is routed, outside the stack: its
 * bandwidth and billing are the requester's (as in the Pulumi components' validatePlan), and a route through it
 * has its return route in the requester's stack, so neither is this stack's to fix.
 */
function isReturnOfExisting(builder: TopologyBuilder, document: TopologyInput, d: Diagnostic): boolean {
  if (d.code !== "MISSING_RETURN_ROUTE" || d.ref.kind !== "routes" || typeof d.ref.key !== "number")
    return false;
  const route = document.routes?.[d.ref.key];
  return route !== undefined && builder.externalPeerings[route.peering] !== undefined;
}

const instances = new WeakMap<TerraformStack, TopologyValidation>();

export class TopologyValidation implements IAspect {
  /** The stack's validation, added as an Aspect the first time a peerlink construct asks for it. */
  static of(scope: IConstruct): TopologyValidation {
    const stack = TerraformStack.of(scope);
    let validation = instances.get(stack);
    if (!validation) {
      validation = new TopologyValidation(stack);
      instances.set(stack, validation);
      Aspects.of(stack).add(validation);
    }
    return validation;
  }

  /**
   * Run the core validators at synth. Per-construct checks (what a provider cannot express) still run.
   * @default true, unless the context key `peerlink:validation` is false
   */
  enabled: boolean;
  /** Diagnostics of the last synth, as the core returned them (topology ids, not construct paths). */
  lastDiagnostics: readonly Diagnostic[] = [];
  /** Annotations already added, so that synthesizing twice does not repeat them. */
  readonly #annotated = new WeakMap<IConstruct, Set<string>>();

  private constructor(readonly stack: TerraformStack) {
    this.enabled = stack.node.tryGetContext(VALIDATION_CONTEXT_KEY) !== false;
  }

  visit(node: IConstruct): void {
    if (node !== this.stack) return;
    this.run();
  }

  #annotate(construct: IConstruct, level: "warning" | "info", text: string): void {
    let seen = this.#annotated.get(construct);
    if (!seen) {
      seen = new Set();
      this.#annotated.set(construct, seen);
    }
    if (seen.has(text)) return;
    seen.add(text);
    if (level === "warning") Annotations.of(construct).addWarning(text);
    else Annotations.of(construct).addInfo(text);
  }

  /** Builds the topology and hands every diagnostic to its construct. Called by the Aspect at each synth. */
  run(): void {
    const members = this.stack.node.findAll().filter(isMember) as ValidatedMember[];
    for (const member of members) member.resetSynthState();
    const builder = new TopologyBuilder();
    for (const member of members) member.contribute(builder);
    if (!this.enabled) {
      this.lastDiagnostics = [];
      return;
    }
    for (const { member, reason } of builder.skipped)
      this.#annotate(
        member,
        "info",
        `peerlink did not validate this construct: ${reason} (tokens are never guessed).`,
      );
    const document = builder.document();
    const diagnostics = validateDocument(document).diagnostics.filter(
      (d) => !isRequesterConcern(builder.externalPeerings, d) && !isReturnOfExisting(builder, document, d),
    );
    this.lastDiagnostics = diagnostics;
    const shown = new Set(
      withoutUnreliableWarnings(diagnostics, document.routes ?? [], builder.incompletePeerings),
    );
    const fallback = members[0];
    for (const diagnostic of diagnostics) {
      const owner = (builder.ownerOf(diagnostic.ref) as ValidatedMember | undefined) ?? fallback;
      if (!owner) continue;
      if (diagnostic.severity === "error") {
        owner.addCoreDiagnostic(diagnostic);
        continue;
      }
      if (!shown.has(diagnostic)) continue;
      this.#annotate(owner, "warning", problemText(diagnostic));
    }
  }

  /** Adds a warning annotation once per construct and text (for constructs' own warnings). */
  warn(construct: IConstruct, text: string): void {
    this.#annotate(construct, "warning", text);
  }
}
