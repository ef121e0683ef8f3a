/**
 * The accepter's side of a cross-account peering (seed 000 "第二步：接受对等连接"; seed 004: cross tenant needs
 * the peer tenant to accept; seed 001 accept), with a provider of the accepter's account and region. Routes
 * through the peering are made to wait for it, so one `terraform apply` creates, accepts and routes.
 */
import { dependable, type TerraformProvider, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud } from "../provider/core/topology-schema.js";
import { PEERING_ACCEPTANCE_KEYS } from "./argument-keys.js";
import { PeerlinkConstructError } from "./errors.js";
import type { PeeringLike } from "./peering-like.js";
import { PeerlinkConstruct } from "./peerlink-construct.js";
import { BaiducloudPeerConnAcceptor } from "./providers/baiducloud/peer-conn-acceptor.js";
import { HuaweicloudVpcPeeringConnectionAccepter } from "./providers/huaweicloud/vpc-peering-connection-accepter.js";
import { TencentcloudVpcPeerConnectAcceptOperation } from "./providers/tencentcloud/vpc-peer-connect-accept-operation.js";
import type { TopologyBuilder } from "./validation/topology-builder.js";

export interface PeeringAcceptanceProps {
  /** Must be the peering's cloud. */
  readonly cloud: Cloud;
  /** A Peering of this stack (cross-account), or an ExistingPeering requested outside it. */
  readonly peering: PeeringLike;
  /**
   * A provider of the accepter's account and region.
   * @default the peer VpcSite's provider (or the stack's default provider for its cloud and region)
   */
  readonly provider?: TerraformProvider;
}

export class PeeringAcceptance extends PeerlinkConstruct {
  /** A Peering of this stack (cross-account), or an ExistingPeering requested outside it. */
  readonly peering: PeeringLike;
  /** TencentcloudVpcPeerConnectAcceptOperation, HuaweicloudVpcPeeringConnectionAccepter or BaiducloudPeerConnAcceptor. */
  readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: PeeringAcceptanceProps) {
    super(scope, id, props, PEERING_ACCEPTANCE_KEYS, "PeeringAcceptance");
    this.peering = props.peering;
    if (props.peering.acceptanceResource)
      throw new PeerlinkConstructError(
        "DUPLICATE_ACCEPTANCE",
        `Peering ${props.peering.node.path} already has a PeeringAcceptance; a peering is accepted once.`,
        { resource: this.node.path, fix: "Remove the second PeeringAcceptance." },
      );
    this.checkCloud(`peering "${props.peering.name}"`, props.peering.cloud);
    const provider = props.provider ?? this.providerFor(props.peering.peerVpc);
    const peeringId = props.peering.peeringId;
    switch (props.cloud) {
      case "tencentcloud":
        this.resource = new TencentcloudVpcPeerConnectAcceptOperation(this, "Resource", {
          provider,
          peeringConnectionId: peeringId,
        });
        break;
      case "huaweicloud":
        this.resource = new HuaweicloudVpcPeeringConnectionAccepter(this, "Resource", {
          provider,
          region: props.peering.peerVpc.region,
          vpcPeeringConnectionId: peeringId,
          accept: true,
        });
        break;
      case "baiducloud":
        this.resource = new BaiducloudPeerConnAcceptor(this, "Resource", {
          provider,
          peerConnId: peeringId,
          autoAccept: true,
        });
        break;
    }
    props.peering.acceptanceResource = this.resource;
    // Routes created before this acceptance wait for it too.
    for (const route of props.peering.routeResources)
      route.dependsOn = [...(route.dependsOn ?? []), dependable(this.resource)];
  }

  /** The acceptance adds nothing to the topology: the peering is already in it. */
  contribute(_builder: TopologyBuilder): void {}
}
