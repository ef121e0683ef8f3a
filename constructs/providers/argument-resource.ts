/**
 * The base of the hand-written resource wrappers: a resource whose Terraform arguments are a plain map computed
 * from its config. The JSON drops unset arguments; `cdktf synth --hcl` gets each argument with its kind.
 */
import { type TerraformMetaArguments, TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud } from "../../provider/core/index.js";
import { type Attributes, defined, hclAttributes, metaArguments } from "./attributes.js";

export abstract class ArgumentResource<C extends TerraformMetaArguments> extends TerraformResource {
  readonly config: C;

  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    providerName: Cloud,
    config: C,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: { providerName },
      ...metaArguments(config),
    });
    this.config = config;
  }

  get id(): string {
    return this.getStringAttribute("id");
  }

  /** The arguments by their Terraform names (unset ones undefined). */
  protected abstract terraformArguments(): Attributes;

  protected override synthesizeAttributes(): Attributes {
    return defined(this.terraformArguments());
  }

  protected override synthesizeHclAttributes(): Attributes {
    return hclAttributes(this.terraformArguments());
  }
}
