import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlaps } from "../../provider/core/cidr.js";
import { resolveTopology, type Topology } from "../../provider/core/topology.js";
import { groupBy } from "../../provider/core/topology-index.js";
import type { TopologyDocument } from "../../provider/core/topology-schema.js";
import { RULES } from "../../provider/core/validators/index.js";

const CIDRS = ["10.0.0.0/16", "10.1.0.0/16", "10.0.0.0/8", "10.1.128.0/17", "172.16.0.0/16", "2001:db8::/32"];

/** Small documents with repeats everywhere: duplicate peerings, self-peerings, duplicate routes, tables. */
const arbitraryDocument = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      vpcs: fc.array(
        fc.record({
          region: fc.constantFrom("ap-guangzhou", "ap-beijing"),
          cidrs: fc.uniqueArray(fc.constantFrom(...CIDRS), { maxLength: 2 }),
        }),
        { minLength: n, maxLength: n },
      ),
      peerings: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 10 }),
      routes: fc.array(
        fc.record({
          vpc: fc.nat(n - 1),
          peering: fc.nat(9),
          destination: fc.constantFrom(...CIDRS),
          table: fc.constantFrom(undefined, "main", "rt"),
        }),
        { maxLength: 40 },
      ),
    })
    .map(
      ({ vpcs, peerings, routes }): TopologyDocument => ({
        vpcs: vpcs.map((v, i) => ({
          id: `v${i}`,
          cloud: "tencentcloud" as const,
          account: "1",
          routeTables: ["main", "rt"],
          ...v,
        })),
        peerings: peerings.map(([a, b], i) => ({
          id: `p${i}`,
          vpc: `v${a}`,
          peerVpc: `v${b}`,
          bandwidthMbps: 100,
        })),
        routes: routes.map((r) => ({
          vpc: `v${r.vpc}`,
          peering: `p${r.peering}`,
          destination: r.destination,
          ...(r.table === undefined ? {} : { routeTable: r.table }),
        })),
        bandwidthPolicies: [],
      }),
    ),
);

function resources(topology: Topology, code: string): string[] {
  return RULES.flatMap((rule) => rule(topology))
    .filter((d) => d.code === code)
    .map((d) => d.resource);
}

describe("topology index", () => {
  it("groupBy lists every item under its key(s), in ascending order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5))), (pairs) => {
        const first = Int32Array.from(pairs, ([a]) => a);
        const second = Int32Array.from(pairs, ([, b]) => b);
        const groups = groupBy(6, pairs.length, first, second);
        for (let k = 0; k < 6; k++) {
          const got = [...groups.items.subarray(groups.start[k]!, groups.start[k + 1]!)];
          const expected = pairs.flatMap(([a, b], i) => (a === k || b === k ? [i] : []));
          expect(got).toEqual(expected);
        }
      }),
    );
  });

  it("DUPLICATE_PEERING, duplicate-route ROUTE_CONFLICT and MISSING_RETURN_ROUTE match naive all-pairs checks", () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const { topology } = resolveTopology(document);
        const { peerings, routes } = topology;
        const pair = (a: string, b: string) => [a, b].sort().join(" ");
        const duplicatePeerings = peerings
          .filter((p, i) =>
            peerings
              .slice(0, i)
              .some(
                (q) =>
                  p.vpc !== p.peerVpc &&
                  q.vpc !== q.peerVpc &&
                  pair(q.vpc.id, q.peerVpc.id) === pair(p.vpc.id, p.peerVpc.id),
              ),
          )
          .map((p) => p.resource);
        expect(resources(topology, "DUPLICATE_PEERING")).toEqual(duplicatePeerings);

        const duplicateRoutes = routes
          .filter((r, i) =>
            routes
              .slice(0, i)
              .some(
                (q) =>
                  q.vpc === r.vpc &&
                  q.routeTable === r.routeTable &&
                  q.destination.text === r.destination.text,
              ),
          )
          .map((r) => r.resource);
        const conflicts = RULES.flatMap((rule) => rule(topology)).filter(
          (d) => d.code === "ROUTE_CONFLICT" && !d.message.includes("the VPC's own CIDR"),
        );
        expect(conflicts.map((d) => d.resource)).toEqual(duplicateRoutes);

        const missing = routes
          .filter((r) => {
            const peer = r.peerVpc;
            if (!peer || peer === r.vpc || !peer.cidrs.some((c) => overlaps(c, r.destination))) return false;
            return !routes.some(
              (b) =>
                b.peering === r.peering &&
                b.vpc === peer &&
                r.vpc.cidrs.some((c) => overlaps(c, b.destination)),
            );
          })
          .map((r) => r.resource);
        expect(resources(topology, "MISSING_RETURN_ROUTE")).toEqual(missing);
      }),
      { numRuns: 300 },
    );
  });

  it("rules give the same answers on a topology assembled by hand (index built from its objects)", () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const { topology } = resolveTopology(document);
        const copy: Topology = { ...topology };
        for (const rule of RULES) expect(rule(copy)).toEqual(rule(topology));
      }),
      { numRuns: 200 },
    );
  });

  it("the lazily built routes and maps are the ones the rules reported on", () => {
    const document: TopologyDocument = {
      vpcs: [
        { id: "a", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.0.0.0/16"] },
        { id: "b", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.1.0.0/16"] },
      ],
      peerings: [{ id: "ab", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", destination: "10.1.0.0/16", peering: "ab" },
        { vpc: "b", destination: "10.0.0.0/16", peering: "ab" },
      ],
      bandwidthPolicies: [],
    };
    const { topology } = resolveTopology(document);
    expect(topology.routes.map((r) => [r.resource, r.vpc.id, r.peerVpc?.id, r.routeTable])).toEqual([
      ["routes[0]", "a", "b", "main"],
      ["routes[1]", "b", "a", "main"],
    ]);
    expect(topology.routes).toBe(topology.routes);
    expect(topology.routesByPeering.get("ab")).toEqual([...topology.routes]);
    expect([...topology.peeringsByVpc.keys()]).toEqual(["a", "b"]);
    expect(Object.keys({ ...topology })).toContain("routes");
  });
});
