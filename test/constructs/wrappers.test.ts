import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { BaiducloudPeerConn } from "../../constructs/providers/baiducloud/peer-conn.js";
import { BaiducloudPeerConnAcceptor } from "../../constructs/providers/baiducloud/peer-conn-acceptor.js";
import { BaiducloudProvider } from "../../constructs/providers/baiducloud/provider.js";
import { BaiducloudRouteRule } from "../../constructs/providers/baiducloud/route-rule.js";
import { HuaweicloudProvider } from "../../constructs/providers/huaweicloud/provider.js";
import { HuaweicloudVpcPeeringConnection } from "../../constructs/providers/huaweicloud/vpc-peering-connection.js";
import { HuaweicloudVpcPeeringConnectionAccepter } from "../../constructs/providers/huaweicloud/vpc-peering-connection-accepter.js";
import { HuaweicloudVpcRoute } from "../../constructs/providers/huaweicloud/vpc-route.js";
import { TencentcloudProvider } from "../../constructs/providers/tencentcloud/provider.js";
import { TencentcloudRouteTableEntry } from "../../constructs/providers/tencentcloud/route-table-entry.js";
import { TencentcloudVpcPeerConnectAcceptOperation } from "../../constructs/providers/tencentcloud/vpc-peer-connect-accept-operation.js";
import { TencentcloudVpcPeerConnectManager } from "../../constructs/providers/tencentcloud/vpc-peer-connect-manager.js";
import type { SynthesizedJson } from "../support/cdktf-matchers.js";
import { tfRef } from "../support/cdktf-matchers.js";

describe("tencentcloud wrappers (schema of v1.83.25)", () => {
  const synth = Testing.synthScope((stack) => {
    const requester = new TencentcloudProvider(stack, "gz", { region: "ap-guangzhou" });
    const accepter = new TencentcloudProvider(stack, "bj", {
      alias: "bj",
      region: "ap-beijing",
      assumeRole: { roleArn: "qcs::cam::uin/2:roleName/r", sessionName: "s", sessionDuration: 3600 },
    });
    const pcx = new TencentcloudVpcPeerConnectManager(stack, "pcx", {
      provider: requester,
      sourceVpcId: "vpc-gz",
      peeringConnectionName: "gz-bj",
      destinationVpcId: "vpc-bj",
      destinationUin: "100002",
      destinationRegion: "ap-beijing",
      bandwidth: 100,
      chargeType: "POSTPAID_BY_MONTH_95",
      qosLevel: "AU",
    });
    const accept = new TencentcloudVpcPeerConnectAcceptOperation(stack, "accept", {
      provider: accepter,
      peeringConnectionId: pcx.id,
    });
    new TencentcloudRouteTableEntry(stack, "route", {
      provider: accepter,
      dependsOn: [accept],
      routeTableId: "rtb-bj",
      destinationCidrBlock: "10.0.0.0/16",
      nextType: "PEERCONNECTION",
      nextHub: pcx.id,
      description: "to gz",
    });
  });

  it("synthesizes tencentcloud_vpc_peer_connect_manager with the schema's argument names", () => {
    expect(synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectManager, {
      source_vpc_id: "vpc-gz",
      peering_connection_name: "gz-bj",
      destination_vpc_id: "vpc-bj",
      destination_uin: "100002",
      destination_region: "ap-beijing",
      bandwidth: 100,
      charge_type: "POSTPAID_BY_MONTH_95",
      qos_level: "AU",
    });
  });

  it("synthesizes the accept operation in the accepter's provider, referencing the peering id", () => {
    expect(synth).toHaveResourceWithProperties(TencentcloudVpcPeerConnectAcceptOperation, {
      peering_connection_id: tfRef("tencentcloud_vpc_peer_connect_manager.pcx"),
      provider: "tencentcloud.bj",
    });
  });

  it("synthesizes a PEERCONNECTION route entry", () => {
    expect(synth).toHaveResourceWithProperties(TencentcloudRouteTableEntry, {
      route_table_id: "rtb-bj",
      destination_cidr_block: "10.0.0.0/16",
      next_type: "PEERCONNECTION",
      next_hub: tfRef("tencentcloud_vpc_peer_connect_manager.pcx"),
      description: "to gz",
      depends_on: ["tencentcloud_vpc_peer_connect_accept_operation.accept"],
    });
    // The matcher really compares: a wrong value does not match.
    expect(synth).not.toHaveResourceWithProperties(TencentcloudRouteTableEntry, { next_type: "CVM" });
  });

  it("declares the provider source and version, and aliased provider blocks", () => {
    const json = JSON.parse(synth) as SynthesizedJson;
    expect(json.terraform?.required_providers?.tencentcloud).toEqual({
      source: "tencentcloudstack/tencentcloud",
      version: "~> 1.83",
    });
    expect(synth).toHaveProviderWithProperties(TencentcloudProvider, {
      alias: "bj",
      region: "ap-beijing",
      assume_role: { role_arn: "qcs::cam::uin/2:roleName/r", session_name: "s", session_duration: 3600 },
    });
    expect(json.provider?.tencentcloud).toContainEqual({ region: "ap-guangzhou" });
  });

  it("leaves unset optional arguments out instead of writing null", () => {
    const minimal = Testing.synthScope((stack) => {
      new TencentcloudVpcPeerConnectManager(stack, "pcx", {
        sourceVpcId: "a",
        peeringConnectionName: "n",
        destinationVpcId: "b",
        destinationUin: "1",
        destinationRegion: "r",
      });
    });
    const [resource] = Object.values(
      (JSON.parse(minimal) as SynthesizedJson).resource!.tencentcloud_vpc_peer_connect_manager!,
    );
    expect(Object.keys(resource!).sort()).toEqual([
      "destination_region",
      "destination_uin",
      "destination_vpc_id",
      "peering_connection_name",
      "source_vpc_id",
    ]);
  });
});

