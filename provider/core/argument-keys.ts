/**
 * The keys a construct's or component's arguments may have and must have, and the INVALID_ARGUMENT finding for
 * every other one and every one left out. TypeScript refuses a misspelt or missing key in an object literal, but
 * JavaScript, a spread of a config object or an `as` cast pass it, and the construct would silently build
 * without it (`bandwith: 200` gives a peering with the cloud's default bandwidth) or fail deep inside with a
 * TypeError (`vpc` left out). Every front end (the Pulumi components and resources, the CDKTF constructs) asks
 * this one function. zod cannot be used here: the arguments hold constructs, Pulumi Outputs and CDKTF tokens,
 * which only the front ends know how to read; this reads keys, plain types and fixed words (a cloud, a charge
 * type) only, and leaves the rules for values (a CIDR, a bandwidth tier) to the core's checks after it.
 */
import { closestName } from "./closest-name.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { optionFix } from "./option-fix.js";
import { type FieldPath, fieldText } from "./resource-ref.js";
import { shownValue } from "./shown-value.js";

/** The plain types a value may be checked for (what `typeof` tells apart, and a list of strings). */
export type ValueType = "string" | "number" | "boolean" | "string[]";

/**
 * The ValueType a TypeScript type is when it is exactly one of them; `never` for anything else, such as a union
 * with a Pulumi Output or a construct (whose values this check must not judge).
 */
type TypeOf<V> = [V] extends [string]
  ? "string"
  : [V] extends [number]
    ? "number"
    : [V] extends [boolean]
      ? "boolean"
      : [V] extends [readonly string[]]
        ? "string[]"
        : never;

/** The words a TypeScript type allows when it is a union of string literals (`Cloud`); `never` for `string`. */
type WordsOf<V> = [V] extends [string] ? (string extends V ? never : V) : never;

/**
 * What a key holds: a value (not looked into, or checked for one plain type), a plain object, a list of them, or
 * a map of them.
 */
export type ArgumentField<
  Required extends boolean = boolean,
  Type extends ValueType = ValueType,
  Words extends string = string,
> =
  | {
      readonly kind: "value";
      readonly required: Required;
      readonly type?: Type;
      /** The only words a string may be (oneOf). */
      readonly words?: readonly Words[];
    }
  | { readonly kind: "object"; readonly required: Required; readonly shape: ArgumentShape }
  | { readonly kind: "list"; readonly required: Required; readonly items: ArgumentShape }
  | { readonly kind: "map"; readonly required: Required; readonly values: ArgumentShape };

export type ArgumentShape = { readonly [key: string]: ArgumentField };

/** A value not looked into (a string, a number, a construct, an Output, a token). */
export const value = { kind: "value", required: false } as const;
export const requiredValue = { kind: "value", required: true } as const;
/**
 * A value of one plain type: JavaScript's `bandwidthMbps: "100"` (a number read from the environment) is named
 * when the construct is built. Only for keys whose TypeScript type is exactly that type (ShapeOf checks it): CDKTF
 * tokens are strings, numbers and string lists themselves, so they pass.
 */
export const typed = <T extends ValueType, R extends boolean = false>(type: T, required?: R) =>
  ({ kind: "value", required: (required ?? false) as R, type }) as const;
/**
 * One of `words` (a cloud, a charge type): `cloud: "tencent"` is named when the construct is built, with the word
 * it most likely means, instead of reaching a synth that reports a topology path the caller never wrote. ShapeOf
 * takes it only for a key whose type is a union of those words, and requires it there.
 */
export const oneOf = <W extends string, R extends boolean = false>(words: readonly W[], required?: R) =>
  ({ kind: "value", required: (required ?? false) as R, type: "string", words }) as const;
export const object = <R extends boolean = false>(shape: ArgumentShape, required?: R) =>
  ({ kind: "object", required: (required ?? false) as R, shape }) as const;
export const listOf = <R extends boolean = false>(items: ArgumentShape, required?: R) =>
  ({ kind: "list", required: (required ?? false) as R, items }) as const;
/** A map from the caller's own keys (spokes by name, links by name) to plain objects. */
export const mapOf = <R extends boolean = false>(values: ArgumentShape, required?: R) =>
  ({ kind: "map", required: (required ?? false) as R, values }) as const;

/**
 * A shape whose keys are exactly those of `T`, each required exactly when `T` requires it, and typed only as `T`
 * types it: `satisfies ShapeOf<Props>` stops the compile when an interface gains a key its shape lacks, a key
 * changes optionality, or a checked type is not the key's. A key whose type is a union of words must be a oneOf
 * of some of them.
 */
