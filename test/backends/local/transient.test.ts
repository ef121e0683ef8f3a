/**
 * The optional transient phases (CREATING, ACCEPTING) and simulated latency, which exist so that callers' waiting
 * logic can be tested. Time is the ManualClock's; no sleeps.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, LocalStateEngine, type PeeringStatus } from "../../../provider/backends/index.js";
import { expectRefusal, openWorld, pair, peer, VARIANTS, type World } from "./support.js";

const PHASE = 1000;
let world: World;
beforeEach(() => {
  world = openWorld({ transientPhaseMs: PHASE });
});
afterEach(() => world.close());

const STATE_ERROR = {
  code: "INVALID_STATE_TRANSITION",
  cloudCode: "UnsupportedOperation.VpcPeerInvalidStateChange",
} as const;

describe("CREATING", () => {
  it.each<[string, PeeringStatus]>([
    ["same-account", "ACTIVE"],
    ["cross-account", "PENDING"],
  ])("%s: CREATING until the phase has run, then %s", async (variant, settled) => {
    const p = await pair(world, variant as "same-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    expect(created.status).toBe("CREATING");
    world.clock.advance(PHASE - 1);
    expect((await p.accepter.describePeering(created.id)).status).toBe("CREATING");
    expect((await p.requester.listPeerings({ status: ["CREATING"] })).total).toBe(1);
    world.clock.advance(1);
    expect((await p.accepter.describePeering(created.id)).status).toBe(settled);
    expect((await p.requester.listPeerings({ status: [settled] })).total).toBe(1);
  });

  it("accepting while CREATING is a state error naming the wait", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    await expectRefusal(p.accepter.acceptPeering(created.id), {
      ...STATE_ERROR,
      mentions: [created.id, "CREATING", "wait"],
    });
  });

  it.each(VARIANTS)("%s: a route through a CREATING peering is PEERING_NOT_ACTIVE", async (variant) => {
    const p = await pair(world, variant);
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    await expectRefusal(
      p.requester.createRoute({ vpcId: p.vpc.id, destination: "10.1.0.0/16", peeringId: created.id }),
      {
        code: "PEERING_NOT_ACTIVE",
        cloudCode: "UnsupportedOperation.InvalidState",
        mentions: [created.id, "CREATING"],
      },
    );
  });

  it("deleting while CREATING is final: the phase ending later does not resurrect it", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    await p.accepter.deletePeering(created.id);
    world.clock.advance(PHASE * 10);
    // A write settles due phases; the deleted peering must stay deleted through it.
    await peer(p.requester, p.vpc, p.peerVpc);
    expect((await p.requester.describePeering(created.id)).status).toBe("DELETED");
  });

  it("the 7-day expiry counts from the create, not from the end of the phase", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    expect(created.expiresAt).toBeUndefined();
    world.clock.advance(PHASE);
    expect((await p.requester.describePeering(created.id)).expiresAt).toBe(
      new Date(Date.parse(created.createdAt) + 7 * DAY_MS).toISOString(),
    );
    world.clock.advance(7 * DAY_MS - PHASE);
    expect((await p.requester.describePeering(created.id)).status).toBe("EXPIRED");
  });
});

describe("ACCEPTING", () => {
  it("accept shows ACCEPTING for the phase, then ACTIVE; a second accept meanwhile is a state error", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    world.clock.advance(PHASE);
    const accepting = await p.accepter.acceptPeering(created.id);
    expect(accepting.status).toBe("ACCEPTING");
    expect(accepting.expiresAt).toBeUndefined();
    await expectRefusal(p.accepter.acceptPeering(created.id), { ...STATE_ERROR, mentions: ["ACCEPTING"] });
    await expectRefusal(
      p.requester.createRoute({ vpcId: p.vpc.id, destination: "10.1.0.0/16", peeringId: created.id }),
      {
        code: "PEERING_NOT_ACTIVE",
        cloudCode: "UnsupportedOperation.InvalidState",
        mentions: ["ACCEPTING"],
      },
    );
    world.clock.advance(PHASE - 1);
    expect((await p.requester.describePeering(created.id)).status).toBe("ACCEPTING");
    world.clock.advance(1);
    expect((await p.requester.describePeering(created.id)).status).toBe("ACTIVE");
    // And ACTIVE for good: the original 7-day expiry no longer applies.
    world.clock.advance(8 * DAY_MS);
    expect((await p.requester.describePeering(created.id)).status).toBe("ACTIVE");
    expect(
      (await p.requester.createRoute({ vpcId: p.vpc.id, destination: "10.1.0.0/16", peeringId: created.id }))
        .peeringId,
    ).toBe(created.id);
  });
});

describe("latencyMs", () => {
  // node:timers/promises is not faked by vi.useFakeTimers, so the delay is observed through the microtask queue:
  // a call can only settle within microtasks when no timer stands in its way.
  async function settlesWithinMicrotasks(promise: Promise<unknown>): Promise<boolean> {
    let settled = false;
    promise.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    for (let i = 0; i < 50; i++) await Promise.resolve();
    return settled;
  }

  it.each<[number, boolean]>([
    [0, true],
    [100, false],
  ])("latencyMs %i: the call settles without a timer: %s", async (latencyMs, immediate) => {
    const engine = LocalStateEngine.open({ file: ":memory:", latencyMs });
    try {
      const call = engine.session("l").listVpcs();
      expect(await settlesWithinMicrotasks(call)).toBe(immediate);
      expect(await call).toEqual([]);
    } finally {
      engine.close();
    }
  });
});
