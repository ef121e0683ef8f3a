/**
 * A TwoRegionsThreeCenters (production and backup in Guangzhou, DR in Beijing) and a HubAndSpoke (a Shanghai hub,
 * two spokes), all through the provider plugin: the VPCs as custom resources, the components as remote
 * components (`construct`), each site's `vpc` given by VPC id, as a YAML, Python or Go program gives it.
 */
import * as pulumi from "@pulumi/pulumi";

class Vpc extends pulumi.CustomResource {
  constructor(name: string, region: string, cidr: string) {
    super("peerlink:index:Vpc", name, { name, region, cidrs: [cidr], vpcId: undefined });
  }
}

class Component extends pulumi.ComponentResource {
  declare readonly peeringIds: pulumi.Output<Record<string, string>>;
  declare readonly statuses: pulumi.Output<Record<string, string>>;
  declare readonly estimatedDailyCost: pulumi.Output<number>;
  constructor(type: string, name: string, inputs: pulumi.Inputs) {
    super(
      `peerlink:index:${type}`,
      name,
      {
        ...inputs,
        peeringIds: undefined,
        statuses: undefined,
        estimatedDailyCost: undefined,
        routes: undefined,
      },
      {},
      true,
    );
  }
}

function site(vpc: Vpc, name: string, region: string, cidr: string) {
  return { vpc: vpc.id, name, region, cidrs: [cidr] };
}

const sites = {
  prod: ["trtc-prod", "ap-guangzhou", "10.40.0.0/16"],
  backup: ["trtc-backup", "ap-guangzhou", "10.41.0.0/16"],
  dr: ["trtc-dr", "ap-beijing", "10.42.0.0/16"],
  hub: ["hs-hub", "ap-shanghai", "10.50.0.0/16"],
  a: ["hs-a", "ap-shanghai", "10.51.0.0/16"],
  b: ["hs-b", "ap-shanghai", "10.52.0.0/16"],
} as const;
const at = (key: keyof typeof sites) => {
  const [name, region, cidr] = sites[key];
  return site(new Vpc(name, region, cidr), name, region, cidr);
};

const threeCenters = new Component("TwoRegionsThreeCenters", "trtc", {
  production: at("prod"),
  backup: at("backup"),
  dr: at("dr"),
  bandwidthMbps: 100,
});
const hub = new Component("HubAndSpoke", "hs", {
  hub: at("hub"),
  spokes: { a: at("a"), b: at("b") },
});

export const threeCentersStatuses = threeCenters.statuses;
export const threeCentersPeeringIds = threeCenters.peeringIds;
export const threeCentersDailyCost = threeCenters.estimatedDailyCost;
export const hubStatuses = hub.statuses;
export const hubPeeringIds = hub.peeringIds;
