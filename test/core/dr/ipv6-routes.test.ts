/**
 * IPv6 through a peering: planned where the rulebook documents it (Huawei), refused with IPV6_PEERING_UNSUPPORTED
 * where no page names it (Tencent, Baidu).
 */
import { describe, expect, it } from "vitest";
import { planHubAndSpoke } from "../../../provider/core/dr/hub-and-spoke.js";
import { type DrPlan, type DrSite, drPlanDocument } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr } from "../../../provider/core/dr/two-region-dr.js";
import { planTwoRegionsThreeCenters } from "../../../provider/core/dr/two-regions-three-centers.js";
import { RULEBOOK } from "../../../provider/core/rulebook/index.js";
import { validateDocument } from "../../../provider/core/validate.js";

const dualStack = (cloud: DrSite["cloud"], vpc: string, v4: string, v6: string, region: string): DrSite => ({
  vpc,
  cloud,
  region,
  account: "100001",
  cidrs: [v4, v6],
});
/** The routes of the plan's document refused with IPV6_PEERING_UNSUPPORTED, as "vpc destination". */
const codes = (p: DrPlan) => {
  const document = drPlanDocument(p);
  return validateDocument(document)
    .diagnostics.filter((d) => d.code === "IPV6_PEERING_UNSUPPORTED")
    .map((d) => {
      const route = document.routes![Number(/^routes\[(\d+)\]$/.exec(d.resource)![1])]!;
      return `${route.vpc} ${route.destination}`;
    });
};
const refusal = (p: DrPlan) =>
  validateDocument(drPlanDocument(p)).diagnostics.find((d) => d.code === "IPV6_PEERING_UNSUPPORTED")!;

describe("IPv6 peering routes in the DR planners", () => {
  it("the rulebook documents IPv6 peering routes on Huawei only, with its sources", () => {
    expect(RULEBOOK.huaweicloud.ipv6PeeringRoutes).toMatchObject({ value: true });
    const sources = (RULEBOOK.huaweicloud.ipv6PeeringRoutes as { sources: readonly { quote: string }[] })
      .sources;
    expect(sources.map((s) => s.quote).join(" ")).toContain("支持IPv4和IPv6");
    expect(RULEBOOK.tencentcloud.ipv6PeeringRoutes).toMatchObject({ open: true });
    expect(RULEBOOK.baiducloud.ipv6PeeringRoutes).toMatchObject({ open: true });
  });

  it("Baidu dual-stack sites: each side's IPv6 route is refused, naming the site and the block; IPv4 is planned", () => {
    const p = planTwoRegionDr({
      name: "dr",
      primary: dualStack("baiducloud", "vpc-a", "10.1.0.0/16", "240c:4082:1::/56", "bj"),
      standby: dualStack("baiducloud", "vpc-b", "10.2.0.0/16", "240c:4082:2::/56", "gz"),
      bandwidthMbps: 10,
    });
    expect(codes(p)).toEqual(["vpc-a 240c:4082:2::/56", "vpc-b 240c:4082:1::/56"]);
    // The planner plans; the rule that refuses is the validators' (one rule for every layer).
    expect(p.diagnostics).toBeUndefined();
    const d = refusal(p);
    expect(d.message).toContain(
      'Route in VPC "vpc-a" through peering "dr" has the IPv6 destination 240c:4082:2::/56',
    );
    expect(d.fix).toContain("IPv4");
    expect(p.routes.map((r) => r.destination)).toContain("10.2.0.0/16");
  });

  it("a routing policy that lists IPv4 blocks only plans no IPv6 route, so nothing is refused", () => {
    const p = planTwoRegionDr({
      name: "dr",
      primary: {
        ...dualStack("baiducloud", "vpc-a", "10.1.0.0/16", "240c:4082:1::/56", "bj"),
        routing: { routes: ["10.2.3.0/24"] },
      },
      standby: {
        ...dualStack("baiducloud", "vpc-b", "10.2.0.0/16", "240c:4082:2::/56", "gz"),
        routing: { routes: ["10.1.3.0/24"] },
      },
      bandwidthMbps: 10,
    });
    expect(codes(p)).toEqual([]);
  });

  it("Huawei: IPv6 routes through a peering are planned and not refused (the cloud documents them)", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production: dualStack("huaweicloud", "vpc-p", "10.1.0.0/16", "2407:c080:1::/64", "cn-north-4"),
      backup: dualStack("huaweicloud", "vpc-b", "10.2.0.0/16", "2407:c080:2::/64", "cn-north-4"),
      dr: dualStack("huaweicloud", "vpc-d", "10.3.0.0/16", "2407:c080:3::/64", "cn-north-4"),
    });
    expect(codes(p)).toEqual([]);
    expect(p.routes.filter((r) => r.destination.includes(":"))).toHaveLength(6);
  });

  it("Tencent hub and spoke: the hub's IPv6 route to a spoke is refused, the spoke's IPv4 route is not", () => {
    const p = planHubAndSpoke({
      name: "s",
      hub: {
        ...dualStack("tencentcloud", "vpc-h", "10.0.0.0/16", "240e::/56", "ap-guangzhou"),
        cidrs: ["10.0.0.0/16"],
      },
      spokes: { a: dualStack("tencentcloud", "vpc-s", "10.1.0.0/16", "240e:1::/56", "ap-guangzhou") },
    });
    expect(codes(p)).toEqual(["vpc-h 240e:1::/56"]);
  });
});

