// Types of scripts/engines.mjs, for the e2e tests and the benchmark that import it.
export const ROOT: string;
export const BIN_DIR: string;
export interface EngineReport {
  source: string;
  path: string;
  version: string;
  seconds?: number;
}
export interface CapturedResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in the order they came. */
  output: string;
}
export function runCaptured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CapturedResult>;
export function onPath(name: string, path?: string): string | undefined;
export function ensureEngines(options?: {
  only?: Array<"pulumi" | "tofu" | "yaml" | "sdkgen">;
}): Promise<{ binDir: string; engines: Record<string, EngineReport> }>;
export function pulumiEnv(stateDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
export function goEnv(): NodeJS.ProcessEnv;
