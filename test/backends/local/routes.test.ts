/**
 * Routes through peerings (seed 000): the next hop is an ACTIVE peering of the route's VPC, the destination lies
 * in the peer VPC, one next hop per destination and table, never the VPC's own CIDRs; deleting a peering removes
 * every route through it on both sides and nothing else.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, type RouteInfo } from "../../../provider/backends/index.js";
import {
  activePeering,
  BJ,
  expectRefusal,
  GZ,
  mainTable,
  openWorld,
  pair,
  peer,
  VARIANTS,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const NOT_IN_PEER = "InvalidParameterValue.CidrNotInPeerVpc";

describe("routes on both sides", () => {
  it.each(VARIANTS)("%s: each side routes to the other through the peering", async (variant) => {
    const { requester, accepter, vpc: x, peerVpc: y, peering } = await activePeering(world, variant);
    world.clock.advance(5);
    const there = await requester.createRoute({
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: peering.id,
      description: "to y",
    });
    const back = await accepter.createRoute({
      vpcId: y.id,
      destination: "10.0.0.0/16",
      peeringId: peering.id,
    });
    expect(there).toMatchObject({
      vpcId: x.id,
      routeTableId: mainTable(x),
      destination: "10.1.0.0/16",
      peeringId: peering.id,
      description: "to y",
      createdAt: new Date(world.clock.now()).toISOString(),
    });
    expect(back).toMatchObject({ vpcId: y.id, routeTableId: mainTable(y), description: "" });
    expect(await requester.listRoutes(mainTable(x))).toEqual([there]);
    expect(await accepter.listRoutes(mainTable(y))).toEqual([back]);
  });

  it("a destination inside the peer (narrower than its CIDR, or a secondary CIDR) is accepted", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, ["10.1.0.0/16", "172.16.0.0/20"]);
    const p = await peer(world.a, x, y);
    await world.b.acceptPeering(p.id);
    for (const destination of ["10.1.2.0/24", "172.16.0.0/20", "172.16.8.8/32"])
      expect((await world.a.createRoute({ vpcId: x.id, destination, peeringId: p.id })).destination).toBe(
        destination,
      );
  });

  it("the requester cannot write the accepter's route table (the VPC is not its own)", async () => {
    const { peerVpc: y, peering } = await activePeering(world, "cross-account");
    await expectRefusal(
      world.a.createRoute({ vpcId: y.id, destination: "10.0.0.0/16", peeringId: peering.id }),
      {
        code: "NOT_FOUND",
        cloudCode: "ResourceNotFound",
        mentions: [y.id, world.a.account],
      },
    );
    expect(await world.b.listRoutes(mainTable(y))).toEqual([]);
  });
});

describe("next hop", () => {
  it("must be a peering of the route's VPC (ROUTE_NOT_ON_PEERING)", async () => {
    const { vpc: x, peering } = await activePeering(world, "same-account");
    const z = await vpc(world.a, "10.2.0.0/16");
    await expectRefusal(
      world.a.createRoute({ vpcId: z.id, destination: "10.1.0.0/16", peeringId: peering.id }),
      {
        code: "ROUTE_NOT_ON_PEERING",
        cloudCode: "InvalidParameterValue.RouteNextHopInvalid",
        mentions: [z.id, peering.id, x.id],
      },
    );
    expect(await world.a.listRoutes(mainTable(z))).toEqual([]);
  });

  it("an unknown peering is NOT_FOUND", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    await expectRefusal(
      world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: "pcx-nope0000" }),
      {
        code: "NOT_FOUND",
        cloudCode: "ResourceNotFound",
        mentions: ["pcx-nope0000"],
      },
    );
  });

  const notActive: [string, (w: World, id: string) => Promise<unknown>][] = [
    ["PENDING", async () => {}],
    ["REJECTED", (w, id) => w.b.rejectPeering(id)],
    [
      "EXPIRED",
      async (w) => {
        w.clock.advance(7 * DAY_MS);
      },
    ],
    ["DELETED", (w, id) => w.a.deletePeering(id)],
  ];

  it.each(notActive)("must be ACTIVE: a %s peering is refused (PEERING_NOT_ACTIVE)", async (state, setup) => {
    const p = await pair(world, "cross-account");
    const peering = await peer(p.requester, p.vpc, p.peerVpc);
    await setup(world, peering.id);
    await expectRefusal(
      world.a.createRoute({ vpcId: p.vpc.id, destination: "10.1.0.0/16", peeringId: peering.id }),
      {
        code: "PEERING_NOT_ACTIVE",
        cloudCode: "UnsupportedOperation.InvalidState",
        mentions: [peering.id, state, "ACTIVE"],
      },
    );
    expect(await world.a.listRoutes(mainTable(p.vpc))).toEqual([]);
  });
});

describe("destination", () => {
  it.each<[string, string, string, string, string[]]>([
    [
      "outside every VPC",
      "192.168.0.0/24",
      "ROUTE_DESTINATION_NOT_IN_PEER",
      NOT_IN_PEER,
      ["outside peer VPC"],
    ],
    [
      "covering both the own VPC and the peer",
      "10.0.0.0/15",
      "ROUTE_CONFLICT",
      "InvalidParameterValue.VpcCidrConflict",
      ["own CIDR 10.0.0.0/16"],
    ],
  ])("a destination %s (%s) is %s", async (_, destination, code, cloudCode, mentions) => {
    const { vpc: x, peering } = await activePeering(world, "cross-account");
    await expectRefusal(world.a.createRoute({ vpcId: x.id, destination, peeringId: peering.id }), {
      code,
      cloudCode,
      mentions: [x.id, destination, ...mentions],
    });
    expect(await world.a.listRoutes(mainTable(x))).toEqual([]);
  });

  it("partly inside the peer (and not the own VPC): ROUTE_DESTINATION_NOT_IN_PEER naming the peer's block", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, "10.2.0.0/16");
    const p = await peer(world.a, x, y);
    await world.b.acceptPeering(p.id);
    await expectRefusal(world.a.createRoute({ vpcId: x.id, destination: "10.2.0.0/15", peeringId: p.id }), {
      code: "ROUTE_DESTINATION_NOT_IN_PEER",
      cloudCode: NOT_IN_PEER,
      mentions: ["10.2.0.0/15", "only partly", y.id, "10.2.0.0/16"],
    });
  });

  it.each(VARIANTS)("%s: a third VPC's CIDR through the peering is TRANSITIVE_ROUTE", async (variant) => {
    // x - y - z: x routes z's CIDR through the x-y peering (peering is never transitive, seed 000).
    const { requester, vpc: x, peerVpc: y, peering, accepter } = await activePeering(world, variant);
    const z = await vpc(accepter, "10.2.0.0/16");
    const onward = await peer(accepter, y, z);
    await expectRefusal(
      requester.createRoute({ vpcId: x.id, destination: "10.2.0.0/16", peeringId: peering.id }),
      {
        code: "TRANSITIVE_ROUTE",
        cloudCode: NOT_IN_PEER,
        mentions: [x.id, y.id, z.id, peering.id, onward.id, "transitive"],
      },
    );
    expect(await requester.listRoutes(mainTable(x))).toEqual([]);
  });

  it("an invalid destination is INVALID_CIDR naming the fix", async () => {
    const { vpc: x, peering } = await activePeering(world, "same-account");
    await expectRefusal(
      world.a.createRoute({ vpcId: x.id, destination: "10.1.0.1/16", peeringId: peering.id }),
      {
        code: "INVALID_CIDR",
        cloudCode: "InvalidParameterValue.Malformed",
        mentions: ["10.1.0.1/16", "10.1.0.0/16"],
      },
    );
  });
});

describe("ROUTE_CONFLICT", () => {
  it("the same destination and next hop twice in one table: InvalidParameterValue.Duplicate", async () => {
    const { vpc: x, peering } = await activePeering(world, "cross-account");
    const first = await world.a.createRoute({
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: peering.id,
    });
    await expectRefusal(
      world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: peering.id }),
      {
        code: "ROUTE_CONFLICT",
        cloudCode: "InvalidParameterValue.Duplicate",
        mentions: ["10.1.0.0/16", x.id, "twice"],
      },
    );
    expect(await world.a.listRoutes(mainTable(x))).toEqual([first]);
  });

  it("the same destination through another peering: UnsupportedOperation.EcmpWithUserRoute", async () => {
    // Two same-region peers with the same CIDR (allowed: only cross-region peers must be disjoint, seed 000).
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, "10.1.0.0/16");
    const z = await vpc(world.c, "10.1.0.0/16");
    const py = await peer(world.a, x, y);
    const pz = await peer(world.a, x, z);
    await world.b.acceptPeering(py.id);
    await world.c.acceptPeering(pz.id);
    await world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: py.id });
    await expectRefusal(world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: pz.id }), {
      code: "ROUTE_CONFLICT",
      cloudCode: "UnsupportedOperation.EcmpWithUserRoute",
      mentions: ["10.1.0.0/16", py.id, pz.id, "two next hops"],
    });
  });

  it.each(["10.0.0.0/16", "10.0.3.0/24", "10.0.0.0/8"])(
    "a destination overlapping the VPC's own CIDR (%s): InvalidParameterValue.VpcCidrConflict",
    async (destination) => {
      const { vpc: x, peering } = await activePeering(world, "cross-account");
      await expectRefusal(world.a.createRoute({ vpcId: x.id, destination, peeringId: peering.id }), {
        code: "ROUTE_CONFLICT",
        cloudCode: "InvalidParameterValue.VpcCidrConflict",
        mentions: [x.id, destination, "10.0.0.0/16"],
      });
    },
  );

  it("a destination overlapping the VPC's secondary CIDR is refused as well", async () => {
    const x = await vpc(world.a, ["10.0.0.0/16", "10.1.0.0/24"]);
    const y = await vpc(world.a, "10.1.4.0/22");
    const p = await peer(world.a, x, y);
    await expectRefusal(world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/21", peeringId: p.id }), {
      code: "ROUTE_CONFLICT",
      cloudCode: "InvalidParameterValue.VpcCidrConflict",
      mentions: ["10.1.0.0/24"],
    });
  });
});

describe("route tables", () => {
  it("the same destination may sit in the main table and an extra table; listRoutes is per table", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ, { routeTables: ["private"] });
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    const p = await peer(world.a, x, y);
    await world.b.acceptPeering(p.id);
    const extra = x.routeTables.find((t) => t.name === "private")!;
    const added = await world.a.createRouteTable(x.id, "db");
    const inMain = await world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: p.id });
    const inExtra = await world.a.createRoute({
      vpcId: x.id,
      routeTableId: extra.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
    });
    const inAdded = await world.a.createRoute({
      vpcId: x.id,
      routeTableId: added.id,
      destination: "10.1.128.0/17",
      peeringId: p.id,
    });
    expect(inExtra.routeTableId).toBe(extra.id);
    expect(await world.a.listRoutes(mainTable(x))).toEqual([inMain]);
    expect(await world.a.listRoutes(extra.id)).toEqual([inExtra]);
    expect(await world.a.listRoutes(added.id)).toEqual([inAdded]);
    // A duplicate inside the extra table is still a conflict.
    await expectRefusal(
      world.a.createRoute({
        vpcId: x.id,
        routeTableId: extra.id,
        destination: "10.1.0.0/16",
        peeringId: p.id,
      }),
      { code: "ROUTE_CONFLICT", cloudCode: "InvalidParameterValue.Duplicate", mentions: [extra.id] },
    );
  });

  it("a route table of another VPC is NOT_FOUND, naming the VPC's own tables", async () => {
    const { vpc: x, peering } = await activePeering(world, "same-account");
    const other = await vpc(world.a, "10.9.0.0/16");
    await expectRefusal(
      world.a.createRoute({
        vpcId: x.id,
        routeTableId: mainTable(other),
        destination: "10.1.0.0/16",
        peeringId: peering.id,
      }),
      { code: "NOT_FOUND", cloudCode: "ResourceNotFound", mentions: [mainTable(other), x.id, mainTable(x)] },
    );
  });

  it("listRoutes of another account's table, or an unknown one, is NOT_FOUND", async () => {
    const { peerVpc: y } = await activePeering(world, "cross-account");
    for (const table of [mainTable(y), "rtb-unknown0"])
      await expectRefusal(world.a.listRoutes(table), {
        code: "NOT_FOUND",
        cloudCode: "ResourceNotFound",
        mentions: [table],
      });
  });
});

describe("deleteRoute", () => {
  it("removes one route; deleting it again, or another account's route, is NOT_FOUND", async () => {
    const { vpc: x, peerVpc: y, peering } = await activePeering(world, "cross-account");
    const r1 = await world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/17", peeringId: peering.id });
    const r2 = await world.a.createRoute({
      vpcId: x.id,
      destination: "10.1.128.0/17",
      peeringId: peering.id,
    });
    const back = await world.b.createRoute({
      vpcId: y.id,
      destination: "10.0.0.0/16",
      peeringId: peering.id,
    });
    await world.a.deleteRoute(r1.id);
    expect(await world.a.listRoutes(mainTable(x))).toEqual([r2]);
    await expectRefusal(world.a.deleteRoute(r1.id), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [r1.id],
    });
    await expectRefusal(world.a.deleteRoute(back.id), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [back.id, world.a.account],
    });
    expect(await world.b.listRoutes(mainTable(y))).toEqual([back]);
    // The destination is free again.
    expect(
      (await world.a.createRoute({ vpcId: x.id, destination: "10.1.0.0/17", peeringId: peering.id })).id,
    ).not.toBe(r1.id);
  });
});

describe("deleting a peering removes its routes on both sides, and only those", () => {
  it.each(VARIANTS.flatMap((v) => (["requester", "accepter"] as const).map((s) => [v, s] as const)))(
    "%s, deleted by the %s",
    async (variant, side) => {
      const setup = await activePeering(world, variant);
      const { requester, accepter, vpc: x, peerVpc: y, peering } = setup;
      // A second peering of x, with routes in the same tables, must keep its routes.
      const z = await vpc(requester, "10.2.0.0/16", GZ, { routeTables: ["extra"] });
      const other = await peer(requester, x, z);
      const extra =
        x.routeTables.length > 1 ? x.routeTables[1]!.id : (await requester.createRouteTable(x.id, "t2")).id;
      const gone: RouteInfo[] = [
        await requester.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: peering.id }),
        await requester.createRoute({
          vpcId: x.id,
          routeTableId: extra,
          destination: "10.1.0.0/16",
          peeringId: peering.id,
        }),
        await accepter.createRoute({ vpcId: y.id, destination: "10.0.0.0/16", peeringId: peering.id }),
      ];
      const kept: RouteInfo[] = [
        await requester.createRoute({ vpcId: x.id, destination: "10.2.0.0/16", peeringId: other.id }),
        await requester.createRoute({ vpcId: z.id, destination: "10.0.0.0/16", peeringId: other.id }),
      ];
      await setup[side].deletePeering(peering.id);
      expect(await requester.listRoutes(mainTable(x))).toEqual([kept[0]]);
      expect(await requester.listRoutes(extra)).toEqual([]);
      expect(await accepter.listRoutes(mainTable(y))).toEqual([]);
      expect(await requester.listRoutes(mainTable(z))).toEqual([kept[1]]);
      for (const route of gone)
        await expectRefusal((route.vpcId === y.id ? accepter : requester).deleteRoute(route.id), {
          code: "NOT_FOUND",
          cloudCode: "ResourceNotFound",
        });
    },
  );
});
