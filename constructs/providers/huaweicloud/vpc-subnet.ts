/**
 * `huaweicloud_vpc_subnet`: a subnet, dual-stack with `ipv6_enable`. Arguments from the `Schema:` map of
 * huaweicloud/services/vpc/resource_huaweicloud_vpc_subnet.go in huaweicloud/terraform-provider-huaweicloud at
 * commit 05c9853ab69d472e5d76dde057a10c0e782102dc (`name`, `cidr`, `gateway_ip`, `vpc_id` required; `ipv6_enable`
 * optional; `ipv6_cidr` computed): the IPv6 block Huawei assigns the subnet, which a dual-stack DR site routes to.
 *
 * The synth fails with SUBNET_INVALID on what the core's subnet rules judge without the VPC (subnetShapeProblems:
 * the block, Huawei's longest prefix /28, the gateway inside the block, the name), as the Pulumi `Subnet`'s
 * plan-time check and every backend do. Whether the block lies inside its VPC and clear of the VPC's other subnets
 * needs the VPC's blocks, which a `vpc_id` does not carry: when `vpcId` is the `vpcId` of a `VpcSite` some
 * peerlink construct of the stack uses, the stack's synth validation (TopologyValidation) judges it there, as
 * `peerlink validate` does a document's `subnets`; otherwise Huawei's API answers it at apply (VPC.0203, VPC.0204).
 */
import { type TerraformMetaArguments, Token } from "cdktf";
import type { Construct } from "constructs";
import {
  type Diagnostic,
  SUBNET_INVALID,
  subnetCandidate,
  subnetShapeProblems,
} from "../../../provider/core/index.js";
import { type ConstructProblem, problemText } from "../../errors.js";
import { markMember, type TopologyBuilder } from "../../validation/topology-builder.js";
import { TopologyValidation, type ValidatedMember } from "../../validation/topology-validation.js";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface HuaweicloudVpcSubnetConfig extends TerraformMetaArguments {
  /** `region` (optional, force new). @default the provider's region */
  readonly region?: string;
  /** `name` (required). */
  readonly name: string;
  /** `cidr` (required, force new): inside the VPC's block, mask at most /28 (rulebook subnets). */
  readonly cidr: string;
  /** `gateway_ip` (required, force new): an address of the subnet, e.g. its first host. */
  readonly gatewayIp: string;
  /** `vpc_id` (required, force new). */
  readonly vpcId: string;
  /** `ipv6_enable` (optional): Huawei assigns the subnet an IPv6 block (`ipv6Cidr`). @default false */
  readonly ipv6Enable?: boolean;
  /** `availability_zone` (optional, force new). @default none */
  readonly availabilityZone?: string;
  /** `description` (optional). @default none */
  readonly description?: string;
}

export class HuaweicloudVpcSubnet
  extends ArgumentResource<HuaweicloudVpcSubnetConfig>
  implements ValidatedMember
{
  static readonly tfResourceType = "huaweicloud_vpc_subnet";
  #coreDiagnostics: Diagnostic[] = [];
  #synthProblems: ConstructProblem[] = [];

  constructor(scope: Construct, id: string, config: HuaweicloudVpcSubnetConfig) {
    super(scope, id, HuaweicloudVpcSubnet.tfResourceType, "huaweicloud", config);
    markMember(this);
    TopologyValidation.of(this);
    this.node.addValidation({ validate: () => this.#validationErrors() });
  }

  /**
   * Joins the stack's topology when its VPC is one a VpcSite described and its block is known: the core then
   * judges it whole (inside the VPC, clear of the subnets before it), beside the checks below.
   */
  contribute(builder: TopologyBuilder): void {
    const c = this.config;
    if (Token.isUnresolved(c.cidr) || Token.isUnresolved(c.name) || Token.isUnresolved(c.gatewayIp)) return;
    const vpc = builder.vpcOfId(c.vpcId);
    if (vpc === undefined) return;
    const stackPath = TopologyValidation.of(this).stack.node.path;
    builder.subnet(this, {
      id: this.node.path.slice(stackPath.length + 1),
      vpc,
      cidr: c.cidr,
      name: c.name,
      gatewayIp: c.gatewayIp,
      ...(c.ipv6Enable === true ? { ipv6: true } : {}),
    });
  }

  addSynthProblem(problem: ConstructProblem): void {
    this.#synthProblems.push(problem);
  }

  resetSynthState(): void {
    this.#coreDiagnostics = [];
    this.#synthProblems = [];
  }

  addCoreDiagnostic(diagnostic: Diagnostic): void {
    this.#coreDiagnostics.push(diagnostic);
  }

  /** Its own VPC-free checks, then what only the stack's topology could judge (each problem once). */
  #validationErrors(): string[] {
    const own = subnetSynthErrors(this.config);
    const core = this.#coreDiagnostics.map(problemText).filter((text) => !own.includes(text));
    return [...own, ...core, ...this.#synthProblems.map(problemText)];
  }

  /** `ipv6_cidr` (computed): the IPv6 block Huawei assigned, a token until apply. */
  get ipv6Cidr(): string {
    return this.getStringAttribute("ipv6_cidr");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      region: c.region,
      name: c.name,
      cidr: c.cidr,
      gateway_ip: c.gatewayIp,
      vpc_id: c.vpcId,
      ipv6_enable: c.ipv6Enable,
      availability_zone: c.availabilityZone,
      description: c.description,
    };
  }
}

/** The core's VPC-free subnet rules on a config, skipping what is a token until apply. */
export function subnetSynthErrors(config: HuaweicloudVpcSubnetConfig): string[] {
  if (Token.isUnresolved(config.cidr)) return [];
  const known = (value: string) => !Token.isUnresolved(value);
  const candidate = subnetCandidate({
    // A name known only at apply is judged as any name.
    name: known(config.name) ? config.name : "subnet",
    cidr: config.cidr,
    ipv6: config.ipv6Enable === true,
    ...(known(config.gatewayIp) ? { gatewayIp: config.gatewayIp } : {}),
  });
  return subnetShapeProblems("huaweicloud", candidate).map((p) =>
    problemText({ code: SUBNET_INVALID, message: p.message, fix: p.fix }),
  );
}
