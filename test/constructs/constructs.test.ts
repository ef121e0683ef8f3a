import { describe, expect, it } from "vitest";
import { BandwidthPolicy } from "../../constructs/bandwidth-policy.js";
import { Peering } from "../../constructs/peering.js";
import { PeeringAcceptance } from "../../constructs/peering-acceptance.js";
import { BaiducloudPeerConn } from "../../constructs/providers/baiducloud/peer-conn.js";
import { BaiducloudPeerConnAcceptor } from "../../constructs/providers/baiducloud/peer-conn-acceptor.js";
import { BaiducloudRouteRule } from "../../constructs/providers/baiducloud/route-rule.js";
import { HuaweicloudVpcPeeringConnection } from "../../constructs/providers/huaweicloud/vpc-peering-connection.js";
import { HuaweicloudVpcPeeringConnectionAccepter } from "../../constructs/providers/huaweicloud/vpc-peering-connection-accepter.js";
import { HuaweicloudVpcRoute } from "../../constructs/providers/huaweicloud/vpc-route.js";
import { TencentcloudProvider } from "../../constructs/providers/tencentcloud/provider.js";
import { TencentcloudRouteTableEntry } from "../../constructs/providers/tencentcloud/route-table-entry.js";
import { TencentcloudVpcPeerConnectAcceptOperation } from "../../constructs/providers/tencentcloud/vpc-peer-connect-accept-operation.js";
import { TencentcloudVpcPeerConnectManager } from "../../constructs/providers/tencentcloud/vpc-peer-connect-manager.js";
import { RouteRule } from "../../constructs/route-rule.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import { tfRef } from "../support/cdktf-matchers.js";
import { errorCodes, site, synthStack } from "../support/cdktf-stack.js";

/** A peering of `cloud` between two accounts, accepted, with routes both ways. */
function crossAccount(cloud: Cloud, options: { region?: string; bandwidthMbps?: number } = {}) {
  const a = site(cloud, "vpc-a", "10.0.0.0/16", "r-1");
  const b = site(cloud, "vpc-b", "10.1.0.0/16", options.region ?? "r-1", { account: "2" });
  return synthStack((stack) => {
    const providerB =
      cloud === "tencentcloud"
        ? new TencentcloudProvider(stack, "account-2", { alias: "two", region: b.region })
        : undefined;
    const bSide = providerB ? { ...b, provider: providerB } : { ...b, account: "1" };
    const peering = new Peering(stack, "peering", {
      cloud,
      vpc: a,
      peerVpc: bSide,
      bandwidthMbps: options.bandwidthMbps,
      name: "a-b",
    });
    new PeeringAcceptance(stack, "acceptance", { cloud, peering });
    new RouteRule(stack, "a-to-b", { cloud, vpc: a, peering, destination: "10.1.0.0/16" });
    new RouteRule(stack, "b-to-a", { cloud, vpc: bSide, peering, destination: "10.0.0.0/16" });
  });
}

