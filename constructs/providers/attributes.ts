/**
 * Shared by the hand-written provider wrappers: drop unset arguments, and describe arguments for `cdktf synth
 * --hcl`, which wants each value with its kind (the shape cdktf's generated bindings produce).
 */
import type { TerraformMetaArguments } from "cdktf";

export type Attributes = Record<string, unknown>;

/** The arguments that are set; Terraform JSON must not carry `null` for an unset optional argument. */
export function defined(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

function storageClass(value: unknown): string {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

/**
 * The HCL form of plain arguments. `blocks` names the arguments that are nested blocks (a single block, such
 * as a provider's `assume_role`); everything else is an attribute.
 */
export function hclAttributes(attributes: Attributes, blocks: readonly string[] = []): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(defined(attributes))) {
    out[key] = blocks.includes(key)
      ? { value: [value], isBlock: true, type: "list", storageClassType: `${key}List` }
      : typeof value === "object" && value !== null
        ? { value, isBlock: false, type: "map", storageClassType: "stringMap" }
        : { value, isBlock: false, type: "simple", storageClassType: storageClass(value) };
  }
  return out;
}

/** The meta-arguments of a wrapper's config (provider, dependsOn, count, ...), passed on to TerraformResource. */
export function metaArguments(config: TerraformMetaArguments): TerraformMetaArguments {
  return {
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    forEach: config.forEach,
    provisioners: config.provisioners,
    connection: config.connection,
  };
}