describe("dual-stack sites with the IPv6 block the cloud assigned (assignedIpv6Cidrs)", () => {
  const huawei = (vpc: string, v4: string, v6: string): DrSite => ({
    vpc,
    cloud: "huaweicloud",
    region: "cn-north-4",
    account: "proj-1",
    cidrs: [v4],
    assignedIpv6Cidrs: [v6],
  });
  const primary = huawei("vpc-a", "10.1.0.0/16", "2407:c080:11::/64");
  const standby = huawei("vpc-b", "10.2.0.0/16", "2407:c080:22::/64");
  const findings = (p: ReturnType<typeof planTwoRegionDr>) =>
    validateDocument(drPlanDocument(p))
      .diagnostics.filter((d) => d.severity === "error")
      .map((d) => d.code);

  it("Huawei: IPv6 routes on both sides, and the core accepts them (no CIDR_NOT_ALLOWED, no route outside the peer)", () => {
    const p = planTwoRegionDr({ name: "dr", primary, standby });
    expect(p.diagnostics).toBeUndefined();
    expect(p.routes.map((r) => `${r.vpc} ${r.destination}`)).toEqual([
      "vpc-a 10.2.0.0/16",
      "vpc-a 2407:c080:22::/64",
      "vpc-b 10.1.0.0/16",
      "vpc-b 2407:c080:11::/64",
    ]);
    expect(p.vpcs[0]).toMatchObject({ cidrs: ["10.1.0.0/16"], assignedIpv6Cidrs: ["2407:c080:11::/64"] });
    expect(findings(p)).toEqual([]);
  });

  it("a least-privilege IPv6 subnet inside the peer's assigned block is routed; one outside it refused", () => {
    const inside = planTwoRegionDr({
      name: "dr",
      primary: { ...primary, routing: { routes: ["2407:c080:22:0:1::/80"] } },
      standby,
    });
    expect(inside.diagnostics).toBeUndefined();
    expect(inside.routes.filter((r) => r.vpc === "vpc-a").map((r) => r.destination)).toEqual([
      "2407:c080:22:0:1::/80",
    ]);
    const outside = planTwoRegionDr({
      name: "dr",
      primary: { ...primary, routing: { routes: ["2407:c080:33::/64"] } },
      standby,
    });
    expect(outside.diagnostics?.map((d) => d.code)).toEqual(["ROUTING_OUTSIDE_PEER"]);
  });

  it("the core still refuses an IPv6 block declared in cidrs on Huawei, and a non-IPv6 assigned block", () => {
    const declared = planTwoRegionDr({
      name: "dr",
      primary: { ...primary, cidrs: ["10.1.0.0/16", "2407:c080:11::/64"], assignedIpv6Cidrs: [] },
      standby,
    });
    expect(findings(declared)).toContain("CIDR_NOT_ALLOWED");
    const wrong = planTwoRegionDr({
      name: "dr",
      primary: { ...primary, assignedIpv6Cidrs: ["10.9.0.0/16"] },
      standby,
    });
    expect(findings(wrong)).toContain("INVALID_CIDR");
  });

  it("Tencent assigns IPv6 too, but documents no IPv6 peering route: IPV6_PEERING_UNSUPPORTED on both sides", () => {
    const tencent = (s: DrSite, region: string): DrSite => ({
      ...s,
      cloud: "tencentcloud",
      region,
      account: "100001",
    });
    const p = planTwoRegionDr({
      name: "dr",
      primary: tencent(primary, "ap-guangzhou"),
      standby: tencent(standby, "ap-beijing"),
      bandwidthMbps: 100,
    });
    expect(codes(p)).toEqual(["vpc-a 2407:c080:22::/64", "vpc-b 2407:c080:11::/64"]);
  });
});
