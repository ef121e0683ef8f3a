import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { vpc } from "../../support/fixtures.js";

function codes(doc: TopologyInput): string[] {
  return validateDocument(doc).diagnostics.map((d) => `${d.code} ${d.resource}`);
}

function messages(doc: TopologyInput, code: string): string[] {
  return validateDocument(doc)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => `${d.message} ${d.fix}`);
}

/** Routes both ways for peering `id` between VPCs a and b. */
function both(id: string, a: string, aCidr: string, b: string, bCidr: string) {
  return [
    { vpc: a, destination: bCidr, peering: id },
    { vpc: b, destination: aCidr, peering: id },
  ];
}

describe("CIDR_OVERLAP", () => {
  it("names both CIDRs and both VPCs (journey 1)", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("gz", "10.0.0.0/16"), vpc("bj", ["10.1.0.0/16", "10.0.64.0/18"], "ap-beijing")],
      peerings: [{ id: "p", vpc: "gz", peerVpc: "bj", bandwidthMbps: 100 }],
    };
    const [text] = messages(doc, "CIDR_OVERLAP");
    expect(text).toContain("10.0.0.0/16");
    expect(text).toContain("10.0.64.0/18");
    expect(text).toContain('"gz"');
    expect(text).toContain('"bj"');
  });

  it.each([
    ["10.0.0.0/16", "10.1.0.0/16", false],
    ["10.0.0.0/16", "10.0.255.0/24", true],
    ["10.0.0.0/8", "10.200.0.0/16", true],
    ["192.168.0.0/24", "192.168.1.0/24", false],
    ["2001:db8::/48", "2001:db8::/56", true],
  ])("%s vs %s overlap: %s", (a, b, overlap) => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", a), vpc("b", b)],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
    };
    expect(codes(doc).includes("CIDR_OVERLAP peerings[p]")).toBe(overlap);
  });
});

describe("INVALID_CIDR: the CIDRs of one VPC must be disjoint (Tencent CreateAssistantCidr: VpcCidrConflict)", () => {
  it("names both blocks, their positions and the VPC, and is found before anything is created", () => {
    const doc: TopologyInput = { vpcs: [vpc("gz", ["10.0.0.0/16", "172.16.0.0/16", "10.0.1.0/24"])] };
    expect(codes(doc)).toEqual(["INVALID_CIDR vpcs[gz]"]);
    const [text] = messages(doc, "INVALID_CIDR");
    expect(text).toContain('cidrs[2] "10.0.1.0/24" overlaps cidrs[0] "10.0.0.0/16"');
    expect(text).toContain("Remove 10.0.1.0/24");
  });

  it.each([
    [["10.0.0.0/16", "10.1.0.0/16"], false],
    [["10.1.0.0/17", "10.1.128.0/17"], false],
    [["10.0.0.0/16", "10.0.0.0/16"], true],
    [["10.0.0.0/8", "10.200.0.0/16"], true],
    [["2001:db8::/48", "10.0.0.0/16", "2001:db8:0:1::/64"], true],
  ])("%j overlap: %s", (cidrs, overlap) => {
    expect(codes({ vpcs: [vpc("a", cidrs)] }).includes("INVALID_CIDR vpcs[a]")).toBe(overlap);
  });

  it("counts positions in the document, past a block that does not parse", () => {
    const [, second] = messages(
      { vpcs: [vpc("a", ["10.0.0.0/16", "garbage", "10.0.4.0/22"])] },
      "INVALID_CIDR",
    );
    expect(second).toContain('cidrs[2] "10.0.4.0/22" overlaps cidrs[0] "10.0.0.0/16"');
  });
});

