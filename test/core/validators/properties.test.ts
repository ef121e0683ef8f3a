import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlaps, parseCidr } from "../../../provider/core/cidr.js";
import type { TopologyDocument } from "../../../provider/core/topology-schema.js";
import { validateDocument, validateTopology } from "../../../provider/core/validate.js";

/** A small pool, so that generated topologies overlap, nest and repeat often. */
const CIDRS = [
  "10.0.0.0/16",
  "10.1.0.0/16",
  "10.0.0.0/8",
  "10.1.128.0/17",
  "10.2.0.0/16",
  "172.16.0.0/16",
  "10.0.5.0/24",
];
const REGIONS = ["ap-guangzhou", "ap-beijing", "ap-shanghai"];

const arbitraryTopology = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      vpcs: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`v${i}`),
            cloud: fc.constant("tencentcloud" as const),
            region: fc.constantFrom(...REGIONS),
            account: fc.constantFrom("1", "2"),
            cidrs: fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }),
          }),
        ),
      ),
      peerings: fc.uniqueArray(
        fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
        { maxLength: 8, selector: ([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`) },
      ),
      routes: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(20), fc.constantFrom(...CIDRS)), { maxLength: 12 }),
    }),
  )
  .map(({ vpcs, peerings, routes }): TopologyDocument => {
    const peeringSpecs = peerings.map(([a, b], i) => ({
      id: `p${i}`,
      vpc: `v${a}`,
      peerVpc: `v${b}`,
      bandwidthMbps: 100,
    }));
    return {
      vpcs: [...vpcs],
      peerings: peeringSpecs,
      routes:
        peeringSpecs.length === 0
          ? []
          : routes.map(([v, p, destination]) => ({
              vpc: `v${v}`,
              destination,
              peering: `p${p % peeringSpecs.length}`,
            })),
      bandwidthPolicies: [],
    };
  });

const transitive = (doc: TopologyDocument) =>
  new Set(
    validateTopology(doc)
      .diagnostics.filter((d) => d.code === "TRANSITIVE_ROUTE")
      .map((d) => d.resource),
  );

describe("validator properties", () => {
  it("never throws on any document the schema accepts, and is deterministic", () => {
    fc.assert(
      fc.property(arbitraryTopology, (doc) => {
        const first = validateDocument(doc);
        expect(validateDocument(doc)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateDocument(value);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on schema-shaped documents with random strings in every field", () => {
    const text = fc.oneof(fc.string(), fc.constantFrom(...CIDRS, "v0", "v1", "p0", "10.0.0.1/16", "::/0"));
    fc.assert(
      fc.property(
        fc.record({
          vpcs: fc.array(
            fc.record({
              id: fc.constantFrom("v0", "v1", "v2"),
              cloud: fc.constantFrom("tencentcloud", "huaweicloud", "baiducloud"),
              region: text,
              account: text,
              cidrs: fc.array(text, { minLength: 1, maxLength: 3 }),
              routeTables: fc.array(text, { maxLength: 2 }),
            }),
            { maxLength: 4 },
          ),
          peerings: fc.array(
            fc.record({
              id: fc.constantFrom("p0", "p1"),
              vpc: text,
              peerVpc: text,
              name: text,
              bandwidthMbps: fc.double({ noNaN: true }),
            }),
            { maxLength: 3 },
          ),
          routes: fc.array(fc.record({ vpc: text, destination: text, peering: text, routeTable: text }), {
            maxLength: 4,
          }),
          bandwidthPolicies: fc.array(
            fc.record({
              peering: text,
              ip: text,
              limitMbps: fc.double({ min: 0.5, max: 2000, noNaN: true }),
            }),
            { maxLength: 2 },
          ),
        }),
        (doc) => {
          expect(() => validateDocument(doc)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("adding a direct peering never adds a TRANSITIVE_ROUTE", () => {
    fc.assert(
      fc.property(arbitraryTopology, fc.nat(), fc.nat(), (doc, x, y) => {
        const a = x % doc.vpcs.length;
        const b = y % doc.vpcs.length;
        if (a === b) return;
        const before = transitive(doc);
        const withPeering = {
          ...doc,
          peerings: [...doc.peerings, { id: "direct", vpc: `v${a}`, peerVpc: `v${b}`, bandwidthMbps: 100 }],
        };
        for (const resource of transitive(withPeering)) expect(before.has(resource)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("re-pointing a transitive route at a new direct peering removes its TRANSITIVE_ROUTE", () => {
    fc.assert(
      fc.property(arbitraryTopology, (doc) => {
        const result = validateTopology(doc);
        const found = result.diagnostics.find((d) => d.code === "TRANSITIVE_ROUTE");
        if (!found) return;
        const index = Number(/routes\[(\d+)\]/.exec(found.resource)![1]);
        const route = doc.routes[index]!;
        const target = /lies in VPC "([^"]+)"/.exec(found.message)![1]!;
        const fixed: TopologyDocument = {
          ...doc,
          peerings: [...doc.peerings, { id: "direct", vpc: route.vpc, peerVpc: target }],
          routes: doc.routes.map((r, i) => (i === index ? { ...r, peering: "direct" } : r)),
        };
        expect(transitive(fixed).has(found.resource)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("PEER_CIDR_CONFLICT flags exactly the cross-region peerings whose peers overlap another's (naive check)", () => {
    fc.assert(
      fc.property(arbitraryTopology, (doc) => {
        const result = validateTopology(doc);
        const flagged = new Set<string>();
        for (const d of result.diagnostics) {
          if (d.code !== "PEER_CIDR_CONFLICT") continue;
          for (const m of d.message.matchAll(/peerings "([^"]+)"|and "([^"]+)" \(to/g))
            flagged.add(m[1] ?? m[2]!);
        }
        const region = new Map(doc.vpcs.map((v) => [v.id, v.region]));
        const blocks = new Map(
          doc.vpcs.map((v) => [v.id, v.cidrs.map((c) => (parseCidr(c) as { ok: true; cidr: never }).cidr)]),
        );
        const expected = new Set<string>();
        for (const hub of doc.vpcs) {
          const cross = doc.peerings.filter(
            (p) => (p.vpc === hub.id || p.peerVpc === hub.id) && region.get(p.vpc) !== region.get(p.peerVpc),
          );
          for (const p of cross)
            for (const q of cross) {
              if (p === q) continue;
              const pp = p.vpc === hub.id ? p.peerVpc : p.vpc;
              const qp = q.vpc === hub.id ? q.peerVpc : q.vpc;
              if (pp === qp) continue;
              if (blocks.get(pp)!.some((a) => blocks.get(qp)!.some((b) => overlaps(a, b))))
                expected.add(p.id);
            }
        }
        expect([...flagged].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });
});
