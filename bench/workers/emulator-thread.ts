/**
 * One emulator, served from a thread of its own, for the emulator bench's lifecycle rows: moto_server runs in its own
 * process, so the emulator it is compared with must not share the bench client's event loop either (in one thread
 * the client's signing and parsing and the server's handling take turns, and the figure is their sum).
 *
 * workerData: { cloud: CloudName }. Posts { type: "ready", url } once listening; answers "total" with
 * { type: "total", requests } (requests served so far) and "close" with { type: "closed" } after closing.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CLOUDS, type CloudName, countedEmulator, total } from "../lib/counted-emulator.js";

const port = parentPort;
if (!port) throw new Error("bench/workers/emulator-thread.ts runs as a worker thread");
const { cloud } = workerData as { cloud: CloudName };
const counted = await countedEmulator({ rateLimits: false }, CLOUDS[cloud], true);
port.on("message", (message: "total" | "close") => {
  if (message === "total") port.postMessage({ type: "total", requests: total(counted.counts) });
  else
    void counted.close().then(() => {
      port.postMessage({ type: "closed" });
      port.close();
    });
});
port.postMessage({ type: "ready", url: counted.emulator.url });
