/**
 * The Backend interface: what every peerlink resource calls to create, read, update and delete real things.
 * Cloud-neutral and async. A `Backend` object is a session bound to one account: the caller's identity comes
 * from the credentials it was opened with (a Tencent uin, a Huawei tenant, a Baidu account), never from an
 * argument, exactly as the clouds authorize calls.
 *
 * Implementations: `local` (the embedded SQLite state engine, ./local/), and the cloud backends over their wire
 * protocols (tencentcloud, huaweicloud, baiducloud).
 */
import type { ChargeType, Cloud, ServiceLevel } from "../core/index.js";
import { countsOnCloud } from "../core/peering-liveness.js";
import { OBSERVED_PEERING_STATUSES, type ObservedPeeringStatus } from "../core/topology-schema.js";

/**
 * Peering states. Wire names differ per cloud (Huawei PENDING_ACCEPTANCE, Baidu "consulting"/"active"...);
 * backends translate. CREATING and ACCEPTING are transient phases some clouds show while a task runs (Tencent
 * returns a taskId from the cross-region create, seed 003); callers wait them out.
 */
export const PEERING_STATUSES = OBSERVED_PEERING_STATUSES;
export type PeeringStatus = ObservedPeeringStatus;

/**
 * Live peerings count towards limits, pair uniqueness and CIDR rules: every state but REJECTED and DELETED (an
 * EXPIRED request still holds its pair: the requester can re-enable it, seed 000 启用过期对等连接).
 */
export function isLivePeering(status: PeeringStatus): boolean {
  return countsOnCloud(status);
}

/** States a peering never leaves by itself: a wait for another state stops there, and only a new request helps. */
export const TERMINAL_PEERING_STATUSES: readonly PeeringStatus[] = ["REJECTED", "EXPIRED", "DELETED"];

export function isTerminalPeering(status: PeeringStatus): boolean {
  return TERMINAL_PEERING_STATUSES.includes(status);
}

/**
 * A new peering's settled state on every cloud: same account ACTIVE at once, another account's PENDING until it
 * accepts (seed 000: "同账户内私有网络进行连接，新建后对等连接立即生效；与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效";
 * seed 001: "Cross-account peering connections require acceptance by the receiving end"; seed 004).
 */
export function initialStatus(account: string, peerAccount: string): PeeringStatus {
  return account === peerAccount ? "ACTIVE" : "PENDING";
}

/**
 * What an accepted request becomes: live (seed 000: "与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效"; seed 001:
 * "the peer connection is available only after being accepted by the acceptor"). The local engine's state machine
 * (local/peering-state-machine.ts) and the backends that answer an accept without reading the peering back
 * (shared/accepted-peering.ts) both take it from here.
 */
export const ACCEPTED_STATUS: PeeringStatus = "ACTIVE";

/** What a backend supports; front ends consult this instead of assuming (and fail early with a coded error). */
export interface BackendCapabilities {
  /** Per-IP outbound bandwidth limits on a peering (Tencent "流量控制", seed 000). */
  readonly perIpBandwidthLimits: boolean;
  /** Changing a peering's bandwidth after creation (Tencent ModifyVpcPeeringConnection, Baidu resize). */
  readonly bandwidthResize: boolean;
  /** Re-enabling an expired peering (Tencent EnableVpcPeeringConnection, seed 000 API list). */
  readonly reenableExpired: boolean;
  /** Private DNS synchronization across the peering (Baidu openPeerConnSyncDns, seed 001). */
  readonly dnsSync: boolean;
  /** Idempotent create with a client token (Baidu clientToken, seed 001). */
  readonly clientToken: boolean;
  /** Peering names are mutable. */
  readonly renamePeering: boolean;
  /**
   * A VPC's secondary CIDRs can be added and removed in place (`setSecondaryCidrs`; Tencent CreateAssistantCidr /
   * DeleteAssistantCidr). Where false, a change of a VPC's blocks means a new VPC.
   */
  readonly secondaryCidrs: boolean;
  /**
   * Subnets (`createSubnet` and the rest): where false, those calls are UNSUPPORTED_OPERATION. Dual-stack sites
   * need them: the cloud assigns a subnet its IPv6 block (rulebook subnets.ipv6AtCreate).
   */
  readonly subnets: boolean;
}

export interface RouteTableInfo {
  readonly id: string;
  readonly vpcId: string;
  readonly name: string;
  /** Every VPC has exactly one main (default) route table. */
  readonly main: boolean;
}

export interface VpcInfo {
  readonly id: string;
  readonly name: string;
  readonly cloud: Cloud;
  readonly region: string;
  readonly account: string;
  readonly cidrs: readonly string[];
  readonly routeTables: readonly RouteTableInfo[];
  readonly tags: Readonly<Record<string, string>>;
  readonly createdAt: string;
}

