/**
 * `baiducloud_route_rule`: one route. Arguments from the `Schema:` map of baiducloud/resource_baiducloud_route_rule.go
 * in baidubce/terraform-provider-baiducloud at commit 3bb5b82ffda6c33a8b8b8b965eea844a61b1a386 (v1.23.5). For a
 * peering route `next_hop_type` is `peerConn` (one of the values its ValidateFunc accepts) and `next_hop_id` the
 * peering id. Unlike Tencent and Huawei, a Baidu rule also has a required source block.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface BaiducloudRouteRuleConfig extends TerraformMetaArguments {
  /** `route_table_id` (required, force new). */
  readonly routeTableId: string;
  /** `source_address` (required, force new): 0.0.0.0/0, or a subnet block of the VPC. */
  readonly sourceAddress: string;
  /** `destination_address` (required, force new). */
  readonly destinationAddress: string;
  /** `next_hop_id` (optional, force new): the peering id for `peerConn`. @default none */
  readonly nextHopId?: string;
  /** `next_hop_type` (optional, force new): custom, vpn, nat, dcGateway, peerConn, ipv6gateway or enic. @default none */
  readonly nextHopType?: string;
  /** `description` (optional, force new). @default none */
  readonly description?: string;
}

export class BaiducloudRouteRule extends ArgumentResource<BaiducloudRouteRuleConfig> {
  static readonly tfResourceType = "baiducloud_route_rule";

  constructor(scope: Construct, id: string, config: BaiducloudRouteRuleConfig) {
    super(scope, id, BaiducloudRouteRule.tfResourceType, "baiducloud", config);
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      route_table_id: c.routeTableId,
      source_address: c.sourceAddress,
      destination_address: c.destinationAddress,
      next_hop_id: c.nextHopId,
      next_hop_type: c.nextHopType,
      description: c.description,
    };
  }
}
