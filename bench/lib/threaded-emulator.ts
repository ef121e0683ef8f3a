/** The parent side of bench/workers/emulator-thread.ts: start an emulator in a worker thread, ask it, close it. */
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { CloudName } from "./counted-emulator.js";

export interface ThreadedEmulator {
  readonly url: string;
  /** Requests the emulator has served so far. */
  requests(): Promise<number>;
  close(): Promise<void>;
}

const WORKER = new URL("../workers/emulator-thread.mjs", import.meta.url);

/** The thread starts at emulator-thread.mjs, which loads the TypeScript worker through tsx. */
export async function threadedEmulator(cloud: CloudName): Promise<ThreadedEmulator> {
  const worker = new Worker(WORKER, { workerData: { cloud } });
  const next = async <T extends { type: string }>(type: T["type"]): Promise<T> => {
    for (;;) {
      const [message] = (await once(worker, "message")) as [T];
      if (message.type === type) return message;
    }
  };
  const ready = await next<{ type: "ready"; url: string }>("ready");
  return {
    url: ready.url,
    async requests() {
      const answer = next<{ type: "total"; requests: number }>("total");
      worker.postMessage("total");
      return (await answer).requests;
    },
    async close() {
      const closed = next<{ type: "closed" }>("closed");
      worker.postMessage("close");
      await closed;
      await worker.terminate();
    },
  };
}