describe("PEER_CIDR_CONFLICT (seed 000: cross-region peers of one VPC must be disjoint)", () => {
  const hub = vpc("hub", "10.0.0.0/16");
  const peers = (regionB: string, regionC: string, cloud = "tencentcloud" as const) => ({
    vpcs: [
      { ...hub, cloud },
      { ...vpc("b", "172.16.0.0/16", regionB), cloud },
      { ...vpc("c", "172.16.0.0/24", regionC), cloud },
    ],
    peerings: [
      { id: "hb", vpc: "hub", peerVpc: "b", bandwidthMbps: 100 },
      { id: "hc", vpc: "c", peerVpc: "hub", bandwidthMbps: 100 },
    ],
  });

  it("is an error for two cross-region peers, whichever side initiated", () => {
    expect(codes(peers("ap-beijing", "ap-shanghai"))).toContain("PEER_CIDR_CONFLICT peerings[hc]");
  });

  it("is not raised when one of the two peerings is same-region", () => {
    expect(codes(peers("ap-beijing", "ap-guangzhou")).join()).not.toContain("PEER_CIDR_CONFLICT");
  });

  it("is not raised for two same-region peers", () => {
    expect(codes(peers("ap-guangzhou", "ap-guangzhou")).join()).not.toContain("PEER_CIDR_CONFLICT");
  });

  it("is a Tencent rule: Baidu peers are not constrained by it", () => {
    const doc = peers("gz", "su", "baiducloud" as never);
    expect(codes(doc).join()).not.toContain("PEER_CIDR_CONFLICT");
  });
});

describe("PEERING_LIMIT_EXCEEDED", () => {
  const hubWith = (n: number): TopologyInput => ({
    vpcs: [
      vpc("hub", "10.100.0.0/16"),
      ...Array.from({ length: n }, (_, i) => vpc(`s${i}`, `10.${i}.0.0/16`)),
    ],
    // Half initiated by the hub, half by the spokes: both count.
    peerings: Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? { id: `p${i}`, vpc: "hub", peerVpc: `s${i}` }
        : { id: `p${i}`, vpc: `s${i}`, peerVpc: "hub" },
    ),
  });
  it.each([
    [10, false],
    [11, true],
  ])("%i peerings on one VPC: error %s", (n, error) => {
    expect(codes(hubWith(n)).includes("PEERING_LIMIT_EXCEEDED vpcs[hub]")).toBe(error);
  });
});

describe("bandwidth", () => {
  const pair = (
    bandwidthMbps: number | undefined,
    regionB = "ap-beijing",
    cloud = "tencentcloud",
  ): TopologyInput => ({
    vpcs: [
      { ...vpc("a", "10.0.0.0/16"), cloud: cloud as never },
      { ...vpc("b", "10.1.0.0/16", regionB), cloud: cloud as never },
    ],
    peerings: [
      { id: "p", vpc: "a", peerVpc: "b", ...(bandwidthMbps === undefined ? {} : { bandwidthMbps }) },
    ],
    routes: both("p", "a", "10.0.0.0/16", "b", "10.1.0.0/16"),
  });

  it.each([10, 20, 50, 100, 200, 500, 1000])("Tencent cross-region tier %i Mbps is accepted", (bw) => {
    expect(codes(pair(bw))).toEqual([]);
  });

  it.each([
    [undefined, "has no bandwidthMbps"],
    [0, "Use 10"],
    [150, "Use 200"],
    [2000, "Use 1000"],
    [-5, "Use 10"],
  ])("Tencent cross-region %s Mbps is INVALID_BANDWIDTH (%s)", (bw, hint) => {
    expect(messages(pair(bw), "INVALID_BANDWIDTH").join()).toContain(hint);
  });

  it("Tencent same-region bandwidth is a warning, not an error", () => {
    const result = validateDocument(pair(100, "ap-guangzhou"));
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BANDWIDTH_NOT_SETTABLE"]);
  });

  it.each([
    [undefined, true],
    [0, true],
    [1.5, true],
    [1, false],
    [3000, false],
  ])("Baidu bandwidth %s: INVALID_BANDWIDTH %s", (bw, error) => {
    expect(codes(pair(bw, "su", "baiducloud")).includes("INVALID_BANDWIDTH peerings[p]")).toBe(error);
  });
});

describe("INVALID_NAME", () => {
  const named = (name: string, cloud: "tencentcloud" | "huaweicloud"): TopologyInput => ({
    vpcs: [
      { ...vpc("a", "10.0.0.0/16"), cloud },
      { ...vpc("b", "10.1.0.0/16"), cloud },
    ],
    peerings: [{ id: "p", vpc: "a", peerVpc: "b", name }],
    routes: both("p", "a", "10.0.0.0/16", "b", "10.1.0.0/16"),
  });
  it.each([
    ["x".repeat(60), "tencentcloud", false],
    ["x".repeat(61), "tencentcloud", true],
    ["对".repeat(60), "tencentcloud", false],
    ["x".repeat(64), "huaweicloud", false],
    ["x".repeat(65), "huaweicloud", true],
    ["", "huaweicloud", true],
  ] as const)("%j on %s: error %s", (name, cloud, error) => {
    expect(codes(named(name, cloud)).includes("INVALID_NAME peerings[p]")).toBe(error);
  });

  it("the name defaults to the id", () => {
    const doc = named("ok", "tencentcloud");
    doc.peerings![0] = { id: "y".repeat(61), vpc: "a", peerVpc: "b" };
    expect(codes(doc)).toContain(`INVALID_NAME peerings[${"y".repeat(61)}]`);
  });
});

