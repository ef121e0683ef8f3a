/**
 * Builds (or finds) the engines once for the whole e2e run, printing the build's progress, and hands the test files
 * the binaries it chose (`inject("engines")`), so no test file asks scripts/engines.mjs again.
 */
import type { TestProject } from "vitest/node";
import { ensureEngines } from "../../../scripts/engines.mjs";

export interface EnginePaths {
  readonly pulumi: string;
  readonly tofu: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    engines: EnginePaths;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const { engines } = await ensureEngines();
  for (const [name, info] of Object.entries(engines)) {
    process.stderr.write(`e2e: ${name} ${info.version} (${info.source})\n`);
  }
  project.provide("engines", { pulumi: engines.pulumi!.path, tofu: engines.tofu!.path });
}
