import * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../backends/backend.js";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface PeeringAcceptanceArgs {
  /** The accepter account's connection. */
  readonly connection?: ConnectionArgs;
  readonly peeringId: pulumi.Input<string>;
  /** How long to wait for ACTIVE. @default 600 */
  readonly timeoutSeconds?: pulumi.Input<number>;
}

/** Accepts a cross-account peering as the accepter and waits for ACTIVE. Deleting it leaves the peering alone. */
export class PeeringAcceptance extends pulumi.dynamic.Resource {
  declare readonly status: pulumi.Output<PeeringStatus>;
  declare readonly peeringId: pulumi.Output<string>;

  constructor(name: string, args: PeeringAcceptanceArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("peeringAcceptance"),
      name,
      {
        ...args,
        connection: resolveConnection(args.connection),
        status: undefined,
        vpcId: undefined,
        peerVpcId: undefined,
      },
      { ...opts, additionalSecretOutputs: ["connection"] },
      "peerlink",
      "PeeringAcceptance",
    );
  }
}
