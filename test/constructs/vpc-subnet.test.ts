/** HuaweicloudVpcSubnet at synth: the core's VPC-free subnet rules (subnetShapeProblems), tokens left to apply. */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { Peering } from "../../constructs/peering.js";
import { HuaweicloudProvider } from "../../constructs/providers/huaweicloud/provider.js";
import {
  HuaweicloudVpcSubnet,
  type HuaweicloudVpcSubnetConfig,
} from "../../constructs/providers/huaweicloud/vpc-subnet.js";
import type { VpcSite } from "../../constructs/vpc-site.js";
import { synthStack } from "../support/cdktf-stack.js";

const synthSubnet = (
  config: Partial<HuaweicloudVpcSubnetConfig>,
  tokens: "cidr" | "gateway" | "none" = "none",
) =>
  synthStack((stack) => {
    new HuaweicloudProvider(stack, "huaweicloud", { region: "cn-north-4" });
    const variable = new TerraformVariable(stack, "block", { type: "string" });
    new HuaweicloudVpcSubnet(stack, "app", {
      name: "app",
      vpcId: "vpc-1",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.1",
      ...config,
      ...(tokens === "cidr" ? { cidr: variable.stringValue } : {}),
      ...(tokens === "gateway" ? { gatewayIp: variable.stringValue } : {}),
    });
  });

describe("HuaweicloudVpcSubnet synth validation", () => {
  it("a valid dual-stack subnet synthesizes", () => {
    const result = synthSubnet({ ipv6Enable: true });
    expect(result.errors).toEqual([]);
    expect(result.synth).toContain('"ipv6_enable": true');
  });

  it("refuses a gateway outside the block and a /29, each with SUBNET_INVALID, the value and a fix", () => {
    const result = synthSubnet({ cidr: "10.0.1.0/29", gatewayIp: "10.0.2.1" });
    expect(result.synth).toBeUndefined();
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
    for (const line of result.errors) expect(line).toMatch(/^\[stack\/app\] SUBNET_INVALID .+ Fix: /);
    expect(result.errors.join("\n")).toContain("10.0.1.0/29");
    expect(result.errors.join("\n")).toContain("10.0.2.1");
  });

  it("refuses a block written with leading zeros, naming the canonical form", () => {
    const result = synthSubnet({ cidr: "10.0.01.0/24", gatewayIp: "10.0.1.1" });
    expect(result.errors.join("\n")).toContain("SUBNET_INVALID");
  });

  it("leaves a block or gateway known only at apply to the cloud", () => {
    expect(synthSubnet({}, "cidr").errors).toEqual([]);
    expect(synthSubnet({ cidr: "10.0.1.0/24" }, "gateway").errors).toEqual([]);
  });
});

/** Two Huawei VPCs a Peering uses (so the stack's topology describes them), and subnets in the first one. */
const synthInSite = (
  subnets: readonly { id: string; cidr: string }[],
  vpcIdOf: "value" | "token" = "value",
) =>
  synthStack((stack) => {
    new HuaweicloudProvider(stack, "huaweicloud", { region: "cn-north-4" });
    const token = new TerraformVariable(stack, "vpc", { type: "string" }).stringValue;
    const site = (vpcId: string, cidr: string): VpcSite => ({
      vpcId,
      cloud: "huaweicloud",
      region: "cn-north-4",
      account: "p1",
      cidrs: [cidr],
      mainRouteTableId: `rtb-${vpcId}`,
    });
    const a = site(vpcIdOf === "token" ? token : "vpc-a", "10.0.0.0/16");
    new Peering(stack, "a-b", {
      cloud: "huaweicloud",
      vpc: a,
      peerVpc: site("vpc-b", "10.1.0.0/16"),
      name: "a-b",
    });
    for (const { id, cidr } of subnets)
      new HuaweicloudVpcSubnet(stack, id, {
        name: id,
        vpcId: a.vpcId,
        cidr,
        gatewayIp: cidr.replace(/0\/\d+$/, "1"),
      });
  });

describe("HuaweicloudVpcSubnet in the stack's topology (its VPC described by a VpcSite)", () => {
  it("refuses a block outside its VPC and one overlapping an earlier subnet, on the subnet concerned", () => {
    const result = synthInSite([
      { id: "web", cidr: "10.0.1.0/24" },
      { id: "db", cidr: "10.0.1.0/25" },
      { id: "far", cidr: "10.9.0.0/24" },
      { id: "ok", cidr: "10.0.2.0/24" },
    ]);
    expect(result.errors.map((l) => l.split(" ").slice(0, 2).join(" ")).sort()).toEqual([
      "[stack/db] SUBNET_INVALID",
      "[stack/far] SUBNET_INVALID",
    ]);
    expect(result.errors.join("\n")).toContain('overlaps subnet "web"');
    expect(result.errors.join("\n")).toContain("inside none of");
  });

  it("finds the VPC when its id is a token the site and the subnet share", () => {
    const result = synthInSite(
      [
        { id: "web", cidr: "10.0.1.0/24" },
        { id: "db", cidr: "10.0.1.0/25" },
      ],
      "token",
    );
    expect(result.errors.map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "[stack/db] SUBNET_INVALID",
    ]);
  });

  it("reports a problem the subnet's own check also sees once, and passes disjoint subnets inside the VPC", () => {
    const tiny = synthInSite([{ id: "tiny", cidr: "10.0.3.0/29" }]);
    expect(tiny.errors).toHaveLength(1);
    expect(tiny.errors[0]).toContain("/28");
    const clean = synthInSite([
      { id: "web", cidr: "10.0.1.0/24" },
      { id: "db", cidr: "10.0.2.0/24" },
    ]);
    expect(clean.errors).toEqual([]);
    expect(clean.synth).toContain("huaweicloud_vpc_subnet");
  });
});