describe("Peering, PeeringAcceptance and RouteRule map onto each cloud's resources", () => {
  it("tencentcloud: peer connect manager, accept operation, PEERCONNECTION routes that wait for acceptance", () => {
    const { synth, errors, warnings } = crossAccount("tencentcloud", { region: "r-2", bandwidthMbps: 100 });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectManager, {
      source_vpc_id: "vpc-a",
      destination_vpc_id: "vpc-b",
      destination_uin: "2",
      destination_region: "r-2",
      peering_connection_name: "a-b",
      bandwidth: 100,
      provider: "tencentcloud.r-1",
    });
    expect(synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectAcceptOperation, {
      provider: "tencentcloud.two",
    });
    expect(synth).toHaveResourceWithProperties(TencentcloudRouteTableEntry, {
      route_table_id: "rtb-vpc-b",
      destination_cidr_block: "10.0.0.0/16",
      next_type: "PEERCONNECTION",
      provider: "tencentcloud.two",
      depends_on: ["tencentcloud_vpc_peer_connect_accept_operation.acceptance"],
    });
    expect(synth).toHaveResourceWithProperties(TencentcloudRouteTableEntry, {
      route_table_id: "rtb-vpc-a",
      provider: "tencentcloud.r-1",
      depends_on: ["tencentcloud_vpc_peer_connect_accept_operation.acceptance"],
    });
  });

  it("huaweicloud: peering connection, accepter with accept = true, peering-type routes in the default table", () => {
    const { synth, errors } = crossAccount("huaweicloud");
    expect(errors).toEqual([]);
    expect(synth).toHaveResourceWithProperties(HuaweicloudVpcPeeringConnection, {
      region: "r-1",
      name: "a-b",
      vpc_id: "vpc-a",
      peer_vpc_id: "vpc-b",
    });
    expect(synth).toHaveResourceWithProperties(HuaweicloudVpcPeeringConnectionAccepter, {
      accept: true,
      region: "r-1",
    });
    expect(synth).toHaveResourceWithProperties(HuaweicloudVpcRoute, {
      vpc_id: "vpc-b",
      destination: "10.0.0.0/16",
      type: "peering",
      nexthop: tfRef("huaweicloud_vpc_peering_connection.peering"),
      route_table_id: "rtb-vpc-b",
    });
  });

  it("baiducloud: peer conn with Postpaid billing by default, acceptor, peerConn route rules from 0.0.0.0/0", () => {
    const { synth, errors } = crossAccount("baiducloud", { bandwidthMbps: 20 });
    expect(errors).toEqual([]);
    expect(synth).toHaveResourceWithProperties(BaiducloudPeerConn, {
      bandwidth_in_mbps: 20,
      local_vpc_id: "vpc-a",
      peer_vpc_id: "vpc-b",
      peer_region: "r-1",
      billing: { payment_timing: "Postpaid" },
    });
    expect(synth).toHaveResourceWithProperties(BaiducloudPeerConnAcceptor, { auto_accept: true });
    expect(synth).toHaveResourceWithProperties(BaiducloudRouteRule, {
      route_table_id: "rtb-vpc-a",
      source_address: "0.0.0.0/0",
      destination_address: "10.1.0.0/16",
      next_hop_type: "peerConn",
      next_hop_id: tfRef("baiducloud_peer_conn.peering"),
    });
  });

  it("maps the Tencent service level onto qos_level and sets peer_tenant_id / peer_account_id across accounts", () => {
    const tencent = synthStack((stack) => {
      new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: site("tencentcloud", "a", "10.0.0.0/16", "ap-guangzhou"),
        peerVpc: site("tencentcloud", "b", "10.1.0.0/16", "ap-beijing"),
        bandwidthMbps: 100,
        chargeType: "POSTPAID_BY_MONTH_95",
        serviceLevel: "platinum",
      });
    });
    expect(tencent.synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectManager, {
      charge_type: "POSTPAID_BY_MONTH_95",
      qos_level: "PT",
    });
    const huawei = synthStack((stack) => {
      new Peering(stack, "p", {
        cloud: "huaweicloud",
        vpc: site("huaweicloud", "a", "10.0.0.0/16", "cn-north-4"),
        peerVpc: site("huaweicloud", "b", "10.1.0.0/16", "cn-north-4", { account: "tenant-2" }),
      });
    });
    expect(huawei.synth).toHaveResourceWithProperties(HuaweicloudVpcPeeringConnection, {
      peer_tenant_id: "tenant-2",
    });
    expect(huawei.warnings.join("\n")).toContain("ACCEPTANCE_MISSING");
  });

  it("adds a default provider per cloud and region, aliased by the region, and no credentials", () => {
    const { json } = crossAccount("huaweicloud");
    expect(json?.provider?.huaweicloud).toEqual([{ alias: "r-1", region: "r-1" }]);
  });
});

