/** Dual-stack CDKTF TwoRegionDr: the IPv6 blocks the cloud assigned (VpcSite.assignedIpv6Cidrs). */
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { HuaweicloudVpcSubnet } from "../../constructs/providers/huaweicloud/vpc-subnet.js";
import { defaultGateway } from "../../provider/core/index.js";
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

describe("CDKTF TwoRegionDr with IPv6 blocks known only at apply (huaweicloud_vpc_subnet.ipv6_cidr)", () => {
  const dualStack = (stack: TerraformStack, name: string, vpcId: string, app: string) =>
    new HuaweicloudVpcSubnet(stack, `${name}-app`, {
      name: `${name}-app`,
      vpcId,
      cidr: app,
      gatewayIp: defaultGateway(app),
      ipv6Enable: true,
    });

  it("Huawei: routes each side to the other subnet's ipv6_cidr reference, with no synth error", () => {
    const result = synthStack((stack) => {
      const a6 = dualStack(stack, "a", "vpc-a", "10.1.1.0/24");
      const b6 = dualStack(stack, "b", "vpc-b", "10.2.1.0/24");
      new TwoRegionDr(stack, "dual", {
        primary: site("huaweicloud", "vpc-a", "10.1.0.0/16", "cn-north-4", {
          assignedIpv6Cidrs: [a6.ipv6Cidr],
        }),
        standby: site("huaweicloud", "vpc-b", "10.2.0.0/16", "cn-north-4", {
          assignedIpv6Cidrs: [b6.ipv6Cidr],
        }),
      });
    });
    expect(result.errors).toEqual([]);
    const json = result.json as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const routes = Object.values(json.resource.huaweicloud_vpc_route!);
    expect(routes.map((r) => `${r.vpc_id} ${r.destination}`).sort()).toEqual(
      [
        "vpc-a 10.2.0.0/16",
        `vpc-a ${"${"}huaweicloud_vpc_subnet.b-app.ipv6_cidr}`,
        "vpc-b 10.1.0.0/16",
        `vpc-b ${"${"}huaweicloud_vpc_subnet.a-app.ipv6_cidr}`,
      ].sort(),
    );
    expect(JSON.stringify(json)).not.toContain("100::");
    expect(json.resource.huaweicloud_vpc_subnet!["a-app"]).toMatchObject({
      ipv6_enable: true,
      gateway_ip: "10.1.1.1",
    });
  });

  it("Baidu: the same token-valued IPv6 blocks are refused at synth with IPV6_PEERING_UNSUPPORTED", () => {
    const result = synthStack((stack) => {
      const a6 = dualStack(stack, "a", "vpc-a", "10.1.1.0/24");
      const b6 = dualStack(stack, "b", "vpc-b", "10.2.1.0/24");
      new TwoRegionDr(stack, "dual", {
        primary: site("baiducloud", "vpc-a", "10.1.0.0/16", "bj", { assignedIpv6Cidrs: [a6.ipv6Cidr] }),
        standby: site("baiducloud", "vpc-b", "10.2.0.0/16", "gz", { assignedIpv6Cidrs: [b6.ipv6Cidr] }),
        bandwidthMbps: 10,
      });
    });
    expect(result.synth).toBeUndefined();
    expect(result.errors.filter((e) => e.includes("IPV6_PEERING_UNSUPPORTED"))).toHaveLength(2);
  });
});