export interface CreateVpcInput {
  readonly name: string;
  readonly region: string;
  /** Primary CIDR first, then secondary CIDRs. */
  readonly cidrs: readonly string[];
  /** @default the backend's default cloud ("tencentcloud" for the local backend) */
  readonly cloud?: Cloud;
  /** Names of extra route tables created with the VPC, besides the main one. */
  readonly routeTables?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Idempotency token (1-64 printable ASCII characters): a create with the token of an earlier create, made by
   * any process (a `pulumi up` after a killed one), returns what that create made while it still exists, instead
   * of making a second one; the same token on a different request is IDEMPOTENCY_CONFLICT. Each backend keeps the
   * token its cloud's way: Baidu's clientToken, the local engine's token table, a tag or a description marker
   * (shared/create-marker.ts) on Tencent and Huawei, never shown in what is read back. @default none
   */
  readonly clientToken?: string;
}

export interface SubnetInfo {
  readonly id: string;
  readonly vpcId: string;
  readonly name: string;
  /** The IPv4 block, canonical. */
  readonly cidr: string;
  /** The IPv4 gateway: the one asked for at creation, else the block's first host. */
  readonly gatewayIp: string;
  /** Whether the subnet was created with IPv6. */
  readonly ipv6: boolean;
  /** The IPv6 block the cloud assigned (a /64 on Huawei), when `ipv6`. */
  readonly ipv6Cidr: string | undefined;
  readonly createdAt: string;
}

export interface CreateSubnetInput {
  readonly vpcId: string;
  readonly name: string;
  /** Inside one of the VPC's blocks, clear of its other subnets (core subnetProblems: SUBNET_INVALID). */
  readonly cidr: string;
  /** Ask for an IPv6 block, which the cloud assigns (rulebook subnets.ipv6AtCreate). @default false */
  readonly ipv6?: boolean;
  /**
   * The IPv4 gateway, an address inside `cidr` (core subnetShapeProblems: SUBNET_INVALID otherwise; Huawei
   * CreateSubnetOption.gateway_ip: "子网网段中的IP地址"). @default the block's first host (core defaultGateway)
   */
  readonly gatewayIp?: string;
  /**
   * Stored, not shown in SubnetInfo: only protocols with a subnet description (Huawei CreateSubnetOption.description)
   * read it, through LocalBackend.subnetDescription, as for VPCs. @default ""
   */
  readonly description?: string;
  /** Idempotency token, as for createVpc. @default none */
  readonly clientToken?: string;
}

export interface PeeringInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly cloud: Cloud;
  /** The requester side. */
  readonly vpcId: string;
  readonly region: string;
  readonly account: string;
  /** The accepter side. */
  readonly peerVpcId: string;
  readonly peerRegion: string;
  readonly peerAccount: string;
  readonly status: PeeringStatus;
  readonly bandwidthMbps: number | undefined;
  readonly chargeType: ChargeType | undefined;
  readonly serviceLevel: ServiceLevel | undefined;
  readonly dnsSync: boolean;
  readonly tags: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a PENDING request expires (7 days after creation, seeds 000 and 001). */
  readonly expiresAt: string | undefined;
  /**
   * The client token the peering was created with, where the backend can tell (the engine's token table, a
   * Tencent tag, a Huawei or Baidu description marker): a rerun of a killed create recognises its own request
   * by it instead of calling it a duplicate. @default undefined
   */
  readonly createToken?: string;
}

export interface CreatePeeringInput {
  readonly vpcId: string;
  readonly peerVpcId: string;
  /** The accepter's account. @default the caller's account */
  readonly peerAccount?: string;
  /** Must match the peer VPC's region when given. @default the peer VPC's region */
  readonly peerRegion?: string;
  readonly name: string;
  readonly description?: string;
  readonly bandwidthMbps?: number;
  readonly chargeType?: ChargeType;
  readonly serviceLevel?: ServiceLevel;
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Idempotency token, as for createVpc (Baidu clientToken, seed 001): the same token with the same parameters
   * returns the peering created the first time while it is not DELETED, from any process; with different
   * parameters it is IDEMPOTENCY_CONFLICT.
   */
  readonly clientToken?: string;
}

export interface ModifyPeeringInput {
  readonly name?: string;
  readonly description?: string;
  readonly bandwidthMbps?: number;
  readonly chargeType?: ChargeType;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface PeeringFilter {
  /** Peerings where this VPC is either side. */
  readonly vpcId?: string;
  readonly status?: readonly PeeringStatus[];
  readonly name?: string;
  readonly ids?: readonly string[];
  /** Peerings of this cloud only (a backend of one cloud lists only its own anyway). */
  readonly cloud?: Cloud;
}

export interface Page {
  /** @default 0 */
  readonly offset?: number;
  /** @default 100 */
  readonly limit?: number;
}

export interface PageResult<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface RouteInfo {
  readonly id: string;
  readonly vpcId: string;
  readonly routeTableId: string;
  readonly destination: string;
  readonly peeringId: string;
  readonly description: string;
  readonly createdAt: string;
  /**
   * Tencent only: the route's integer `RouteId` beside its string id (`RouteItemId`, which `id` is). The SDK's
   * Route model: "IPv4路由策略ID是有意义的值，IPv6路由策略是无意义的值0"; absent for an IPv6 route (0) and on the other
   * clouds. tencentcloud_route_table_entry's import id names it (discover --format terraform-import).
   */
  readonly entryId?: number;
}

export interface CreateRouteInput {
  readonly vpcId: string;
  /** @default the VPC's main route table */
  readonly routeTableId?: string;
  readonly destination: string;
  /** The next hop: a peering of `vpcId`, ACTIVE. */
  readonly peeringId: string;
  readonly description?: string;
  /** Idempotency token, as for createVpc. @default none */
  readonly clientToken?: string;
}

export interface BandwidthLimitInfo {
  readonly peeringId: string;
  /** The VPC the IP belongs to (a side of the peering). */
  readonly vpcId: string;
  readonly ip: string;
  readonly limitMbps: number;
}

export interface SetBandwidthLimitInput {
  /** @default the requester VPC of the peering */
  readonly vpcId?: string;
  readonly ip: string;
  readonly limitMbps: number;
}

export interface Backend {
  /** "local", "tencentcloud", ... */
  readonly kind: string;
  /** The account every call is made as. */
  readonly account: string;
  capabilities(): BackendCapabilities;

