/**
 * The keys a construct's or component's arguments may have and must have, and the INVALID_ARGUMENT finding for
 * every other one and every one left out. TypeScript refuses a misspelt or missing key in an object literal, but
 * JavaScript, a spread of a config object or an `as` cast pass it, and the construct would silently build
 * without it (`bandwith: 200` gives a peering with the cloud's default bandwidth) or fail deep inside with a
 * TypeError (`vpc` left out). Every front end (the Pulumi components and resources, the CDKTF constructs) asks
 * this one function. zod cannot be used here: the arguments hold constructs, Pulumi Outputs and CDKTF tokens,
 * which only the front ends know how to read; this reads keys only, and leaves the values to the checks after it.
 */
import { closestName } from "./closest-name.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { type FieldPath, fieldText } from "./resource-ref.js";

/** What a key holds: a value this check does not look into, a plain object, a list of them, or a map of them. */
export type ArgumentField<Required extends boolean = boolean> =
  | { readonly kind: "value"; readonly required: Required }
  | { readonly kind: "object"; readonly required: Required; readonly shape: ArgumentShape }
  | { readonly kind: "list"; readonly required: Required; readonly items: ArgumentShape }
  | { readonly kind: "map"; readonly required: Required; readonly values: ArgumentShape };

export type ArgumentShape = { readonly [key: string]: ArgumentField };

/** A value not looked into (a string, a number, a construct, an Output, a token). */
export const value = { kind: "value", required: false } as const;
export const requiredValue = { kind: "value", required: true } as const;
export const object = <R extends boolean = false>(shape: ArgumentShape, required?: R) =>
  ({ kind: "object", required: (required ?? false) as R, shape }) as const;
export const listOf = <R extends boolean = false>(items: ArgumentShape, required?: R) =>
  ({ kind: "list", required: (required ?? false) as R, items }) as const;
/** A map from the caller's own keys (spokes by name, links by name) to plain objects. */
export const mapOf = <R extends boolean = false>(values: ArgumentShape, required?: R) =>
  ({ kind: "map", required: (required ?? false) as R, values }) as const;

/**
 * A shape whose keys are exactly those of `T`, each required exactly when `T` requires it: `satisfies
 * ShapeOf<Props>` stops the compile when an interface gains a key its shape lacks, or a key changes optionality.
 */
export type ShapeOf<T> = {
  readonly [K in keyof T]-?: ArgumentField<{} extends Pick<T, K> ? false : true>;
};

/** A plain object literal (not an Output, a construct, a token object, a Date or a list). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

interface Finding {
  readonly path: FieldPath;
  readonly key: string;
  readonly known: readonly string[];
  readonly missing: boolean;
}

function walk(args: unknown, shape: ArgumentShape, path: FieldPath, out: Finding[]): void {
  if (!isPlainObject(args)) return;
  const known = Object.keys(shape);
  const unknown: string[] = [];
  for (const [key, v] of Object.entries(args)) {
    // Own keys only: `valueOf` or `constructor` is no argument because every object inherits one.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    // An undefined value is what `{ ...defaults, x: maybe }` gives: no argument was meant.
    if (field === undefined) {
      if (v !== undefined) unknown.push(key);
      continue;
    }
    if (field.kind === "object") walk(v, field.shape, [...path, key], out);
    else if (field.kind === "list" && Array.isArray(v))
      for (const [i, item] of v.entries()) walk(item, field.items, [...path, key, i], out);
    else if (field.kind === "map" && isPlainObject(v))
      for (const [name, item] of Object.entries(v)) walk(item, field.values, [...path, key, name], out);
  }
  // A required key left out is told once: when a misspelt key is taken for it, its rename mends both.
  const renamedTo = new Set(unknown.map((key) => closestName(key, known)));
  for (const key of unknown) out.push({ path, key, known, missing: false });
  for (const [key, field] of Object.entries(shape))
    if (field.required && args[key] === undefined && !renamedTo.has(key))
      out.push({ path, key, known, missing: true });
}

/** Where an argument problem is: inside the arguments of `kind` (named `name` where the caller knows it). */
export interface ArgumentPlace {
  readonly kind: string;
  readonly name: string | undefined;
  /** The object holding the key, and the key. */
  readonly path: FieldPath;
  readonly key: string;
  /** The keys that object takes. */
  readonly known: readonly string[];
}

/** The message and fix for a `key` that is none of `known`: the fix names the key most likely meant. */
export function unknownArgumentText({ kind, name, path, key, known }: ArgumentPlace): {
  message: string;
  fix: string;
} {
  const given = fieldText([...path, key]);
  const meant = closestName(key, known);
  return {
    message: `${whose(kind, name)} has no argument ${given}, so it would be ignored.`,
    fix:
      meant === undefined
        ? `Remove ${given}, or correct its spelling. ${keysThere(kind, path, known)}`
        : `Rename ${given} to ${fieldText([...path, meant])}. ${keysThere(kind, path, known)}`,
  };
}

/** The message and fix for a required `key` that is not given. */
export function missingArgumentText({ kind, name, path, key, known }: ArgumentPlace): {
  message: string;
  fix: string;
} {
  const wanted = fieldText([...path, key]);
  return {
    message: `${whose(kind, name)} needs ${wanted}, which is not given.`,
    fix: `Give ${wanted}. ${keysThere(kind, path, known)}`,
  };
}

function whose(kind: string, name: string | undefined): string {
  return `${kind}${name === undefined ? "" : ` "${name}"`}`;
}

function keysThere(kind: string, path: FieldPath, known: readonly string[]): string {
  return `${path.length === 0 ? kind : fieldText(path)} takes: ${known.join(", ")}.`;
}

/**
 * One INVALID_ARGUMENT error for each key of `args` (at any depth the shape describes) that `shape` does not have,
 * and for each required key it does not give, on `resource` (the construct path or the component's name) of type
 * `kind` ("TwoRegionDr"): unknown keys first, each with the key it most likely means.
 */
export function argumentProblems(
  args: unknown,
  shape: ArgumentShape,
  resource: string,
  kind: string,
): Diagnostic[] {
  const found: Finding[] = [];
  // No arguments at all (JavaScript's `new Peering(scope, "p")`): every required one is missing. An object that
  // is not a plain literal (a class instance implementing the props) is not looked into.
  if (args === undefined || args === null) walk({}, shape, [], found);
  else walk(args, shape, [], found);
  return found.map(({ path, key, known, missing }) => {
    const place = { kind, name: resource, path, key, known };
    const text = missing ? missingArgumentText(place) : unknownArgumentText(place);
    return diagnostic("INVALID_ARGUMENT", { kind: "document", path: [resource] }, text.message, text.fix, {
      field: [...path, key],
    });
  });
}
