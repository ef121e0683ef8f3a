/**
 * Huawei's wire objects, with the field names of the official SDK's models (@huaweicloud/huaweicloud-sdk-vpc
 * 3.1.173 v2/model: Vpc, VpcPeering, VpcInfo, VpcRoute, RouteTableListResp, RouteTableResp, RouteTableRoute) and the
 * VPC API reference (timestamps "yyyy-MM-ddTHH:mm:ss" in UTC; "Creating a VPC Peering Connection",
 * opentelekomcloud/docs doc/source/vpc/api-reference/creating-a-vpc-peering-connection.md).
 */
import { createHash } from "node:crypto";
import type { PeeringInfo, RouteInfo, RouteTableInfo, SubnetInfo, VpcInfo } from "../../backends/backend.js";
import { toHuaweiStatus } from "../../backends/huaweicloud/peering-status.js";
import { makeHostAddress, parseCidr } from "../../core/cidr.js";

/** ISO 8601 → Huawei's "yyyy-MM-ddTHH:mm:ss" (UTC, no zone, no fraction). */
export function huaweiTime(iso: string): string {
  return iso.slice(0, 19);
}

/**
 * The v1 VPC (v2/model Vpc): one `cidr`, the primary. The v1 API has no field for secondary CIDRs, so a VPC with
 * extend CIDRs still shows only its primary here; the v3 rendering below shows them all.
 */
export function renderVpc(vpc: VpcInfo, routes: readonly RouteInfo[], description: string) {
  return {
    id: vpc.id,
    name: vpc.name,
    cidr: vpc.cidrs[0] ?? "",
    description,
    // v1 `routes` are the VPC's own routes (destination / nexthop) in its default table.
    routes: routes.map((r) => ({ destination: r.destination, nexthop: r.peeringId })),
    status: "OK",
    enterprise_project_id: "0",
    tenant_id: vpc.account,
    created_at: huaweiTime(vpc.createdAt),
    updated_at: huaweiTime(vpc.createdAt),
  };
}

/**
 * The v3 VPC (v3/model Vpc; API V3 ShowVpc / ListVpcs and the add/remove-extend-cidr answers, vpc_apiv3_0007/0008):
 * the primary `cidr` and the secondary `extend_cidrs`, `project_id` instead of v1's `tenant_id`, tags as key/value
 * pairs, and `cloud_resources` counting the VPC's route tables (the only resource type the engine has).
 */
export function renderVpcV3(vpc: VpcInfo, description: string) {
  const [cidr = "", ...extend] = vpc.cidrs;
  return {
    id: vpc.id,
    name: vpc.name,
    description,
    cidr,
    extend_cidrs: extend,
    status: "ACTIVE",
    project_id: vpc.account,
    enterprise_project_id: "0",
    created_at: huaweiTime(vpc.createdAt),
    updated_at: huaweiTime(vpc.createdAt),
    cloud_resources: [{ resource_type: "routetable", resource_count: vpc.routeTables.length }],
    tags: Object.entries(vpc.tags).map(([key, value]) => ({ key, value })),
  };
}

export function renderPeering(p: PeeringInfo) {
  return {
    id: p.id,
    name: p.name,
    status: toHuaweiStatus(p.status),
    request_vpc_info: { vpc_id: p.vpcId, tenant_id: p.account },
    accept_vpc_info: { vpc_id: p.peerVpcId, tenant_id: p.peerAccount },
    description: p.description,
    created_at: huaweiTime(p.createdAt),
    updated_at: huaweiTime(p.updatedAt),
  };
}

export function renderRoute(r: RouteInfo, tenantId: string) {
  return {
    id: r.id,
    destination: r.destination,
    nexthop: r.peeringId,
    type: "peering",
    vpc_id: r.vpcId,
    tenant_id: tenantId,
  };
}

export function renderRouteTable(t: RouteTableInfo, tenantId: string, createdAt: string) {
  return {
    id: t.id,
    name: t.name,
    default: t.main,
    subnets: [],
    tenant_id: tenantId,
    vpc_id: t.vpcId,
    description: "",
    created_at: huaweiTime(createdAt),
    updated_at: huaweiTime(createdAt),
  };
}

export function renderRouteTableRoute(r: RouteInfo) {
  return { type: "peering", destination: r.destination, nexthop: r.peeringId, description: r.description };
}

/** A stable UUID-shaped id derived from another (the Neutron subnet ids behind one v1 subnet). */
function derivedUuid(from: string, salt: string): string {
  const hex = createHash("sha256").update(`${from}/${salt}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The first address of an IPv6 block, as Huawei shows an IPv6 subnet's gateway (`2001:db8:a583:9::1`). */
function firstHost(block: string): string {
  const parsed = parseCidr(block);
  return parsed.ok ? makeHostAddress(parsed.cidr, 1) : "";
}

/**
 * The v1 subnet (v2/model Subnet; API reference "查询子网" vpc_subnet01_0002). Its `id` is the Neutron network's
 * (`neutron_network_id`), as on Huawei, where the v1 subnet is a network with one IPv4 and, when dual-stack, one
 * IPv6 Neutron subnet (`neutron_subnet_id`, `neutron_subnet_id_v6`, ids of their own). The engine keeps no DNS, DHCP
 * options or availability zone (the create refuses them): DHCP is on, Huawei's default ("dhcp_enable ... 约束:不填时
 * 默认为true", vpc_subnet01_0001), and the rest is empty, as Huawei leaves them unset ("不填时,默认为空"). `status` is ACTIVE: the engine creates at once (Huawei may answer UNKNOWN
 * first, which the backend waits out).
 */
export function renderSubnet(s: SubnetInfo, tenantId: string, description: string) {
  return {
    id: s.id,
    name: s.name,
    description,
    cidr: s.cidr,
    gateway_ip: s.gatewayIp,
    ipv6_enable: s.ipv6,
    cidr_v6: s.ipv6Cidr ?? "",
    gateway_ip_v6: s.ipv6Cidr === undefined ? "" : firstHost(s.ipv6Cidr),
    dhcp_enable: true,
    primary_dns: "",
    secondary_dns: "",
    dnsList: [],
    availability_zone: "",
    vpc_id: s.vpcId,
    status: "ACTIVE",
    neutron_network_id: s.id,
    neutron_subnet_id: derivedUuid(s.id, "v4"),
    neutron_subnet_id_v6: s.ipv6Cidr === undefined ? "" : derivedUuid(s.id, "v6"),
    extra_dhcp_opts: [],
    scope: "center",
    tenant_id: tenantId,
    created_at: huaweiTime(s.createdAt),
    updated_at: huaweiTime(s.createdAt),
  };
}
