/**
 * Every transition of a peering, same-account and cross-account side by side (seeds 000, 002, 004): same account is
 * ACTIVE at once, cross account waits for the accepter, expires after 7 days, can be re-enabled by the requester,
 * and either side deletes from any state.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, type PeeringInfo, type PeeringStatus } from "../../../provider/backends/index.js";
import {
  expectRefusal,
  openWorld,
  type Pair,
  pair,
  peer,
  peeringIds,
  VARIANTS,
  type Variant,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const STATE_ERROR = {
  code: "INVALID_STATE_TRANSITION",
  cloudCode: "UnsupportedOperation.VpcPeerInvalidStateChange",
} as const;

describe("create", () => {
  it.each<[Variant, PeeringStatus, boolean]>([
    ["same-account", "ACTIVE", false],
    ["cross-account", "PENDING", true],
  ])("%s: a new peering is %s (seed 004), expiry set: %s", async (variant, status, expires) => {
    const p = await pair(world, variant);
    const created = await peer(p.requester, p.vpc, p.peerVpc, {
      description: "app to db",
      tags: { env: "t" },
    });
    expect(created).toMatchObject({
      status,
      vpcId: p.vpc.id,
      peerVpcId: p.peerVpc.id,
      account: p.requester.account,
      peerAccount: p.accepter.account,
      region: p.vpc.region,
      peerRegion: p.peerVpc.region,
      cloud: "tencentcloud",
      description: "app to db",
      tags: { env: "t" },
      createdAt: new Date(world.clock.now()).toISOString(),
    });
    expect(created.id).toMatch(/^pcx-[0-9a-z]{8}$/);
    expect(created.expiresAt).toBe(
      expires ? new Date(world.clock.now() + 7 * DAY_MS).toISOString() : undefined,
    );
    // Both sides see the same peering.
    expect(await p.accepter.describePeering(created.id)).toEqual(created);
    expect(await p.requester.describePeering(created.id)).toEqual(created);
  });

  it("peerAccount given explicitly as the caller's own account is a same-account peering", async () => {
    const p = await pair(world, "same-account");
    const created = await peer(world.a, p.vpc, p.peerVpc, { peerAccount: world.a.account });
    expect(created.status).toBe("ACTIVE");
  });
});

describe("accept and reject (cross-account)", () => {
  it("the accepter accepts: ACTIVE, no expiry, visible as ACTIVE to both", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    world.clock.advance(3 * DAY_MS);
    const accepted = await p.accepter.acceptPeering(created.id);
    expect(accepted.status).toBe("ACTIVE");
    expect(accepted.expiresAt).toBeUndefined();
    expect(accepted.updatedAt).toBe(new Date(world.clock.now()).toISOString());
    // An ACTIVE peering never expires.
    world.clock.advance(30 * DAY_MS);
    expect((await p.requester.describePeering(created.id)).status).toBe("ACTIVE");
  });

  it("the accepter rejects: REJECTED, still visible to describe and list on both sides", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(p.requester, p.vpc, p.peerVpc);
    const rejected = await p.accepter.rejectPeering(created.id);
    expect(rejected.status).toBe("REJECTED");
    for (const side of [p.requester, p.accepter]) {
      expect((await side.describePeering(created.id)).status).toBe("REJECTED");
      expect(await peeringIds(side)).toContain(created.id);
      const filtered = await side.listPeerings({ status: ["REJECTED"] });
      expect(filtered.items.map((i) => i.id)).toEqual([created.id]);
    }
  });
});

describe("expiry (seed 000: 7 days)", () => {
  async function pending(): Promise<Pair & { peering: PeeringInfo }> {
    const p = await pair(world, "cross-account");
    return { ...p, peering: await peer(p.requester, p.vpc, p.peerVpc) };
  }

  it("is PENDING 1 ms before 7 days and EXPIRED at 7 days, for both sides and in lists", async () => {
    const { requester, accepter, peering } = await pending();
    world.clock.advance(7 * DAY_MS - 1);
    for (const side of [requester, accepter])
      expect((await side.describePeering(peering.id)).status).toBe("PENDING");
    world.clock.advance(1);
    for (const side of [requester, accepter]) {
      const seen = await side.describePeering(peering.id);
      expect(seen.status).toBe("EXPIRED");
      expect(seen.expiresAt).toBeUndefined();
      const listed = await side.listPeerings({ status: ["EXPIRED"] });
      expect(listed.items.map((i) => i.id)).toEqual([peering.id]);
    }
    expect((await requester.listPeerings({ status: ["PENDING"] })).total).toBe(0);
  });

  it.each(["accept", "reject"] as const)(
    "%s of an EXPIRED request is a state-change error",
    async (action) => {
      const { accepter, peering } = await pending();
      world.clock.advance(7 * DAY_MS);
      const call =
        action === "accept" ? accepter.acceptPeering(peering.id) : accepter.rejectPeering(peering.id);
      await expectRefusal(call, { ...STATE_ERROR, mentions: [peering.id, "EXPIRED", "re-enable"] });
      expect((await accepter.describePeering(peering.id)).status).toBe("EXPIRED");
    },
  );

  it("the requester re-enables an EXPIRED request: PENDING with a new 7-day expiry, then acceptable", async () => {
    const { requester, accepter, peering } = await pending();
    world.clock.advance(10 * DAY_MS);
    const enabled = await requester.enablePeering(peering.id);
    expect(enabled.status).toBe("PENDING");
    expect(enabled.expiresAt).toBe(new Date(world.clock.now() + 7 * DAY_MS).toISOString());
    expect(enabled.expiresAt).not.toBe(peering.expiresAt);
    world.clock.advance(7 * DAY_MS - 1);
    expect((await accepter.acceptPeering(peering.id)).status).toBe("ACTIVE");
  });

  it("a re-enabled request expires again 7 days after the re-enable", async () => {
    const { requester, peering } = await pending();
    world.clock.advance(8 * DAY_MS);
    await requester.enablePeering(peering.id);
    world.clock.advance(7 * DAY_MS);
    expect((await requester.describePeering(peering.id)).status).toBe("EXPIRED");
  });

  it("only the requester may re-enable", async () => {
    const { requester, accepter, peering } = await pending();
    world.clock.advance(7 * DAY_MS);
    await expectRefusal(accepter.enablePeering(peering.id), {
      code: "PERMISSION_DENIED",
      cloudCode: "UnsupportedOperation.VpcPeerPurviewError",
      mentions: [peering.id, requester.account],
    });
    expect((await requester.describePeering(peering.id)).status).toBe("EXPIRED");
  });

  it.each<[string, (p: Pair & { peering: PeeringInfo }) => Promise<unknown>, PeeringStatus]>([
    ["PENDING", async () => {}, "PENDING"],
    ["ACTIVE", (p) => p.accepter.acceptPeering(p.peering.id), "ACTIVE"],
    ["REJECTED", (p) => p.accepter.rejectPeering(p.peering.id), "REJECTED"],
    ["DELETED", (p) => p.requester.deletePeering(p.peering.id), "DELETED"],
  ])("enable of a %s peering is a state-change error", async (_, setup, status) => {
    const p = await pending();
    await setup(p);
    await expectRefusal(p.requester.enablePeering(p.peering.id), {
      ...STATE_ERROR,
      mentions: [p.peering.id, status],
    });
    expect((await p.requester.describePeering(p.peering.id)).status).toBe(status);
  });
});

describe("accept/reject of anything not PENDING", () => {
  type Setup = (p: Pair & { peering: PeeringInfo }) => Promise<unknown>;
  const states: [string, Setup][] = [
    ["ACTIVE", (p) => p.accepter.acceptPeering(p.peering.id)],
    ["REJECTED", (p) => p.accepter.rejectPeering(p.peering.id)],
    [
      "EXPIRED",
      async () => {
        world.clock.advance(7 * DAY_MS);
      },
    ],
    ["DELETED", (p) => p.accepter.deletePeering(p.peering.id)],
  ];
  const cases = states.flatMap(([state, setup]) =>
    (["accept", "reject"] as const).map((action) => [action, state, setup] as const),
  );

  it.each(cases)(
    "%s of a %s peering: INVALID_STATE_TRANSITION, state unchanged",
    async (action, state, setup) => {
      const p = await pair(world, "cross-account");
      const peering = await peer(p.requester, p.vpc, p.peerVpc);
      await setup({ ...p, peering });
      const call =
        action === "accept" ? p.accepter.acceptPeering(peering.id) : p.accepter.rejectPeering(peering.id);
      const error = await expectRefusal(call, { ...STATE_ERROR, mentions: [peering.id, state, action] });
      expect(error.value).toBe(state);
      expect((await p.requester.describePeering(peering.id)).status).toBe(state);
    },
  );

  it.each(["accept", "reject"] as const)(
    "same-account: %s of the (already ACTIVE) peering is a state-change error",
    async (action) => {
      const p = await pair(world, "same-account");
      const peering = await peer(p.requester, p.vpc, p.peerVpc);
      const call =
        action === "accept" ? world.a.acceptPeering(peering.id) : world.a.rejectPeering(peering.id);
      await expectRefusal(call, { ...STATE_ERROR, mentions: [peering.id, "ACTIVE"] });
      expect((await world.a.describePeering(peering.id)).status).toBe("ACTIVE");
    },
  );
});

describe("delete from either side, from every state", () => {
  type Setup = (p: Pair & { peering: PeeringInfo }) => Promise<unknown>;
  const noop: Setup = async () => {};
  const states: [Variant, string, Setup][] = [
    ["same-account", "ACTIVE", noop],
    ["cross-account", "PENDING", noop],
    ["cross-account", "ACTIVE", (p) => p.accepter.acceptPeering(p.peering.id)],
    ["cross-account", "REJECTED", (p) => p.accepter.rejectPeering(p.peering.id)],
    [
      "cross-account",
      "EXPIRED",
      async () => {
        world.clock.advance(7 * DAY_MS);
      },
    ],
  ];
  const cases = states.flatMap(([variant, state, setup]) =>
    (["requester", "accepter"] as const).map((side) => [variant, state, side, setup] as const),
  );

  it.each(cases)(
    "%s %s deleted by the %s: DELETED and still visible to both",
    async (variant, state, side, setup) => {
      const p = await pair(world, variant);
      const peering = await peer(p.requester, p.vpc, p.peerVpc);
      await setup({ ...p, peering });
      expect((await p.requester.describePeering(peering.id)).status).toBe(state);
      world.clock.advance(1000);
      await p[side].deletePeering(peering.id);
      for (const viewer of [p.requester, p.accepter]) {
        const seen = await viewer.describePeering(peering.id);
        expect(seen.status).toBe("DELETED");
        expect(seen.expiresAt).toBeUndefined();
        expect(seen.updatedAt).toBe(new Date(world.clock.now()).toISOString());
        expect(await peeringIds(viewer)).toContain(peering.id);
        const byVpc = await viewer.listPeerings({ vpcId: p.peerVpc.id, status: ["DELETED"] });
        expect(byVpc.items.map((i) => i.id)).toEqual([peering.id]);
      }
      // Time never brings a deleted peering back (a PENDING one would otherwise have expired).
      world.clock.advance(30 * DAY_MS);
      expect((await p.requester.describePeering(peering.id)).status).toBe("DELETED");
    },
  );

  it.each(VARIANTS)("%s: deleting a DELETED peering is a state-change error", async (variant) => {
    const p = await pair(world, variant);
    const peering = await peer(p.requester, p.vpc, p.peerVpc);
    await p.requester.deletePeering(peering.id);
    await expectRefusal(p.accepter.deletePeering(peering.id), {
      ...STATE_ERROR,
      mentions: [peering.id, "DELETED", "create a new one"],
    });
  });
});

describe("listPeerings", () => {
  it("filters by VPC, name, ids and status, and pages with a total in creation order", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y1 = await vpc(world.b, "10.1.0.0/16");
    const y2 = await vpc(world.a, "10.2.0.0/16");
    const y3 = await vpc(world.b, "10.3.0.0/16");
    const p1 = await peer(world.a, x, y1, { name: "one" });
    world.clock.advance(1);
    const p2 = await peer(world.a, x, y2, { name: "two" });
    world.clock.advance(1);
    const p3 = await peer(world.a, x, y3, { name: "three" });
    const ids = (page: { items: readonly PeeringInfo[] }) => page.items.map((i) => i.id);
    expect(ids(await world.a.listPeerings())).toEqual([p1.id, p2.id, p3.id]);
    expect(ids(await world.a.listPeerings({ vpcId: y2.id }))).toEqual([p2.id]);
    expect(ids(await world.a.listPeerings({ name: "three" }))).toEqual([p3.id]);
    expect(ids(await world.a.listPeerings({ ids: [p3.id, p1.id] }))).toEqual([p1.id, p3.id]);
    expect(ids(await world.a.listPeerings({ status: ["ACTIVE"] }))).toEqual([p2.id]);
    expect(ids(await world.a.listPeerings({ status: ["PENDING", "ACTIVE"], vpcId: x.id }))).toEqual([
      p1.id,
      p2.id,
      p3.id,
    ]);
    const page = await world.a.listPeerings({}, { offset: 1, limit: 1 });
    expect({ ids: ids(page), total: page.total }).toEqual({ ids: [p2.id], total: 3 });
    // The accepter account sees the two it is a side of.
    expect(ids(await world.b.listPeerings())).toEqual([p1.id, p3.id]);
  });

  it.each([[{ offset: -1 }], [{ limit: 0 }], [{ limit: 1001 }], [{ offset: 1.5 }]])(
    "refuses paging %j",
    async (page) => {
      await expectRefusal(world.a.listPeerings({}, page), {
        code: "INVALID_PARAMETER",
        cloudCode: "InvalidParameterValue.Range",
        mentions: ["offset", "limit"],
      });
    },
  );
});
