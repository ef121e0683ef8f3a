/**
 * The core's subnet rules as pure functions: each problem names the rule it breaks (a cloud answers each with its
 * own code, e.g. Huawei's VPC.0203 for withinVpc), a gateway of the caller's choosing must be an IPv4 address of
 * the block, and one refusal reports every problem.
 */
import { describe, expect, it } from "vitest";
import {
  defaultGateway,
  defaultGatewayOf,
  subnetProblems,
  subnetRefusal,
  subnetShapeProblems,
} from "../../provider/core/index.js";

const where = {
  cloud: "huaweicloud" as const,
  vpcId: "vpc-1",
  vpcCidrs: ["10.0.0.0/16"],
  siblings: [{ id: "sub-1", cidr: "10.0.1.0/24" }],
};

describe("subnet rules", () => {
  it("names the rule each problem breaks", () => {
    const rules = (cidr: string, extra: { name?: string; gatewayIp?: string } = {}) =>
      subnetProblems(where, { name: "s", cidr, ipv6: false, ...extra }).map((p) => p.rule);
    expect(rules("10.9.0.0/24")).toEqual(["withinVpc"]);
    expect(rules("10.0.2.0/29")).toEqual(["ipv4MaxPrefix"]);
    expect(rules("10.0.2.1/24")).toEqual(["block"]);
    expect(rules("10.0.2.0/24", { name: " " })).toEqual(["name"]);
    expect(rules("10.0.2.0/24", { gatewayIp: "10.0.3.1" })).toEqual(["gateway"]);
    expect(rules("10.0.2.0/24")).toEqual([]);
  });

  it("takes a gateway inside the block, and refuses one outside it, its network address, or no IPv4 address", () => {
    const problems = (gatewayIp: string) =>
      subnetShapeProblems("huaweicloud", { name: "s", cidr: "10.0.1.0/24", ipv6: false, gatewayIp });
    expect(problems("10.0.1.1")).toEqual([]);
    expect(problems("10.0.1.254")).toEqual([]);
    for (const bad of ["10.0.2.1", "10.0.1.0", "2001:db8::1", "gateway"]) {
      const [problem, ...rest] = problems(bad);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ field: "gatewayIp", rule: "gateway", value: bad });
      expect(problem?.message).toContain(bad);
      expect(problem?.fix).toContain(defaultGateway("10.0.1.0/24"));
    }
  });

  it("gives a block's first host as its default gateway, and none for what is no IPv4 block", () => {
    expect(defaultGateway("10.0.1.0/24")).toBe("10.0.1.1");
    expect(defaultGatewayOf("10.0.1.0/24")).toBe("10.0.1.1");
    expect(defaultGatewayOf("2001:db8::/64")).toBeUndefined();
    expect(defaultGatewayOf("not-a-block")).toBeUndefined();
    expect(() => defaultGateway("not-a-block")).toThrow(/no IPv4 block/);
  });

  it("puts every problem in one refusal, with the first one's value and fix", () => {
    const problems = subnetShapeProblems("huaweicloud", {
      name: "",
      cidr: "10.0.1.0/29",
      ipv6: false,
      gatewayIp: "10.0.9.1",
    });
    expect(problems.map((p) => p.rule)).toEqual(["name", "ipv4MaxPrefix", "gateway"]);
    const refusal = subnetRefusal(problems);
    expect(refusal.message).toMatch(/^3 problems: \(1\) .* \(2\) .* \(3\) /);
    expect(refusal).toMatchObject({ value: "", fix: problems[0]?.fix });
    expect(subnetRefusal(problems.slice(1, 2)).message).toBe(problems[1]?.message);
  });
});
