/**
 * `tencentcloud_vpc_peer_connect_accept_operation`: accepts a pending peering from the peer account
 * (AcceptVpcPeeringConnection; seed 000 "第二步：接受对等连接"). Arguments from the `Schema:` map of
 * tencentcloud/services/vpc/resource_tc_vpc_peer_connect_accept_operation.go in
 * tencentcloudstack/terraform-provider-tencentcloud at commit f6970a90038400958503a0edab62c6c463baa7b0 (v1.83.25).
 * It must run with a provider of the accepter's account and region.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface TencentcloudVpcPeerConnectAcceptOperationConfig extends TerraformMetaArguments {
  /** `peering_connection_id` (required, force new): the pcx-... id. */
  readonly peeringConnectionId: string;
}

export class TencentcloudVpcPeerConnectAcceptOperation extends ArgumentResource<TencentcloudVpcPeerConnectAcceptOperationConfig> {
  static readonly tfResourceType = "tencentcloud_vpc_peer_connect_accept_operation";

  constructor(scope: Construct, id: string, config: TencentcloudVpcPeerConnectAcceptOperationConfig) {
    super(scope, id, TencentcloudVpcPeerConnectAcceptOperation.tfResourceType, "tencentcloud", config);
  }

  protected terraformArguments(): Attributes {
    return { peering_connection_id: this.config.peeringConnectionId };
  }
}
