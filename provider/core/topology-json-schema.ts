/**
 * The topology document as a JSON Schema (draft-07), for editors: VS Code, JetBrains and the YAML language server
 * complete keys, show each field's meaning on hover and underline a misspelt key or a wrong type while the file is
 * written, before `peerlink validate` runs. It is written from the zod schema the loader validates with
 * (`z.toJSONSchema`), so its shape cannot drift from what peerlink accepts; the descriptions are below.
 *
 * It is the document's shape only, the loader's schema step: the schema accepts exactly what that step accepts
 * (test/core/topology-json-schema.test.ts checks both ways on generated documents). What comes after it (a block's
 * syntax, overlaps, routes, every rule of the rulebook) stays `peerlink validate`'s.
 */
import { z } from "zod";
import { FIELD_DESCRIPTIONS } from "./field-descriptions.js";
import { topologySchema } from "./topology-schema.js";

/** The draft editors support best: VS Code's JSON service and the YAML language server read draft-07 fully. */
const DRAFT = "draft-7";

/** A JSON Schema node, as far as this module reads and writes it. */
export interface JsonSchemaNode {
  [key: string]: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  description?: string;
}

/** Every field path of a schema node, with the node: objects by property, arrays as `[]`. */
export function* schemaFields(node: JsonSchemaNode, path = ""): Generator<[string, JsonSchemaNode]> {
  yield [path, node];
  for (const [key, child] of Object.entries(node.properties ?? {}))
    yield* schemaFields(child, path === "" ? key : `${path}.${key}`);
  if (node.items) yield* schemaFields(node.items, `${path}[]`);
}

/**
 * The JSON Schema of the topology document as an editor reads it: the input side (an account may be a number,
 * the lists may be left out), with `$schema` allowed at the top so a JSON file can name its schema.
 */
export function topologyJsonSchema(): JsonSchemaNode {
  const schema = z.toJSONSchema(topologySchema, {
    io: "input",
    target: DRAFT,
    unrepresentable: "throw",
  }) as JsonSchemaNode;
  for (const [path, node] of schemaFields(schema)) {
    const description = FIELD_DESCRIPTIONS[path];
    if (description !== undefined) node.description = description;
  }
  // The one rule of the zod schema written as a refinement, which z.toJSONSchema leaves out: a VPC needs a block
  // unless it is a peer not visible (vpcSchema's superRefine). Draft-07 says it with if/else.
  const vpc = schema.properties?.vpcs?.items;
  if (!vpc?.properties?.visible || !vpc.properties.cidrs)
    throw new Error("topologyJsonSchema: vpcs[].visible and vpcs[].cidrs are gone; update the if/else below");
  vpc.if = { properties: { visible: { const: false } }, required: ["visible"] };
  vpc.else = { properties: { cidrs: { type: "array", minItems: 1 } } };
  const { $schema, ...rest } = schema;
  return { $schema, title: "peerlink topology", ...rest };
}

/** The file's text: two-space JSON with a final newline, as `topology.schema.json` is committed. */
export function topologyJsonSchemaText(): string {
  return `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
}
