/**
 * A VPC peering on any of the three clouds, mapped onto the cloud's own Terraform resource:
 * tencentcloud_vpc_peer_connect_manager, huaweicloud_vpc_peering_connection or baiducloud_peer_conn.
 */
import { type TerraformProvider, type TerraformResource, Token } from "cdktf";
import type { Construct } from "constructs";
import { allowsCrossRegion } from "../provider/core/rulebook/index.js";
import type { ChargeType, Cloud, PeeringSpec, ServiceLevel } from "../provider/core/topology-schema.js";
import { PEERING_KEYS } from "./argument-keys.js";
import { PeerlinkConstruct } from "./peerlink-construct.js";
import { BaiducloudPeerConn } from "./providers/baiducloud/peer-conn.js";
import { HuaweicloudVpcPeeringConnection } from "./providers/huaweicloud/vpc-peering-connection.js";
import { TencentcloudVpcPeerConnectManager } from "./providers/tencentcloud/vpc-peer-connect-manager.js";
import { type TopologyBuilder, unresolvedFields } from "./validation/topology-builder.js";
import { TopologyValidation } from "./validation/topology-validation.js";
import type { VpcSite } from "./vpc-site.js";

export interface PeeringProps {
  /** The cloud; both VPCs must be on it. */
  readonly cloud: Cloud;
  /** The requester VPC (the side that creates the peering and, on Tencent, pays for it; seed 000). */
  readonly vpc: VpcSite;
  /** The accepter VPC. */
  readonly peerVpc: VpcSite;
  /**
   * The peering's name on the cloud (Tencent: at most 60 characters, seed 003; Huawei: 1-64, seed 002).
   * @default the construct id
   */
  readonly name?: string;
  /**
   * Bandwidth cap in Mbps. Tencent cross-region: 10/20/50/100/200/500/1000 (seed 000); Baidu: required.
   * @default none
   */
  readonly bandwidthMbps?: number;
  /**
   * Tencent POSTPAID_BY_DAY_MAX or POSTPAID_BY_MONTH_95; Baidu Postpaid or Prepaid.
   * @default the cloud's default (Tencent daily peak; Baidu Postpaid)
   */
  readonly chargeType?: ChargeType;
  /** Tencent platinum, gold or silver (platinum and silver need POSTPAID_BY_MONTH_95). @default the cloud's default */
  readonly serviceLevel?: ServiceLevel;
  /** Free text; Huawei and Baidu only (the Tencent resource has no description). @default none */
  readonly description?: string;
}

/** Tencent QosLevel values (seed 000 "白金、金、银"; API PT/AU/AG). */
const QOS_LEVEL: Record<ServiceLevel, string> = { platinum: "PT", gold: "AU", silver: "AG" };

function known(value: string): boolean {
  return !Token.isUnresolved(value);
}

