import * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../backends/backend.js";
import type { ChargeType, ServiceLevel } from "../core/index.js";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { createIdentity } from "./create-identity.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface PeeringArgs {
  /** The requester account's connection. */
  readonly connection?: ConnectionArgs;
  readonly vpcId: pulumi.Input<string>;
  readonly peerVpcId: pulumi.Input<string>;
  /** @default the peer VPC's region */
  readonly peerRegion?: pulumi.Input<string>;
  /** The accepter's account; another account makes the peering PENDING until a PeeringAcceptance. @default the caller's */
  readonly peerAccount?: pulumi.Input<string>;
  readonly name: pulumi.Input<string>;
  readonly description?: pulumi.Input<string>;
  /** Cross-region Tencent tiers: 10/20/50/100/200/500/1000 (seed 000). */
  readonly bandwidthMbps?: pulumi.Input<number>;
  readonly chargeType?: pulumi.Input<ChargeType>;
  readonly serviceLevel?: pulumi.Input<ServiceLevel>;
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** The peer VPC's CIDRs, so plan-time checks can run when the peer VPC is in another account. */
  readonly peerVpcCidrs?: pulumi.Input<pulumi.Input<string>[]>;
  /** Adopt this existing peering instead of creating one (`pulumi import` cannot work for dynamic providers). */
  readonly existingId?: pulumi.Input<string>;
  /** How long create waits for PENDING/ACTIVE. @default 600 */
  readonly timeoutSeconds?: pulumi.Input<number>;
}

/**
 * A VPC peering. `pulumi preview` fails with the coded message (CIDR_OVERLAP, DUPLICATE_PEERING,
 * PEERING_LIMIT_EXCEEDED...) when the live backend would refuse it; create waits until it is ACTIVE (same account)
 * or PENDING (cross account). Replacing deletes first: the clouds refuse a second peering for the same pair.
 */
export class Peering extends pulumi.dynamic.Resource {
  declare readonly peeringId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<PeeringStatus>;
  declare readonly account: pulumi.Output<string>;
  declare readonly region: pulumi.Output<string>;
  declare readonly accepterAccount: pulumi.Output<string>;
  declare readonly accepterRegion: pulumi.Output<string>;
  declare readonly crossRegion: pulumi.Output<boolean>;
  declare readonly crossAccount: pulumi.Output<boolean>;
  declare readonly name: pulumi.Output<string>;
  declare readonly bandwidthMbps: pulumi.Output<number | undefined>;

  constructor(name: string, args: PeeringArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("peering"),
      name,
      {
        ...args,
        connection: resolveConnection(args.connection),
        createIdentity: createIdentity("Peering", name, opts),
        peeringId: undefined,
        status: undefined,
        account: undefined,
        region: undefined,
        accepterAccount: undefined,
        accepterRegion: undefined,
        crossRegion: undefined,
        crossAccount: undefined,
      },
      { ...opts, additionalSecretOutputs: ["connection"], deleteBeforeReplace: true },
      "peerlink",
      "Peering",
    );
  }
}
