/**
 * A fast-check property over random operation sequences by three accounts (create, accept, reject, enable, delete,
 * route create/delete, clock advances), checked through the Backend only: whatever the order, the state keeps the
 * clouds' invariants, and every refusal is a typed BackendError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BackendError,
  DAY_MS,
  type LocalBackend,
  type PeeringInfo,
  type VpcInfo,
} from "../../../provider/backends/index.js";
import { type Cidr, coveredBy, overlaps, parseCidr } from "../../../provider/core/cidr.js";
import { BJ, GZ, openWorld } from "./support.js";

/** [owner index, region, CIDRs]: overlaps and cross-region pairs on purpose, and enough disjoint ones to reach 10. */
const VPCS: readonly [number, string, readonly string[]][] = [
  [0, GZ, ["10.0.0.0/16"]],
  [0, BJ, ["10.1.0.0/16"]],
  [0, GZ, ["10.2.0.0/16", "172.16.0.0/20"]],
  [0, BJ, ["10.0.0.0/17"]],
  [1, GZ, ["10.3.0.0/16"]],
  [1, BJ, ["10.1.128.0/17"]],
  [1, BJ, ["10.4.0.0/16"]],
  [1, GZ, ["10.5.0.0/16", "172.16.8.0/21"]],
  [2, GZ, ["10.6.0.0/16"]],
  [2, BJ, ["10.3.0.0/16"]],
  [2, GZ, ["10.7.0.0/16"]],
  [2, BJ, ["10.8.0.0/16"]],
  [2, GZ, ["10.9.0.0/16"]],
  [0, GZ, ["10.10.0.0/16"]],
  [1, GZ, ["10.11.0.0/16"]],
];

const DESTINATIONS = [
  ...new Set(VPCS.flatMap(([, , cidrs]) => cidrs)),
  "10.1.0.0/24",
  "10.0.128.0/17",
  "192.168.0.0/16",
];

type Op =
  | { kind: "create"; from: number; to: number; bandwidth: number | undefined }
  | { kind: "accept" | "reject" | "enable" | "delete"; peering: number; by: number | "right" }
  | { kind: "route"; vpc: number | "side"; peering: number; destination: number | "peer"; table: number }
  | { kind: "unroute"; route: number }
  | { kind: "advance"; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      // Often from VPC 0, so that one VPC approaches the limit of 10.
      from: fc.oneof(fc.constant(0), fc.nat(VPCS.length - 1)),
      to: fc.nat(VPCS.length - 1),
      bandwidth: fc.constantFrom(100, 100, 30, undefined),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "accept" as const,
        "accept" as const,
        "reject" as const,
        "enable" as const,
        "delete" as const,
      ),
      peering: fc.nat(40),
      // Mostly the account allowed to act, sometimes any account (authorization refusals).
      by: fc.oneof(fc.constant("right" as const), fc.nat(2)),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("route" as const),
      // Mostly a side of the peering and the other side's CIDR; sometimes anything.
      vpc: fc.oneof(fc.constant("side" as const), fc.nat(VPCS.length - 1)),
      peering: fc.nat(40),
      destination: fc.oneof(fc.constant("peer" as const), fc.nat(DESTINATIONS.length - 1)),
      table: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unroute" as const), route: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.constantFrom(3_600_000, 3 * DAY_MS, 7 * DAY_MS),
    }),
  },
);

const LIVE = (p: PeeringInfo) => p.status !== "DELETED" && p.status !== "REJECTED";

function cidrsOf(info: VpcInfo): Cidr[] {
  return info.cidrs.map((text) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) throw new Error(`stored CIDR ${text} does not parse`);
    return parsed.cidr;
  });
}

