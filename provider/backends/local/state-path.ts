import { resolve } from "node:path";

/** Where the local backend keeps its state unless told otherwise (relative to the working directory). */
export const DEFAULT_STATE_FILE = ".peerlink/state.db";

/** Explicit configuration first, then `PEERLINK_STATE`, then `.peerlink/state.db`. */
export function resolveStatePath(
  configured?: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  const chosen = configured || env.PEERLINK_STATE || DEFAULT_STATE_FILE;
  return chosen === ":memory:" ? chosen : resolve(cwd, chosen);
}
