/**
 * `tencentcloud_route_table_entry`: one route. Arguments from the `Schema:` map of
 * tencentcloud/services/vpc/resource_tc_route_table_entry.go in tencentcloudstack/terraform-provider-tencentcloud
 * at commit f6970a90038400958503a0edab62c6c463baa7b0 (v1.83.25). For a peering route `next_type` is
 * `PEERCONNECTION` and `next_hub` the pcx-... id. There is no VPC argument: the table belongs to one VPC, and the
 * region comes from the provider.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface TencentcloudRouteTableEntryConfig extends TerraformMetaArguments {
  /** `route_table_id` (required, force new). */
  readonly routeTableId: string;
  /** `destination_cidr_block` (required, force new). */
  readonly destinationCidrBlock: string;
  /** `next_type` (required, force new): `PEERCONNECTION` for a peering; also CVM, VPN, NAT, ... */
  readonly nextType: string;
  /** `next_hub` (required, force new): the next hop's id; the pcx-... id for PEERCONNECTION. */
  readonly nextHub: string;
  /** `disabled` (optional). @default false */
  readonly disabled?: boolean;
  /** `description` (optional, force new). @default none */
  readonly description?: string;
}

export class TencentcloudRouteTableEntry extends ArgumentResource<TencentcloudRouteTableEntryConfig> {
  static readonly tfResourceType = "tencentcloud_route_table_entry";

  constructor(scope: Construct, id: string, config: TencentcloudRouteTableEntryConfig) {
    super(scope, id, TencentcloudRouteTableEntry.tfResourceType, "tencentcloud", config);
  }

  /** `route_item_id` (computed). */
  get routeItemId(): string {
    return this.getStringAttribute("route_item_id");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      route_table_id: c.routeTableId,
      destination_cidr_block: c.destinationCidrBlock,
      next_type: c.nextType,
      next_hub: c.nextHub,
      disabled: c.disabled,
      description: c.description,
    };
  }
}
