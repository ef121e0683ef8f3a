/**
 * Properties of topologyChange over generated topologies (fast-check): a document against itself changes
 * nothing; the change from A to B is the change from B to A turned round, resource by resource, direction by
 * direction, in the bill and in the problems.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ResolvedResult, topologyChange } from "../../../provider/core/change/topology-change.js";
import type { TopologyInput } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";

const REGIONS = ["ap-guangzhou", "ap-beijing", "ap-shanghai"] as const;

/** Up to 5 VPCs with /16 blocks out of 8 (so some overlap), peerings among them, routes on those peerings. */
const topology: fc.Arbitrary<TopologyInput> = fc
  .record({
    vpcs: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 5 }),
        block: fc.integer({ min: 0, max: 7 }),
        region: fc.constantFrom(...REGIONS),
      }),
      { minLength: 2, maxLength: 5, selector: (v) => v.n },
    ),
    peerings: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        mbps: fc.option(fc.constantFrom(10, 50, 100, 200), { nil: undefined }),
        monthly: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    routes: fc.array(
      fc.record({ peering: fc.nat(), side: fc.boolean(), block: fc.integer({ min: 0, max: 7 }) }),
      {
        maxLength: 8,
      },
    ),
  })
  .map(({ vpcs, peerings, routes }) => {
    const ids = vpcs.map((v) => `v${v.n}`);
    const peeringSpecs = peerings.map((p, i) => ({
      id: `p${i}`,
      vpc: ids[p.a % ids.length]!,
      peerVpc: ids[p.b % ids.length]!,
      ...(p.mbps === undefined ? {} : { bandwidthMbps: p.mbps }),
      ...(p.monthly ? { chargeType: "POSTPAID_BY_MONTH_95" as const } : {}),
    }));
    return {
      vpcs: vpcs.map((v) => ({
        id: `v${v.n}`,
        cloud: "tencentcloud" as const,
        region: v.region,
        account: "100001",
        cidrs: [`10.${v.block}.0.0/16`],
      })),
      peerings: peeringSpecs,
      routes:
        peeringSpecs.length === 0
          ? []
          : routes.map((r) => {
              const p = peeringSpecs[r.peering % peeringSpecs.length]!;
              return { vpc: r.side ? p.vpc : p.peerVpc, destination: `10.${r.block}.0.0/16`, peering: p.id };
            }),
    };
  });

const v = (id: string) => ({
  id,
  cloud: "tencentcloud" as const,
  region: "ap-guangzhou",
  account: "100001",
  cidrs: ["10.0.0.0/16"],
});
const DUPLICATE_KEYS_BASE: TopologyInput = {
  vpcs: [v("v0"), v("v4")],
  peerings: [
    { id: "p0", vpc: "v0", peerVpc: "v0" },
    { id: "p1", vpc: "v0", peerVpc: "v4" },
    { id: "p2", vpc: "v4", peerVpc: "v0" },
  ],
  routes: [
    { vpc: "v4", destination: "10.2.0.0/16", peering: "p1" },
    { vpc: "v4", destination: "10.2.0.0/16", peering: "p2" },
  ],
};
const DUPLICATE_KEYS_HEAD: TopologyInput = {
  vpcs: [v("v4"), v("v0")],
  peerings: [{ id: "p0", vpc: "v4", peerVpc: "v4" }],
  routes: [
    { vpc: "v4", destination: "10.2.0.0/16", peering: "p0" },
    { vpc: "v4", destination: "10.2.0.0/16", peering: "p0" },
  ],
};

const resolved = (input: TopologyInput) => validateDocument(input) as ResolvedResult;

describe("topologyChange properties", () => {
  it("finds no change between a topology and itself", () => {
    fc.assert(
      fc.property(topology, (t) => {
        const c = topologyChange(resolved(t), resolved(t));
        expect(c.resources).toEqual([]);
        expect(c.flows).toEqual([]);
        expect(c.cost.peerings).toEqual([]);
        expect(c.cost.deltaPerDay).toBe(0);
        expect(c.diagnostics.introduced).toEqual([]);
        expect(c.diagnostics.resolved).toEqual([]);
        expect(c.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("turns round: what A to B adds, B to A removes, and every figure changes sign", () => {
    fc.assert(
      fc.property(topology, topology, (a, b) => {
        const there = topologyChange(resolved(a), resolved(b));
        const back = topologyChange(resolved(b), resolved(a));
        const keys = (c: typeof there, change: string) =>
          c.resources
            .filter((r) => r.change === change)
            .map((r) => `${r.kind} ${r.key}`)
            .sort();
        expect(keys(there, "added")).toEqual(keys(back, "removed"));
        expect(keys(there, "removed")).toEqual(keys(back, "added"));
        expect(keys(there, "changed")).toEqual(keys(back, "changed"));
        // Two routes under one key are paired in document order both ways, so the n-th change of a key there is
        // the n-th change of that key back.
        const changedOf = (c: typeof there) => c.resources.filter((x) => x.change === "changed");
        const seen = new Map<string, number>();
        for (const r of changedOf(there)) {
          const n = seen.get(`${r.kind} ${r.key}`) ?? 0;
          seen.set(`${r.kind} ${r.key}`, n + 1);
          const turned = changedOf(back).filter((x) => x.kind === r.kind && x.key === r.key)[n]!;
          // Fields are listed in the order they first appear, which the two sides may give differently.
          const byField = (fields: typeof r.fields) =>
            [...fields].sort((x, y) => (x.field < y.field ? -1 : 1));
          expect(byField(turned.fields).map((f) => ({ field: f.field, from: f.to, to: f.from }))).toEqual(
            byField(r.fields).map((f) => ({ field: f.field, from: f.from, to: f.to })),
          );
        }
        const flows = (c: typeof there) =>
          c.flows
            .map((f) => ({
              pair: `${f.from} ${f.to}`,
              before: f.flowed,
              after: f.flows,
              added: f.destinationsAdded,
              removed: f.destinationsRemoved,
              droppedAdded: f.droppedAdded,
              droppedRemoved: f.droppedRemoved,
            }))
            .sort((x, y) => (x.pair < y.pair ? -1 : 1));
        expect(flows(back)).toEqual(
          flows(there).map((f) => ({
            ...f,
            before: f.after,
            after: f.before,
            added: f.removed,
            removed: f.added,
            droppedAdded: f.droppedRemoved,
            droppedRemoved: f.droppedAdded,
          })),
        );
        expect(back.cost.deltaPerDay).toBe(-there.cost.deltaPerDay || 0);
        expect(back.cost.deltaPerMonth).toBe(-there.cost.deltaPerMonth || 0);
        const problems = (list: typeof there.diagnostics.introduced) =>
          list.map((d) => `${d.code} ${d.message}`).sort();
        expect(problems(back.diagnostics.resolved)).toEqual(problems(there.diagnostics.introduced));
        expect(problems(back.diagnostics.introduced)).toEqual(problems(there.diagnostics.resolved));
      }),
      {
        numRuns: 300,
        // Found by this property (seed 195653040): two routes under one key on both sides, re-pointed.
        examples: [[DUPLICATE_KEYS_BASE, DUPLICATE_KEYS_HEAD]],
      },
    );
  });
});
