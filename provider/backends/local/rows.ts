/** Rows as stored, and their conversion to the Backend interface's objects. */
import type { ChargeType, Cloud, ServiceLevel } from "../../core/index.js";
import type {
  BandwidthLimitInfo,
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../backend.js";
import { effectiveStatus } from "./peering-state-machine.js";

export interface VpcRow {
  id: string;
  account: string;
  cloud: Cloud;
  region: string;
  name: string;
  cidrs: string;
  tags: string;
  /** Not part of VpcInfo: only protocols with a VPC description (Huawei) read it, through LocalBackend.vpcDescription. */
  description: string;
  created_at: number;
}

export interface RouteTableRow {
  id: string;
  vpc_id: string;
  name: string;
  main: number;
}

export interface PeeringRow {
  id: string;
  cloud: Cloud;
  name: string;
  description: string;
  vpc_id: string;
  region: string;
  account: string;
  peer_vpc_id: string;
  peer_region: string;
  peer_account: string;
  pair_lo: string;
  pair_hi: string;
  status: PeeringStatus;
  settle_status: PeeringStatus | null;
  settle_at: number | null;
  bandwidth_mbps: number | null;
  charge_type: ChargeType | null;
  service_level: ServiceLevel | null;
  dns_sync: number;
  tags: string;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

export interface RouteRow {
  id: string;
  vpc_id: string;
  route_table_id: string;
  destination: string;
  peering_id: string;
  description: string;
  created_at: number;
}

export interface SubnetRow {
  id: string;
  vpc_id: string;
  name: string;
  cidr: string;
  gateway_ip: string;
  ipv6_cidr: string | null;
  /** Not part of SubnetInfo: read through LocalBackend.subnetDescription (Huawei), as a VPC's. */
  description: string;
  created_at: number;
}

export interface BandwidthLimitRow {
  peering_id: string;
  vpc_id: string;
  ip: string;
  limit_mbps: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function routeTableInfo(row: RouteTableRow): RouteTableInfo {
  return { id: row.id, vpcId: row.vpc_id, name: row.name, main: row.main === 1 };
}

export function vpcInfo(row: VpcRow, tables: readonly RouteTableRow[]): VpcInfo {
  return {
    id: row.id,
    name: row.name,
    cloud: row.cloud,
    region: row.region,
    account: row.account,
    cidrs: JSON.parse(row.cidrs) as string[],
    routeTables: tables.map(routeTableInfo),
    tags: JSON.parse(row.tags) as Record<string, string>,
    createdAt: iso(row.created_at),
  };
}

export function peeringStatus(row: PeeringRow, now: number): PeeringStatus {
  return effectiveStatus(
    {
      status: row.status,
      settleStatus: row.settle_status,
      settleAt: row.settle_at,
      expiresAt: row.expires_at,
    },
    now,
  );
}

export function peeringInfo(row: PeeringRow, now: number): PeeringInfo {
  const status = peeringStatus(row, now);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    cloud: row.cloud,
    vpcId: row.vpc_id,
    region: row.region,
    account: row.account,
    peerVpcId: row.peer_vpc_id,
    peerRegion: row.peer_region,
    peerAccount: row.peer_account,
    status,
    bandwidthMbps: row.bandwidth_mbps ?? undefined,
    chargeType: row.charge_type ?? undefined,
    serviceLevel: row.service_level ?? undefined,
    dnsSync: row.dns_sync === 1,
    tags: JSON.parse(row.tags) as Record<string, string>,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    expiresAt: status === "PENDING" && row.expires_at !== null ? iso(row.expires_at) : undefined,
  };
}

export function routeInfo(row: RouteRow): RouteInfo {
  return {
    id: row.id,
    vpcId: row.vpc_id,
    routeTableId: row.route_table_id,
    destination: row.destination,
    peeringId: row.peering_id,
    description: row.description,
    createdAt: iso(row.created_at),
  };
}

export function bandwidthLimitInfo(row: BandwidthLimitRow): BandwidthLimitInfo {
  return { peeringId: row.peering_id, vpcId: row.vpc_id, ip: row.ip, limitMbps: row.limit_mbps };
}

export function subnetInfo(row: SubnetRow): SubnetInfo {
  return {
    id: row.id,
    vpcId: row.vpc_id,
    name: row.name,
    cidr: row.cidr,
    gatewayIp: row.gateway_ip,
    ipv6: row.ipv6_cidr !== null,
    ipv6Cidr: row.ipv6_cidr ?? undefined,
    createdAt: iso(row.created_at),
  };
}