describe("huaweicloud wrappers (schema at a0345b8)", () => {
  const synth = Testing.synthScope((stack) => {
    const main = new HuaweicloudProvider(stack, "main", { region: "cn-north-4" });
    const peer = new HuaweicloudProvider(stack, "peer", {
      alias: "peer",
      region: "cn-north-4",
      assumeRole: { agencyName: "peerlink", domainName: "network" },
    });
    const peering = new HuaweicloudVpcPeeringConnection(stack, "peering", {
      provider: main,
      region: "cn-north-4",
      name: "app-shared",
      vpcId: "vpc-app",
      peerVpcId: "vpc-shared",
      peerTenantId: "tenant-2",
      description: "journey 4",
    });
    new HuaweicloudVpcPeeringConnectionAccepter(stack, "accepter", {
      provider: peer,
      vpcPeeringConnectionId: peering.id,
      accept: true,
    });
    new HuaweicloudVpcRoute(stack, "route", {
      vpcId: "vpc-app",
      destination: "10.1.0.0/16",
      type: "peering",
      nexthop: peering.id,
    });
  });

  it.each<
    [
      (
        | typeof HuaweicloudVpcPeeringConnection
        | typeof HuaweicloudVpcPeeringConnectionAccepter
        | typeof HuaweicloudVpcRoute
      ),
      Record<string, unknown>,
    ]
  >([
    [
      HuaweicloudVpcPeeringConnection,
      {
        region: "cn-north-4",
        name: "app-shared",
        vpc_id: "vpc-app",
        peer_vpc_id: "vpc-shared",
        peer_tenant_id: "tenant-2",
        description: "journey 4",
      },
    ],
    [
      HuaweicloudVpcPeeringConnectionAccepter,
      {
        vpc_peering_connection_id: tfRef("huaweicloud_vpc_peering_connection.peering"),
        accept: true,
        provider: "huaweicloud.peer",
      },
    ],
    [
      HuaweicloudVpcRoute,
      {
        vpc_id: "vpc-app",
        destination: "10.1.0.0/16",
        type: "peering",
        nexthop: tfRef("huaweicloud_vpc_peering_connection.peering"),
      },
    ],
  ])("synthesizes %o with the schema's argument names", (type, properties) => {
    expect(synth).toHaveResourceWithProperties(type, properties);
  });

  it("omits route_table_id for the default table", () => {
    const [route] = Object.values((JSON.parse(synth) as SynthesizedJson).resource!.huaweicloud_vpc_route!);
    expect(route).not.toHaveProperty("route_table_id");
  });

  it("declares the provider source", () => {
    expect((JSON.parse(synth) as SynthesizedJson).terraform?.required_providers?.huaweicloud).toEqual({
      source: "huaweicloud/huaweicloud",
      version: "~> 1.97",
    });
    expect(synth).toHaveProviderWithProperties(HuaweicloudProvider, {
      alias: "peer",
      assume_role: { agency_name: "peerlink", domain_name: "network" },
    });
  });
});

