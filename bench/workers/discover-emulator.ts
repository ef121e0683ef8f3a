/**
 * The emulator of bench/discover.bench.ts in a process of its own (on two cores, an in-process emulator would
 * share the reader's event loop and the figure would measure contention, not discovery): serves the seeded state
 * file with the default rate limits and counts every answered Tencent request by key id and action.
 *
 *   node --import tsx bench/workers/discover-emulator.ts STATE_DIR ACCOUNTS_JSON
 *
 * stdout: {"url": ...} once listening; on the line "report" from stdin, {"calls": {"<key> <action>": n},
 * "throttled": n}; the line "close" stops the server and exits.
 */
import { createInterface } from "node:readline";
import type { EmulatorAccount, ProtocolHandler } from "../../provider/emulator/protocol.js";
import { startEmulator } from "../../provider/emulator/server.js";
import { tencentcloudHandler } from "../../provider/emulator/tencentcloud/handler.js";

const [stateDir, accountsJson] = process.argv.slice(2);
const accounts = JSON.parse(accountsJson!) as EmulatorAccount[];
const calls: Record<string, number> = {};
let throttled = 0;
const counting: ProtocolHandler = {
  ...tencentcloudHandler,
  async handle(request, context) {
    const response = await tencentcloudHandler.handle(request, context);
    if (response.body.includes('"RequestLimitExceeded"')) throttled++;
    else {
      const key = /Credential=([^/]+)\//.exec(request.headers.authorization ?? "")?.[1] ?? "?";
      const name = `${key} ${request.headers["x-tc-action"] ?? "?"}`;
      calls[name] = (calls[name] ?? 0) + 1;
    }
    return response;
  },
};
const emulator = await startEmulator({ port: 0, stateDir: stateDir!, accounts, handlers: [counting] });
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "report") process.stdout.write(`${JSON.stringify({ calls, throttled })}\n`);
  if (line === "close") {
    await emulator.close();
    process.exit(0);
  }
}
