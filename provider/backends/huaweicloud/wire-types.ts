/**
 * The Huawei response fields the backend reads, with the wire names of the official SDK's models
 * (@huaweicloud/huaweicloud-sdk-vpc 3.1.173 v2/model: Vpc, VpcPeering, VpcInfo, VpcRoute, RouteTableListResp,
 * RouteTableResp, RouteTableRoute). The SDK hands responses back as parsed JSON, so the snake_case names it keeps
 * private in its classes are what arrive.
 */
export interface WireVpc {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly tenant_id?: string;
  readonly created_at?: string;
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
