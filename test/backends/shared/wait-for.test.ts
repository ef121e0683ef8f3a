import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../provider/backends/clock.js";
import { waitFor } from "../../../provider/backends/shared/wait-for.js";

function fakeTime() {
  const clock = new ManualClock(0);
  return { clock, sleep: async (ms: number) => clock.advance(ms) };
}

describe("waitFor", () => {
  it("polls until the target state, at the interval", async () => {
    const time = fakeTime();
    const states = ["CREATING", "CREATING", "PENDING", "ACTIVE"];
    let polls = 0;
    const state = await waitFor(async () => states[Math.min(polls++, states.length - 1)]!, "ACTIVE", {
      timeoutMs: 60_000,
      intervalMs: 2_000,
      ...time,
    });
    expect(state).toBe("ACTIVE");
    expect(polls).toBe(4);
    expect(time.clock.now()).toBe(6_000);
  });

  it("accepts a list of targets or a predicate", async () => {
    const time = fakeTime();
    expect(await waitFor(async () => "ACCEPTING", ["ACCEPTING", "ACTIVE"], { timeoutMs: 1, ...time })).toBe(
      "ACCEPTING",
    );
    expect(
      await waitFor(
        async () => 7,
        (n: number) => n > 5,
        { timeoutMs: 1, ...time },
      ),
    ).toBe(7);
  });

  it("times out with a TIMEOUT BackendError naming the last state", async () => {
    const time = fakeTime();
    await expect(
      waitFor(async () => "PENDING", "ACTIVE", {
        timeoutMs: 10_000,
        intervalMs: 3_000,
        description: "peering pcx-1 to be ACTIVE",
        ...time,
      }),
    ).rejects.toMatchObject({ code: "TIMEOUT", value: "PENDING", message: expect.stringContaining("pcx-1") });
    // The last wait is cut to the timeout, not a whole interval past it.
    expect(time.clock.now()).toBe(10_000);
  });

  it("stops at once on a state that never leads to the target", async () => {
    const time = fakeTime();
    await expect(
      waitFor(async () => "REJECTED", "ACTIVE", { timeoutMs: 60_000, failOn: ["REJECTED"], ...time }),
    ).rejects.toMatchObject({ code: "INVALID_STATE_TRANSITION" });
    expect(time.clock.now()).toBe(0);
  });
});
