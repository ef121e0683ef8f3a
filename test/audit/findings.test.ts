/** The audit's pure findings on discovered documents, one planted problem each (core/audit). */
import { describe, expect, it } from "vitest";
import { auditTopology, driftBetween } from "../../provider/core/audit/index.js";
import { type TopologyInput, topologySchema } from "../../provider/core/topology-schema.js";
import { validateDocument } from "../../provider/core/validate.js";

const NOW = new Date("2026-12-03T12:00:00Z");

function clean(): TopologyInput {
  return {
    vpcs: [
      {
        id: "vpc-a",
        cloud: "tencentcloud",
        region: "ap-guangzhou",
        account: "1",
        cidrs: ["10.0.0.0/16"],
        name: "a",
      },
      {
        id: "vpc-b",
        cloud: "tencentcloud",
        region: "ap-guangzhou",
        account: "1",
        cidrs: ["10.1.0.0/16"],
        name: "b",
      },
    ],
    peerings: [{ id: "pcx-ab", name: "ab", vpc: "vpc-a", peerVpc: "vpc-b", status: "ACTIVE" }],
    routes: [
      { vpc: "vpc-a", destination: "10.1.0.0/16", peering: "pcx-ab" },
      { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "pcx-ab" },
    ],
  };
}

const audit = (doc: TopologyInput) =>
  auditTopology(topologySchema.parse(doc), { now: NOW }).map((d) => `${d.code} ${d.resource}`);

describe("auditTopology", () => {
  it("finds nothing on a clean estate", () => {
    expect(audit(clean())).toEqual([]);
  });

  it.each([
    [
      "a route through a PENDING peering",
      (d: TopologyInput) => {
        d.peerings![0] = { ...d.peerings![0]!, status: "PENDING", createdAt: "2026-12-01T12:00:00Z" };
      },
      [
        "ROUTE_PEERING_NOT_ACTIVE routes[0]",
        "ROUTE_PEERING_NOT_ACTIVE routes[1]",
        "PEERING_PENDING peerings[pcx-ab]",
      ],
    ],
    [
      "a route through a peering that is not listed",
      (d: TopologyInput) => {
        d.routes!.push({ vpc: "vpc-a", destination: "10.9.0.0/16", peering: "pcx-gone" });
      },
      ["ROUTE_PEERING_NOT_ACTIVE routes[2]"],
    ],
    [
      "a route on one side only",
      (d: TopologyInput) => {
        d.routes!.pop();
      },
      ["MISSING_RETURN_ROUTE routes[0]"],
    ],
    [
      "a peering with no route",
      (d: TopologyInput) => {
        d.routes = [];
      },
      ["PEERING_UNUSED peerings[pcx-ab]"],
    ],
    [
      "an EXPIRED leftover",
      (d: TopologyInput) => {
        d.routes = [];
        d.peerings![0] = { ...d.peerings![0]!, status: "EXPIRED" };
      },
      ["PEERING_LEFTOVER peerings[pcx-ab]"],
    ],
    [
      "a REJECTED leftover beside the peering that replaced it",
      (d: TopologyInput) => {
        d.peerings!.push({ id: "pcx-old", vpc: "vpc-b", peerVpc: "vpc-a", status: "REJECTED" });
      },
      ["PEERING_LEFTOVER peerings[pcx-old]"],
    ],
    [
      "an overlap that a later secondary CIDR created",
      (d: TopologyInput) => {
        d.vpcs![0] = { ...d.vpcs![0]!, cidrs: ["10.0.0.0/16", "10.1.128.0/20"] };
      },
      // The new block also lies under a's own route to b: the same secondary makes that route conflict.
      ["CIDR_OVERLAP peerings[pcx-ab]", "ROUTE_CONFLICT routes[0]"],
    ],
    [
      "a peer side not visible",
      (d: TopologyInput) => {
        d.vpcs![1] = {
          id: "vpc-b",
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "2",
          cidrs: [],
          visible: false,
        };
        d.routes!.pop();
      },
      ["PEER_NOT_VISIBLE peerings[pcx-ab]"],
    ],
  ])("%s", (_name, plant, expected) => {
    const doc = clean();
    plant(doc);
    expect(audit(doc).sort()).toEqual([...expected].sort());
  });

  it("counts the days a pending request has left from the rulebook's expiry (Tencent 7 days, seed 000)", () => {
    const doc = clean();
    doc.routes = [];
    doc.peerings![0] = { ...doc.peerings![0]!, status: "PENDING", createdAt: "2026-12-01T12:00:00Z" };
    const [found] = auditTopology(topologySchema.parse(doc), { now: NOW });
    expect(found!.message).toContain("5.0 days left before it expires (2026-12-08T12:00:00.000Z)");
  });

  it("says Huawei documents no expiry instead of inventing one", () => {
    const doc = clean();
    doc.routes = [];
    for (const v of doc.vpcs!) v.cloud = "huaweicloud";
    doc.peerings![0] = { ...doc.peerings![0]!, status: "PENDING", createdAt: "2026-12-01T12:00:00Z" };
    const [found] = auditTopology(topologySchema.parse(doc), { now: NOW });
    expect(found!.message).toContain("huaweicloud documents no expiry");
  });
});