  createVpc(input: CreateVpcInput): Promise<VpcInfo>;
  describeVpc(id: string): Promise<VpcInfo>;
  /** The caller's VPCs. */
  listVpcs(): Promise<readonly VpcInfo[]>;
  /** Refused while the VPC is a side of a live peering (delete the peering first). */
  deleteVpc(id: string): Promise<void>;
  /**
   * Makes `secondary` the VPC's secondary CIDRs (every block after the primary, which never changes): blocks not
   * there yet are added, blocks no longer listed are removed, and the VPC is returned as it now is. An added block
   * is refused when it does not parse (INVALID_CIDR), overlaps another block of the VPC (INVALID_CIDR), overlaps a
   * live peer's block (CIDR_OVERLAP) or makes two cross-region peers of a VPC overlap (PEER_CIDR_CONFLICT); the
   * call then changes nothing. UNSUPPORTED_OPERATION where `capabilities().secondaryCidrs` is false.
   */
  setSecondaryCidrs(vpcId: string, secondary: readonly string[]): Promise<VpcInfo>;
  createRouteTable(vpcId: string, name: string): Promise<RouteTableInfo>;

  /**
   * A subnet of one of the caller's VPCs, refused with SUBNET_INVALID when the core's subnetProblems finds any
   * (every problem in the error). UNSUPPORTED_OPERATION where `capabilities().subnets` is false.
   */
  createSubnet(input: CreateSubnetInput): Promise<SubnetInfo>;
  describeSubnet(id: string): Promise<SubnetInfo>;
  /** The VPC's subnets, in creation order. */
  listSubnets(vpcId: string): Promise<readonly SubnetInfo[]>;
  deleteSubnet(id: string): Promise<void>;
  listRouteTables(vpcId: string): Promise<readonly RouteTableInfo[]>;

  createPeering(input: CreatePeeringInput): Promise<PeeringInfo>;
  /** Deleted and rejected peerings stay visible. */
  describePeering(id: string): Promise<PeeringInfo>;
  listPeerings(filter?: PeeringFilter, page?: Page): Promise<PageResult<PeeringInfo>>;
  /**
   * Accept a PENDING request, as the accepter. `known` is the peering as the caller last read it: a backend whose
   * cloud answers an accept with nothing (Tencent AcceptVpcPeeringConnection, Baidu "Accept Peer Connection
   * Request") then answers from it, in ACCEPTED_STATUS, instead of reading the peering back; without it, it reads.
   */
  acceptPeering(id: string, known?: PeeringInfo): Promise<PeeringInfo>;
  rejectPeering(id: string): Promise<PeeringInfo>;
  modifyPeering(id: string, changes: ModifyPeeringInput): Promise<PeeringInfo>;
  /** Re-enable an EXPIRED request: it is PENDING again for another 7 days. */
  enablePeering(id: string): Promise<PeeringInfo>;
  /** Either side; removes every route through the peering on both sides. */
  deletePeering(id: string): Promise<void>;

  createRoute(input: CreateRouteInput): Promise<RouteInfo>;
  /**
   * Optional batching, offered where the cloud takes a list (Tencent CreateRoutes: many routes of one route table
   * per call). Same result as createRoute for each input, in order; fewer calls against the rate limit.
   */
  createRoutes?(inputs: readonly CreateRouteInput[]): Promise<readonly RouteInfo[]>;
  deleteRoute(id: string): Promise<void>;
  /** Optional batching of deleteRoute (Tencent DeleteRoutes). */
  deleteRoutes?(ids: readonly string[]): Promise<void>;
  listRoutes(routeTableId: string): Promise<readonly RouteInfo[]>;

  setBandwidthLimit(peeringId: string, input: SetBandwidthLimitInput): Promise<BandwidthLimitInfo>;
  listBandwidthLimits(peeringId: string): Promise<readonly BandwidthLimitInfo[]>;
  removeBandwidthLimit(peeringId: string, ip: string): Promise<void>;

  /** Release connections and files. The object is unusable afterwards. */
  close(): Promise<void>;
}
