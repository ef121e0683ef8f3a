/**
 * The CLI under test as users run it: the built JavaScript (`npm test` builds first), in a child process, without
 * colour, from the repository root unless told otherwise.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "dist/provider/cli/main.js");

export interface BuiltCliOptions {
  /** Standard input. */
  readonly input?: string;
  readonly cwd?: string;
  /** Added to the test's own environment (NO_COLOR=1 is always set). */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeout?: number;
}

/** Runs `peerlink ARGS...`: its exit code (null when killed), stdout and stderr. */
export function builtCli(args: readonly string[], options: BuiltCliOptions = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
