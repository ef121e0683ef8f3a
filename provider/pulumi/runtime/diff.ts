import { canonicalJson } from "../../core/canonical-json.js";
import { isUnknown } from "./inputs.js";

export interface DiffResult {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly stables: string[];
  readonly deleteBeforeReplace: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Which inputs changed, and whether that replaces the resource. Keys in `replaceKeys` replace (the cloud cannot
 * change them in place); every other input key that changed is an in-place update. An unknown new value counts
 * as a change.
 */
export function diffInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  replaceKeys: readonly string[],
  options: { deleteBeforeReplace?: boolean; ignore?: readonly string[]; outputKeys?: readonly string[] } = {},
): DiffResult {
  // createIdentity names the resource (its URN), it is no property of it: resources created before it existed
  // must not update for it.
  const ignore = new Set([
    "__provider",
    "createIdentity",
    ...(options.ignore ?? []),
    ...(options.outputKeys ?? []),
  ]);
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((k) => !ignore.has(k)));
  const changed = [...keys].filter((k) => isUnknown(news[k]) || !same(olds[k], news[k]));
  const replaces = changed.filter((k) => replaceKeys.includes(k));
  return {
    changes: changed.length > 0,
    replaces,
    stables: replaceKeys.filter((k) => !changed.includes(k)),
    deleteBeforeReplace: (options.deleteBeforeReplace ?? false) && replaces.length > 0,
  };
}

/** Replacement when a connection moves to another backend, account or region; credentials alone update in place. */
export function connectionIdentity(connection: unknown): unknown {
  if (connection === null || typeof connection !== "object") return connection;
  const c = connection as Record<string, unknown>;
  return {
    kind: c.kind ?? "local",
    account: c.account,
    region: c.region,
    stateFile: c.stateFile,
    endpoint: c.endpoint,
  };
}

/** `diffInputs` where the connection's identity replaces and its credentials update in place. */
export function diffResource(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  replaceKeys: readonly string[],
  options: { deleteBeforeReplace?: boolean; outputKeys?: readonly string[] } = {},
): DiffResult {
  const result = diffInputs(
    { ...olds, connection: connectionIdentity(olds.connection) },
    { ...news, connection: connectionIdentity(news.connection) },
    [...replaceKeys, "connection"],
    options,
  );
  const credentialsChanged = !same(olds.connection, news.connection) && !isUnknown(news.connection);
  return { ...result, changes: result.changes || credentialsChanged };
}
