import * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "../core/index.js";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { createIdentity } from "./create-identity.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface VpcArgs {
  readonly connection?: ConnectionArgs;
  readonly name: pulumi.Input<string>;
  readonly region: pulumi.Input<string>;
  /** Primary CIDR first, then secondary ones. */
  readonly cidrs: pulumi.Input<pulumi.Input<string>[]>;
  /** @default the backend's default ("tencentcloud" on the local backend) */
  readonly cloud?: pulumi.Input<Cloud>;
  /** Extra route tables besides the main one, by name. */
  readonly routeTables?: pulumi.Input<pulumi.Input<string>[]>;
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Adopt this existing VPC instead of creating one; peerlink then never deletes it. */
  readonly existingId?: pulumi.Input<string>;
}

/** A VPC: mostly for self-contained examples and tests; on clouds, adopting an existing VPC is the common case. */
export class Vpc extends pulumi.dynamic.Resource {
  declare readonly vpcId: pulumi.Output<string>;
  declare readonly account: pulumi.Output<string>;
  declare readonly region: pulumi.Output<string>;
  declare readonly cidrs: pulumi.Output<string[]>;
  declare readonly mainRouteTableId: pulumi.Output<string>;
  /** Route table ids by name ("main" and the extra ones). */
  declare readonly routeTableIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: VpcArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("vpc"),
      name,
      {
        ...args,
        connection: resolveConnection(args.connection),
        createIdentity: createIdentity("Vpc", name, opts),
        vpcId: undefined,
        account: undefined,
        mainRouteTableId: undefined,
        routeTableIds: undefined,
      },
      { ...opts, additionalSecretOutputs: ["connection"] },
      "peerlink",
      "Vpc",
    );
  }
}
