/**
 * `huaweicloud_vpc_route`: one route. Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_route.go in huaweicloud/terraform-provider-huaweicloud at
 * commit a0345b8dcc818aa80d932ec0802891222b0a22af. For a peering route `type` is `peering` and `nexthop` the
 * peering id (docs/resources/vpc_route.md); without `route_table_id` the route goes to the VPC's default table.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface HuaweicloudVpcRouteConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `vpc_id` (required, force new). */
  readonly vpcId: string;
  /** `destination` (required, force new): a CIDR block. */
  readonly destination: string;
  /** `type` (required): `peering` for a peering; also ecs, eni, vip, nat, vpn, dc, cc, egw, er. */
  readonly type: string;
  /** `nexthop` (required): the peering id for `peering`. */
  readonly nexthop: string;
  /** `description` (optional), at most 255 characters. @default none */
  readonly description?: string;
  /** `route_table_id` (optional, force new). @default the VPC's default route table */
  readonly routeTableId?: string;
}

export class HuaweicloudVpcRoute extends ArgumentResource<HuaweicloudVpcRouteConfig> {
  static readonly tfResourceType = "huaweicloud_vpc_route";

  constructor(scope: Construct, id: string, config: HuaweicloudVpcRouteConfig) {
    super(scope, id, HuaweicloudVpcRoute.tfResourceType, "huaweicloud", config);
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      region: c.region,
      vpc_id: c.vpcId,
      destination: c.destination,
      type: c.type,
      nexthop: c.nexthop,
      description: c.description,
      route_table_id: c.routeTableId,
    };
  }
}
