/**
 * The base of the three provider blocks: the source and version constraint from versions.ts, a settable alias
 * (a second account's provider), and arguments computed from the config, of which `assume_role` is a block.
 */
import { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud } from "../../provider/core/index.js";
import { type Attributes, defined, hclAttributes } from "./attributes.js";
import { PROVIDER_SOURCES } from "./versions.js";

export abstract class CloudProvider<C extends { readonly alias?: string }> extends TerraformProvider {
  readonly config: C;
  #alias: string | undefined;

  protected constructor(scope: Construct, id: string, cloud: Cloud, config: C) {
    super(scope, id, {
      terraformResourceType: cloud,
      terraformGeneratorMetadata: {
        providerName: cloud,
        providerVersionConstraint: PROVIDER_SOURCES[cloud].version,
      },
      terraformProviderSource: PROVIDER_SOURCES[cloud].source,
    });
    this.config = config;
    this.#alias = config.alias;
  }

  override get alias(): string | undefined {
    return this.#alias;
  }

  override set alias(value: string | undefined) {
    this.#alias = value;
  }

  /** The provider's arguments by their Terraform names (unset ones undefined). */
  protected abstract providerArguments(): Attributes;

  protected override synthesizeAttributes(): Attributes {
    return defined(this.providerArguments());
  }

  protected override synthesizeHclAttributes(): Attributes {
    return hclAttributes(this.providerArguments(), ["assume_role"]);
  }
}
