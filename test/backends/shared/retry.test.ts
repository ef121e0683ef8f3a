import { describe, expect, it } from "vitest";
import { BackendError } from "../../../provider/backends/errors.js";
import { backoffDelay, retryWrite, withRetry } from "../../../provider/backends/shared/retry.js";

const throttled = () =>
  new BackendError("THROTTLED", "slow down", { cloudCode: "RequestLimitExceeded", retryable: true });
const refused = () =>
  new BackendError("CIDR_OVERLAP", "overlap", { cloudCode: "UnsupportedOperation.VpcPeerCidrConflict" });

/** A sleep that records instead of waiting. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe("backoffDelay (full jitter)", () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [10, 5000],
  ])("after attempt %i the window is [0, %i] ms (base 100, cap 5000)", (attempt, window) => {
    expect(backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 5000, random: () => 0 })).toBe(0);
    expect(backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 5000, random: () => 0.999999 })).toBe(
      window - 1,
    );
    expect(backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 5000, random: () => 0.5 })).toBe(window / 2);
  });
});

describe("withRetry", () => {
  it("retries retryable errors with growing jittered delays, then succeeds", async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 4) throw throttled();
        return "done";
      },
      { baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5, sleep },
    );
    expect(result).toBe("done");
    expect(calls).toBe(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it("never retries a client error", async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw refused();
        },
        { sleep },
      ),
    ).rejects.toMatchObject({ code: "CIDR_OVERLAP" });
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw throttled();
        },
        { maxAttempts: 3, sleep, random: () => 0 },
      ),
    ).rejects.toMatchObject({ code: "THROTTLED", retryable: true });
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it("does not retry plain errors (bugs) unless told to", async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new TypeError("bug");
    };
    await expect(withRetry(failing, { sleep: async () => {} })).rejects.toThrow("bug");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(failing, { sleep: async () => {}, maxAttempts: 3, isRetryable: () => true }),
    ).rejects.toThrow("bug");
    expect(calls).toBe(3);
  });

  it("reports each retry to onRetry", async () => {
    const events: number[] = [];
    await withRetry(
      async (attempt) => {
        if (attempt < 3) throw throttled();
      },
      { sleep: async () => {}, onRetry: (e) => events.push(e.attempt) },
    );
    expect(events).toEqual([1, 2]);
  });
});

describe("retryWrite (a write whose answer can be lost)", () => {
  const gone = () => new BackendError("NOT_FOUND", "gone", { cloudCode: "ResourceNotFound" });

  it("a repeated attempt refused because the first one already did the work succeeds", async () => {
    const { sleep } = recordingSleep();
    const answers = [throttled(), gone()];
    const asked: string[] = [];
    await retryWrite(
      async () => {
        throw answers.shift();
      },
      async (error) => {
        asked.push(error.code);
        return error.code === "NOT_FOUND";
      },
      { sleep, maxAttempts: 3 },
    );
    expect(asked).toEqual(["NOT_FOUND"]);
  });

  it("the first attempt's refusal stands: it cannot be the echo of an earlier one", async () => {
    let asked = 0;
    await expect(
      retryWrite(
        async () => {
          throw gone();
        },
        async () => {
          asked += 1;
          return true;
        },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(asked).toBe(0);
  });

  it("a repeated refusal that is not recognised stands", async () => {
    const { sleep } = recordingSleep();
    const answers = [throttled(), refused()];
    await expect(
      retryWrite(
        async () => {
          throw answers.shift();
        },
        async () => false,
        { sleep, maxAttempts: 3 },
      ),
    ).rejects.toMatchObject({ code: "CIDR_OVERLAP" });
  });
});
