import { describe, expect, it } from "vitest";
import { diagnosticChanges } from "../../../provider/core/change/diagnostic-changes.js";
import { type ResolvedResult, topologyChange } from "../../../provider/core/change/topology-change.js";
import type { Diagnostic } from "../../../provider/core/diagnostics.js";
import type { TopologyInput } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { vpc } from "../../support/fixtures.js";

const resolved = (input: TopologyInput) => validateDocument(input) as ResolvedResult;
const change = (base: TopologyInput, head: TopologyInput) => topologyChange(resolved(base), resolved(head));

/** Guangzhou production and Beijing DR, routed both ways (journey 1), at 200 Mbps billed by the monthly 95th. */
const dr: TopologyInput = {
  vpcs: [vpc("gz", "10.0.0.0/16"), vpc("bj", "10.1.0.0/16", "ap-beijing")],
  peerings: [
    { id: "gz-bj", vpc: "gz", peerVpc: "bj", bandwidthMbps: 200, chargeType: "POSTPAID_BY_MONTH_95" },
  ],
  routes: [
    { vpc: "gz", destination: "10.1.0.0/16", peering: "gz-bj" },
    { vpc: "bj", destination: "10.0.0.0/16", peering: "gz-bj" },
  ],
};

/** The same, plus a Shanghai VPC peered with Guangzhou, and Beijing routing Shanghai's block through Guangzhou. */
const withShanghai: TopologyInput = {
  vpcs: [...dr.vpcs!, vpc("sh", "10.2.0.0/16", "ap-shanghai")],
  peerings: [...dr.peerings!, { id: "gz-sh", vpc: "gz", peerVpc: "sh", bandwidthMbps: 100 }],
  routes: [
    ...dr.routes!,
    { vpc: "gz", destination: "10.2.0.0/16", peering: "gz-sh" },
    { vpc: "sh", destination: "10.0.0.0/16", peering: "gz-sh" },
    { vpc: "bj", destination: "10.2.0.0/16", peering: "gz-bj" },
  ],
};