describe("what a provider cannot express fails the synth with a coded error", () => {
  it.each<[string, Cloud, Partial<ConstructorParameters<typeof Peering>[2]>, string, string]>([
    [
      "a description on Tencent",
      "tencentcloud",
      { description: "x", bandwidthMbps: 10 },
      "r-2",
      "UNSUPPORTED_BY_PROVIDER",
    ],
    ["a cross-region Huawei peering", "huaweicloud", {}, "r-2", "CROSS_REGION_UNSUPPORTED"],
  ])("%s", (_, cloud, props, peerRegion, code) => {
    const result = synthStack((stack) => {
      const a = site(cloud, "a", "10.0.0.0/16", "r-1");
      const b = site(cloud, "b", "10.1.0.0/16", peerRegion);
      const peering = new Peering(stack, "p", { cloud, vpc: a, peerVpc: b, ...props });
      new RouteRule(stack, "ab", { cloud, vpc: a, peering, destination: "10.1.0.0/16" });
      new RouteRule(stack, "ba", { cloud, vpc: b, peering, destination: "10.0.0.0/16" });
    });
    expect(errorCodes(result)).toEqual([`stack/p ${code}`]);
    expect(result.errors[0]).toMatch(/Fix: /);
  });

  it("per-IP limits: Tencent has no resource for them; with managedOutsideTerraform they are only validated", () => {
    const build = (managedOutsideTerraform: boolean, limitMbps: number) =>
      synthStack((stack) => {
        const a = site("tencentcloud", "a", "10.0.0.0/16", "r-1");
        const b = site("tencentcloud", "b", "10.1.0.0/16", "r-2");
        const peering = new Peering(stack, "p", {
          cloud: "tencentcloud",
          vpc: a,
          peerVpc: b,
          bandwidthMbps: 100,
        });
        new RouteRule(stack, "ab", { cloud: "tencentcloud", vpc: a, peering, destination: "10.1.0.0/16" });
        new RouteRule(stack, "ba", { cloud: "tencentcloud", vpc: b, peering, destination: "10.0.0.0/16" });
        new BandwidthPolicy(stack, "limit", {
          cloud: "tencentcloud",
          peering,
          ip: "10.0.1.5",
          limitMbps,
          managedOutsideTerraform,
        });
      });
    const refused = build(false, 20);
    expect(errorCodes(refused)).toEqual(["stack/limit UNSUPPORTED_BY_PROVIDER"]);
    expect(refused.errors[0]).toContain("10.0.1.5");
    expect(build(true, 20).errors).toEqual([]);
    // Still validated by the core: a limit above the peering's bandwidth.
    expect(errorCodes(build(true, 200))).toEqual(["stack/limit BANDWIDTH_POLICY_INVALID"]);
  });

  it("per-IP limits on Huawei: one line, the core's (the cloud has none at all)", () => {
    const result = synthStack((stack) => {
      const a = site("huaweicloud", "a", "10.0.0.0/16", "r-1");
      const b = site("huaweicloud", "b", "10.1.0.0/16", "r-1");
      const peering = new Peering(stack, "p", { cloud: "huaweicloud", vpc: a, peerVpc: b });
      new RouteRule(stack, "ab", { cloud: "huaweicloud", vpc: a, peering, destination: "10.1.0.0/16" });
      new RouteRule(stack, "ba", { cloud: "huaweicloud", vpc: b, peering, destination: "10.0.0.0/16" });
      new BandwidthPolicy(stack, "limit", { cloud: "huaweicloud", peering, ip: "10.0.1.5", limitMbps: 5 });
    });
    expect(errorCodes(result)).toEqual(["stack/limit BANDWIDTH_POLICY_INVALID"]);
  });

  it("Baidu without bandwidth: the core's INVALID_BANDWIDTH, and the provider problem when validation is off", () => {
    const build = (context: Record<string, unknown>) =>
      synthStack((stack) => {
        new Peering(stack, "p", {
          cloud: "baiducloud",
          vpc: site("baiducloud", "a", "10.0.0.0/16", "bj"),
          peerVpc: site("baiducloud", "b", "10.1.0.0/16", "gz"),
        });
      }, context);
    expect(errorCodes(build({}))).toEqual(["stack/p INVALID_BANDWIDTH"]);
    expect(errorCodes(build({ "peerlink:validation": false }))).toEqual(["stack/p UNSUPPORTED_BY_PROVIDER"]);
  });

  it("MAIN_ROUTE_TABLE_ID_REQUIRED on Tencent and Baidu, not on Huawei", () => {
    const build = (cloud: Cloud) =>
      synthStack((stack) => {
        const a = site(cloud, "a", "10.0.0.0/16", "r-1", { mainRouteTableId: undefined });
        const b = site(cloud, "b", "10.1.0.0/16", "r-1");
        const peering = new Peering(stack, "p", {
          cloud,
          vpc: a,
          peerVpc: b,
          bandwidthMbps: cloud === "baiducloud" ? 10 : undefined,
        });
        new RouteRule(stack, "ab", { cloud, vpc: a, peering, destination: "10.1.0.0/16" });
        new RouteRule(stack, "ba", { cloud, vpc: b, peering, destination: "10.0.0.0/16" });
      });
    expect(errorCodes(build("tencentcloud"))).toEqual(["stack/ab MAIN_ROUTE_TABLE_ID_REQUIRED"]);
    expect(errorCodes(build("baiducloud"))).toEqual(["stack/ab MAIN_ROUTE_TABLE_ID_REQUIRED"]);
    expect(errorCodes(build("huaweicloud"))).toEqual([]);
  });

  it("PROVIDER_REQUIRED when default providers would serve a second account of the same cloud", () => {
    const result = synthStack((stack) => {
      const a = site("tencentcloud", "a", "10.0.0.0/16", "r-1");
      const b = site("tencentcloud", "b", "10.1.0.0/16", "r-2", { account: "2" });
      const peering = new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: a,
        peerVpc: b,
        bandwidthMbps: 10,
      });
      new PeeringAcceptance(stack, "accept", { cloud: "tencentcloud", peering });
      new RouteRule(stack, "ab", { cloud: "tencentcloud", vpc: a, peering, destination: "10.1.0.0/16" });
      new RouteRule(stack, "ba", { cloud: "tencentcloud", vpc: b, peering, destination: "10.0.0.0/16" });
    });
    expect(errorCodes(result)).toEqual(["stack/accept PROVIDER_REQUIRED", "stack/ba PROVIDER_REQUIRED"]);
    expect(result.errors[0]).toContain("account 2");
  });

  it("CLOUD_MISMATCH and VPC_DECLARATION_CONFLICT", () => {
    const result = synthStack((stack) => {
      const a = site("tencentcloud", "a", "10.0.0.0/16", "r-1");
      const b = site("tencentcloud", "b", "10.1.0.0/16", "r-1");
      const peering = new Peering(stack, "p", { cloud: "tencentcloud", vpc: a, peerVpc: b });
      new RouteRule(stack, "ab", { cloud: "huaweicloud", vpc: a, peering, destination: "10.1.0.0/16" });
      new RouteRule(stack, "ba", {
        cloud: "tencentcloud",
        vpc: { ...b, cidrs: ["10.9.0.0/16"] },
        peering,
        destination: "10.0.0.0/16",
      });
    });
    expect(errorCodes(result)).toEqual([
      "stack/ab CLOUD_MISMATCH",
      "stack/ab CLOUD_MISMATCH",
      "stack/ba VPC_DECLARATION_CONFLICT",
    ]);
  });

  it("refuses a second acceptance of one peering when building", () => {
    expect(() =>
      synthStack((stack) => {
        const peering = new Peering(stack, "p", {
          cloud: "tencentcloud",
          vpc: site("tencentcloud", "a", "10.0.0.0/16", "r-1"),
          peerVpc: site("tencentcloud", "b", "10.1.0.0/16", "r-1"),
        });
        new PeeringAcceptance(stack, "one", { cloud: "tencentcloud", peering });
        new PeeringAcceptance(stack, "two", { cloud: "tencentcloud", peering });
      }),
    ).toThrow(/already has a PeeringAcceptance/);
  });
});

