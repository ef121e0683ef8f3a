import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { vpc } from "../../support/fixtures.js";

function found(doc: TopologyInput): string[] {
  return validateDocument(doc).diagnostics.map((d) => `${d.code} ${d.resource}`);
}

const tencent = vpc("t", "10.0.0.0/16");
const baidu = vpc("b", "10.0.0.0/16", "bj", { cloud: "baiducloud" });

describe("subnets in the topology document (rule SUBNET_INVALID)", () => {
  it("accepts subnets inside their VPC and clear of each other, on every block of the VPC", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("t", ["10.0.0.0/16", "172.16.0.0/20"])],
      subnets: [
        { id: "a", vpc: "t", cidr: "10.0.1.0/24" },
        { id: "b", vpc: "t", cidr: "10.0.2.0/24", gatewayIp: "10.0.2.254" },
        { id: "c", vpc: "t", cidr: "172.16.0.0/28" },
      ],
    };
    expect(found(doc)).toEqual([]);
  });

  it("judges in document order: of two overlapping subnets the later is refused, and a refused one is no sibling", () => {
    const doc: TopologyInput = {
      vpcs: [tencent],
      subnets: [
        { id: "first", vpc: "t", cidr: "10.0.0.0/24" },
        { id: "second", vpc: "t", cidr: "10.0.0.0/23" }, // overlaps first: refused
        { id: "third", vpc: "t", cidr: "10.0.1.0/24" }, // overlaps only the refused second: accepted
      ],
    };
    expect(found(doc)).toEqual(["SUBNET_INVALID subnets[second]"]);
    const [d] = validateDocument(doc).diagnostics;
    expect(d?.message).toContain('overlaps subnet "first" (10.0.0.0/24)');
    expect(d?.ref).toEqual({ kind: "subnets", key: "second" });
    // It points at its block, and names the subnet it overlaps as a related place.
    expect(d?.field).toEqual(["cidr"]);
    expect(d?.related).toEqual([{ kind: "subnets", key: "first" }]);
  });

  it("reports every problem of one subnet, each with its own fix", () => {
    const doc: TopologyInput = {
      vpcs: [tencent],
      subnets: [{ id: "bad", vpc: "t", cidr: "10.9.0.0/29", ipv6: true, gatewayIp: "10.9.0.0" }],
    };
    const diagnostics = validateDocument(doc).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(Array(4).fill("SUBNET_INVALID"));
    const text = diagnostics.map((d) => d.message).join("\n");
    expect(text).toContain("at most /28"); // Tencent's longest mask
    expect(text).toContain("IPv6 at creation");
    expect(text).toContain("network address");
    expect(text).toContain("inside none of");
  });

  it("follows the rulebook per cloud: Baidu documents neither disjoint subnets nor a longest mask", () => {
    const doc: TopologyInput = {
      vpcs: [baidu],
      subnets: [
        { id: "x", vpc: "b", cidr: "10.0.0.0/24" },
        { id: "y", vpc: "b", cidr: "10.0.0.0/29", ipv6: true },
      ],
    };
    expect(found(doc)).toEqual([]);
  });

  it("refuses a block that is no canonical IPv4 CIDR with the code every layer gives", () => {
    const doc: TopologyInput = {
      vpcs: [tencent],
      subnets: [
        { id: "host-bits", vpc: "t", cidr: "10.0.1.1/24" },
        { id: "v6", vpc: "t", cidr: "2001:db8::/64" },
      ],
    };
    expect(found(doc).sort()).toEqual(["SUBNET_INVALID subnets[host-bits]", "SUBNET_INVALID subnets[v6]"]);
  });

  it("reports an unknown VPC and a repeated id once each, and judges nothing it cannot resolve", () => {
    const doc: TopologyInput = {
      vpcs: [tencent],
      subnets: [
        { id: "a", vpc: "nowhere", cidr: "10.0.1.0/24" },
        { id: "b", vpc: "t", cidr: "10.0.2.0/24" },
        { id: "b", vpc: "t", cidr: "10.0.2.0/24" },
      ],
    };
    expect(found(doc).sort()).toEqual(["INVALID_DOCUMENT subnets[2]", "UNKNOWN_REFERENCE subnets[a]"]);
  });

  it("does not cascade from a VPC block that did not parse, and skips a VPC it cannot read", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("t", ["10.0.0.0/16", "10.1.0.1/16"]), vpc("far", [], "ap-beijing", { visible: false })],
      subnets: [
        { id: "in-bad-block", vpc: "t", cidr: "10.1.0.0/24" },
        { id: "far-side", vpc: "far", cidr: "10.0.0.0/29" },
      ],
    };
    expect(found(doc)).toEqual(["INVALID_CIDR vpcs[t]"]);
  });

  it("refuses a misspelt key, as everywhere in the document", () => {
    const doc = { vpcs: [tencent], subnets: [{ id: "a", vpc: "t", cidr: "10.0.1.0/24", ipv6Enable: true }] };
    expect(found(doc)).toEqual(["INVALID_DOCUMENT subnets[0]"]);
  });
});
