/**
 * A per-IP outbound limit on a peering's gateway (seed 000 "对等连接网关流控", "设置对等连接流控明细"). The core
 * validates it like any topology element, but none of the three Terraform providers has a resource for it
 * (Tencent's only related object, tencentcloud_vpc_gateway_flow_qos, is a data source; Huawei and Baidu have no
 * per-IP limits at all), so synth fails with UNSUPPORTED_BY_PROVIDER instead of dropping the limit. Set
 * `managedOutsideTerraform` when the limit is applied some other way (console, API, the peerlink backend) and
 * you only want it validated against the topology.
 */
import type { Construct } from "constructs";
import type { BandwidthPolicySpec, Cloud } from "../provider/core/topology-schema.js";
import { BANDWIDTH_POLICY_KEYS } from "./argument-keys.js";
import type { Peering } from "./peering.js";
import { PeerlinkConstruct } from "./peerlink-construct.js";
import { type TopologyBuilder, unresolvedFields } from "./validation/topology-builder.js";
import type { VpcSite } from "./vpc-site.js";

export interface BandwidthPolicyProps {
  /** Must be the peering's cloud. */
  readonly cloud: Cloud;
  readonly peering: Peering;
  /** An address of `vpc`. */
  readonly ip: string;
  /** Must not exceed the peering's bandwidth. */
  readonly limitMbps: number;
  /**
   * The side the IP belongs to.
   * @default the peering's requester VPC
   */
  readonly vpc?: VpcSite;
  /**
   * The limit is applied outside Terraform; validate it, synthesize nothing, and do not fail.
   * @default false
   */
  readonly managedOutsideTerraform?: boolean;
}

export class BandwidthPolicy extends PeerlinkConstruct {
  readonly props: BandwidthPolicyProps;

  constructor(scope: Construct, id: string, props: BandwidthPolicyProps) {
    super(scope, id, props, BANDWIDTH_POLICY_KEYS, "BandwidthPolicy");
    this.props = props;
    this.checkCloud(`peering "${props.peering.name}"`, props.peering.cloud);
    if (!props.managedOutsideTerraform)
      this.addProblem({
        code: "UNSUPPORTED_BY_PROVIDER",
        message: `Per-IP limit ${props.limitMbps} Mbps for ${props.ip} on peering "${props.peering.name}": the ${props.cloud} Terraform provider has no resource for per-IP limits on a peering, so it cannot be synthesized.`,
        fix: "Apply the limit in the console or API (Tencent: peering flow control) and set managedOutsideTerraform: true, or remove the policy.",
        // Huawei and Baidu offer no per-IP limits at all: the core's BANDWIDTH_POLICY_INVALID says so first.
        ...(props.cloud === "tencentcloud" ? {} : { sameAs: "BANDWIDTH_POLICY_INVALID" }),
      });
  }

  contribute(builder: TopologyBuilder): void {
    const { peering, ip, limitMbps, vpc } = this.props;
    const peeringId = builder.peeringIdOf(peering);
    const vpcId = vpc === undefined ? undefined : builder.vpc(this, vpc, "vpc");
    const unresolved = unresolvedFields({ ip, limitMbps });
    if (peeringId === undefined || (vpc !== undefined && vpcId === undefined) || unresolved.length > 0) {
      if (unresolved.length > 0) builder.skip(this, `${unresolved.join(", ")} not known until apply`);
      builder.incomplete(peering);
      return;
    }
    const spec: BandwidthPolicySpec = {
      peering: peeringId,
      ip,
      limitMbps,
      ...(vpcId !== undefined ? { vpc: vpcId } : {}),
    };
    builder.policy(this, spec);
  }
}