describe("adopting live resources with CDKTF's importFrom, by the ids discover --format terraform-import lists", () => {
  it("writes each import block at its construct's resource address, in the provider's id format", () => {
    const a = site("huaweicloud", "vpc-a", "10.0.0.0/16", "r-1");
    const b = site("huaweicloud", "vpc-b", "10.1.0.0/16", "r-1", { account: "1" });
    const { json, errors } = synthStack((stack) => {
      const peering = new Peering(stack, "peering", {
        cloud: "huaweicloud",
        vpc: a,
        peerVpc: b,
        name: "a-b",
      });
      peering.resource.importFrom("pcx-1");
      const route = new RouteRule(stack, "a-to-b", {
        cloud: "huaweicloud",
        vpc: a,
        peering,
        destination: "10.1.0.0/16",
      });
      route.resource.importFrom("rtb-vpc-a/10.1.0.0/16");
    });
    expect(errors).toEqual([]);
    const imports = (json as unknown as { import: { to: string; id: string }[] }).import;
    expect(imports).toEqual([
      { to: "huaweicloud_vpc_peering_connection.peering", id: "pcx-1" },
      { to: "huaweicloud_vpc_route.a-to-b", id: "rtb-vpc-a/10.1.0.0/16" },
    ]);
    // Each address is a resource the stack declares: the plan imports into it instead of creating it.
    const resources = (json as unknown as { resource: Record<string, Record<string, unknown>> }).resource;
    for (const { to } of imports) {
      const [type, name] = to.split(".") as [string, string];
      expect(resources[type]?.[name], to).toBeDefined();
    }
  });
});
