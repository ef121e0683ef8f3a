/**
 * The Baidu response fields the backend reads, with the names of the VPC API reference ("Query VPC list",
 * "Query route table", "Query routing rules", "View Peer Connection Details", 查询指定子网; see
 * provider/emulator/baiducloud/render.ts for the citations).
 */
export interface WireVpc {
  readonly vpcId: string;
  readonly name: string;
  readonly cidr: string;
  readonly secondaryCidr?: readonly string[];
  readonly tags?: readonly { readonly tagKey: string; readonly tagValue: string }[];
  readonly createdTime?: string;
}

export interface WirePage {
  readonly marker?: string;
  readonly isTruncated?: boolean;
  readonly nextMarker?: string;
  readonly maxKeys?: number;
}

export interface WirePeerConn {
  readonly peerConnId: string;
  readonly role: "initiator" | "acceptor";
  readonly status: string;
  /** The name the official SDKs decode (see the emulator's render.ts). */
  readonly bandwidthInMbps?: number;
  readonly description?: string;
  readonly localIfName?: string;
  readonly localVpcId: string;
  readonly localRegion: string;
  readonly peerVpcId: string;
  readonly peerRegion: string;
  readonly peerAccountId?: string;
  readonly createdTime?: string;
  readonly dnsStatus?: string;
  readonly paymentTiming?: string;
}

export interface WireRouteRule {
  readonly routeRuleId: string;
  readonly routeTableId: string;
  readonly destinationAddress: string;
  readonly nexthopId: string;
  readonly nexthopType: string;
  readonly description?: string;
}

export interface WireRouteTable {
  readonly routeTableId: string;
  readonly vpcId: string;
  readonly routeRules: readonly WireRouteRule[];
}

/**
 * A subnet (查询指定子网 SubnetDetail, cloud.baidu.com/doc/VPC/s/Sjwvyu89a). `ipv6Cidr` is the block Baidu assigned
 * a subnet created with enableIpv6; an IPv4-only subnet shows none (absent or ""). No gateway is shown.
 */
export interface WireSubnet {
  readonly subnetId: string;
  readonly name: string;
  readonly zoneName?: string;
  readonly cidr: string;
  readonly ipv6Cidr?: string;
  readonly vpcId: string;
  readonly subnetType?: string;
  readonly description?: string;
  readonly createdTime?: string;
  readonly availableIp?: number;
}