describe("routes", () => {
  it("a destination covered by two adjacent secondary CIDRs of the peer is inside the peer", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", ["10.1.0.0/17", "10.1.128.0/17"])],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", destination: "10.1.0.0/16", peering: "p" },
        { vpc: "b", destination: "10.0.0.0/16", peering: "p" },
      ],
    };
    expect(codes(doc)).toEqual([]);
  });

  it("TRANSITIVE_ROUTE names the chain and, when a direct peering exists, points at it", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("v1", "10.1.0.0/16"), vpc("v2", "10.2.0.0/16"), vpc("v3", "10.3.0.0/16")],
      peerings: [
        { id: "p12", vpc: "v1", peerVpc: "v2" },
        { id: "p13", vpc: "v1", peerVpc: "v3" },
        { id: "p23", vpc: "v2", peerVpc: "v3" },
      ],
      routes: [
        ...both("p12", "v1", "10.1.0.0/16", "v2", "10.2.0.0/16"),
        ...both("p13", "v1", "10.1.0.0/16", "v3", "10.3.0.0/16"),
        { vpc: "v3", destination: "10.2.0.0/16", peering: "p23" },
        // VPC 2 routes to VPC 3 through its peering with VPC 1 (seed 000's picture).
        { vpc: "v2", destination: "10.3.0.0/16", peering: "p12" },
      ],
    };
    const [text] = messages(doc, "TRANSITIVE_ROUTE");
    expect(text).toContain('"v2" → (p12) → "v1" → (p13) → "v3"');
    expect(text).toContain('Point this route at peering "p23"');
  });

  it("routes in different route tables may share a destination", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", "10.0.0.0/16", "ap-guangzhou", { routeTables: ["rtb-1"] }), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", destination: "10.1.0.0/16", peering: "p" },
        { vpc: "a", routeTable: "rtb-1", destination: "10.1.0.0/16", peering: "p" },
        { vpc: "b", destination: "10.0.0.0/16", peering: "p" },
      ],
    };
    expect(codes(doc)).toEqual([]);
  });

  it("a duplicate route (same destination, same peering) in one table is a ROUTE_CONFLICT", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        ...both("p", "a", "10.0.0.0/16", "b", "10.1.0.0/16"),
        { vpc: "a", destination: "10.1.0.0/16", peering: "p" },
      ],
    };
    expect(messages(doc, "ROUTE_CONFLICT").join()).toContain("appears twice");
  });

  it("a return route to part of the source VPC counts as a return path", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", destination: "10.1.0.0/16", peering: "p" },
        { vpc: "b", destination: "10.0.3.0/24", peering: "p" },
      ],
    };
    expect(codes(doc)).toEqual([]);
  });

  it("MISSING_RETURN_ROUTE's fix gives a return route to each block of a VPC with several, one for one block", () => {
    const routes = [{ vpc: "a", destination: "10.1.0.0/16", peering: "p" }];
    const two: TopologyInput = {
      vpcs: [vpc("a", ["10.0.0.0/16", "10.5.0.0/16"]), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes,
    };
    expect(messages(two, "MISSING_RETURN_ROUTE")).toEqual([
      'Route in VPC "a" to 10.1.0.0/16 through peering "p" has no return route: VPC "b" has no route through "p" to 10.0.0.0/16, 10.5.0.0/16. Add a route for each block of "a" whose subnets send through "p": { vpc: b, destination: 10.0.0.0/16, peering: p }, { vpc: b, destination: 10.5.0.0/16, peering: p }.',
    ]);
    const one: TopologyInput = { ...two, vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16")] };
    expect(messages(one, "MISSING_RETURN_ROUTE").map((m) => m.split(". ")[1])).toEqual([
      "Add a route { vpc: b, destination: 10.0.0.0/16, peering: p }.",
    ]);
  });
});

