/**
 * Two VPCs and a TwoRegionDr between them, all through the provider plugin: the VPCs as custom resources, the
 * component as a remote component (`construct`), sites given by VPC id, as a YAML, Python or Go program gives
 * them. Stack config `standbyCidrs` (JSON) changes the standby's declared CIDRs: one inside the primary's makes
 * the component refuse the topology at preview with CIDR_OVERLAP.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const standbyCidrs: string[] = config.getObject<string[]>("standbyCidrs") ?? ["10.1.0.0/16"];

class Vpc extends pulumi.CustomResource {
  declare readonly vpcId: pulumi.Output<string>;
  constructor(name: string, inputs: pulumi.Inputs) {
    super("peerlink:index:Vpc", name, { ...inputs, vpcId: undefined });
  }
}

class TwoRegionDr extends pulumi.ComponentResource {
  declare readonly peeringId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  declare readonly estimatedDailyCost: pulumi.Output<number>;
  constructor(name: string, inputs: pulumi.Inputs) {
    super(
      "peerlink:index:TwoRegionDr",
      name,
      {
        ...inputs,
        peeringId: undefined,
        status: undefined,
        estimatedDailyCost: undefined,
        routes: undefined,
      },
      {},
      true,
    );
  }
}

const gz = new Vpc("comp-gz", { name: "comp-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
const bj = new Vpc("comp-bj", { name: "comp-bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"] });

const dr = new TwoRegionDr("comp-dr", {
  primary: { vpc: gz.id, name: "comp-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
  standby: { vpc: bj.id, name: "comp-bj", region: "ap-beijing", cidrs: standbyCidrs },
  bandwidthMbps: 100,
});

export const peeringId = dr.peeringId;
export const status = dr.status;
export const estimatedDailyCost = dr.estimatedDailyCost;
