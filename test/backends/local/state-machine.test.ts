/**
 * The TRANSITIONS table against the backend: for every (action, state) pair, the backend does exactly what the
 * table says: the pairs in it lead to the listed state, every other pair is refused with the state-change error
 * and leaves the peering as it was.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  DAY_MS,
  PEERING_STATUSES,
  type PeeringAction,
  type PeeringInfo,
  type PeeringStatus,
  TRANSITIONS,
} from "../../../provider/backends/index.js";
import { expectRefusal, openWorld, pair, peer, type World } from "./support.js";

const ACTIONS = Object.keys(TRANSITIONS) as PeeringAction[];
const PHASE_MS = 1000;

let world: World | undefined;
afterEach(() => world?.close());

/** A cross-account peering brought into `state`; CREATING and ACCEPTING need an engine with a transient phase. */
async function peeringIn(state: PeeringStatus): Promise<{ world: World; peering: PeeringInfo }> {
  const transient = state === "CREATING" || state === "ACCEPTING";
  world = openWorld(transient ? { transientPhaseMs: PHASE_MS } : {});
  const w = world;
  const p = await pair(w, "cross-account");
  const peering = await peer(p.requester, p.vpc, p.peerVpc);
  if (state === "CREATING") return { world: w, peering };
  if (transient) w.clock.advance(PHASE_MS);
  switch (state) {
    case "PENDING":
      break;
    case "ACCEPTING":
    case "ACTIVE":
      await w.b.acceptPeering(peering.id);
      break;
    case "REJECTED":
      await w.b.rejectPeering(peering.id);
      break;
    case "EXPIRED":
      w.clock.advance(7 * DAY_MS);
      break;
    case "DELETED":
      await w.a.deletePeering(peering.id);
      break;
  }
  const now = await w.a.describePeering(peering.id);
  expect(now.status).toBe(state);
  return { world: w, peering: now };
}

/** The action, made by the account allowed to make it (accepter for accept/reject, requester otherwise). */
async function act(w: World, action: PeeringAction, id: string): Promise<PeeringStatus> {
  switch (action) {
    case "accept":
      return (await w.b.acceptPeering(id)).status;
    case "reject":
      return (await w.b.rejectPeering(id)).status;
    case "enable":
      return (await w.a.enablePeering(id)).status;
    case "modify":
      return (await w.a.modifyPeering(id, { description: "changed" })).status;
    case "delete":
      await w.a.deletePeering(id);
      return (await w.a.describePeering(id)).status;
  }
}

describe("TRANSITIONS", () => {
  it("covers every action the Backend offers on a peering, over known states only", () => {
    expect(ACTIONS.sort()).toEqual(["accept", "delete", "enable", "modify", "reject"]);
    for (const action of ACTIONS) {
      for (const [from, to] of Object.entries(TRANSITIONS[action])) {
        expect(PEERING_STATUSES).toContain(from);
        expect(PEERING_STATUSES).toContain(to);
      }
    }
    // Nothing leaves DELETED.
    for (const action of ACTIONS) expect(TRANSITIONS[action].DELETED).toBeUndefined();
  });

  const cases = ACTIONS.flatMap((action) =>
    PEERING_STATUSES.map((state) => [action, state, TRANSITIONS[action][state]] as const),
  );

  it.each(cases)("%s from %s -> %s", async (action, state, next) => {
    const { world: w, peering } = await peeringIn(state);
    if (next !== undefined) {
      expect(await act(w, action, peering.id)).toBe(next);
      expect((await w.b.describePeering(peering.id)).status).toBe(next);
      return;
    }
    await expectRefusal(act(w, action, peering.id), {
      code: "INVALID_STATE_TRANSITION",
      cloudCode: "UnsupportedOperation.VpcPeerInvalidStateChange",
      mentions: [peering.id, state],
    });
    expect(await w.a.describePeering(peering.id)).toEqual(peering);
  });
});
