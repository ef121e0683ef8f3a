/**
 * `huaweicloud_vpc_peering_connection`: the requester's side of a peering (seed 004 POST /v2.0/vpc/peerings).
 * Arguments from the `Schema:` map of huaweicloud/services/vpc/resource_huaweicloud_vpc_peering_connection.go in
 * huaweicloud/terraform-provider-huaweicloud at commit a0345b8dcc818aa80d932ec0802891222b0a22af. There is one
 * `region` and no peer region: both VPCs are in that region. No bandwidth, billing or tags arguments.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface HuaweicloudVpcPeeringConnectionConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `name` (required): 1-64 characters (seed 002). */
  readonly name: string;
  /** `vpc_id` (required, force new). */
  readonly vpcId: string;
  /** `peer_vpc_id` (required, force new). */
  readonly peerVpcId: string;
  /** `peer_tenant_id` (optional, force new): the accepter's project, for a cross-tenant peering. @default own tenant */
  readonly peerTenantId?: string;
  /** `description` (optional). @default none */
  readonly description?: string;
}

export class HuaweicloudVpcPeeringConnection extends ArgumentResource<HuaweicloudVpcPeeringConnectionConfig> {
  static readonly tfResourceType = "huaweicloud_vpc_peering_connection";

  constructor(scope: Construct, id: string, config: HuaweicloudVpcPeeringConnectionConfig) {
    super(scope, id, HuaweicloudVpcPeeringConnection.tfResourceType, "huaweicloud", config);
  }

  /** `status` (computed): PENDING_ACCEPTANCE, REJECTED, EXPIRED, DELETED or ACTIVE (seed 002). */
  get status(): string {
    return this.getStringAttribute("status");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      region: c.region,
      name: c.name,
      vpc_id: c.vpcId,
      peer_vpc_id: c.peerVpcId,
      peer_tenant_id: c.peerTenantId,
      description: c.description,
    };
  }
}
