/**
 * `huaweicloud_vpc_peering_connection_accepter`: the accepter's side of a cross-tenant peering (seed 004: a
 * cross-tenant peering needs the peer tenant to accept). Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_peering_connection_accepter.go in
 * huaweicloud/terraform-provider-huaweicloud at commit a0345b8dcc818aa80d932ec0802891222b0a22af.
 */
import { type TerraformMetaArguments, TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { type Attributes, defined, hclAttributes, metaArguments } from "../attributes.js";

export interface HuaweicloudVpcPeeringConnectionAccepterConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `vpc_peering_connection_id` (required, force new). */
  readonly vpcPeeringConnectionId: string;
  /** `accept` (optional): accept (true) or reject (false) the request. @default false */
  readonly accept?: boolean;
}

export class HuaweicloudVpcPeeringConnectionAccepter extends TerraformResource {
  static readonly tfResourceType = "huaweicloud_vpc_peering_connection_accepter";
  readonly config: HuaweicloudVpcPeeringConnectionAccepterConfig;

  constructor(scope: Construct, id: string, config: HuaweicloudVpcPeeringConnectionAccepterConfig) {
    super(scope, id, {
      terraformResourceType: HuaweicloudVpcPeeringConnectionAccepter.tfResourceType,
      terraformGeneratorMetadata: { providerName: "huaweicloud" },
      ...metaArguments(config),
    });
    this.config = config;
  }

  get id(): string {
    return this.getStringAttribute("id");
  }

  /** `status` (computed). */
  get status(): string {
    return this.getStringAttribute("status");
  }

  #arguments(): Attributes {
    const c = this.config;
    return { region: c.region, vpc_peering_connection_id: c.vpcPeeringConnectionId, accept: c.accept };
  }

  protected override synthesizeAttributes(): Attributes {
    return defined(this.#arguments());
  }

  protected override synthesizeHclAttributes(): Attributes {
    return hclAttributes(this.#arguments());
  }
}
