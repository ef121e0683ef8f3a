/**
 * The keys a construct's or component's arguments may have, and the UNKNOWN_ARGUMENT finding for every other one.
 * TypeScript refuses a misspelt key in an object literal, but JavaScript, a spread of a config object, or an
 * `as` cast pass it, and the construct would silently build without it (`bandwith: 200` gives a peering with the
 * cloud's default bandwidth). Every front end (the Pulumi components and resources, the CDKTF constructs) asks
 * this one function. zod cannot be used here: the arguments hold constructs, Pulumi Outputs and CDKTF tokens,
 * which only the front ends know how to read; this reads keys only, and leaves the values to the checks after it.
 */
import { closestName } from "./closest-name.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { type FieldPath, fieldText } from "./resource-ref.js";

/**
 * The keys an argument object may have: `true` for a value this check does not look into (a string, a construct,
 * an Output), a nested shape for a plain object, `{ items }` for a list of plain objects, `{ values }` for a map
 * from the caller's own keys (spokes by name) to plain objects.
 */
export type ArgumentShape = { readonly [key: string]: ArgumentField };
export type ArgumentField =
  | true
  | ArgumentShape
  | { readonly items: ArgumentShape }
  | { readonly values: ArgumentShape };

/**
 * A shape whose keys are exactly those of `T` (none missing, none extra: `satisfies ShapeOf<Props>` stops the
 * compile when an interface gains a key its shape lacks).
 */
export type ShapeOf<T> = { readonly [K in keyof Required<T>]: ArgumentField };

function isList(field: ArgumentField): field is { readonly items: ArgumentShape } {
  return field !== true && "items" in field && Object.keys(field).length === 1;
}

function isMap(field: ArgumentField): field is { readonly values: ArgumentShape } {
  return field !== true && "values" in field && Object.keys(field).length === 1;
}

/** A plain object literal (not an Output, a construct, a token object, a Date or a list). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

interface Unknown {
  readonly path: FieldPath;
  readonly key: string;
  readonly known: readonly string[];
}

function walk(value: unknown, shape: ArgumentShape, path: FieldPath, out: Unknown[]): void {
  if (!isPlainObject(value)) return;
  const known = Object.keys(shape);
  for (const [key, v] of Object.entries(value)) {
    const field = shape[key];
    if (field === undefined) {
      // An undefined value is what `{ ...defaults, x: maybe }` gives: no argument was meant.
      if (v !== undefined) out.push({ path, key, known });
      continue;
    }
    if (field === true) continue;
    if (isList(field)) {
      if (Array.isArray(v))
        for (const [i, item] of v.entries()) walk(item, field.items, [...path, key, i], out);
    } else if (isMap(field)) {
      if (isPlainObject(v))
        for (const [name, item] of Object.entries(v)) walk(item, field.values, [...path, key, name], out);
    } else walk(v, field, [...path, key], out);
  }
}

/**
 * The message and fix for an argument `key` at `path` (inside the arguments of `kind`, named `name` where the
 * caller knows it) that is none of `known`: the fix names the key most likely meant, and the keys there.
 */
export function unknownArgumentText(
  kind: string,
  name: string | undefined,
  path: FieldPath,
  key: string,
  known: readonly string[],
): { message: string; fix: string } {
  const given = fieldText([...path, key]);
  const meant = closestName(key, known);
  const list = `${path.length === 0 ? kind : fieldText(path)} takes: ${known.join(", ")}.`;
  return {
    message: `${kind}${name === undefined ? "" : ` "${name}"`} has no argument ${given}, so it would be ignored.`,
    fix:
      meant === undefined
        ? `Remove ${given}, or correct its spelling. ${list}`
        : `Rename ${given} to ${fieldText([...path, meant])}. ${list}`,
  };
}

/**
 * One UNKNOWN_ARGUMENT error for each key of `args` (at any depth the shape describes) that `shape` does not have,
 * on `resource` (the construct path or the component's name) of type `kind` ("TwoRegionDr").
 */
export function unknownArguments(
  args: unknown,
  shape: ArgumentShape,
  resource: string,
  kind: string,
): Diagnostic[] {
  const found: Unknown[] = [];
  walk(args, shape, [], found);
  return found.map(({ path, key, known }) => {
    const { message, fix } = unknownArgumentText(kind, resource, path, key, known);
    return diagnostic("UNKNOWN_ARGUMENT", { kind: "document", path: [resource] }, message, fix, {
      field: [...path, key],
    });
  });
}
