/**
 * Dual-stack DR through the Pulumi TwoRegionDr: the IPv6 block the cloud assigned each VPC (assignedIpv6Cidrs)
 * is routed on both sides where the cloud documents IPv6 peering routes (Huawei), and refused elsewhere.
 */
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
