/**
 * Authorization as the clouds do it: the caller's account comes from its session; it sees only its own VPCs and
 * the peerings it is a side of; only the accepter accepts or rejects; either side deletes or modifies; a third
 * account gets Tencent's UnsupportedOperation.VpcPeerPurviewError.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalBackend, LocalStateEngine } from "../../../provider/backends/index.js";
import {
  activePeering,
  BJ,
  expectRefusal,
  openWorld,
  pair,
  peer,
  peeringIds,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const DENIED = { code: "PERMISSION_DENIED", cloudCode: "UnsupportedOperation.VpcPeerPurviewError" } as const;
const NOT_FOUND = { code: "NOT_FOUND", cloudCode: "ResourceNotFound" } as const;

describe("VPCs are private to their account", () => {
  it("listVpcs shows only the caller's VPCs", async () => {
    const mine = await vpc(world.a, "10.0.0.0/16");
    const theirs = await vpc(world.b, "10.1.0.0/16");
    expect((await world.a.listVpcs()).map((v) => v.id)).toEqual([mine.id]);
    expect((await world.b.listVpcs()).map((v) => v.id)).toEqual([theirs.id]);
    expect(await world.c.listVpcs()).toEqual([]);
  });

  it.each<[string, (b: LocalBackend, id: string) => Promise<unknown>]>([
    ["describeVpc", (b, id) => b.describeVpc(id)],
    ["deleteVpc", (b, id) => b.deleteVpc(id)],
    ["listRouteTables", (b, id) => b.listRouteTables(id)],
    ["createRouteTable", (b, id) => b.createRouteTable(id, "x")],
  ])("%s of another account's VPC is NOT_FOUND (it is invisible), and changes nothing", async (_, call) => {
    const theirs = await vpc(world.b, "10.1.0.0/16");
    await expectRefusal(call(world.a, theirs.id), { ...NOT_FOUND, mentions: [theirs.id, world.a.account] });
    expect(await world.b.describeVpc(theirs.id)).toEqual(theirs);
  });
});

describe("peerings are visible to their two sides only", () => {
  it("list filters by side; a third account sees nothing", async () => {
    const p = await pair(world, "cross-account");
    const created = await peer(world.a, p.vpc, p.peerVpc);
    const own = await peer(world.c, await vpc(world.c, "10.5.0.0/16"), await vpc(world.c, "10.6.0.0/16"));
    expect(await peeringIds(world.a)).toEqual([created.id]);
    expect(await peeringIds(world.b)).toEqual([created.id]);
    expect(await peeringIds(world.c)).toEqual([own.id]);
    expect((await world.c.listPeerings({ ids: [created.id] })).total).toBe(0);
    expect((await world.c.listPeerings({ vpcId: p.vpc.id })).total).toBe(0);
  });

  const thirdParty: [string, (c: LocalBackend, id: string) => Promise<unknown>][] = [
    ["describePeering", (c, id) => c.describePeering(id)],
    ["deletePeering", (c, id) => c.deletePeering(id)],
    ["modifyPeering", (c, id) => c.modifyPeering(id, { name: "mine now" })],
    ["acceptPeering", (c, id) => c.acceptPeering(id)],
    ["rejectPeering", (c, id) => c.rejectPeering(id)],
    ["enablePeering", (c, id) => c.enablePeering(id)],
    ["setBandwidthLimit", (c, id) => c.setBandwidthLimit(id, { ip: "10.0.0.5", limitMbps: 10 })],
    ["listBandwidthLimits", (c, id) => c.listBandwidthLimits(id)],
    ["removeBandwidthLimit", (c, id) => c.removeBandwidthLimit(id, "10.0.0.5")],
  ];

  it.each(thirdParty)("a third account's %s is PERMISSION_DENIED, naming both sides", async (_, call) => {
    const p = await pair(world, "cross-account", BJ);
    const created = await peer(world.a, p.vpc, p.peerVpc);
    const error = await expectRefusal(call(world.c, created.id), {
      ...DENIED,
      mentions: [world.c.account, created.id, world.a.account, world.b.account],
    });
    expect(error.value).toBe(world.c.account);
    expect(await world.a.describePeering(created.id)).toEqual(created);
  });

  it("a third account cannot route through someone else's peering from its own VPC", async () => {
    const { peering } = await activePeering(world, "cross-account");
    const own = await vpc(world.c, "10.7.0.0/16");
    await expectRefusal(
      world.c.createRoute({ vpcId: own.id, destination: "10.1.0.0/16", peeringId: peering.id }),
      {
        ...DENIED,
        mentions: [world.c.account, peering.id],
      },
    );
  });

  it.each<[string, (b: LocalBackend) => Promise<unknown>]>([
    ["describePeering", (b) => b.describePeering("pcx-00000000")],
    ["deletePeering", (b) => b.deletePeering("pcx-00000000")],
    ["acceptPeering", (b) => b.acceptPeering("pcx-00000000")],
    ["listBandwidthLimits", (b) => b.listBandwidthLimits("pcx-00000000")],
  ])("%s of an unknown peering is NOT_FOUND", async (_, call) => {
    await expectRefusal(call(world.a), { ...NOT_FOUND, mentions: ["pcx-00000000", world.a.account] });
  });
});

describe("who may do what", () => {
  it.each(["accept", "reject"] as const)(
    "only the accepter may %s; the requester is denied",
    async (action) => {
      const p = await pair(world, "cross-account");
      const created = await peer(world.a, p.vpc, p.peerVpc);
      const call =
        action === "accept" ? world.a.acceptPeering(created.id) : world.a.rejectPeering(created.id);
      await expectRefusal(call, { ...DENIED, mentions: [world.b.account, action, created.id] });
      expect((await world.b.describePeering(created.id)).status).toBe("PENDING");
    },
  );

  it.each(["requester", "accepter"] as const)("the %s may modify", async (side) => {
    const p = await pair(world, "cross-account");
    const created = await peer(world.a, p.vpc, p.peerVpc);
    const by = side === "requester" ? world.a : world.b;
    const modified = await by.modifyPeering(created.id, { name: `by-${side}` });
    expect(modified.name).toBe(`by-${side}`);
    expect((await world.a.describePeering(created.id)).name).toBe(`by-${side}`);
  });

  it.each(["requester", "accepter"] as const)("the %s may delete", async (side) => {
    const p = await pair(world, "cross-account");
    const created = await peer(world.a, p.vpc, p.peerVpc);
    await (side === "requester" ? world.a : world.b).deletePeering(created.id);
    expect((await world.a.describePeering(created.id)).status).toBe("DELETED");
  });
});

describe("sessions", () => {
  it("a session needs an account", () => {
    let caught: unknown;
    try {
      world.engine.session("");
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "AUTH_FAILED", cloudCode: "AuthFailure" });
  });

  it("two sessions of one account on one engine see the same state", async () => {
    const again = world.engine.session(world.a.account);
    const created = await vpc(world.a, "10.0.0.0/16");
    expect(await again.describeVpc(created.id)).toEqual(created);
    expect(again.account).toBe(world.a.account);
    expect(again.kind).toBe("local");
  });

  it("capabilities say what the local backend supports", () => {
    expect(world.a.capabilities()).toEqual({
      perIpBandwidthLimits: true,
      bandwidthResize: true,
      reenableExpired: true,
      dnsSync: false,
      clientToken: true,
      renamePeering: true,
      secondaryCidrs: true,
      subnets: true,
    });
  });

  it("a closed engine refuses calls with BACKEND_UNAVAILABLE", async () => {
    const engine = LocalStateEngine.open({ file: ":memory:" });
    const session = engine.session("x");
    engine.close();
    engine.close();
    let caught: unknown;
    try {
      await session.listVpcs();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "BACKEND_UNAVAILABLE", cloudCode: "InternalError" });
  });
});
