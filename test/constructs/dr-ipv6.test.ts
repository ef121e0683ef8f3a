/** Dual-stack CDKTF TwoRegionDr: the IPv6 blocks the cloud assigned (VpcSite.assignedIpv6Cidrs). */
import { describe, expect, it } from "vitest";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { site, synthStack } from "../support/cdktf-stack.js";

describe("CDKTF TwoRegionDr with assigned IPv6 blocks", () => {
  it("Huawei: synthesizes an IPv4 and an IPv6 huaweicloud_vpc_route on each side, with no synth error", () => {
    const a = site("huaweicloud", "vpc-a", "10.1.0.0/16", "cn-north-4", {
      assignedIpv6Cidrs: ["2407:c080:11::/64"],
    });
    const b = site("huaweicloud", "vpc-b", "10.2.0.0/16", "cn-north-4", {
      assignedIpv6Cidrs: ["2407:c080:22::/64"],
    });
    const result = synthStack((stack) => {
      new TwoRegionDr(stack, "dual", { primary: a, standby: b });
    });
    expect(result.errors).toEqual([]);
    const routes = Object.values(
      (result.json!.resource as Record<string, Record<string, { destination: string }>>)
        .huaweicloud_vpc_route!,
    );
    expect(routes.map((r) => r.destination).sort()).toEqual([
      "10.1.0.0/16",
      "10.2.0.0/16",
      "2407:c080:11::/64",
      "2407:c080:22::/64",
    ]);
  });

  it("Baidu: synth fails with IPV6_PEERING_UNSUPPORTED on each side's IPv6 route, the IPv4 routes pass", () => {
    const a = site("baiducloud", "vpc-a", "10.1.0.0/16", "bj", { assignedIpv6Cidrs: ["240c:4082:1::/56"] });
    const b = site("baiducloud", "vpc-b", "10.2.0.0/16", "gz", { assignedIpv6Cidrs: ["240c:4082:2::/56"] });
    const result = synthStack((stack) => {
      new TwoRegionDr(stack, "dual", { primary: a, standby: b, bandwidthMbps: 10 });
    });
    expect(result.synth).toBeUndefined();
    const refused = result.errors.filter((e) => e.includes("IPV6_PEERING_UNSUPPORTED"));
    expect(refused).toHaveLength(2);
    expect(refused.join("\n")).toContain("240c:4082:2::/56");
    expect(refused.join("\n")).toContain("240c:4082:1::/56");
    expect(result.errors.filter((e) => !e.includes("IPV6_PEERING_UNSUPPORTED"))).toEqual([]);
  });
});
