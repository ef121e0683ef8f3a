/** The read-only wrapper: reads pass through, every write is refused with READ_ONLY before reaching the backend. */
import { describe, expect, it } from "vitest";
import type { Backend } from "../../provider/backends/backend.js";
import { BackendError } from "../../provider/backends/errors.js";
import { readOnlyBackend } from "../../provider/backends/read-only.js";

/** A backend whose every method records its name and answers its name. */
function recorder(): { backend: Backend; calls: string[] } {
  const calls: string[] = [];
  const backend = new Proxy({ kind: "fake", account: "42" } as Record<string, unknown>, {
    get(target, key) {
      if (typeof key !== "string" || key in target) return target[key as string];
      return async () => {
        calls.push(key);
        return key;
      };
    },
  }) as unknown as Backend;
  return { backend, calls };
}

const WRITES = [
  "createVpc",
  "deleteVpc",
  "setSecondaryCidrs",
  "createRouteTable",
  "createPeering",
  "acceptPeering",
  "rejectPeering",
  "modifyPeering",
  "enablePeering",
  "deletePeering",
  "createRoute",
  "createRoutes",
  "deleteRoute",
  "deleteRoutes",
  "setBandwidthLimit",
  "removeBandwidthLimit",
] as const;
const READS = [
  "describeVpc",
  "listVpcs",
  "listRouteTables",
  "describePeering",
  "listPeerings",
  "listRoutes",
  "listBandwidthLimits",
] as const;

describe("readOnlyBackend", () => {
  it.each(WRITES)("refuses %s with READ_ONLY and sends nothing", async (method) => {
    const { backend, calls } = recorder();
    const wrapped = readOnlyBackend(backend) as unknown as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const error = await wrapped[method]!("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "READ_ONLY", cloudCode: "ReadOnlySession" });
    expect((error as Error).message).toContain(method);
    expect(calls).toEqual([]);
  });

  it.each(READS)("passes %s through", async (method) => {
    const { backend, calls } = recorder();
    const wrapped = readOnlyBackend(backend) as unknown as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    expect(await wrapped[method]!("x")).toBe(method);
    expect(calls).toEqual([method]);
  });
});
