/**
 * The Huawei response fields the backend reads, with the wire names of the official SDK's models
 * (@huaweicloud/huaweicloud-sdk-vpc 3.1.173 v2/model: Vpc, VpcPeering, VpcInfo, VpcRoute, RouteTableListResp,
 * RouteTableResp, RouteTableRoute; v3/model Vpc for the v3 VPC reads). The SDK hands responses back as parsed JSON, so
 * the snake_case names it keeps private in its classes are what arrive.
 */
/** A VPC as v1 (v2/model Vpc: `tenant_id`, one `cidr`) or v3 (v3/model Vpc: `project_id`, `extend_cidrs`) shows it. */
export interface WireVpc {
  readonly id: string;
  readonly name: string;
  /** The primary CIDR. */
  readonly cidr: string;
  /** v3 only: the secondary CIDRs, in the order they were added. */
  readonly extend_cidrs?: readonly string[];
  readonly tenant_id?: string;
  readonly project_id?: string;
  /** v1 and v3 Vpc.description: the create token's carrier (../shared/create-marker.ts), never shown in VpcInfo. */
  readonly description?: string;
  readonly created_at?: string;
}

/** v3 ListVpcsResponse.page_info (v3/model PageInfo): `next_marker` is absent on the last page. */
export interface WirePageInfo {
  readonly next_marker?: string;
}

export interface WireVpcInfo {
  readonly vpc_id: string;
  readonly tenant_id: string;
}

export interface WirePeering {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly description?: string;
  readonly request_vpc_info: WireVpcInfo;
  readonly accept_vpc_info: WireVpcInfo;
  readonly created_at?: string;
  readonly updated_at?: string;
}

export interface WireRoute {
  readonly id: string;
  readonly destination: string;
  readonly nexthop: string;
  readonly type: string;
  readonly vpc_id: string;
}

export interface WireRouteTable {
  readonly id: string;
  readonly name: string;
  readonly default: boolean;
  readonly vpc_id: string;
  readonly routes?: readonly {
    readonly destination: string;
    readonly nexthop: string;
    readonly description?: string;
  }[];
}

/** A v1 subnet (v2/model Subnet; ShowSubnetResponse / CreateSubnetResponse `subnet`, ListSubnetsResponse `subnets`). */
export interface WireSubnet {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly cidr: string;
  readonly gateway_ip: string;
  readonly ipv6_enable?: boolean;
  /** The IPv6 block Huawei assigned a dual-stack subnet. */
  readonly cidr_v6?: string;
  readonly vpc_id: string;
  /** ACTIVE, UNKNOWN (not ready yet) or ERROR (v2/model SubnetStatusEnum). */
  readonly status: string;
  readonly created_at?: string;
}