export type ShapeOf<T> = {
  readonly [K in keyof T]-?: FieldOf<
    Partial<Pick<T, K>> extends Pick<T, K> ? false : true,
    NonNullable<T[K]>
  >;
};

type FieldOf<R extends boolean, V> = [WordsOf<V>] extends [never]
  ? ArgumentField<R, TypeOf<V>, never>
  : {
      readonly kind: "value";
      readonly required: R;
      readonly type: "string";
      readonly words: readonly WordsOf<V>[];
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
  readonly problem:
    | "unknown"
    | "missing"
    | { readonly expected: ValueType; readonly given: unknown }
    | { readonly words: readonly string[]; readonly given: string };
}

/** An object that is neither a plain literal nor a list: a CDKTF IResolvable, a Pulumi Output. Never judged. */
function isOpaque(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isPlainObject(v);
}

/** Whether `v` is of `type`, or opaque (a token or an Output stands for a value of any type). */
function isOfType(v: unknown, type: ValueType): boolean {
  if (isOpaque(v)) return true;
  if (type === "string[]")
    return Array.isArray(v) && v.every((item) => typeof item === "string" || isOpaque(item));
  return typeof v === type;
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
    // null is what some SDKs send for an optional argument not set: no value, as undefined.
    if (field.kind === "value") {
      if (field.type !== undefined && v !== undefined && v !== null && !isOfType(v, field.type))
        out.push({ path, key, known, problem: { expected: field.type, given: v } });
      // A string holding `${` is a CDKTF token or a Terraform interpolation, whose value is not known here; no
      // word of a oneOf holds one.
      else if (
        field.words !== undefined &&
        typeof v === "string" &&
        !v.includes("${") &&
        !field.words.includes(v)
      )
        out.push({ path, key, known, problem: { words: field.words, given: v } });
    } else if (field.kind === "object") walk(v, field.shape, [...path, key], out);
    else if (field.kind === "list" && Array.isArray(v))
      for (const [i, item] of v.entries()) walk(item, field.items, [...path, key, i], out);
    else if (field.kind === "map" && isPlainObject(v))
      for (const [name, item] of Object.entries(v)) walk(item, field.values, [...path, key, name], out);
  }
  // A required key left out (or null) is told once: when a misspelt key is taken for it, its rename mends both.
  const renamedTo = new Set(unknown.map((key) => closestName(key, known)));
  for (const key of unknown) out.push({ path, key, known, problem: "unknown" });
  for (const [key, field] of Object.entries(shape))
    if (field.required && (args[key] === undefined || args[key] === null) && !renamedTo.has(key))
      out.push({ path, key, known, problem: "missing" });
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

const ARTICLE: Readonly<Record<ValueType, string>> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  "string[]": "a list of strings",
};

function typeName(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** The message and fix for a string that is none of the words its key takes: the fix names the one meant. */
export function wrongWordText(
  place: ArgumentPlace,
  words: readonly string[],
  given: string,
): { message: string; fix: string } {
  const at = fieldText([...place.path, place.key]);
  return {
    message: `${whose(place.kind, place.name)} has ${at} ${shownValue(given)}, which is none of the values it takes.`,
    fix: optionFix(given, words),
  };
}

/** The message and fix for a value of the wrong plain type: a number given as a string gets its number. */
export function wrongTypeText(
  place: ArgumentPlace,
  expected: ValueType,
  given: unknown,
): { message: string; fix: string } {
  const at = fieldText([...place.path, place.key]);
  const numeric =
    expected === "number" &&
    typeof given === "string" &&
    given.trim() !== "" &&
    Number.isFinite(Number(given));
  const listed = expected === "string[]" && typeof given === "string";
  return {
    message: `${whose(place.kind, place.name)} has ${at} ${shownValue(given)}, ${typeName(given)}, where it takes ${ARTICLE[expected]}.`,
    fix: numeric
      ? `Give ${at} as a number: ${Number(given)}, not ${JSON.stringify(given)} (a value read from the environment or a file is a string: convert it with Number()).`
      : listed
        ? `Give ${at} as a list: [${JSON.stringify(given)}].`
        : `Give ${at} as ${ARTICLE[expected]}.`,
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
  walk(args ?? {}, shape, [], found);
  return found.map(({ path, key, known, problem }) => {
    const place = { kind, name: resource, path, key, known };
    const text =
      problem === "unknown"
        ? unknownArgumentText(place)
        : problem === "missing"
          ? missingArgumentText(place)
          : "words" in problem
            ? wrongWordText(place, problem.words, problem.given)
            : wrongTypeText(place, problem.expected, problem.given);
    return diagnostic("INVALID_ARGUMENT", { kind: "document", path: [resource] }, text.message, text.fix, {
      field: [...path, key],
    });
  });
}
