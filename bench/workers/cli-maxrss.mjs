/**
 * Fallback peak-RSS probe for bench/cli-validate.bench.ts, used only where /usr/bin/time is missing (or with
 * PEERLINK_BENCH_CLI_RSS=wrapper):
 *
 *   node bench/workers/cli-maxrss.mjs REPORT_FILE CLI_ENTRY [args...]
 *
 * Runs CLI_ENTRY as if it were the main script (process.argv is rewritten to `node CLI_ENTRY args...`) and, when
 * the process exits normally, writes `process.resourceUsage().maxRSS` (KiB, the kernel's high-water mark) to
 * REPORT_FILE. A process that dies without running exit handlers (heap exhaustion, a signal) leaves no report:
 * its peak RSS is then unknown, which is why the bench prefers /usr/bin/time.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [node, , report, entry, ...args] = process.argv;
if (!report || !entry) {
  process.stderr.write("usage: node cli-maxrss.mjs REPORT_FILE CLI_ENTRY [args...]\n");
  process.exit(2);
}
process.argv = [node, resolve(entry), ...args];
process.on("exit", () => {
  writeFileSync(report, `${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(resolve(entry)).href);
