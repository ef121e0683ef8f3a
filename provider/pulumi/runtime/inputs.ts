/**
 * Turning what the Pulumi engine hands a dynamic provider into typed inputs, and problems into CheckFailures.
 * During preview, values that depend on resources not yet created arrive as the engine's unknown sentinel: they
 * are skipped, never guessed.
 */
import type { z } from "zod";
import {
  missingArgumentText,
  unknownArgumentText,
  wrongTypeText,
  wrongWordText,
} from "../../core/argument-keys.js";
import { PeerlinkError, schemaKeysAt } from "../../core/index.js";
import { fieldPathOf } from "../../core/resource-ref.js";
import { isMissingKey, valueAt } from "../../core/schema-keys.js";

/** The engine's placeholder for a value not known until apply (@pulumi/pulumi runtime/rpc.js `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const PROVIDER_KEY = "__provider";

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

/** The inputs without the serialized provider and with unknown values removed (so zod sees them as absent). */
export function knownInputs(raw: Record<string, unknown>): {
  known: Record<string, unknown>;
  unknown: Set<string>;
} {
  const known: Record<string, unknown> = {};
  const unknown = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    if (key === PROVIDER_KEY) continue;
    if (isUnknown(value)) unknown.add(key);
    else known[key] = value;
  }
  return { known, unknown };
}

/** The zod types the argument check's wording covers (a list's items are told by zod). */
const PLAIN_TYPES = ["string", "number", "boolean"] as const;

/**
 * Validates inputs with zod, one failure per offending property (Pulumi prints them all). A property whose value
 * is unknown cannot fail: its absence is not an error yet.
 */
export function parseInputs<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  resource: string,
): { inputs: z.output<S> | undefined; failures: CheckFailure[]; unknown: Set<string> } {
  const { known, unknown } = knownInputs(raw);
  const parsed = schema.safeParse(known);
  if (parsed.success) return { inputs: parsed.data, failures: [], unknown };
  const failures: CheckFailure[] = [];
  for (const issue of parsed.error.issues) {
    const top = String(issue.path[0] ?? "");
    if (unknown.has(top)) continue;
    const at = issue.path.map(String);
    // An unrecognized key is reported against that key (Pulumi prints the property), one failure each, in the
    // words every front end uses for it (core/argument-keys.ts).
    if (issue.code === "unrecognized_keys") {
      const path = fieldPathOf(issue.path);
      const keys = schemaKeysAt(schema, path);
      for (const key of issue.keys) {
        const place = { kind: resource, name: undefined, path, key, known: keys };
        const { message, fix } = unknownArgumentText(place);
        failures.push(failure([...at, key].join("."), "INVALID_ARGUMENT", message, fix));
      }
      continue;
    }
    const property = at.join(".") || "(inputs)";
    const key = issue.path[issue.path.length - 1];
    if (typeof key === "string" && isMissingKey(issue, known)) {
      const path = fieldPathOf(issue.path.slice(0, -1));
      const place = { kind: resource, name: undefined, path, key, known: schemaKeysAt(schema, path) };
      const { message, fix } = missingArgumentText(place);
      failures.push(failure(property, "INVALID_ARGUMENT", message, fix));
      continue;
    }
    const text = typeof key === "string" ? valueText(issue, key, known, resource) : undefined;
    if (text !== undefined) {
      failures.push(failure(property, "INVALID_ARGUMENT", text.message, text.fix));
      continue;
    }
    failures.push(
      failure(
        property,
        "INVALID_ARGUMENT",
        `${resource} ${property}: ${issue.message}.`,
        `correct ${property} (see the README's Pulumi section).`,
      ),
    );
  }
  return { inputs: undefined, failures, unknown };
}

/**
 * A value of the wrong plain type (`bandwidthMbps: "100"`, from a YAML or Python program) or a word that is none
 * of the key's (`cloud: "tencent"`), told as every front end tells them; undefined for any other issue.
 */
function valueText(
  issue: z.core.$ZodIssue,
  key: string,
  known: Record<string, unknown>,
  resource: string,
): { message: string; fix: string } | undefined {
  const given = valueAt(known, issue.path);
  if (given === undefined || given === null) return undefined;
  // These texts name the key and its value only, not the keys beside it: no schema is read for them.
  const place = {
    kind: resource,
    name: undefined,
    path: fieldPathOf(issue.path.slice(0, -1)),
    key,
    known: [],
  };
  const expected = issue.code === "invalid_type" ? PLAIN_TYPES.find((t) => t === issue.expected) : undefined;
  if (expected !== undefined) return wrongTypeText(place, expected, given);
  if (issue.code === "invalid_value" && typeof given === "string")
    return wrongWordText(
      place,
      issue.values.filter((v): v is string => typeof v === "string"),
      given,
    );
  return undefined;
}

/** A coded failure for one property: `CODE: message Fix: ...`. */
export function failure(property: string, code: string, message: string, fix: string): CheckFailure {
  return { property, reason: `${code}: ${message} Fix: ${fix}` };
}

export function stripProvider(raw: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _, ...rest } = raw;
  return rest;
}

/** The stored props minus the outputs peerlink added: the inputs again, for read and delete. */
export function pickInputs(
  props: Record<string, unknown>,
  outputKeys: readonly string[],
): Record<string, unknown> {
  const rest = stripProvider(props);
  for (const key of outputKeys) delete rest[key];
  return rest;
}

/** Drops undefined values (the Backend inputs are exact optional properties). */
export function optional<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * What goes back to the engine: undefined dropped at every depth. The provider server converts outputs with
 * google.protobuf `Struct.fromJavaScript`, which throws "Unexpected struct type." on an undefined value.
 */
export function wire<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : wire(v))) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, wire(v)]),
  ) as T;
}

type Props = Record<string, unknown>;

/** One resource's provider implementation, as the serialized provider calls it. */
export interface ResourceImpl {
  check(olds: Props, news: Props): Promise<unknown>;
  diff(id: string, olds: Props, news: Props): Promise<unknown>;
  create(inputs: Props): Promise<unknown>;
  read(id: string, props: Props): Promise<unknown>;
  update(id: string, olds: Props, news: Props): Promise<unknown>;
  delete(id: string, props: Props): Promise<void>;
}

/**
 * The engine shows only an error's message: put the stable code (and the cloud's own, for backend errors) in
 * front of it, as check failures do (`CIDR_OVERLAP: ... Fix: ...`), so `pulumi up` prints what to search for.
 */
export function withCode(error: unknown): unknown {
  if (!(error instanceof PeerlinkError) || error.message.startsWith(`${error.code}`)) return error;
  const cloud = (error as { cloudCode?: unknown }).cloudCode;
  const prefix = typeof cloud === "string" && cloud !== error.code ? `${error.code} (${cloud})` : error.code;
  error.message = `${prefix}: ${error.message}`;
  return error;
}

async function coded<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw withCode(error);
  }
}

/** `impl` with every result the engine stores passed through `wire`, and every error through `withCode`. */
export function forEngine<T extends ResourceImpl>(impl: T): T {
  return {
    ...impl,
    check: (olds: Props, news: Props) => coded(async () => wire(await impl.check(olds, news))),
    diff: (id: string, olds: Props, news: Props) => coded(() => impl.diff(id, olds, news)),
    create: (inputs: Props) => coded(async () => wire(await impl.create(inputs))),
    read: (id: string, props: Props) => coded(async () => wire(await impl.read(id, props))),
    update: (id: string, olds: Props, news: Props) =>
      coded(async () => wire(await impl.update(id, olds, news))),
    delete: (id: string, props: Props) => coded(() => impl.delete(id, props)),
  };
}
