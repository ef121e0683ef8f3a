/**
 * listPeerings filters, counts and pages in the engine's query. Each page and total must be exactly the slice of
 * the account's whole list filtered the slow way (every peering read, its status judged at read time), also for
 * statuses that only time produces: a PENDING request past its 7 days reads EXPIRED, a transient phase settles.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PeeringFilter, PeeringInfo, PeeringStatus } from "../../../provider/backends/backend.js";
import { GZ, openWorld, peer, vpc, type World } from "./support.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const PHASE = 5_000;

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function everything(): Promise<PeeringInfo[]> {
  const all: PeeringInfo[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await world.a.listPeerings({}, { offset, limit: 1000 });
    all.push(...page.items);
    if (all.length >= page.total) return all;
  }
}

function matches(p: PeeringInfo, f: PeeringFilter): boolean {
  return (
    (f.vpcId === undefined || p.vpcId === f.vpcId || p.peerVpcId === f.vpcId) &&
    (f.name === undefined || p.name === f.name) &&
    (f.cloud === undefined || p.cloud === f.cloud) &&
    (f.ids === undefined || f.ids.includes(p.id)) &&
    (f.status === undefined || f.status.includes(p.status))
  );
}

describe("listPeerings pages in the query", () => {
  it("every page and total equal the filtered whole list, with statuses judged at read time", async () => {
    // Two hubs of 6 spokes each (Tencent allows 10 peerings per VPC).
    const hubs = [await vpc(world.a, "10.0.0.0/16", GZ), await vpc(world.a, "10.100.0.0/16", GZ)];
    const hub = hubs[0] as (typeof hubs)[number];
    const spokes = [];
    for (let i = 0; i < 12; i += 1) spokes.push(await vpc(world.b, `10.${i + 1}.0.0/16`, GZ));
    const created: PeeringInfo[] = [];
    for (const [i, spoke] of spokes.entries())
      created.push(await peer(world.a, hubs[i % 2] ?? hub, spoke, i % 4 === 0 ? { name: "twin" } : {}));
    // Some expire (7 days pass before they are answered), some are accepted, some rejected.
    world.clock.advance(3 * DAY_MS);
    const late = await vpc(world.a, "10.200.0.0/16", GZ);
    const own = await vpc(world.a, "10.201.0.0/16", GZ);
    created.push(await peer(world.a, late, own, { name: "twin" }));
    await world.b.acceptPeering(created[1]?.id as string);
    await world.b.rejectPeering(created[2]?.id as string);
    world.clock.advance(4 * DAY_MS + 1);

    const all = await everything();
    const seen = new Set(all.map((p) => p.status));
    expect(seen.has("EXPIRED")).toBe(true);
    expect(all.length).toBe(13);

    const filters: PeeringFilter[] = [
      {},
      { vpcId: hub.id },
      { vpcId: spokes[3]?.id as string },
      { name: "twin" },
      { status: ["EXPIRED"] },
      { status: ["PENDING", "ACTIVE", "REJECTED"] as PeeringStatus[] },
      { status: [] },
      { cloud: "tencentcloud", name: "twin", status: ["EXPIRED"] },
      { cloud: "huaweicloud" },
      { ids: [created[5]?.id as string, created[7]?.id as string, "pcx-nothere"] },
    ];
    for (const filter of filters) {
      const wanted = all.filter((p) => matches(p, filter));
      for (const limit of [1, 3, 5, 100]) {
        for (let offset = 0; offset <= wanted.length + 1; offset += limit) {
          const page = await world.a.listPeerings(filter, { offset, limit });
          expect({ filter, offset, limit, total: page.total, ids: page.items.map((p) => p.id) }).toEqual({
            filter,
            offset,
            limit,
            total: wanted.length,
            ids: wanted.slice(offset, offset + limit).map((p) => p.id),
          });
          expect(page.items).toEqual(wanted.slice(offset, offset + limit));
        }
      }
    }
  });

  it("a transient phase that has settled is filtered by the settled status", async () => {
    world.close();
    world = openWorld({ transientPhaseMs: PHASE });
    const a = await vpc(world.a, "10.0.0.0/16", GZ);
    const b = await vpc(world.b, "10.1.0.0/16", GZ);
    const created = await peer(world.a, a, b);
    const before = (await world.a.listPeerings({ ids: [created.id] })).items[0]?.status;
    world.clock.advance(PHASE + 1);
    const after = (await world.a.listPeerings({ ids: [created.id] })).items[0]?.status;
    expect([before, after]).toEqual(["CREATING", "PENDING"]);
    expect((await world.a.listPeerings({ status: ["CREATING"] })).total).toBe(0);
    expect((await world.a.listPeerings({ status: ["PENDING"] })).items.map((p) => p.id)).toEqual([
      created.id,
    ]);
  });
});
