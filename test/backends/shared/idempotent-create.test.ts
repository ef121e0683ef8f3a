import { describe, expect, it } from "vitest";
import { BackendError } from "../../../provider/backends/errors.js";
import { createIdempotently } from "../../../provider/backends/shared/idempotent-create.js";

const lost = () =>
  new BackendError("BACKEND_UNAVAILABLE", "socket hang up", { cloudCode: "NetworkError", retryable: true });
const throttled = () =>
  new BackendError("THROTTLED", "slow down", { cloudCode: "RequestLimitExceeded", retryable: true });
const retry = { sleep: async () => {}, maxAttempts: 5 };

describe("createIdempotently", () => {
  it("looks a create up before retrying one whose answer was lost, and returns what it made", async () => {
    const store: string[] = [];
    let lookups = 0;
    const made = await createIdempotently({
      create: async (attempt) => {
        store.push("pcx-1");
        if (attempt === 1) throw lost(); // committed, answer lost
        return "pcx-2";
      },
      findExisting: async () => {
        lookups++;
        return store[0];
      },
      retry,
    });
    expect(made).toBe("pcx-1");
    expect(store).toEqual(["pcx-1"]);
    expect(lookups).toBe(1);
  });

  it("retries the create when the look-up finds nothing (the request never ran)", async () => {
    let creates = 0;
    const made = await createIdempotently({
      create: async (attempt) => {
        creates++;
        if (attempt === 1) throw lost();
        return "pcx-9";
      },
      findExisting: async () => undefined,
      retry,
    });
    expect(made).toBe("pcx-9");
    expect(creates).toBe(2);
  });

  it("needs no look-up after a throttling answer (refused before it ran)", async () => {
    let lookups = 0;
    const made = await createIdempotently({
      create: async (attempt) => {
        if (attempt < 3) throw throttled();
        return "ok";
      },
      findExisting: async () => {
        lookups++;
        return undefined;
      },
      retry,
    });
    expect(made).toBe("ok");
    expect(lookups).toBe(0);
  });

  it("surfaces a client error at once", async () => {
    let creates = 0;
    await expect(
      createIdempotently({
        create: async () => {
          creates++;
          throw new BackendError("DUPLICATE_PEERING", "dup", {
            cloudCode: "UnsupportedOperation.VpcPeerAlreadyExist",
          });
        },
        findExisting: async () => "never",
        retry,
      }),
    ).rejects.toMatchObject({ code: "DUPLICATE_PEERING" });
    expect(creates).toBe(1);
  });
});
