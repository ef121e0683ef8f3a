import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface BandwidthLimitArgs {
  readonly ip: pulumi.Input<string>;
  readonly limitMbps: pulumi.Input<number>;
  /** @default the peering's requester VPC */
  readonly vpcId?: pulumi.Input<string>;
}

export interface BandwidthPolicyArgs {
  readonly connection?: ConnectionArgs;
  readonly peeringId: pulumi.Input<string>;
  /** Resize the peering to this bandwidth. */
  readonly bandwidthMbps?: pulumi.Input<number>;
  /** Per-IP outbound limits on the peering gateway (Tencent cross-region, seed 000). */
  readonly limits?: pulumi.Input<pulumi.Input<BandwidthLimitArgs>[]>;
  readonly timeoutSeconds?: pulumi.Input<number>;
}

/** A peering's bandwidth and per-IP limits; a backend that cannot set them fails `pulumi preview` with a code. */
export class BandwidthPolicy extends pulumi.dynamic.Resource {
  declare readonly appliedLimits: pulumi.Output<{ ip: string; limitMbps: number; vpcId: string }[]>;

  constructor(name: string, args: BandwidthPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("bandwidthPolicy"),
      name,
      { ...args, connection: resolveConnection(args.connection), appliedLimits: undefined },
      { ...opts, additionalSecretOutputs: ["connection"] },
      "peerlink",
      "BandwidthPolicy",
    );
  }
}
