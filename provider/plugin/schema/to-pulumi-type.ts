/**
 * JSON Schema (what zod 4's `z.toJSONSchema` writes) to Pulumi package-schema types
 * (https://www.pulumi.com/docs/iac/extending-pulumi/schema/: "type", "items", "additionalProperties", "$ref",
 * "oneOf"). Named object schemas (zod registry ids) become `#/types/peerlink:index:<Id>`; string enums become
 * named enum types, found by their values, so the same union declared twice in the runtime maps to one type.
 */
export type JsonSchema = {
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  $ref?: string;
  default?: unknown;
  $defs?: Record<string, JsonSchema>;
};

export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
  oneOf?: TypeSpec[];
}

export const PACKAGE = "peerlink";
export const token = (name: string) => `${PACKAGE}:index:${name}`;

/** Named enum types by their sorted values (the wire strings; see the core's string-literal unions). */
export interface EnumNames {
  nameOf(values: readonly string[]): string | undefined;
}

export function enumNames(named: Readonly<Record<string, readonly string[]>>): EnumNames {
  const byKey = new Map(Object.entries(named).map(([name, values]) => [[...values].sort().join("|"), name]));
  return { nameOf: (values) => byKey.get([...values].sort().join("|")) };
}

/** The Pulumi type of one JSON Schema node; `where` names it in errors (`Peering.inputs.tags`). */
export function pulumiType(node: JsonSchema, enums: EnumNames, where: string): TypeSpec {
  if (node.$ref !== undefined) {
    const id = node.$ref.replace(/^#\/\$defs\//, "");
    return { $ref: `#/types/${token(id)}` };
  }
  const union = node.anyOf ?? node.oneOf;
  if (union) {
    // A literal beside its base type (`number | "unpriced"`) is the base type on the wire.
    const specs = union.map((u, i) => pulumiType(u, enums, `${where}|${i}`));
    const unique = [...new Map(specs.map((s) => [JSON.stringify(s), s])).values()];
    return unique.length === 1 ? unique[0]! : { oneOf: unique };
  }
  switch (node.type) {
    case "string": {
      if (node.enum && node.enum.length > 0) {
        const name = enums.nameOf(node.enum as string[]);
        if (name !== undefined) return { $ref: `#/types/${token(name)}` };
        return { type: "string" };
      }
      return { type: "string" };
    }
    case "integer":
      return { type: "integer" };
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "array":
      if (!node.items) throw new Error(`schema: ${where}: an array without items`);
      return { type: "array", items: pulumiType(node.items, enums, `${where}[]`) };
    case "object":
      if (node.properties && Object.keys(node.properties).length > 0) {
        throw new Error(
          `schema: ${where}: an inline object type; register its zod schema with a name (package-schema.ts NAMED_TYPES)`,
        );
      }
      if (typeof node.additionalProperties === "object") {
        return {
          type: "object",
          additionalProperties: pulumiType(node.additionalProperties, enums, `${where}{}`),
        };
      }
      return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } };
    default:
      throw new Error(`schema: ${where}: no Pulumi type for JSON Schema ${JSON.stringify(node)}`);
  }
}

/** A default the schema can carry: Pulumi defaults are primitives of the property's type. */
export function primitiveDefault(value: unknown): string | number | boolean | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : undefined;
}

/** A `@default` doc text that is a literal (`600`, `"local"`, `false`), as a value; prose stays prose. */
export function literalDefault(text: string | undefined): string | number | boolean | undefined {
  if (text === undefined) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  const quoted = text.match(/^"([^"]*)"$/);
  return quoted ? quoted[1] : undefined;
}
