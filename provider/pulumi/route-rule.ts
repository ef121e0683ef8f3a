import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, resolveConnection } from "./connection.js";
import { createIdentity } from "./create-identity.js";
import { dynamicProvider } from "./dynamic-provider.js";

export interface RouteRuleArgs {
  /** The connection of the account that owns `vpcId`. */
  readonly connection?: ConnectionArgs;
  readonly vpcId: pulumi.Input<string>;
  /** @default the VPC's main route table */
  readonly routeTableId?: pulumi.Input<string>;
  /** Must lie inside the peer VPC (peering is never transitive). */
  readonly destination: pulumi.Input<string>;
  readonly peeringId: pulumi.Input<string>;
  readonly description?: pulumi.Input<string>;
  /** How long to wait for the peering to be ACTIVE. @default 600 */
  readonly timeoutSeconds?: pulumi.Input<number>;
  /**
   * The account whose own stack accepts the peering, when this stack only requested it (the DR components'
   * requesterOnly): a timeout then says that stack has not accepted it (PEERING_NOT_ACCEPTED).
   */
  readonly acceptedByAccount?: pulumi.Input<string>;
}

/** A route through a peering; waits for the peering to be ACTIVE, so cross-account stacks apply in one run. */
export class RouteRule extends pulumi.dynamic.Resource {
  declare readonly routeId: pulumi.Output<string>;
  declare readonly effectiveRouteTableId: pulumi.Output<string>;

  constructor(name: string, args: RouteRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider("routeRule"),
      name,
      {
        ...args,
        connection: resolveConnection(args.connection),
        createIdentity: createIdentity("RouteRule", name, opts),
        routeId: undefined,
        effectiveRouteTableId: undefined,
      },
      { ...opts, additionalSecretOutputs: ["connection"] },
      "peerlink",
      "RouteRule",
    );
  }
}
