/**
 * Dual-stack DR through the Pulumi TwoRegionDr: the IPv6 block the cloud assigned each VPC (assignedIpv6Cidrs)
 * is routed on both sides where the cloud documents IPv6 peering routes (Huawei), and refused elsewhere.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { TwoRegionDr } = await import("../../../provider/pulumi/components/index.js");

const site = (vpc: string, v4: string, v6: string) => ({
  vpc,
  cloud: "huaweicloud" as const,
  region: "cn-north-4",
  account: "proj-1",
  cidrs: [v4],
  assignedIpv6Cidrs: [v6],
});

describe("TwoRegionDr with assigned IPv6 blocks (Huawei)", async () => {
  const dr = new TwoRegionDr("dual", {
    primary: site("vpc-a", "10.1.0.0/16", "2407:c080:11::/64"),
    standby: site("vpc-b", "10.2.0.0/16", "2407:c080:22::/64"),
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const urn = await outputValue(dr.urn);
  const routes = registered.filter((r) => r.parent === urn && kindOf(r) === "RouteRule");

  it("registers an IPv4 and an IPv6 route on each side", () => {
    expect(routes.map((r) => `${r.inputs.vpcId} ${r.inputs.destination}`).sort()).toEqual([
      "vpc-a 10.2.0.0/16",
      "vpc-a 2407:c080:22::/64",
      "vpc-b 10.1.0.0/16",
      "vpc-b 2407:c080:11::/64",
    ]);
  });

  it("reports both directions reachable", async () => {
    expect(await outputValue(dr.reachabilityMatrix)).toEqual({
      "vpc-a": { "vpc-b": true },
      "vpc-b": { "vpc-a": true },
    });
  });
});

it("on Tencent the same sites are refused with IPV6_PEERING_UNSUPPORTED before anything is created", () => {
  const tencent = (s: ReturnType<typeof site>, region: string) => ({
    ...s,
    cloud: "tencentcloud" as const,
    region,
  });
  expect(
    () =>
      new TwoRegionDr("dual-tc", {
        primary: tencent(site("vpc-c", "10.1.0.0/16", "240e:11::/64"), "ap-guangzhou"),
        standby: tencent(site("vpc-d", "10.2.0.0/16", "240e:22::/64"), "ap-beijing"),
        bandwidthMbps: 100,
      }),
  ).toThrow(TopologyValidationError);
  expect(
    () =>
      new TwoRegionDr("dual-tc2", {
        primary: tencent(site("vpc-c", "10.1.0.0/16", "240e:11::/64"), "ap-guangzhou"),
        standby: tencent(site("vpc-d", "10.2.0.0/16", "240e:22::/64"), "ap-beijing"),
        bandwidthMbps: 100,
      }),
  ).toThrow(
    /\[dual-tc2\/routes\[\d+\]\] IPV6_PEERING_UNSUPPORTED Route in VPC "vpc-c" .* IPv6 destination 240e:22::\/64/,
  );
  expect(registered.some((r) => r.name.startsWith("dual-tc-"))).toBe(false);
});

describe("TwoRegionDr with IPv6 blocks known only at apply (a dual-stack Subnet's ipv6Cidr)", async () => {
  const later = (block: string) => pulumi.output(Promise.resolve(block));
  const dr = new TwoRegionDr("later", {
    primary: { ...site("vpc-e", "10.1.0.0/16", ""), assignedIpv6Cidrs: [later("2001:db8:0:1::/64")] },
    standby: { ...site("vpc-f", "10.2.0.0/16", ""), assignedIpv6Cidrs: [later("2001:db8:0:2::/64")] },
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const urn = await outputValue(dr.urn);
  const routes = registered.filter((r) => r.parent === urn && kindOf(r) === "RouteRule");

  it("routes each side to the other's block, with the Output as the destination and the site's label in the name", () => {
    expect(routes.map((r) => `${r.inputs.vpcId} ${r.inputs.destination}`).sort()).toEqual([
      "vpc-e 10.2.0.0/16",
      "vpc-e 2001:db8:0:2::/64",
      "vpc-f 10.1.0.0/16",
      "vpc-f 2001:db8:0:1::/64",
    ]);
    const names = routes.map((r) => r.name).sort();
    expect(names).toContain("later-peering-route-vpc-e-main-vpc-f-ipv6-0");
    expect(names).toContain("later-peering-route-vpc-f-main-vpc-e-ipv6-0");
    expect(names.join(" ")).not.toContain("100::");
  });

  it("reports the real blocks, not the plan's placeholders", async () => {
    const planned = await outputValue(dr.plannedRoutes);
    expect(planned).toContain("vpc-e [main] 2001:db8:0:2::/64 via vpc-e -> vpc-f");
    expect(JSON.stringify(planned)).not.toContain("100::");
    const reachability = await outputValue(dr.reachability);
    expect(JSON.stringify(reachability)).toContain("2001:db8:0:1::/64");
    expect(JSON.stringify(reachability)).not.toContain("100::");
  });
});

it("a block known only at apply is still refused on Tencent (IPV6_PEERING_UNSUPPORTED), before anything exists", () => {
  const tencent = (vpc: string, v4: string, region: string) => ({
    vpc,
    cloud: "tencentcloud" as const,
    region,
    account: "1",
    cidrs: [v4],
    assignedIpv6Cidrs: [pulumi.output("240e:33::/64")],
  });
  expect(
    () =>
      new TwoRegionDr("later-tc", {
        primary: tencent("vpc-g", "10.1.0.0/16", "ap-guangzhou"),
        standby: tencent("vpc-h", "10.2.0.0/16", "ap-beijing"),
        bandwidthMbps: 100,
      }),
  ).toThrow(/IPV6_PEERING_UNSUPPORTED/);
  expect(registered.some((r) => r.name.startsWith("later-tc-"))).toBe(false);
});