describe("bandwidth policies", () => {
  const base = (cloudRegionB: string, policy: Record<string, unknown>): TopologyInput => ({
    vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16", cloudRegionB)],
    peerings: [
      { id: "p", vpc: "a", peerVpc: "b", ...(cloudRegionB === "ap-guangzhou" ? {} : { bandwidthMbps: 100 }) },
    ],
    routes: both("p", "a", "10.0.0.0/16", "b", "10.1.0.0/16"),
    bandwidthPolicies: [{ peering: "p", ip: "10.0.1.5", limitMbps: 20, ...policy }],
  });

  it.each([
    ["an IP of the requester VPC", "ap-beijing", {}, false],
    ["an IP of the accepter VPC with vpc set", "ap-beijing", { vpc: "b", ip: "10.1.0.9" }, false],
    ["an IP of the accepter VPC without vpc", "ap-beijing", { ip: "10.1.0.9" }, true],
    ["a limit above the peering bandwidth", "ap-beijing", { limitMbps: 101 }, true],
    ["a same-region peering (no flow control, seed 000)", "ap-guangzhou", {}, true],
  ])("%s: error %s", (_, region, policy, error) => {
    expect(codes(base(region, policy)).includes("BANDWIDTH_POLICY_INVALID bandwidthPolicies[0]")).toBe(error);
  });
});

describe("schema", () => {
  it("accepts numeric accounts from unquoted YAML and reports the JSON path of schema errors", () => {
    const ok = validateDocument({ vpcs: [{ ...vpc("a", "10.0.0.0/16"), account: 100001 }] });
    expect(ok.ok).toBe(true);
    const bad = validateDocument({ vpcs: [{ ...vpc("a", "10.0.0.0/16"), cidrs: [] }], routes: "nope" });
    expect(bad.diagnostics.map((d) => d.resource)).toEqual(["vpcs[0].cidrs", "routes"]);
  });

  it.each([null, 42, "text", [], { vpcs: null }])(
    "a non-topology %j is INVALID_DOCUMENT, never a crash",
    (input) => {
      const result = validateDocument(input);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.every((d) => d.code === "INVALID_DOCUMENT")).toBe(true);
    },
  );
});

describe("ordering", () => {
  it("errors come before warnings; routes sort by index numerically; output is deterministic", () => {
    const doc: TopologyInput = {
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: Array.from({ length: 12 }, (_, i) => ({
        vpc: "a",
        destination: `10.1.${i}.0/24`,
        peering: "p",
      })).concat([{ vpc: "a", destination: "192.168.0.0/16", peering: "p" }]),
    };
    const first = validateDocument(doc).diagnostics;
    expect(validateDocument(doc).diagnostics).toEqual(first);
    expect(first[0]?.code).toBe("ROUTE_DESTINATION_NOT_IN_PEER");
    const warnings = first.filter((d) => d.severity === "warning").map((d) => d.resource);
    expect(warnings.slice(0, 3)).toEqual(["routes[0]", "routes[1]", "routes[2]"]);
    expect(warnings[10]).toBe("routes[10]");
  });
});

describe("INVALID_CHARGE_TYPE for a same-region Baidu peering (seed 001: same-region takes postpaid only)", () => {
  const baidu = (region: string, peerRegion: string, chargeType: "Postpaid" | "Prepaid"): TopologyInput => ({
    vpcs: [
      vpc("a", "10.0.0.0/16", region, { cloud: "baiducloud" }),
      vpc("b", "10.1.0.0/16", peerRegion, { cloud: "baiducloud" }),
    ],
    peerings: [{ id: "p", vpc: "a", peerVpc: "b", bandwidthMbps: 10, chargeType }],
    routes: both("p", "a", "10.0.0.0/16", "b", "10.1.0.0/16"),
  });

  it("refuses Prepaid on a same-region peering, naming the region and the one charge type offered", () => {
    const [text] = messages(baidu("bj", "bj", "Prepaid"), "INVALID_CHARGE_TYPE");
    expect(text).toContain("same-region (bj)");
    expect(text).toContain("Use chargeType Postpaid");
  });

  it("takes Postpaid on a same-region peering and Prepaid across regions", () => {
    expect(messages(baidu("bj", "bj", "Postpaid"), "INVALID_CHARGE_TYPE")).toEqual([]);
    expect(messages(baidu("bj", "gz", "Prepaid"), "INVALID_CHARGE_TYPE")).toEqual([]);
  });
});
