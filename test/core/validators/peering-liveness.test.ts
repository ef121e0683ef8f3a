/**
 * `peerlink validate` on a discovered document: a peering the cloud no longer counts (REJECTED, DELETED;
 * core/peering-liveness.ts) takes no pair, no quota and no CIDR rule, while an EXPIRED request (re-enablable,
 * seed 000) and every live state still do. Each case runs with the dead status and with a live one, so the rule
 * is shown to fire on the same document.
 */
import { describe, expect, it } from "vitest";
import type { ObservedPeeringStatus } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";

const GZ = "ap-guangzhou";
const vpc = (id: string, cidr: string, region = GZ) => ({
  id,
  cloud: "tencentcloud",
  region,
  account: "1",
  cidrs: [cidr],
});

function codes(document: unknown, code: string): string[] {
  const result = validateDocument(document);
  return result.diagnostics.filter((d) => d.code === code).map((d) => d.resource);
}

const DEAD: ObservedPeeringStatus[] = ["REJECTED", "DELETED"];
const COUNTING: ObservedPeeringStatus[] = ["PENDING", "ACTIVE", "EXPIRED", "CREATING", "ACCEPTING"];

describe("dead-end peerings in a discovered document", () => {
  const replaced = (status: ObservedPeeringStatus) => ({
    vpcs: [vpc("vpc-a", "10.0.0.0/16"), vpc("vpc-b", "10.1.0.0/16")],
    peerings: [
      { id: "old", vpc: "vpc-a", peerVpc: "vpc-b", status },
      { id: "new", vpc: "vpc-b", peerVpc: "vpc-a", status: "ACTIVE" },
    ],
    routes: [
      { vpc: "vpc-a", destination: "10.1.0.0/16", peering: "new" },
      { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "new" },
    ],
  });

  it.each(DEAD)("a %s request beside its replacement is no duplicate", (status) => {
    expect(codes(replaced(status), "DUPLICATE_PEERING")).toEqual([]);
  });
  it.each(COUNTING)("a %s request beside a second peering is a duplicate", (status) => {
    expect(codes(replaced(status), "DUPLICATE_PEERING")).toEqual(["peerings[new]"]);
  });
  it("two live peerings after a dead one: the second live one is the duplicate", () => {
    const document = replaced("REJECTED");
    document.peerings.push({ id: "third", vpc: "vpc-a", peerVpc: "vpc-b", status: "PENDING" });
    expect(codes(document, "DUPLICATE_PEERING")).toEqual(["peerings[third]"]);
  });

  // Tencent allows 10 peerings per VPC (seed 000 "每个私有网络支持的对等连接数 10").
  const crowded = (deadOnes: number, status: ObservedPeeringStatus) => ({
    vpcs: [
      vpc("hub", "10.0.0.0/16"),
      ...Array.from({ length: 11 }, (_, i) => vpc(`s${i}`, `10.${i + 1}.0.0/16`)),
    ],
    peerings: Array.from({ length: 11 }, (_, i) => ({
      id: `p${i}`,
      vpc: "hub",
      peerVpc: `s${i}`,
      status: i < deadOnes ? status : "ACTIVE",
    })),
    routes: [],
  });

  it.each(DEAD)("11 peerings of which one is %s stay within the quota of 10", (status) => {
    expect(codes(crowded(1, status), "PEERING_LIMIT_EXCEEDED")).toEqual([]);
  });
  it.each(["EXPIRED", "PENDING"] as ObservedPeeringStatus[])(
    "11 peerings of which one is %s exceed it",
    (status) => {
      expect(codes(crowded(1, status), "PEERING_LIMIT_EXCEEDED")).toEqual(["vpcs[hub]"]);
    },
  );
  it("the limit's message counts only the peerings that count", () => {
    const document = crowded(0, "ACTIVE");
    document.vpcs.push(vpc("s11", "10.12.0.0/16"));
    document.peerings.push({ id: "p11", vpc: "hub", peerVpc: "s11", status: "REJECTED" });
    const limit = validateDocument(document).diagnostics.find((d) => d.code === "PEERING_LIMIT_EXCEEDED");
    expect(limit?.message).toContain("has 11 peerings");
    expect(limit?.message).not.toContain("p11");
  });

  const overlapping = (status: ObservedPeeringStatus) => ({
    vpcs: [vpc("vpc-a", "10.0.0.0/16"), vpc("vpc-c", "10.0.128.0/17")],
    peerings: [{ id: "a-c", vpc: "vpc-a", peerVpc: "vpc-c", status }],
    routes: [],
  });

  it.each(DEAD)("a %s peering between overlapping VPCs is no CIDR overlap", (status) => {
    expect(codes(overlapping(status), "CIDR_OVERLAP")).toEqual([]);
  });
  it.each(COUNTING)("a %s peering between overlapping VPCs is one", (status) => {
    expect(codes(overlapping(status), "CIDR_OVERLAP")).toEqual(["peerings[a-c]"]);
  });

  // Cross-region peers of one VPC must not overlap each other (seed 000 功能限制).
  const peersOverlap = (status: ObservedPeeringStatus) => ({
    vpcs: [
      vpc("hub", "10.0.0.0/16"),
      vpc("x", "10.1.0.0/16", "ap-beijing"),
      vpc("y", "10.1.0.0/16", "ap-shanghai"),
    ],
    peerings: [
      { id: "hub-x", vpc: "hub", peerVpc: "x", status: "ACTIVE", bandwidthMbps: 10 },
      { id: "hub-y", vpc: "hub", peerVpc: "y", status, bandwidthMbps: 10 },
    ],
    routes: [],
  });

  it.each(DEAD)("a %s cross-region peer does not conflict with a live one", (status) => {
    expect(codes(peersOverlap(status), "PEER_CIDR_CONFLICT")).toEqual([]);
  });
  it("a live cross-region peer does", () => {
    expect(codes(peersOverlap("ACTIVE"), "PEER_CIDR_CONFLICT").length).toBeGreaterThan(0);
  });
});
