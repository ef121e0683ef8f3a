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

/** The value at `path` of a parsed document, or undefined where the path leaves it. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Whether the issue is a key left out of an object that needs it: zod says "expected string" (or, for a union,
 * "Invalid input") where `input` has no such key.
 */
export function isMissingKey(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (issue.code !== "invalid_type" && issue.code !== "invalid_union") return false;
  const name = issue.path[issue.path.length - 1];
  if (typeof name !== "string") return false;
  const parent = valueAt(input, issue.path.slice(0, -1));
  return (
    parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, name)
  );
}

/**
 * The issues without those a rename mends: a required key reported missing where an unknown key of the same
 * object most likely means it (`cidr` where `cidrs` is missing is one mistake, and renaming it mends both).
 * `meant` names the key an unknown one most likely means.
 */
export function withoutMendedByRename(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  meant: (path: readonly PropertyKey[], key: string) => string | undefined,
): z.core.$ZodIssue[] {
  const renamed = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const to = meant(issue.path, key);
      if (to !== undefined) renamed.add(JSON.stringify([...issue.path.map(String), to]));
    }
  }
  if (renamed.size === 0) return [...issues];
  return issues.filter(
    (issue) => !(renamed.has(JSON.stringify(issue.path.map(String))) && isMissingKey(issue, input)),
  );
}

/** The key of `schema` at `path` that the unknown `key` most likely means. */
export function meantKey(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  return closestName(key, schemaKeysAt(schema, path));
}

/**
 * One issue as `path: message`, an unknown key with the key it most likely means (`connections.0: Unrecognized
 * key: "secretID" (did you mean "secretId"?)`). Keys and messages only, never a value: these files hold secrets.
 */
export function issueLine(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  input: unknown,
  root = "document",
): string {
  const at = issue.path.map(String).join(".") || root;
  // "Invalid input" for a union says nothing: the member the value comes closest to (fewest problems) says what
  // to change, with its own problems at their full paths.
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, errors) => (errors.length < best.length ? errors : best));
    if (closest.length > 0)
      return issueLines(
        schema,
        closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        input,
        root,
      );
  }
  if (issue.code !== "unrecognized_keys") return `${at}: ${issue.message}`;
  const meant = issue.keys.map((key) => [key, meantKey(schema, issue.path, key)] as const);
  const hints = meant.filter(([, m]) => m !== undefined).map(([key, m]) => `"${key}" → "${m}"`);
  return `${at}: ${issue.message}${hints.length > 0 ? ` (did you mean ${hints.join(", ")}?)` : ""}`;
}

/** Every issue of `input` as one `; `-joined text, without those a rename mends (withoutMendedByRename). */
export function issueLines(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  root = "document",
): string {
  return withoutMendedByRename(issues, input, (path, key) => meantKey(schema, path, key))
    .map((issue) => issueLine(schema, issue, input, root))
    .join("; ");
}
