import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveredBy, parseCidr } from "../../../provider/core/cidr.js";
import { describeTopology } from "../../../provider/core/dr/describe-plan.js";
import { planHubAndSpoke } from "../../../provider/core/dr/hub-and-spoke.js";
import { type DrRouting, isReturnRouteManagedElsewhere } from "../../../provider/core/dr/routing-policy.js";
import { type DrPlan, type DrSite, drPlanDocument } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr } from "../../../provider/core/dr/two-region-dr.js";
import { planTwoRegionsThreeCenters } from "../../../provider/core/dr/two-regions-three-centers.js";
import { computeReachability } from "../../../provider/core/reachability.js";
import { validateDocument } from "../../../provider/core/validate.js";

function site(vpc: string, cidrs: string[], region: string, extra: Partial<DrSite> = {}): DrSite {
  return { vpc, cloud: "tencentcloud", region, account: "100001", cidrs, ...extra };
}

const gz = site("vpc-gz", ["10.0.0.0/16"], "ap-guangzhou", { routeTables: ["rtb-app", "rtb-db"] });
const bj = site("vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], "ap-beijing");

function dr(primary: DrRouting | undefined, standby?: DrRouting): DrPlan {
  return planTwoRegionDr({
    name: "dr",
    primary: { ...gz, ...(primary ? { routing: primary } : {}) },
    standby: { ...bj, ...(standby ? { routing: standby } : {}) },
    bandwidthMbps: 100,
  });
}

/** The plan as a topology document (the planner's own fields left out, as the front ends do). */
const doc = drPlanDocument;

const refusals = (plan: DrPlan) => (plan.diagnostics ?? []).map((d) => `${d.code} ${d.resource}`);

function matrix(plan: DrPlan): Record<string, boolean> {
  const result = validateDocument(doc(plan));
  const reach = computeReachability(result.topology!);
  return Object.fromEntries(reach.entries.map((e) => [`${e.from}->${e.to}`, e.flows]));
}

describe("routing policy per site (planned once in provider/core/dr)", () => {
  it("by default routes every peer CIDR into every table, as before", () => {
    expect(describeTopology(dr(undefined)).routes).toHaveLength(3 * 2 + 1);
    expect(dr(undefined)).not.toHaveProperty("diagnostics");
  });

  it("routes only the listed subnets, each through the peer it lies in, into the named tables", () => {
    const plan = dr(
      { routes: ["10.1.8.0/24", "10.2.3.0/24"], routeTables: ["rtb-db"], mainTable: false },
      { routes: ["10.0.1.0/24"] },
    );
    expect(plan).not.toHaveProperty("diagnostics");
    expect(describeTopology(plan).routes).toEqual([
      "vpc-bj [main] 10.0.1.0/24 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-db] 10.1.8.0/24 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-db] 10.2.3.0/24 via vpc-gz -> vpc-bj",
    ]);
    expect(validateDocument(doc(plan)).diagnostics).toEqual([]);
    expect(matrix(plan)).toEqual({ "vpc-gz->vpc-bj": true, "vpc-bj->vpc-gz": true });
  });

  it('routes: "none" plans nothing on that side; the matrix shows traffic from neither side flowing', () => {
    const plan = dr(undefined, { routes: "none" });
    expect(plan.routes.every((r) => r.vpc === "vpc-gz")).toBe(true);
    expect(plan.routes).toHaveLength(6);
    expect(matrix(plan)).toEqual({ "vpc-gz->vpc-bj": false, "vpc-bj->vpc-gz": false });
    const reach = computeReachability(validateDocument(doc(plan)).topology!);
    expect(reach.entries.find((e) => e.from === "vpc-gz")?.destinations).toEqual([
      "10.1.0.0/16",
      "10.2.0.0/16",
    ]);
    expect(reach.entries.find((e) => e.from === "vpc-bj")?.destinations).toEqual([]);
  });

  it('drops only the MISSING_RETURN_ROUTE advice a "none" side would need, never other findings', () => {
    const plan = dr(undefined, { routes: "none" });
    expect(plan.routedElsewhere).toEqual(["vpc-bj"]);
    const found = validateDocument(doc(plan)).diagnostics;
    expect(found.map((d) => d.code)).toEqual(Array(6).fill("MISSING_RETURN_ROUTE"));
    expect(found.filter((d) => !isReturnRouteManagedElsewhere(plan, d))).toEqual([]);
    // Without the "none", the same missing routes are warned of.
    const forgotten = { ...plan, routedElsewhere: [] };
    expect(found.filter((d) => !isReturnRouteManagedElsewhere(forgotten, d))).toHaveLength(6);
  });

  it.each<[string, DrRouting, string[]]>([
    [
      "a destination outside the peer",
      { routes: ["10.1.0.0/24", "10.9.0.0/24"] },
      ["ROUTING_OUTSIDE_PEER primary.routing.routes[1]"],
    ],
    [
      "a destination only partly inside the peer",
      { routes: ["10.0.0.0/8"] },
      ["ROUTING_OUTSIDE_PEER primary.routing.routes[0]"],
    ],
    ["host bits set", { routes: ["10.1.1.1/24"] }, ["ROUTING_POLICY_INVALID primary.routing.routes[0]"]],
    ["an empty list", { routes: [] }, ["ROUTING_POLICY_INVALID primary.routing.routes"]],
    [
      "an unknown table",
      { routeTables: ["rtb-web"] },
      ["ROUTING_POLICY_INVALID primary.routing.routeTables[0]"],
    ],
    [
      "no table at all",
      { routeTables: [], mainTable: false },
      ["ROUTING_POLICY_INVALID primary.routing.mainTable"],
    ],
    [
      '"none" with tables',
      { routes: "none", routeTables: ["rtb-app"] },
      ["ROUTING_POLICY_INVALID primary.routing.routes"],
    ],
  ])("refuses %s at plan time, naming site and value", (_, routing, expected) => {
    const plan = dr(routing);
    expect(refusals(plan)).toEqual(expected);
    for (const d of plan.diagnostics ?? []) {
      expect(d.message).toContain('"vpc-gz"');
      expect(d.fix.length).toBeGreaterThan(10);
    }
  });

  it("names the value and the peer's CIDRs in ROUTING_OUTSIDE_PEER", () => {
    const [d] = dr({ routes: ["192.168.0.0/24"] }).diagnostics!;
    expect(d!.message).toContain("192.168.0.0/24");
    expect(d!.message).toContain('"vpc-bj" 10.1.0.0/16, 10.2.0.0/16');
  });

  it("splits a hub's list by spoke, and spokes may route nothing (managed elsewhere)", () => {
    const plan = planHubAndSpoke({
      name: "hs",
      hub: site("vpc-hub", ["10.0.0.0/16"], "ap-guangzhou", {
        routing: { routes: ["10.1.1.0/24", "10.2.2.0/24"] },
      }),
      spokes: {
        a: site("vpc-a", ["10.1.0.0/16"], "ap-guangzhou", { routing: { routes: "none" } }),
        b: site("vpc-b", ["10.2.0.0/16"], "ap-guangzhou", { routing: { routes: ["10.0.5.0/24"] } }),
      },
    });
    expect(plan).not.toHaveProperty("diagnostics");
    expect(describeTopology(plan).routes).toEqual([
      "vpc-b [main] 10.0.5.0/24 via vpc-hub -> vpc-b",
      "vpc-hub [main] 10.1.1.0/24 via vpc-hub -> vpc-a",
      "vpc-hub [main] 10.2.2.0/24 via vpc-hub -> vpc-b",
    ]);
    expect(matrix(plan)).toEqual({
      "vpc-hub->vpc-a": false,
      "vpc-a->vpc-hub": false,
      "vpc-hub->vpc-b": true,
      "vpc-b->vpc-hub": true,
    });
  });

  it("refuses a spoke routing to another spoke it is not meshed with (names the spoke's role)", () => {
    const plan = planHubAndSpoke({
      name: "hs",
      hub: site("vpc-hub", ["10.0.0.0/16"], "ap-guangzhou"),
      spokes: {
        a: site("vpc-a", ["10.1.0.0/16"], "ap-guangzhou", { routing: { routes: ["10.2.0.0/24"] } }),
        b: site("vpc-b", ["10.2.0.0/16"], "ap-guangzhou"),
      },
    });
    expect(refusals(plan)).toEqual(["ROUTING_OUTSIDE_PEER spokes.a.routing.routes[0]"]);
  });

  it("applies to the three centres too: the DR centre routes only to production's database subnet", () => {
    const plan = planTwoRegionsThreeCenters({
      name: "bank",
      production: site("vpc-prod", ["10.10.0.0/16"], "ap-shanghai"),
      backup: site("vpc-backup", ["10.11.0.0/16"], "ap-shanghai"),
      dr: site("vpc-dr", ["10.12.0.0/16"], "ap-beijing", { routing: { routes: ["10.10.3.0/24"] } }),
      bandwidthMbps: 100,
    });
    expect(describeTopology(plan).routes.filter((r) => r.startsWith("vpc-dr"))).toEqual([
      "vpc-dr [main] 10.10.3.0/24 via vpc-prod -> vpc-dr",
    ]);
    expect(matrix(plan)["vpc-dr->vpc-backup"]).toBe(false);
    expect(matrix(plan)["vpc-dr->vpc-prod"]).toBe(true);
  });
});

/** A /24 inside 10.<second>.0.0/16. */
const subnet = (second: number) =>
  fc.integer({ min: 0, max: 255 }).map((third) => `10.${second}.${third}.0/24`);

describe("routing policy properties", () => {
  it("every planned route lies inside its peer, is one of the listed blocks, and sits in a selected table", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(subnet(1), subnet(2), subnet(7)), { minLength: 1, maxLength: 6 }),
        fc.subarray(["rtb-app", "rtb-db"]),
        fc.boolean(),
        (routes, routeTables, mainTable) => {
          const plan = dr({ routes, routeTables, mainTable });
          const outside = routes.filter((r) => r.startsWith("10.7."));
          const noTable = !mainTable && routeTables.length === 0;
          expect((plan.diagnostics ?? []).map((d) => d.code).sort()).toEqual(
            [
              ...outside.map(() => "ROUTING_OUTSIDE_PEER"),
              ...(noTable ? ["ROUTING_POLICY_INVALID"] : []),
            ].sort(),
          );
          const peer = bj.cidrs.map((c) => (parseCidr(c) as { ok: true; cidr: never }).cidr);
          const gzRoutes = plan.routes.filter((r) => r.vpc === "vpc-gz");
          const inside = routes.filter((r) => !r.startsWith("10.7."));
          const tables = [...(mainTable ? [undefined] : []), ...routeTables];
          expect(gzRoutes).toHaveLength(inside.length * tables.length);
          for (const r of gzRoutes) {
            expect(inside).toContain(r.destination);
            expect(tables).toContain(r.routeTable);
            const parsed = parseCidr(r.destination);
            expect(parsed.ok && coveredBy(parsed.cidr, peer)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("routing policy with IPv6 blocks (family-aware, never compared as text; Huawei routes IPv6 over peering)", () => {
  const a = site("vpc-a", ["10.0.0.0/16", "2001:db8:a::/48"], "bj", { cloud: "huaweicloud" });
  const b = site("vpc-b", ["10.1.0.0/16", "2001:db8:b::/48"], "bj", { cloud: "huaweicloud" });

  it("routes an IPv6 subnet inside the peer's IPv6 block, and refuses one outside it", () => {
    const ok = planTwoRegionDr({
      name: "v6",
      primary: { ...a, routing: { routes: ["2001:db8:b:10::/64", "10.1.2.0/24"] } },
      standby: b,
      bandwidthMbps: 10,
    });
    expect(ok).not.toHaveProperty("diagnostics");
    expect(ok.routes.filter((r) => r.vpc === "vpc-a").map((r) => r.destination)).toEqual([
      "2001:db8:b:10::/64",
      "10.1.2.0/24",
    ]);
    const outside = planTwoRegionDr({
      name: "v6",
      primary: { ...a, routing: { routes: ["2001:db8:a:10::/64"] } },
      standby: b,
      bandwidthMbps: 10,
    });
    expect(refusals(outside)).toEqual(["ROUTING_OUTSIDE_PEER primary.routing.routes[0]"]);
  });

  it("leaves a dual-stack site to the rulebook: Tencent assigns IPv6 itself, so a declared block is refused", () => {
    const tencent = planTwoRegionDr({
      name: "v6",
      primary: { ...a, cloud: "tencentcloud", region: "ap-guangzhou" },
      standby: { ...b, cloud: "tencentcloud", region: "ap-beijing" },
      bandwidthMbps: 100,
    });
    expect(validateDocument(doc(tencent)).diagnostics.map((d) => `${d.code} ${d.resource}`)).toEqual(
      expect.arrayContaining(["CIDR_NOT_ALLOWED vpcs[vpc-a]", "CIDR_NOT_ALLOWED vpcs[vpc-b]"]),
    );
  });
});
