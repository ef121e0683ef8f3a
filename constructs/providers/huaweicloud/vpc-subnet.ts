/**
 * `huaweicloud_vpc_subnet`: a subnet, dual-stack with `ipv6_enable`. Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_subnet.go in huaweicloud/terraform-provider-huaweicloud at
 * commit 05c9853ab69d472e5d76dde057a10c0e782102dc (`name`, `cidr`, `gateway_ip`, `vpc_id` required; `ipv6_enable`
 * optional; `ipv6_cidr` computed): the IPv6 block Huawei assigns the subnet, which a dual-stack DR site routes to.
 *
 * The synth fails with SUBNET_INVALID on what the core's subnet rules judge without the VPC (subnetShapeProblems:
 * the block, Huawei's longest prefix /28, the gateway inside the block, the name), as the Pulumi `Subnet`'s
 * plan-time check and every backend do. Whether the block lies inside its VPC and clear of the VPC's other subnets
 * needs the VPC's blocks, which a `vpc_id` does not carry: Huawei's API answers that at apply (VPC.0203, VPC.0204).
 */
import { type TerraformMetaArguments, Token } from "cdktf";
import type { Construct } from "constructs";
import { SUBNET_INVALID, subnetCandidate, subnetShapeProblems } from "../../../provider/core/index.js";
import { problemText } from "../../errors.js";
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
    this.node.addValidation({ validate: () => subnetSynthErrors(config) });
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

/** The core's VPC-free subnet rules on a config, skipping what is a token until apply. */
export function subnetSynthErrors(config: HuaweicloudVpcSubnetConfig): string[] {
  if (Token.isUnresolved(config.cidr)) return [];
  const known = (value: string) => !Token.isUnresolved(value);
  const candidate = subnetCandidate({
    // A name known only at apply is judged as any name.
    name: known(config.name) ? config.name : "subnet",
    cidr: config.cidr,
    ipv6: config.ipv6Enable === true,
    ...(known(config.gatewayIp) ? { gatewayIp: config.gatewayIp } : {}),
  });
  return subnetShapeProblems("huaweicloud", candidate).map((p) =>
    problemText({ code: SUBNET_INVALID, message: p.message, fix: p.fix }),
  );
}
