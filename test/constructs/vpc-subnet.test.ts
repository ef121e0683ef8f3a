/** HuaweicloudVpcSubnet at synth: the core's VPC-free subnet rules (subnetShapeProblems), tokens left to apply. */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { HuaweicloudProvider } from "../../constructs/providers/huaweicloud/provider.js";
import {
  HuaweicloudVpcSubnet,
  type HuaweicloudVpcSubnetConfig,
} from "../../constructs/providers/huaweicloud/vpc-subnet.js";
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