describe("baiducloud wrappers (schema of v1.23.5)", () => {
  const synth = Testing.synthScope((stack) => {
    new BaiducloudProvider(stack, "bd", { region: "bj" });
    const peerConn = new BaiducloudPeerConn(stack, "peer", {
      bandwidthInMbps: 20,
      localVpcId: "vpc-a",
      peerVpcId: "vpc-b",
      peerRegion: "gz",
      peerAccountId: "acc-2",
      billing: { paymentTiming: "Prepaid", reservation: { reservationLength: 12 } },
      description: "dr",
    });
    new BaiducloudPeerConnAcceptor(stack, "acceptor", { peerConnId: peerConn.id, autoAccept: true });
    new BaiducloudRouteRule(stack, "rule", {
      routeTableId: "rt-a",
      sourceAddress: "0.0.0.0/0",
      destinationAddress: "10.1.0.0/16",
      nextHopType: "peerConn",
      nextHopId: peerConn.id,
    });
  });

  it.each<
    [
      typeof BaiducloudPeerConn | typeof BaiducloudPeerConnAcceptor | typeof BaiducloudRouteRule,
      Record<string, unknown>,
    ]
  >([
    [
      BaiducloudPeerConn,
      {
        bandwidth_in_mbps: 20,
        local_vpc_id: "vpc-a",
        peer_vpc_id: "vpc-b",
        peer_region: "gz",
        peer_account_id: "acc-2",
        billing: { payment_timing: "Prepaid", reservation: { reservation_length: 12 } },
        description: "dr",
      },
    ],
    [BaiducloudPeerConnAcceptor, { peer_conn_id: tfRef("baiducloud_peer_conn.peer"), auto_accept: true }],
    [
      BaiducloudRouteRule,
      {
        route_table_id: "rt-a",
        source_address: "0.0.0.0/0",
        destination_address: "10.1.0.0/16",
        next_hop_type: "peerConn",
        next_hop_id: tfRef("baiducloud_peer_conn.peer"),
      },
    ],
  ])("synthesizes %o with the schema's argument names", (type, properties) => {
    expect(synth).toHaveResourceWithProperties(type, properties);
  });

  it("declares the provider source", () => {
    expect((JSON.parse(synth) as SynthesizedJson).terraform?.required_providers?.baiducloud).toEqual({
      source: "baidubce/baiducloud",
      version: "~> 1.23",
    });
    expect(synth).toHaveProviderWithProperties(BaiducloudProvider, { region: "bj" });
  });
});

describe("HCL output (cdktf synth --hcl)", () => {
  it("renders a wrapper's arguments and a provider's assume_role block", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "hcl");
    new TencentcloudProvider(stack, "p", {
      region: "ap-beijing",
      assumeRole: { roleArn: "arn", sessionName: "s", sessionDuration: 60 },
    });
    new TencentcloudRouteTableEntry(stack, "route", {
      routeTableId: "rtb-1",
      destinationCidrBlock: "10.0.0.0/16",
      nextType: "PEERCONNECTION",
      nextHub: "pcx-1",
    });
    const hcl = Testing.synthHcl(stack) as string;
    expect(hcl).toMatch(
      /resource "tencentcloud_route_table_entry" "route" \{[^}]*route_table_id\s*= "rtb-1"/s,
    );
    expect(hcl).toMatch(/next_type\s*= "PEERCONNECTION"/);
    expect(hcl).toMatch(/assume_role \{[^}]*role_arn\s*= "arn"/s);
    const baidu = new TerraformStack(app, "hcl-baidu");
    new BaiducloudPeerConn(baidu, "peer", {
      bandwidthInMbps: 10,
      localVpcId: "a",
      peerVpcId: "b",
      peerRegion: "gz",
      billing: { paymentTiming: "Postpaid" },
    });
    expect(Testing.synthHcl(baidu) as string).toMatch(/billing = \{\s*payment_timing = "Postpaid"\s*\}/);
  });
});
