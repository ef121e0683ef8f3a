/**
 * The response models the backend reads, with the field names of the official SDK (tencentcloud-sdk-python-vpc
 * 3.1.193, tencentcloud/vpc/v20170312/models.py: Vpc, AssistantCidr, Tag, PeerConnection, RouteTable, Route, Subnet;
 * the same names as the Node SDK's src/services/vpc/v20170312/vpc_models.ts). Only the fields used are typed.
 */
/**
 * Tag (vpc_models.ts `Tag {Key: string; Value?: string}`; CreateVpcPeeringConnectionRequest.Tags is `Array<Tags>`,
 * the same two fields): Vpc.TagSet and PeerConnection.TagSet, and what CreateVpc / CreateVpcPeeringConnection take
 * as `Tags`. The backend keeps its create token here as the tag `peerlink-create-token` (../shared/create-marker.ts).
 */
export interface WireTag {
  readonly Key: string;
  readonly Value?: string;
}

export interface WireVpc {
  readonly VpcId: string;
  readonly VpcName: string;
  readonly CidrBlock: string;
  readonly CreatedTime: string;
  readonly TagSet?: readonly WireTag[];
  readonly AssistantCidrSet?: readonly WireAssistantCidr[];
}

/**
 * Route (vpc_models.ts): RouteDescription "路由策略描述" is the only free text a route has, so the backend keeps its
 * create token there as a suffix ` [peerlink-create-token:TOKEN]` (../shared/create-marker.ts).
 */
export interface WireRoute {
  readonly DestinationCidrBlock?: string;
  readonly DestinationIpv6CidrBlock?: string;
  readonly GatewayType: string;
  readonly GatewayId: string;
  readonly RouteId?: number;
  readonly RouteItemId: string;
  readonly RouteDescription?: string;
  readonly RouteTableId: string;
  readonly CreatedTime?: string;
}

export interface WireRouteTable {
  readonly VpcId: string;
  readonly RouteTableId: string;
  readonly RouteTableName: string;
  readonly Main: boolean;
  readonly RouteSet?: readonly WireRoute[];
  readonly CreatedTime?: string;
}

export interface WirePeerConnection {
  readonly SourceVpcId: string;
  readonly PeerVpcId: string;
  readonly DestinationVpcId?: string;
  readonly PeeringConnectionId: string;
  readonly PeeringConnectionName: string;
  readonly State: string;
  readonly Bandwidth?: number;
  readonly SourceRegion: string;
  readonly DestinationRegion: string;
  readonly CreateTime: string;
  readonly ChargeType?: string;
  readonly SourceUin: number | string;
  readonly DestinationUin: number | string;
  readonly TagSet?: readonly WireTag[];
  readonly QosLevel?: string;
}

/** AssistantCidr (models.py), as in Vpc.AssistantCidrSet. */
export interface WireAssistantCidr {
  readonly VpcId?: string;
  readonly CidrBlock: string;
  /** 0: an ordinary secondary CIDR; 1: a container (TKE) CIDR. */
  readonly AssistantType?: number;
}

export interface DescribeVpcsResponse {
  readonly TotalCount: number;
  readonly VpcSet: readonly WireVpc[];
}

export interface DescribeRouteTablesResponse {
  readonly TotalCount: number;
  readonly RouteTableSet: readonly WireRouteTable[];
}

export interface DescribeVpcPeeringConnectionsResponse {
  readonly TotalCount: number;
  readonly PeerConnectionSet: readonly WirePeerConnection[];
}

export interface CreateRoutesResponse {
  readonly TotalCount: number;
  readonly RouteTableSet: readonly WireRouteTable[];
}

/**
 * Subnet (models.py; vpc_models.ts the same). Ipv6CidrBlock is "" on a subnet without IPv6. Subnet has no
 * description, so the backend keeps its create token in TagSet, as for VPCs (../shared/create-marker.ts).
 */
export interface WireSubnet {
  readonly VpcId: string;
  readonly SubnetId: string;
  readonly SubnetName: string;
  readonly CidrBlock: string;
  readonly Zone?: string;
  readonly RouteTableId?: string;
  readonly CreatedTime?: string;
  readonly Ipv6CidrBlock?: string;
  readonly TagSet?: readonly WireTag[];
}

export interface CreateSubnetResponse {
  readonly Subnet: WireSubnet;
}

export interface DescribeSubnetsResponse {
  readonly TotalCount: number;
  readonly SubnetSet: readonly WireSubnet[];
}
