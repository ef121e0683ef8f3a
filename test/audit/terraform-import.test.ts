/**
 * A discovered estate as OpenTofu/Terraform import blocks (provider/backends/discover/terraform-import.ts): what the
 * accounts own, each by its provider's documented import id, under a provider configuration of its account and
 * region, with names Terraform accepts; what a provider cannot import is left out and said.
 */
import { describe, expect, it } from "vitest";
import type { PeeringInfo, RouteInfo, VpcInfo } from "../../provider/backends/backend.js";
import type { SessionEstate } from "../../provider/backends/discover/discover.js";
import { terraformImportFile, terraformName } from "../../provider/backends/discover/terraform-import.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import { peeringInfo, vpcInfo } from "./support/infos.js";

const vpc = (id: string, name: string, extra: Partial<VpcInfo> = {}): VpcInfo =>
  vpcInfo({ id, name, routeTables: [{ id: `rtb-${id}`, vpcId: id, name: "main", main: true }], ...extra });

const route = (
  id: string,
  vpcId: string,
  destination: string,
  extra: Partial<RouteInfo> = {},
): RouteInfo => ({
  id,
  vpcId,
  routeTableId: `rtb-${vpcId}`,
  destination,
  peeringId: "pcx-1",
  description: "",
  createdAt: "2026-12-01T00:00:00Z",
  ...extra,
});

/** One estate on `cloud`: account 1's two VPCs peered, a peering account 2 requested and 1 accepted. */
function estateOn(cloud: Cloud): SessionEstate[] {
  const on = { cloud };
  const peering = (id: string, name: string, extra: Partial<PeeringInfo>) =>
    peeringInfo({ id, name, ...on, ...extra });
  return [
    {
      vpcs: [
        vpc("vpc-b", "应用", on),
        vpc("vpc-a", "app", on),
        vpc("vpc-x", "partner", { ...on, account: "2", region: "ap-shanghai" }),
      ],
      peerings: [
        peering("pcx-1", "a-b", { vpcId: "vpc-a", peerVpcId: "vpc-b" }),
        peering("pcx-2", "x-a", {
          vpcId: "vpc-x",
          account: "2",
          region: "ap-shanghai",
          peerVpcId: "vpc-a",
        }),
        peering("pcx-3", "old", { status: "REJECTED" }),
      ],
      routes: [
        route("r-2", "vpc-b", "10.0.0.0/16", { entryId: 12 }),
        route("r-1", "vpc-a", "10.1.0.0/16", { entryId: 11 }),
        route("r-6", "vpc-a", "2001:db8::/64"),
        route("r-9", "vpc-x", "10.0.0.0/16", { entryId: 19 }),
      ],
      subnets: [
        {
          id: "subnet-1",
          vpcId: "vpc-a",
          name: "web",
          cidr: "10.0.1.0/24",
          gatewayIp: "10.0.1.1",
          ipv6: false,
          ipv6Cidr: undefined,
          createdAt: "2026-12-01T00:00:00Z",
        },
      ],
    },
  ];
}

describe("terraformImportFile", () => {
  it("writes account 1's share on Tencent with the provider's import ids, leaving out what it cannot import", () => {
    const { file, skipped } = terraformImportFile(estateOn("tencentcloud"), ["1"]);
    const provider = "tencentcloud.ap-guangzhou_1";
    expect(file.import).toEqual([
      { to: "tencentcloud_vpc.app", id: "vpc-a", provider },
      // A Chinese name is no identifier: the kind and id name it.
      { to: "tencentcloud_vpc.vpc", id: "vpc-b", provider },
      { to: "tencentcloud_subnet.web", id: "subnet-1", provider },
      { to: "tencentcloud_vpc_peer_connect_manager.a-b", id: "pcx-1", provider },
      // routeEntryId.routeTableId, the entry id being the integer RouteId.
      { to: "tencentcloud_route_table_entry.app_to_10_1_0_0_16", id: "11.rtb-vpc-a", provider },
      { to: "tencentcloud_route_table_entry.vpc_to_10_0_0_0_16", id: "12.rtb-vpc-b", provider },
    ]);
    expect(skipped.map((s) => s.resource)).toEqual([
      "the acceptance of peering pcx-2",
      "route r-6 (2001:db8::/64 in rtb-vpc-a)",
    ]);
    expect(file.provider).toEqual({ tencentcloud: [{ alias: "ap-guangzhou_1", region: "ap-guangzhou" }] });
    expect(file.terraform.required_providers).toEqual({
      tencentcloud: { source: "tencentcloudstack/tencentcloud", version: "~> 1.83" },
    });
  });

  it("imports routes and acceptances by Huawei's and Baidu's formats, the acceptance through the accepter's provider", () => {
    const huawei = terraformImportFile(estateOn("huaweicloud"), ["1"]);
    const ids = (f: typeof huawei) => f.file.import.map((i) => `${i.to} ${i.id}`);
    expect(ids(huawei)).toContain("huaweicloud_vpc_route.app_to_2001_db8_64 rtb-vpc-a/2001:db8::/64");
    expect(ids(huawei)).toContain("huaweicloud_vpc_route.app_to_10_1_0_0_16 rtb-vpc-a/10.1.0.0/16");
    expect(huawei.file.import).toContainEqual({
      to: "huaweicloud_vpc_peering_connection_accepter.x-a_accept",
      id: "pcx-2",
      provider: "huaweicloud.ap-guangzhou_1",
    });
    expect(huawei.skipped).toEqual([]);
    const baidu = terraformImportFile(estateOn("baiducloud"), ["1"]);
    expect(ids(baidu)).toContain("baiducloud_route_rule.app_to_10_1_0_0_16 r-1:rtb-vpc-a");
    expect(ids(baidu)).toContain("baiducloud_peer_conn_acceptor.x-a_accept pcx-2");
  });

  it("gives each account and region its own provider configuration, and each resource the one it lives in", () => {
    const { file } = terraformImportFile(estateOn("huaweicloud"), ["1", "2"]);
    expect(file.provider).toEqual({
      huaweicloud: [
        { alias: "ap-guangzhou_1", region: "ap-guangzhou" },
        { alias: "ap-shanghai_2", region: "ap-shanghai" },
      ],
    });
    const of = (id: string) => file.import.filter((i) => i.id === id).map((i) => i.provider);
    expect(of("vpc-x")).toEqual(["huaweicloud.ap-shanghai_2"]);
    // Account 2 requested pcx-2: with both accounts read, the request is 2's and the acceptance 1's.
    expect(of("pcx-2").sort()).toEqual(["huaweicloud.ap-guangzhou_1", "huaweicloud.ap-shanghai_2"]);
    // Every address is unique, and every name a Terraform identifier.
    const to = file.import.map((i) => i.to);
    expect(new Set(to).size).toBe(to.length);
    for (const address of to) expect(address).toMatch(/^[a-z_]+\.[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  it("makes identifiers of any name: letters, digits, _ and - kept, a leading digit given the kind", () => {
    expect(terraformName("prod-app.v2", "vpc")).toBe("prod-app_v2");
    expect(terraformName("生产", "vpc")).toBe("vpc");
    expect(terraformName("10.0.0.0/16", "route")).toBe("route_10_0_0_0_16");
    expect(terraformName("__x__", "vpc")).toBe("x");
  });
});
