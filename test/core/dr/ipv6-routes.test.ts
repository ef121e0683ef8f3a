/**
 * IPv6 through a peering: planned where the rulebook documents it (Huawei), refused with IPV6_PEERING_UNSUPPORTED
 * where no page names it (Tencent, Baidu).
 */
import { describe, expect, it } from "vitest";
import { planHubAndSpoke } from "../../../provider/core/dr/hub-and-spoke.js";
import type { DrSite } from "../../../provider/core/dr/site.js";
import { planTwoRegionDr } from "../../../provider/core/dr/two-region-dr.js";
import { planTwoRegionsThreeCenters } from "../../../provider/core/dr/two-regions-three-centers.js";
import { RULEBOOK } from "../../../provider/core/rulebook/index.js";

const dualStack = (cloud: DrSite["cloud"], vpc: string, v4: string, v6: string, region: string): DrSite => ({
  vpc,
  cloud,
  region,
  account: "100001",
  cidrs: [v4, v6],
});
const codes = (p: { diagnostics?: readonly { code: string; resource: string }[] }) =>
  (p.diagnostics ?? []).filter((d) => d.code === "IPV6_PEERING_UNSUPPORTED").map((d) => d.resource);

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
    expect(codes(p)).toEqual(["vpc-a.routes.240c:4082:2::/56", "vpc-b.routes.240c:4082:1::/56"]);
    const d = p.diagnostics!.find((x) => x.code === "IPV6_PEERING_UNSUPPORTED")!;
    expect(d.message).toContain('Site "vpc-a" (baiducloud) would route the IPv6 block 240c:4082:2::/56');
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

  it("Huawei: IPv6 routes through a peering are not refused by the planner (the cloud documents them)", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production: dualStack("huaweicloud", "vpc-p", "10.1.0.0/16", "2407:c080:1::/64", "cn-north-4"),
      backup: dualStack("huaweicloud", "vpc-b", "10.2.0.0/16", "2407:c080:2::/64", "cn-north-4"),
      dr: dualStack("huaweicloud", "vpc-d", "10.3.0.0/16", "2407:c080:3::/64", "cn-north-4"),
    });
    expect(codes(p)).toEqual([]);
    expect(p.routes.filter((r) => r.destination.includes(":"))).toHaveLength(6);
  });

  it("Tencent hub and spoke: the hub's IPv6 route to a spoke is refused once, per destination", () => {
    const p = planHubAndSpoke({
      name: "s",
      hub: {
        ...dualStack("tencentcloud", "vpc-h", "10.0.0.0/16", "240e::/56", "ap-guangzhou"),
        cidrs: ["10.0.0.0/16"],
      },
      spokes: { a: dualStack("tencentcloud", "vpc-s", "10.1.0.0/16", "240e:1::/56", "ap-guangzhou") },
    });
    expect(codes(p)).toEqual(["vpc-h.routes.240e:1::/56"]);
  });
});