describe("the discovered document", () => {
  it("is a topology document validate takes, invisible peers and live states included", () => {
    const doc = clean();
    doc.vpcs!.push({
      id: "vpc-far",
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      account: "2",
      cidrs: [],
      visible: false,
    });
    doc.peerings!.push({ id: "pcx-far", vpc: "vpc-a", peerVpc: "vpc-far", status: "PENDING" });
    doc.routes!.push({ vpc: "vpc-a", destination: "10.7.0.0/16", peering: "pcx-far" });
    const result = validateDocument(doc);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("still needs CIDRs on a visible VPC", () => {
    const doc = clean();
    doc.vpcs![0]!.cidrs = [];
    expect(validateDocument(doc).diagnostics.map((d) => `${d.code} ${d.resource}`)).toEqual([
      "INVALID_DOCUMENT vpcs[0].cidrs",
    ]);
  });
});

describe("driftBetween", () => {
  const declared = (): TopologyInput => ({
    vpcs: [
      { id: "a", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.0.0.0/16"] },
      { id: "b", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.1.0.0/16"] },
    ],
    peerings: [{ id: "ab", vpc: "a", peerVpc: "b" }],
    routes: [
      { vpc: "a", destination: "10.1.0.0/16", peering: "ab" },
      { vpc: "b", destination: "10.0.0.0/16", peering: "ab" },
    ],
  });
  const drift = (d: TopologyInput, l: TopologyInput) =>
    driftBetween(topologySchema.parse(d), topologySchema.parse(l)).map((x) => `${x.code} ${x.resource}`);

  it("matches declared names to live ids: no drift", () => {
    expect(drift(declared(), clean())).toEqual([]);
  });

  it.each([
    [
      "a missing route",
      (_d: TopologyInput, l: TopologyInput) => void l.routes!.pop(),
      ["DRIFT_MISSING routes[1]"],
    ],
    [
      "an extra route",
      (_d: TopologyInput, l: TopologyInput) =>
        void l.routes!.push({ vpc: "vpc-a", destination: "10.1.1.0/24", peering: "pcx-ab" }),
      ["DRIFT_EXTRA routes[2]"],
    ],
    [
      "a changed CIDR list",
      (_d: TopologyInput, l: TopologyInput) => {
        l.vpcs![0]!.cidrs = ["10.0.0.0/16", "10.5.0.0/16"];
      },
      ["DRIFT_CHANGED vpcs[a].cidrs"],
    ],
    [
      "a peering PENDING instead of ACTIVE",
      (_d: TopologyInput, l: TopologyInput) => {
        l.peerings![0]!.status = "PENDING";
      },
      ["DRIFT_CHANGED peerings[ab].status"],
    ],
    [
      "a missing VPC and its peering",
      (d: TopologyInput) =>
        void d.vpcs!.push({
          id: "c",
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "1",
          cidrs: ["10.2.0.0/16"],
        }),
      ["DRIFT_MISSING vpcs[c]"],
    ],
    [
      "an extra VPC",
      (_d: TopologyInput, l: TopologyInput) =>
        void l.vpcs!.push({
          id: "vpc-z",
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "1",
          cidrs: ["10.9.0.0/16"],
        }),
      ["DRIFT_EXTRA vpcs[vpc-z]"],
    ],
  ])("catches %s", (_name, plant, expected) => {
    const d = declared();
    const l = clean();
    plant(d, l);
    expect(drift(d, l).sort()).toEqual([...expected].sort());
  });
});

describe("driftBetween, subnets", () => {
  const declared = (subnets?: TopologyInput["subnets"]): TopologyInput => ({
    vpcs: [
      { id: "a", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.0.0.0/16"] },
      { id: "b", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.1.0.0/16"] },
    ],
    ...(subnets ? { subnets } : {}),
    peerings: [{ id: "ab", vpc: "a", peerVpc: "b" }],
    routes: [
      { vpc: "a", destination: "10.1.0.0/16", peering: "ab" },
      { vpc: "b", destination: "10.0.0.0/16", peering: "ab" },
    ],
  });
  /** The clean estate with two subnets in vpc-a (web by the block's first host, db on a gateway of its own). */
  const live = (): TopologyInput => ({
    ...clean(),
    subnets: [
      { id: "subnet-web", vpc: "vpc-a", cidr: "10.0.1.0/24", name: "web" },
      { id: "subnet-db", vpc: "vpc-a", cidr: "10.0.2.0/24", name: "db", gatewayIp: "10.0.2.254" },
    ],
  });
  const drift = (d: TopologyInput, l: TopologyInput) =>
    driftBetween(topologySchema.parse(d), topologySchema.parse(l)).map((x) => `${x.code} ${x.resource}`);
  const web = { id: "web", vpc: "a", cidr: "10.0.1.0/24" };
  const db = { id: "db", vpc: "a", cidr: "10.0.2.0/24", gatewayIp: "10.0.2.254" };

  it("compares none when the declaration has no subnets list, or when none were read", () => {
    expect(drift(declared(), live())).toEqual([]);
    expect(drift(declared([web]), clean())).toEqual([]);
  });

  it("matches by VPC and block (the live ids are the cloud's), the default gateway included: no drift", () => {
    expect(drift(declared([web, db]), live())).toEqual([]);
    expect(drift(declared([{ ...web, gatewayIp: "10.0.1.1" }, db]), live())).toEqual([]);
  });

  it.each([
    [
      "an empty list: every live subnet of a declared VPC is extra",
      [],
      ["DRIFT_EXTRA subnets[subnet-web]", "DRIFT_EXTRA subnets[subnet-db]"],
    ],
    [
      "a missing subnet",
      [web, db, { id: "cache", vpc: "a", cidr: "10.0.3.0/24" }],
      ["DRIFT_MISSING subnets[cache]"],
    ],
    [
      "another name on the same block",
      [{ ...web, name: "frontend" }, db],
      ["DRIFT_CHANGED subnets[web].name"],
    ],
    [
      "another block under the same name",
      [{ ...web, cidr: "10.0.4.0/24" }, db],
      ["DRIFT_CHANGED subnets[web].cidr"],
    ],
    ["IPv6 asked for and not there", [{ ...web, ipv6: true }, db], ["DRIFT_CHANGED subnets[web].ipv6"]],
    ["another gateway", [web, { ...db, gatewayIp: "10.0.2.1" }], ["DRIFT_CHANGED subnets[db].gatewayIp"]],
    [
      "a subnet of a VPC that is missing",
      [web, db, { id: "x", vpc: "c", cidr: "10.2.1.0/24" }],
      ["DRIFT_MISSING subnets[x]", "DRIFT_MISSING vpcs[c]"],
    ],
  ])("catches %s", (_name, subnets, expected) => {
    const d = declared(subnets);
    if (subnets.some((s) => s.vpc === "c"))
      d.vpcs!.push({
        id: "c",
        cloud: "tencentcloud",
        region: "ap-guangzhou",
        account: "1",
        cidrs: ["10.2.0.0/16"],
      });
    expect(drift(d, live()).sort()).toEqual([...expected].sort());
  });

  it("names the subnet, the field and both values", () => {
    const [found] = driftBetween(
      topologySchema.parse(declared([{ ...web, name: "frontend" }, db])),
      topologySchema.parse(live()),
    );
    expect(found).toMatchObject({
      code: "DRIFT_CHANGED",
      message: 'Subnet "web" (live subnet-web): name is declared "frontend" but is "web" on the cloud.',
    });
  });

  it("leaves the subnets of an undeclared VPC to that VPC's own DRIFT_EXTRA", () => {
    const l = live();
    l.vpcs!.push({
      id: "vpc-z",
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      account: "1",
      cidrs: ["10.9.0.0/16"],
    });
    l.subnets!.push({ id: "subnet-z", vpc: "vpc-z", cidr: "10.9.1.0/24" });
    expect(drift(declared([web, db]), l)).toEqual(["DRIFT_EXTRA vpcs[vpc-z]"]);
  });
});