export class Peering extends PeerlinkConstruct {
  readonly vpc: VpcSite;
  readonly peerVpc: VpcSite;
  readonly name: string;
  readonly props: PeeringProps;
  /** The cloud's resource: a TencentcloudVpcPeerConnectManager, HuaweicloudVpcPeeringConnection or BaiducloudPeerConn. */
  readonly resource: TerraformResource;
  /** The peering's id on the cloud (a token until apply). */
  readonly peeringId: string;
  /** The provider of the requester's side. */
  readonly provider: TerraformProvider;
  /** Set by a PeeringAcceptance of this peering; routes wait for it. */
  acceptanceResource: TerraformResource | undefined;
  /** Route resources through this peering, made to wait for the acceptance once there is one. */
  readonly routeResources: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: PeeringProps) {
    super(scope, id, props, PEERING_KEYS, "Peering");
    this.props = props;
    this.vpc = props.vpc;
    this.peerVpc = props.peerVpc;
    this.name = props.name ?? id;
    this.checkCloud(`VPC "${props.vpc.name ?? props.vpc.vpcId}"`, props.vpc.cloud);
    this.provider = this.providerFor(props.vpc);
    this.resource = this.#createResource(props);
    this.peeringId = this.resource.getStringAttribute("id");
  }

  /** True when both accounts are known and differ (Tencent, Huawei and Baidu then need the peer to accept). */
  get crossAccount(): boolean {
    return (
      known(this.vpc.account) && known(this.peerVpc.account) && this.vpc.account !== this.peerVpc.account
    );
  }

  #unsupported(what: string, resource: string, fix: string, sameAs?: string) {
    this.addProblem({
      code: "UNSUPPORTED_BY_PROVIDER",
      message: `${what}: the ${this.cloud} provider's ${resource} has no argument for it, so it cannot be synthesized.`,
      fix,
      ...(sameAs ? { sameAs } : {}),
    });
  }

  #createResource(props: PeeringProps): TerraformResource {
    const { vpc, peerVpc } = props;
    switch (props.cloud) {
      case "tencentcloud": {
        if (props.description !== undefined)
          this.#unsupported(
            `description "${props.description}"`,
            "tencentcloud_vpc_peer_connect_manager",
            "Remove description; put the text in the construct id or name.",
          );
        return new TencentcloudVpcPeerConnectManager(this, "Resource", {
          provider: this.provider,
          sourceVpcId: vpc.vpcId,
          peeringConnectionName: this.name,
          destinationVpcId: peerVpc.vpcId,
          destinationUin: peerVpc.account,
          destinationRegion: peerVpc.region,
          bandwidth: props.bandwidthMbps,
          chargeType: props.chargeType,
          qosLevel: props.serviceLevel === undefined ? undefined : QOS_LEVEL[props.serviceLevel],
        });
      }
      case "huaweicloud": {
        // The rulebook's regions entry: the core reports CROSS_REGION_UNSUPPORTED at synth, like every layer, and this
        // provider problem (deduplicated against it) still stops a synth with validation off: the resource has one
        // region argument and no peer region.
        if (
          known(vpc.region) &&
          known(peerVpc.region) &&
          vpc.region !== peerVpc.region &&
          !allowsCrossRegion("huaweicloud")
        )
          this.#unsupported(
            `peer VPC in "${peerVpc.region}", requester in "${vpc.region}"`,
            "huaweicloud_vpc_peering_connection (one region argument, no peer region)",
            "Peer VPCs of the same region on Huawei Cloud; connect regions with Cloud Connect instead.",
            "CROSS_REGION_UNSUPPORTED",
          );
        if (props.chargeType !== undefined || props.serviceLevel !== undefined)
          this.#unsupported(
            "chargeType/serviceLevel",
            "huaweicloud_vpc_peering_connection",
            "Remove chargeType and serviceLevel; Huawei peerings have no billing options.",
            "INVALID_CHARGE_TYPE",
          );
        return new HuaweicloudVpcPeeringConnection(this, "Resource", {
          provider: this.provider,
          region: vpc.region,
          name: this.name,
          vpcId: vpc.vpcId,
          peerVpcId: peerVpc.vpcId,
          // A cross-tenant peering names the accepter's tenant (seed 002 accept_vpc_info.tenant_id).
          peerTenantId: this.crossAccount || !known(peerVpc.account) ? peerVpc.account : undefined,
          description: props.description,
        });
      }
      case "baiducloud": {
        if (props.bandwidthMbps === undefined)
          this.addProblem({
            code: "UNSUPPORTED_BY_PROVIDER",
            message:
              "no bandwidthMbps: baiducloud_peer_conn requires bandwidth_in_mbps (seed 001 createPeerConn).",
            fix: "Set bandwidthMbps to a positive integer.",
            sameAs: "INVALID_BANDWIDTH",
          });
        if (props.serviceLevel !== undefined)
          this.#unsupported(
            `serviceLevel "${props.serviceLevel}"`,
            "baiducloud_peer_conn",
            "Remove serviceLevel; it is a Tencent option.",
            "INVALID_CHARGE_TYPE",
          );
        return new BaiducloudPeerConn(this, "Resource", {
          provider: this.provider,
          // Required by the schema; when missing the synth fails (above), so the value is never sent.
          bandwidthInMbps: props.bandwidthMbps as number,
          localVpcId: vpc.vpcId,
          peerVpcId: peerVpc.vpcId,
          peerRegion: peerVpc.region,
          peerAccountId: this.crossAccount || !known(peerVpc.account) ? peerVpc.account : undefined,
          billing: { paymentTiming: props.chargeType ?? "Postpaid" },
          description: props.description,
        });
      }
    }
  }

  contribute(builder: TopologyBuilder): void {
    if (this.crossAccount && !this.acceptanceResource)
      TopologyValidation.of(this).warn(
        this,
        `ACCEPTANCE_MISSING Peering "${this.name}" joins accounts ${this.vpc.account} and ${this.peerVpc.account}; no PeeringAcceptance in this stack accepts it, so it stays pending (and expires after 7 days, seed 000). Fix: Add a PeeringAcceptance with a provider of account ${this.peerVpc.account}, or have that account accept it.`,
      );
    const vpc = builder.vpc(this, this.vpc, "vpc");
    const peerVpc = builder.vpc(this, this.peerVpc, "peerVpc");
    if (vpc === undefined || peerVpc === undefined) return;
    const p = this.props;
    const spec: PeeringSpec = {
      id: this.topologyId,
      name: this.name,
      vpc,
      peerVpc,
      ...(p.bandwidthMbps !== undefined ? { bandwidthMbps: p.bandwidthMbps } : {}),
      ...(p.chargeType !== undefined ? { chargeType: p.chargeType } : {}),
      ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
      ...(p.description !== undefined ? { description: p.description } : {}),
    };
    builder.peering(
      this,
      spec,
      unresolvedFields({
        name: this.name,
        bandwidthMbps: p.bandwidthMbps,
        chargeType: p.chargeType,
        serviceLevel: p.serviceLevel,
      }),
    );
  }
}
