/**
 * The keys a zod object schema allows at a path, and a zod issue as one line that names the key an unknown one most
 * likely means: for the inputs and files whose schemas are not the topology document's (Pulumi inputs, discover
 * profiles, emulator accounts files). The keys are read from zod's own JSON Schema of the schema, so they are the
 * schema's and cannot drift from it.
 */
import { z } from "zod";
import { closestName } from "./closest-name.js";

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

const shapes = new WeakMap<z.ZodType, SchemaNode>();

/** A node with the members of its unions, which all may hold the key. */
function alternatives(node: SchemaNode): SchemaNode[] {
  return [node, ...(node.anyOf ?? []).flatMap(alternatives), ...(node.oneOf ?? []).flatMap(alternatives)];
}

/** The property names an object at `path` of `schema`'s input may have (of every union member there). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let root = shapes.get(schema);
  if (!root) {
    root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as SchemaNode;
    shapes.set(schema, root);
  }
  let nodes = [root];
  for (const key of path) {
    nodes = nodes.flatMap(alternatives).flatMap((n) => {
      const next = typeof key === "number" ? n.items : n.properties?.[String(key)];
      return next ? [next] : [];
    });
  }
  return [...new Set(nodes.flatMap(alternatives).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** The key of `schema` at `path` that the unknown `key` most likely means. */
export function meantKey(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  return closestName(key, schemaKeysAt(schema, path));
}

/**
 * One issue as `path: message`, an unknown key with the key it most likely means (`connections.0: Unrecognized
 * key: "secretID" (did you mean "secretId"?)`). Keys and messages only, never a value: these files hold secrets.
 */
export function issueLine(schema: z.ZodType, issue: z.core.$ZodIssue, root = "document"): string {
  const at = issue.path.map(String).join(".") || root;
  // "Invalid input" for a union says nothing: the member the value comes closest to (fewest problems) says what
  // to change, with its own problems at their full paths.
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, errors) => (errors.length < best.length ? errors : best));
    if (closest.length > 0)
      return issueLines(
        schema,
        closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        root,
      );
  }
  if (issue.code !== "unrecognized_keys") return `${at}: ${issue.message}`;
  const meant = issue.keys.map((key) => [key, meantKey(schema, issue.path, key)] as const);
  const hints = meant.filter(([, m]) => m !== undefined).map(([key, m]) => `"${key}" → "${m}"`);
  return `${at}: ${issue.message}${hints.length > 0 ? ` (did you mean ${hints.join(", ")}?)` : ""}`;
}

/**
 * Every issue as one `; `-joined text, a misspelt key and the required key it was meant to be told once (`secretID`
 * where `secretId` is missing is one mistake, and the rename mends both).
 */
export function issueLines(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  root = "document",
): string {
  const renamed = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const meant = meantKey(schema, issue.path, key);
      if (meant !== undefined) renamed.add(JSON.stringify([...issue.path.map(String), meant]));
    }
  }
  return issues
    .filter((issue) => issue.code !== "invalid_type" || !renamed.has(JSON.stringify(issue.path.map(String))))
    .map((issue) => issueLine(schema, issue, root))
    .join("; ");
}
