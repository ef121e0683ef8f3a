import * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "../core/index.js";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { createIdentity } from "./create-identity.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface SubnetArgs {
  /** The connection of the account that owns `vpcId`. */
  readonly connection?: ConnectionArgs;
  /** The VPC the subnet is made in. */
  readonly vpcId: pulumi.Input<string>;
  /** The subnet's name on the cloud. */
  readonly name: pulumi.Input<string>;
  /** The subnet's IPv4 block, inside one of the VPC's blocks (SUBNET_INVALID otherwise). */
  readonly cidr: pulumi.Input<string>;
  /**
   * Ask the cloud for an IPv6 block when the subnet is created (Huawei `ipv6_enable`, Baidu `enableIpv6`; refused
   * on Tencent, which assigns subnet IPv6 by other calls). The block is `ipv6Cidr`: give it to a DR site's
   * `assignedIpv6Cidrs` for IPv6 routes through the peering where the cloud has them (Huawei).
   * @default false
   */
  readonly ipv6?: pulumi.Input<boolean>;
  /**
   * The VPC's cloud, so that `pulumi preview` judges the block's size and `ipv6` by that cloud's rules.
   * @default judged by the backend at create
   */
  readonly cloud?: pulumi.Input<Cloud>;
}

/** A subnet of a VPC; dual-stack (`ipv6`) subnets carry the IPv6 block the cloud assigned. */
export class Subnet extends pulumi.dynamic.Resource {
  /** The subnet's id on the cloud (the resource id). */
  declare readonly subnetId: pulumi.Output<string>;
  /** The IPv4 gateway: the block's first host address. */
  declare readonly gatewayIp: pulumi.Output<string>;
  /** The IPv6 block the cloud assigned ("" when the subnet is IPv4-only). */
  declare readonly ipv6Cidr: pulumi.Output<string>;

  constructor(name: string, args: SubnetArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("subnet"),
      name,
      {
        ...args,
        connection: resolveConnection(args.connection),
        createIdentity: createIdentity("Subnet", name, opts),
        subnetId: undefined,
        gatewayIp: undefined,
        ipv6Cidr: undefined,
      },
      { ...opts, additionalSecretOutputs: ["connection"] },
      "peerlink",
      "Subnet",
    );
  }
}
