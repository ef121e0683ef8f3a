/**
 * What every cloud-neutral peerlink construct shares: a `cloud`, a place in the stack's one topology, and a
 * `node.addValidation` hook that fails the synth with its own problems and the core's errors about it.
 */
import { type TerraformProvider, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { ArgumentShape } from "../provider/core/argument-keys.js";
import type { Diagnostic } from "../provider/core/diagnostics.js";
import type { Cloud } from "../provider/core/topology-schema.js";
import { checkConstructArguments } from "./argument-keys.js";
import { defaultProviderAccounts, providerFor } from "./default-providers.js";
import { type ConstructProblem, problemText } from "./errors.js";
import { markMember, type TopologyBuilder } from "./validation/topology-builder.js";
import { TopologyValidation, type ValidatedMember } from "./validation/topology-validation.js";
import type { VpcSite } from "./vpc-site.js";

export abstract class PeerlinkConstruct extends Construct implements ValidatedMember {
  readonly cloud: Cloud;
  /** Problems known when the construct is built (what the provider cannot express). */
  readonly #problems: ConstructProblem[] = [];
  /** Problems and core errors of the last synth. */
  #synthProblems: ConstructProblem[] = [];
  #coreDiagnostics: Diagnostic[] = [];
  /** Sites whose resources run with a default provider (no credentials of their own). */
  readonly #defaultProviderSites: VpcSite[] = [];

  /**
   * Checks `props` against `shape` first (INVALID_ARGUMENT, thrown: argument-keys.ts), so that a JavaScript caller's
   * misspelt or missing prop is named before anything reads it; `kind` is the construct's class name in messages.
   */
  protected constructor(
    scope: Construct,
    id: string,
    props: { readonly cloud: Cloud },
    shape: ArgumentShape,
    kind: string,
  ) {
    super(scope, id);
    checkConstructArguments(this, props, shape, kind);
    this.cloud = props.cloud;
    markMember(this);
    TopologyValidation.of(this);
    this.node.addValidation({ validate: () => this.validationErrors() });
  }

  /** The construct's path inside its stack: its id in the topology and in validation messages. */
  get topologyId(): string {
    const stackPath = TopologyValidation.of(this).stack.node.path;
    return this.node.path.slice(stackPath.length + 1);
  }

  /** The provider for `site`'s side, remembering when it is a default one (see PROVIDER_REQUIRED). */
  protected providerFor(site: VpcSite): TerraformProvider {
    // A site of another cloud is a CLOUD_MISMATCH; its provider cannot serve this construct's resources.
    const own = site.cloud === this.cloud ? site : { ...site, cloud: this.cloud, provider: undefined };
    if (!own.provider) this.#defaultProviderSites.push(own);
    return providerFor(this, own);
  }

  /**
   * Default providers carry no credentials, so they serve the environment's account only: when they are asked
   * to serve a second account of the same cloud, everything on that account's side needs its own provider.
   */
  #providerProblems(): ConstructProblem[] {
    const stack = TerraformStack.of(this);
    const out: ConstructProblem[] = [];
    for (const site of this.#defaultProviderSites) {
      const accounts = defaultProviderAccounts(stack, site.cloud);
      if (accounts.length < 2 || site.account === accounts[0]) continue;
      out.push({
        code: "PROVIDER_REQUIRED",
        message: `Resources of ${site.cloud} account ${site.account} (VPC "${site.name ?? site.vpcId}") would use the default provider, which already serves account ${accounts[0]} with the environment's credentials.`,
        fix: `Create a provider for account ${site.account} (e.g. with assumeRole and an alias) and set it as the VpcSite's provider.`,
      });
    }
    return out;
  }

  protected addProblem(problem: ConstructProblem): void {
    this.#problems.push(problem);
  }

  /** Checks that a VPC or peering used by this construct is of the construct's cloud. */
  protected checkCloud(what: string, cloud: Cloud): void {
    if (cloud === this.cloud) return;
    this.addProblem({
      code: "CLOUD_MISMATCH",
      message: `cloud is "${this.cloud}", but ${what} is on "${cloud}".`,
      fix: `Set cloud to "${cloud}", or use a ${what.split(" ")[0]} of ${this.cloud}.`,
    });
  }

  abstract contribute(builder: TopologyBuilder): void;

  addSynthProblem(problem: ConstructProblem): void {
    this.#synthProblems.push(problem);
  }

  resetSynthState(): void {
    this.#synthProblems = [];
    this.#coreDiagnostics = [];
  }

  addCoreDiagnostic(diagnostic: Diagnostic): void {
    this.#coreDiagnostics.push(diagnostic);
  }

  /** The error lines of this construct: the core's first, then its own (unless the core said the same). */
  validationErrors(): string[] {
    const coreCodes = new Set(this.#coreDiagnostics.map((d) => d.code));
    const own = [...this.#problems, ...this.#providerProblems(), ...this.#synthProblems].filter(
      (p) => !(p.sameAs !== undefined && coreCodes.has(p.sameAs as Diagnostic["code"])),
    );
    return [...this.#coreDiagnostics.map(problemText), ...own.map(problemText)];
  }
}
