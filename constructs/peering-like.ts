/**
 * What a route and an acceptance need of a peering: a Peering this stack requests, or an ExistingPeering it
 * only accepts and routes (requested outside the stack, by a partner or by hand).
 */
import type { TerraformResource } from "cdktf";
import type { Cloud } from "../provider/core/topology-schema.js";
import type { TopologyMember } from "./validation/topology-builder.js";
import type { VpcSite } from "./vpc-site.js";

export interface PeeringLike extends TopologyMember {
  readonly cloud: Cloud;
  /** The requester's VPC. */
  readonly vpc: VpcSite;
  /** The accepter's VPC. */
  readonly peerVpc: VpcSite;
  readonly name: string;
  /** The peering's id on the cloud (a token until apply, for a peering this stack requests). */
  readonly peeringId: string;
  /** Set by a PeeringAcceptance of this peering; routes wait for it. */
  acceptanceResource: TerraformResource | undefined;
  /** Route resources through this peering, made to wait for the acceptance once there is one. */
  readonly routeResources: TerraformResource[];
}
