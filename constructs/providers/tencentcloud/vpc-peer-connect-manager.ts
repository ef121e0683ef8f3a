/**
 * `tencentcloud_vpc_peer_connect_manager`: creates the peering (CreateVpcPeeringConnection). Arguments from the
 * `Schema:` map of tencentcloud/services/vpc/resource_tc_vpc_peer_connect_manager.go in
 * tencentcloudstack/terraform-provider-tencentcloud at commit f6970a90038400958503a0edab62c6c463baa7b0 (v1.83.25).
 * The resource has no description, tags or per-IP flow-control argument. Its id is the peering id (pcx-...).
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface TencentcloudVpcPeerConnectManagerConfig extends TerraformMetaArguments {
  /** `source_vpc_id` (required): the local VPC. */
  readonly sourceVpcId: string;
  /** `peering_connection_name` (required). */
  readonly peeringConnectionName: string;
  /** `destination_vpc_id` (required): the peer VPC. */
  readonly destinationVpcId: string;
  /** `destination_uin` (required): the peer VPC's account (uin). */
  readonly destinationUin: string;
  /** `destination_region` (required): the peer VPC's region. */
  readonly destinationRegion: string;
  /** `bandwidth` (optional), Mbps. @default the cloud's default */
  readonly bandwidth?: number;
  /** `type` (optional): VPC_PEER or VPC_BM_PEER. @default VPC_PEER (computed) */
  readonly type?: string;
  /** `charge_type` (optional): POSTPAID_BY_DAY_MAX or POSTPAID_BY_MONTH_95. @default computed */
  readonly chargeType?: string;
  /** `qos_level` (optional): PT, AU or AG. @default computed */
  readonly qosLevel?: string;
}

export class TencentcloudVpcPeerConnectManager extends ArgumentResource<TencentcloudVpcPeerConnectManagerConfig> {
  static readonly tfResourceType = "tencentcloud_vpc_peer_connect_manager";

  constructor(scope: Construct, id: string, config: TencentcloudVpcPeerConnectManagerConfig) {
    super(scope, id, TencentcloudVpcPeerConnectManager.tfResourceType, "tencentcloud", config);
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      source_vpc_id: c.sourceVpcId,
      peering_connection_name: c.peeringConnectionName,
      destination_vpc_id: c.destinationVpcId,
      destination_uin: c.destinationUin,
      destination_region: c.destinationRegion,
      bandwidth: c.bandwidth,
      type: c.type,
      charge_type: c.chargeType,
      qos_level: c.qosLevel,
    };
  }
}
