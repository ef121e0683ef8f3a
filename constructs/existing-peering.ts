/**
 * A peering this stack did not request: a partner's (or a hand-made) request that the stack accepts and routes
 * its own side of (issue 15, "external peerings"). It synthesizes nothing itself: a PeeringAcceptance of it is the
 * cloud's acceptance resource for the given id (tencentcloud_vpc_peer_connect_accept_operation,
 * huaweicloud_vpc_peering_connection_accepter, baiducloud_peer_conn_acceptor), and RouteRules name the id as their
 * next hop. It takes its place in the stack's topology, so the routes through it are validated like any other;
 * its bandwidth and billing are the requester's (seed 000 "跨地域的对等连接费用由对等连接申请方支付"), so the core's
 * findings about them are not this stack's (core/dr/external-peering.ts, isRequesterConcern).
 */
import { Token } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud, PeeringSpec } from "../provider/core/topology-schema.js";
import { EXISTING_PEERING_KEYS } from "./argument-keys.js";
import { PeerlinkConstructError } from "./errors.js";
import type { PeeringLike } from "./peering-like.js";
import { PeerlinkConstruct } from "./peerlink-construct.js";
import { type TopologyBuilder, unresolvedFields } from "./validation/topology-builder.js";
import type { VpcSite } from "./vpc-site.js";

export interface ExistingPeeringProps {
  /** The cloud; both VPCs must be on it. */
  readonly cloud: Cloud;
  /** The peering's id on the cloud (pcx-..., a Huawei UUID, peerconn-...), as its requester gave it. */
  readonly peeringId: string;
  /** The requester's VPC (the other account's, usually). */
  readonly vpc: VpcSite;
  /** The accepter's VPC: this stack's side. */
  readonly peerVpc: VpcSite;
  /**
   * The peering's name, for messages and the topology.
   * @default the construct id
   */
  readonly name?: string;
}

export class ExistingPeering extends PeerlinkConstruct implements PeeringLike {
  readonly vpc: VpcSite;
  readonly peerVpc: VpcSite;
  readonly name: string;
  readonly peeringId: string;
  acceptanceResource: PeeringLike["acceptanceResource"];
  readonly routeResources: PeeringLike["routeResources"] = [];

  constructor(scope: Construct, id: string, props: ExistingPeeringProps) {
    super(scope, id, props, EXISTING_PEERING_KEYS, "ExistingPeering");
    if (!Token.isUnresolved(props.peeringId) && props.peeringId.trim() === "")
      throw new PeerlinkConstructError("EXTERNAL_PEERING_INVALID", `${this.node.path}: peeringId is empty.`, {
        resource: this.node.path,
        value: props.peeringId,
        fix: "Give the id of the peering the other account requested (pcx-..., a Huawei UUID, peerconn-...).",
      });
    this.vpc = props.vpc;
    this.peerVpc = props.peerVpc;
    this.name = props.name ?? id;
    this.peeringId = props.peeringId;
    this.checkCloud(`VPC "${props.vpc.name ?? props.vpc.vpcId}"`, props.vpc.cloud);
    this.checkCloud(`VPC "${props.peerVpc.name ?? props.peerVpc.vpcId}"`, props.peerVpc.cloud);
  }

  contribute(builder: TopologyBuilder): void {
    const vpc = builder.vpc(this, this.vpc, "vpc");
    const peerVpc = builder.vpc(this, this.peerVpc, "peerVpc");
    if (vpc === undefined || peerVpc === undefined) return;
    const spec: PeeringSpec = { id: this.topologyId, name: this.name, vpc, peerVpc };
    builder.peering(this, spec, unresolvedFields({ name: this.name }));
    builder.existing(this, this.peeringId);
  }
}
