/**
 * Lists come in creation order, also for what is created within one millisecond (a clock that stands still here):
 * ids are random, so ordering by id used to shuffle a batch, e.g. the routes of one Tencent CreateRoutes call.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activePeering, mainTable, openWorld, vpc, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

describe("creation order at one instant", () => {
  it("routes and VPCs are listed in the order they were created", async () => {
    const { vpc: own, peering } = await activePeering(world, "same-account");
    const destinations = Array.from({ length: 16 }, (_, i) => `10.1.${i * 16}.0/20`);
    for (const destination of destinations)
      await world.a.createRoute({ vpcId: own.id, destination, peeringId: peering.id });
    expect((await world.a.listRoutes(mainTable(own))).map((r) => r.destination)).toEqual(destinations);

    const names = Array.from({ length: 12 }, (_, i) => `v${i}`);
    for (const [i, name] of names.entries()) await vpc(world.c, `172.${16 + i}.0.0/16`, undefined, { name });
    expect((await world.c.listVpcs()).map((v) => v.name)).toEqual(names);
  });
});
