/**
 * `huaweicloud_vpc_peering_connection_accepter`: the accepter's side of a cross-tenant peering (seed 004: a
 * cross-tenant peering needs the peer tenant to accept). Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_peering_connection_accepter.go in
 * huaweicloud/terraform-provider-huaweicloud at commit a0345b8dcc818aa80d932ec0802891222b0a22af.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface HuaweicloudVpcPeeringConnectionAccepterConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `vpc_peering_connection_id` (required, force new). */
  readonly vpcPeeringConnectionId: string;
  /** `accept` (optional): accept (true) or reject (false) the request. @default false */
  readonly accept?: boolean;
}

export class HuaweicloudVpcPeeringConnectionAccepter extends ArgumentResource<HuaweicloudVpcPeeringConnectionAccepterConfig> {
  static readonly tfResourceType = "huaweicloud_vpc_peering_connection_accepter";

  constructor(scope: Construct, id: string, config: HuaweicloudVpcPeeringConnectionAccepterConfig) {
    super(scope, id, HuaweicloudVpcPeeringConnectionAccepter.tfResourceType, "huaweicloud", config);
  }

  /** `status` (computed). */
  get status(): string {
    return this.getStringAttribute("status");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return { region: c.region, vpc_peering_connection_id: c.vpcPeeringConnectionId, accept: c.accept };
  }
}