describe("topologyChange", () => {
  it("says nothing changed between a document and itself", () => {
    const c = change(dr, dr);
    expect(c.resources).toEqual([]);
    expect(c.flows).toEqual([]);
    expect(c.cost).toMatchObject({ deltaPerDay: 0, deltaPerMonth: 0, peerings: [] });
    expect(c.diagnostics).toMatchObject({ introduced: [], resolved: [] });
    expect(c.ok).toBe(true);
  });

  it("reports the traffic a new peering opens and the transitive route it tempts, which Guangzhou drops", () => {
    const c = change(dr, withShanghai);
    // By source VPC, in the order the head's reachability first names it (gz-bj's two directions come first).
    expect(c.flows).toEqual([
      {
        from: "gz",
        to: "sh",
        flowed: false,
        flows: true,
        via: ["gz-sh"],
        destinationsAdded: ["10.2.0.0/16"],
        destinationsRemoved: [],
        droppedAdded: [],
        droppedRemoved: [],
      },
      {
        from: "bj",
        to: "gz",
        flowed: true,
        flows: true,
        via: ["gz-bj"],
        destinationsAdded: [],
        destinationsRemoved: [],
        droppedAdded: ["10.2.0.0/16"],
        droppedRemoved: [],
      },
      {
        from: "sh",
        to: "gz",
        flowed: false,
        flows: true,
        via: ["gz-sh"],
        destinationsAdded: ["10.0.0.0/16"],
        destinationsRemoved: [],
        droppedAdded: [],
        droppedRemoved: [],
      },
    ]);
    // The validators' own verdict on the new route, and only that one: the base had no problem.
    expect(c.diagnostics.introduced.map((d) => d.code)).toEqual(["TRANSITIVE_ROUTE"]);
    expect(c.diagnostics.unchanged).toEqual([]);
    expect(c.ok).toBe(false);
  });

  it("reports traffic lost when a return route goes, by the peering it flowed over", () => {
    const oneWay: TopologyInput = { ...dr, routes: [dr.routes![0]!] };
    const c = change(dr, oneWay);
    expect(c.flows.map((f) => [f.from, f.to, f.flowed, f.flows, f.via])).toEqual([
      ["gz", "bj", true, false, ["gz-bj"]],
      ["bj", "gz", true, false, ["gz-bj"]],
    ]);
    expect(c.flows[1]!.destinationsRemoved).toEqual(["10.0.0.0/16"]);
  });

  it("prices the change from the same estimate as peerlink cost: the new peering and the resized one", () => {
    const head: TopologyInput = {
      ...withShanghai,
      peerings: [{ ...dr.peerings![0]!, bandwidthMbps: 500 }, withShanghai.peerings![1]!],
    };
    const c = change(dr, head);
    const byId = new Map(c.cost.peerings.map((p) => [p.peering, p]));
    expect([...byId.keys()]).toEqual(["gz-bj", "gz-sh"]);
    expect(byId.get("gz-sh")!.from).toBeUndefined();
    expect(byId.get("gz-bj")!.from!.billedMbps).toBe(200);
    expect(byId.get("gz-bj")!.to!.billedMbps).toBe(500);
    for (const p of c.cost.peerings) expect(p.deltaPerDay).toBeGreaterThan(0);
    const sum = (key: "deltaPerDay" | "deltaPerMonth") =>
      Math.round(c.cost.peerings.reduce((s, p) => s + (p[key] ?? 0), 0) * 100) / 100;
    expect(c.cost.deltaPerDay).toBe(sum("deltaPerDay"));
    expect(c.cost.deltaPerMonth).toBe(sum("deltaPerMonth"));
    expect(c.cost.deltaPerDay).toBe(Math.round((c.cost.head.perDay - c.cost.base.perDay) * 100) / 100);
    expect(c.cost.deltaPerDay).toBeGreaterThan(0);
    // Removing everything gives the whole bill back.
    const gone = change(head, { vpcs: head.vpcs });
    expect(gone.cost.deltaPerDay).toBe(-c.cost.head.perDay);
    expect(gone.cost.peerings.map((p) => [p.peering, p.to])).toEqual([
      ["gz-bj", undefined],
      ["gz-sh", undefined],
    ]);
  });

  it("leaves an unpriced peering out of the difference and says it is unpriced", () => {
    // Seed 000 prices Tencent's mainland pairs only: Guangzhou to Singapore is "contact sales".
    const abroad: TopologyInput = {
      ...dr,
      vpcs: [...dr.vpcs!, vpc("sg", "10.5.0.0/16", "ap-singapore")],
      peerings: [...dr.peerings!, { id: "gz-sg", vpc: "gz", peerVpc: "sg", bandwidthMbps: 100 }],
    };
    const c = change(dr, abroad);
    expect(c.cost.peerings).toHaveLength(1);
    const [p] = c.cost.peerings;
    expect(p).toMatchObject({ peering: "gz-sg", to: { priced: false } });
    expect(p!.deltaPerDay).toBeUndefined();
    expect(c.cost.head.unpriced).toEqual(["gz-sg"]);
    expect(c.cost.deltaPerDay).toBe(0);
  });

  it("says which problems a change mends", () => {
    const c = change(withShanghai, { ...withShanghai, routes: withShanghai.routes!.slice(0, 4) });
    expect(c.diagnostics.resolved.map((d) => d.code)).toEqual(["TRANSITIVE_ROUTE"]);
    expect(c.diagnostics.introduced).toEqual([]);
    expect(c.ok).toBe(true);
  });
});

describe("diagnosticChanges", () => {
  const d = (code: Diagnostic["code"], message: string, resource = "routes[0]"): Diagnostic => ({
    code,
    severity: "error",
    resource,
    ref: { kind: "routes", key: 0 },
    message,
    fix: "fix it",
  });

  it("matches a problem by code and message, not by its position in the document", () => {
    const c = diagnosticChanges([d("ROUTE_CONFLICT", "m")], [d("ROUTE_CONFLICT", "m", "routes[7]")]);
    expect(c).toMatchObject({ introduced: [], resolved: [], unchanged: [{ resource: "routes[7]" }] });
  });

  it("counts a problem met more often in the head as introduced that many more times", () => {
    const c = diagnosticChanges(
      [d("ROUTE_CONFLICT", "m")],
      [d("ROUTE_CONFLICT", "m"), d("ROUTE_CONFLICT", "m")],
    );
    expect([c.introduced.length, c.unchanged.length, c.resolved.length]).toEqual([1, 1, 0]);
    const back = diagnosticChanges(
      [d("ROUTE_CONFLICT", "m"), d("ROUTE_CONFLICT", "m"), d("SELF_PEERING", "s")],
      [],
    );
    expect(back.resolved.map((x) => x.code)).toEqual(["ROUTE_CONFLICT", "ROUTE_CONFLICT", "SELF_PEERING"]);
  });
});
