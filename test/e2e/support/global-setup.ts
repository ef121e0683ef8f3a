/** Builds (or finds) the engines once for the whole e2e run, printing the build's progress. */
import { ensureEngines } from "../../../scripts/engines.mjs";

export default async function setup(): Promise<void> {
  const { engines } = await ensureEngines();
  for (const [name, info] of Object.entries(engines)) {
    process.stderr.write(`e2e: ${name} ${info.version} (${info.source})\n`);
  }
}
