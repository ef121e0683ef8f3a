/**
 * `huaweicloud_vpc_subnet`: a subnet, dual-stack with `ipv6_enable`. Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_subnet.go in huaweicloud/terraform-provider-huaweicloud at
 * commit 05c9853ab69d472e5d76dde057a10c0e782102dc (`name`, `cidr`, `gateway_ip`, `vpc_id` required; `ipv6_enable`
 * optional; `ipv6_cidr` computed): the IPv6 block Huawei assigns the subnet, which a dual-stack DR site routes to.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface HuaweicloudVpcSubnetConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `name` (required). */
  readonly name: string;
  /** `cidr` (required, force new): inside the VPC's block, mask at most /28 (rulebook subnets). */
  readonly cidr: string;
  /** `gateway_ip` (required, force new): an address of the subnet, e.g. its first host. */
  readonly gatewayIp: string;
  /** `vpc_id` (required, force new). */
  readonly vpcId: string;
  /** `ipv6_enable` (optional): Huawei assigns the subnet an IPv6 block (`ipv6Cidr`). @default false */
  readonly ipv6Enable?: boolean;
  /** `availability_zone` (optional, force new). @default none */
  readonly availabilityZone?: string;
  /** `description` (optional). @default none */
  readonly description?: string;
}

export class HuaweicloudVpcSubnet extends ArgumentResource<HuaweicloudVpcSubnetConfig> {
  static readonly tfResourceType = "huaweicloud_vpc_subnet";

  constructor(scope: Construct, id: string, config: HuaweicloudVpcSubnetConfig) {
    super(scope, id, HuaweicloudVpcSubnet.tfResourceType, "huaweicloud", config);
  }

  /** `ipv6_cidr` (computed): the IPv6 block Huawei assigned, a token until apply. */
  get ipv6Cidr(): string {
    return this.getStringAttribute("ipv6_cidr");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      region: c.region,
      name: c.name,
      cidr: c.cidr,
      gateway_ip: c.gatewayIp,
      vpc_id: c.vpcId,
      ipv6_enable: c.ipv6Enable,
      availability_zone: c.availabilityZone,
      description: c.description,
    };
  }
}