async function checkInvariants(sessions: readonly LocalBackend[], vpcs: readonly VpcInfo[]) {
  const byId = new Map(vpcs.map((v) => [v.id, v]));
  const peerings = new Map<string, PeeringInfo>();
  for (const s of sessions)
    for (const p of (await s.listPeerings({}, { limit: 1000 })).items) peerings.set(p.id, p);
  const live = [...peerings.values()].filter(LIVE);

  // One live peering per pair, either direction.
  const pairs = live.map((p) => [p.vpcId, p.peerVpcId].sort().join("|"));
  expect(new Set(pairs).size).toBe(pairs.length);

  for (const p of live) {
    const [x, y] = [byId.get(p.vpcId)!, byId.get(p.peerVpcId)!];
    // No live peering between overlapping VPCs, nor of a VPC with itself.
    expect(x.id).not.toBe(y.id);
    expect(cidrsOf(x).some((a) => cidrsOf(y).some((b) => overlaps(a, b)))).toBe(false);
  }

  for (const v of vpcs) {
    const mine = live.filter((p) => p.vpcId === v.id || p.peerVpcId === v.id);
    // At most 10 live peerings per VPC (seed 000), pending and expired included.
    expect(mine.length).toBeLessThanOrEqual(10);
    // The cross-region peers of one VPC are disjoint (Tencent, seed 000).
    const peers = mine
      .filter((p) => p.region !== p.peerRegion)
      .map((p) => byId.get(p.vpcId === v.id ? p.peerVpcId : p.vpcId)!);
    for (let i = 0; i < peers.length; i++)
      for (let j = i + 1; j < peers.length; j++)
        expect(cidrsOf(peers[i]!).some((a) => cidrsOf(peers[j]!).some((b) => overlaps(a, b)))).toBe(false);
  }

  // Every route points at an ACTIVE peering of its VPC, with its destination inside the peer VPC.
  for (const v of vpcs) {
    const owner = sessions.find((s) => s.account === v.account)!;
    const destinations = new Set<string>();
    for (const table of v.routeTables) {
      for (const route of await owner.listRoutes(table.id)) {
        const p = peerings.get(route.peeringId) ?? (await owner.describePeering(route.peeringId));
        expect(p.status).toBe("ACTIVE");
        expect([p.vpcId, p.peerVpcId]).toContain(v.id);
        const peerVpc = byId.get(p.vpcId === v.id ? p.peerVpcId : p.vpcId)!;
        const destination = parseCidr(route.destination);
        expect(destination.ok && coveredBy(destination.cidr, cidrsOf(peerVpc))).toBe(true);
        // One next hop per destination and table.
        const key = `${table.id}|${route.destination}`;
        expect(destinations.has(key)).toBe(false);
        destinations.add(key);
      }
    }
  }
}

describe("invariants under random operation sequences", () => {
  it("hold after every operation, across three accounts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 120, size: "max" }), async (ops) => {
        const world = openWorld();
        try {
          const sessions = [world.a, world.b, world.c];
          const vpcs: VpcInfo[] = [];
          for (const [owner, region, cidrs] of VPCS)
            vpcs.push(
              await sessions[owner]!.createVpc({
                name: `v${vpcs.length}`,
                region,
                cidrs,
                routeTables: ["extra"],
              }),
            );
          const created: PeeringInfo[] = [];
          const routes: { id: string; owner: LocalBackend }[] = [];
          for (const o of ops) {
            try {
              switch (o.kind) {
                case "create": {
                  const [from, to] = [vpcs[o.from]!, vpcs[o.to]!];
                  const requester = sessions.find((s) => s.account === from.account)!;
                  created.push(
                    await requester.createPeering({
                      vpcId: from.id,
                      peerVpcId: to.id,
                      peerAccount: to.account,
                      name: `p${created.length}`,
                      ...(o.bandwidth === undefined ? {} : { bandwidthMbps: o.bandwidth }),
                    }),
                  );
                  break;
                }
                case "accept":
                case "reject":
                case "enable":
                case "delete": {
                  const target = created[o.peering % Math.max(created.length, 1)];
                  if (!target) break;
                  const right =
                    o.kind === "accept" || o.kind === "reject" ? target.peerAccount : target.account;
                  const s = o.by === "right" ? sessions.find((x) => x.account === right)! : sessions[o.by]!;
                  if (o.kind === "accept") await s.acceptPeering(target.id);
                  else if (o.kind === "reject") await s.rejectPeering(target.id);
                  else if (o.kind === "enable") await s.enablePeering(target.id);
                  else await s.deletePeering(target.id);
                  break;
                }
                case "route": {
                  const target = created[o.peering % Math.max(created.length, 1)];
                  if (!target) break;
                  const side = o.table === 0 ? target.vpcId : target.peerVpcId;
                  const v = o.vpc === "side" ? vpcs.find((x) => x.id === side)! : vpcs[o.vpc]!;
                  const other = vpcs.find(
                    (x) => x.id === (v.id === target.vpcId ? target.peerVpcId : target.vpcId),
                  )!;
                  const owner = sessions.find((s) => s.account === v.account)!;
                  const route = await owner.createRoute({
                    vpcId: v.id,
                    routeTableId: v.routeTables[o.table]!.id,
                    destination: o.destination === "peer" ? other.cidrs[0]! : DESTINATIONS[o.destination]!,
                    peeringId: target.id,
                  });
                  routes.push({ id: route.id, owner });
                  break;
                }
                case "unroute": {
                  const target = routes[o.route % Math.max(routes.length, 1)];
                  if (target) await target.owner.deleteRoute(target.id);
                  break;
                }
                case "advance":
                  world.clock.advance(o.ms);
                  break;
              }
            } catch (error) {
              // Refusals are expected; anything but a typed backend error is a bug.
              if (!(error instanceof BackendError)) throw error;
            }
            await checkInvariants(sessions, vpcs);
          }
        } finally {
          world.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
