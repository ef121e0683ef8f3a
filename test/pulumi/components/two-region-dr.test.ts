import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, type Registered, settle } from "./pulumi-mocks.js";

// The real provider objects import the runtime by package name, which vitest's module runner rewrites into a
// closure Pulumi cannot serialize; the engine path is tested elsewhere (test/pulumi/engine-path.test.ts).
vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { TwoRegionDr } = await import("../../../provider/pulumi/components/index.js");
const { Vpc } = await import("../../../provider/pulumi/vpc.js");

async function childrenOf(component: {
  urn: import("@pulumi/pulumi").Output<string>;
}): Promise<Registered[]> {
  const urn = await outputValue(component.urn);
  return registered.filter((r) => r.parent === urn);
}

const of = (children: Registered[], kind: string) => children.filter((r) => kindOf(r) === kind);

const guangzhou = {
  vpc: "vpc-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
  account: "100001",
  routeTableIds: ["rtb-gz-app"],
};
const beijing = {
  vpc: "vpc-bj",
  region: "ap-beijing",
  cidrs: ["10.1.0.0/16", "10.2.0.0/16"],
  account: "100001",
};

describe("TwoRegionDr, one account (journey 1)", async () => {
  const dr = new TwoRegionDr("payments-dr", {
    primary: guangzhou,
    standby: beijing,
    bandwidthMbps: 200,
    chargeType: "POSTPAID_BY_MONTH_95",
    serviceLevel: "gold",
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const children = await childrenOf(dr);

  it("registers as peerlink:index:TwoRegionDr with one peering, no acceptance and a route per table and CIDR", () => {
    expect(registered.find((r) => r.name === "payments-dr")?.type).toBe("peerlink:index:TwoRegionDr");
    expect(children.map((c) => c.type)).toSatisfy((types: string[]) =>
      types.every((t) => t.startsWith("pulumi-nodejs:dynamic/peerlink:")),
    );
    expect(of(children, "Peering")).toHaveLength(1);
    expect(of(children, "PeeringAcceptance")).toHaveLength(0);
    // primary: 2 tables x 2 standby CIDRs; standby: 1 table x 1 primary CIDR
    expect(of(children, "RouteRule")).toHaveLength(5);
    expect(of(children, "BandwidthPolicy")).toHaveLength(0);
  });

  it("gives the peering the VPC pair, the peer's region and CIDRs, bandwidth and billing, and no peerAccount", () => {
    const [peering] = of(children, "Peering");
    expect(peering?.name).toBe("payments-dr-peering");
    expect(peering?.inputs).toMatchObject({
      vpcId: "vpc-gz",
      peerVpcId: "vpc-bj",
      peerRegion: "ap-beijing",
      peerVpcCidrs: ["10.1.0.0/16", "10.2.0.0/16"],
      name: "payments-dr",
      bandwidthMbps: 200,
      chargeType: "POSTPAID_BY_MONTH_95",
      serviceLevel: "gold",
      connection: { kind: "local" },
    });
    expect(peering?.inputs).not.toHaveProperty("peerAccount");
  });

  it("routes both ways through the peering: every table of the primary to every standby CIDR, and back", () => {
    const routes = of(children, "RouteRule").map((r) => [
      r.inputs.vpcId,
      r.inputs.routeTableId ?? "main",
      r.inputs.destination,
      r.inputs.peeringId,
    ]);
    expect(routes.sort()).toEqual(
      [
        ["vpc-bj", "main", "10.0.0.0/16", "pcx-payments-dr-peering"],
        ["vpc-gz", "main", "10.1.0.0/16", "pcx-payments-dr-peering"],
        ["vpc-gz", "main", "10.2.0.0/16", "pcx-payments-dr-peering"],
        ["vpc-gz", "rtb-gz-app", "10.1.0.0/16", "pcx-payments-dr-peering"],
        ["vpc-gz", "rtb-gz-app", "10.2.0.0/16", "pcx-payments-dr-peering"],
      ].sort(),
    );
  });

  it("names routes by VPC, table and destination (stable when CIDRs are added)", () => {
    expect(of(children, "RouteRule").map((r) => r.name)).toContain(
      "payments-dr-peering-route-vpc-gz-rtb-gz-app-10.2.0.0-16",
    );
  });

  it("outputs the peering id and status", async () => {
    expect(await outputValue(dr.peeringId)).toBe("pcx-payments-dr-peering");
    expect(await outputValue(dr.status)).toBe("ACTIVE");
  });

  it("outputs reachability both ways", async () => {
    const reachability = await outputValue(dr.reachability);
    expect(reachability.entries.map((e) => [e.from, e.to, e.flows, e.destinations])).toEqual([
      ["vpc-gz", "vpc-bj", true, ["10.1.0.0/16", "10.2.0.0/16"]],
      ["vpc-bj", "vpc-gz", true, ["10.0.0.0/16"]],
    ]);
    expect(await outputValue(dr.reachabilityMatrix)).toEqual({
      "vpc-gz": { "vpc-bj": true },
      "vpc-bj": { "vpc-gz": true },
    });
  });

  it("outputs the estimated daily cost: 200 Mbps monthly-95 in mainland China (seed 000 prices)", async () => {
    const cost = await outputValue(dr.costEstimate);
    expect(cost.perDay).toBeTypeOf("number");
    expect(await outputValue(dr.estimatedDailyCost)).toBe(cost.perDay);
    expect(cost.perMonth).toBeCloseTo((cost.perDay as number) * 30, 2);
    expect(cost.unpriced).toEqual({});
    expect(cost.lines[0]).toMatch(/^payments-dr: .* CNY\/day \(monthly-95, planned\)$/);
  });
});

describe("TwoRegionDr across accounts (journey 2)", async () => {
  const app = { kind: "local" as const, account: "100001", stateFile: "/tmp/peerlink-test.db" };
  const network = { kind: "local" as const, account: "100002", stateFile: "/tmp/peerlink-test.db" };
  const dr = new TwoRegionDr("shared-services", {
    primary: { ...guangzhou, routeTableIds: undefined, connection: app },
    standby: { ...beijing, account: "100002", connection: network },
    bandwidthMbps: 100,
    bandwidthPolicies: [{ ip: "10.0.0.10", limitMbps: 50 }],
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const children = await childrenOf(dr);
  const acceptance = of(children, "PeeringAcceptance")[0];

  it("creates the peering with the requester's connection and the accepter's account", () => {
    const [peering] = of(children, "Peering");
    expect(peering?.inputs).toMatchObject({ peerAccount: "100002", connection: { account: "100001" } });
  });

  it("accepts it with the accepter's connection", () => {
    expect(of(children, "PeeringAcceptance")).toHaveLength(1);
    expect(acceptance?.name).toBe("shared-services-peering-acceptance");
    expect(acceptance?.inputs).toMatchObject({
      peeringId: "pcx-shared-services-peering",
      connection: { account: "100002" },
    });
  });

  it("makes each side's routes with that side's connection, after the acceptance", () => {
    const routes = of(children, "RouteRule");
    expect(routes).toHaveLength(3);
    for (const route of routes) {
      expect(route.dependencies).toContain(acceptance?.urn);
      const account = route.inputs.vpcId === "vpc-gz" ? "100001" : "100002";
      expect((route.inputs.connection as { account: string }).account).toBe(account);
    }
  });

  it("puts the per-IP limits in one BandwidthPolicy, after the acceptance", () => {
    const policies = of(children, "BandwidthPolicy");
    expect(policies).toHaveLength(1);
    expect(policies[0]?.inputs).toMatchObject({
      peeringId: "pcx-shared-services-peering",
      limits: [{ ip: "10.0.0.10", limitMbps: 50, vpcId: "vpc-gz" }],
      connection: { account: "100001" },
    });
    expect(policies[0]?.dependencies).toContain(acceptance?.urn);
  });

  it("reports the acceptance's status as the peering's status", async () => {
    expect(await outputValue(dr.status)).toBe("ACTIVE");
    expect(await outputValue(dr.peering!.status)).toBe("PENDING");
  });

  it("keeps each side's credentials secret", async () => {
    const withKeys = new TwoRegionDr("keys", {
      primary: { ...guangzhou, connection: { kind: "tencentcloud", secretId: "AKID-x", secretKey: "key-x" } },
      standby: beijing,
      bandwidthMbps: 100,
    });
    await settle(withKeys, withKeys.peering!, ...withKeys.routes);
    const peering = of(await childrenOf(withKeys), "Peering")[0];
    const secretKey = (peering?.inputs.connection as Record<string, unknown> | undefined)?.secretKey;
    // The wire form of a secret: the signature key with the secret signature, the value inside.
    expect(secretKey).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "key-x",
    });
  });
});

describe("TwoRegionDr with Vpc resources", async () => {
  const gz = new Vpc("gz", {
    name: "gz",
    region: "ap-guangzhou",
    cidrs: ["10.0.0.0/16"],
    routeTables: ["app"],
  });
  const bj = new Vpc("bj", { name: "bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"] });
  const dr = new TwoRegionDr("vpcs-dr", {
    primary: {
      vpc: gz,
      region: "ap-guangzhou",
      cidrs: ["10.0.0.0/16"],
      routeTableIds: { app: gz.routeTableIds.apply((t) => t.app!) },
    },
    standby: { vpc: bj, region: "ap-beijing", cidrs: ["10.1.0.0/16"] },
    bandwidthMbps: 10,
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const children = await childrenOf(dr);

  it("uses the Vpc resources' ids and route table ids, and names the sites by role", async () => {
    expect(of(children, "Peering")[0]?.inputs).toMatchObject({ vpcId: "vpc-gz", peerVpcId: "vpc-bj" });
    const tables = of(children, "RouteRule").map((r) => r.inputs.routeTableId ?? "main");
    expect(tables.sort()).toEqual(["main", "main", "rtb-gz-app"]);
    expect(dr.plan.vpcs.map((v) => v.id)).toEqual(["vpcs-dr-primary", "vpcs-dr-standby"]);
    expect(Object.keys(await outputValue(dr.reachabilityMatrix))).toEqual([
      "vpcs-dr-primary",
      "vpcs-dr-standby",
    ]);
  });
});

describe("TwoRegionDr validation at construction", () => {
  it("refuses overlapping CIDRs with CIDR_OVERLAP naming both CIDRs and both VPCs, creating nothing", () => {
    const before = registered.length;
    let error: unknown;
    try {
      new TwoRegionDr("overlap-dr", {
        primary: guangzhou,
        standby: { ...beijing, cidrs: ["10.1.0.0/16", "10.0.128.0/17"] },
        bandwidthMbps: 200,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopologyValidationError);
    const diagnostics = (error as TopologyValidationError).diagnostics;
    const overlap = diagnostics.find((d) => d.code === "CIDR_OVERLAP");
    expect(overlap?.resource).toBe("overlap-dr/peerings[overlap-dr]");
    for (const text of ["10.0.0.0/16", "10.0.128.0/17", "vpc-gz", "vpc-bj"])
      expect(overlap?.message).toContain(text);
    expect((error as Error).message).toContain("CIDR_OVERLAP");
    expect(registered.slice(before).filter((r) => r.name.startsWith("overlap-dr"))).toEqual([]);
  });

  it("reports every error at once", () => {
    let error: unknown;
    try {
      new TwoRegionDr("many-dr", {
        primary: { ...guangzhou, cidrs: ["10.0.0.0/16"] },
        standby: { ...beijing, cidrs: ["10.0.0.0/24"] },
        bandwidthMbps: 300,
      });
    } catch (e) {
      error = e;
    }
    const codes = (error as TopologyValidationError).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["CIDR_OVERLAP", "INVALID_BANDWIDTH"]));
  });

  it("refuses a Huawei two-region DR over peering with CROSS_REGION_UNSUPPORTED (Huawei peerings are regional)", () => {
    let error: unknown;
    try {
      new TwoRegionDr("hw-cross-dr", {
        primary: { ...guangzhou, cloud: "huaweicloud", region: "cn-east-3", routeTableIds: undefined },
        standby: { ...beijing, cloud: "huaweicloud", region: "cn-north-4" },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopologyValidationError);
    const codes = (error as TopologyValidationError).diagnostics.map((d) => d.code);
    expect(codes).toContain("CROSS_REGION_UNSUPPORTED");
    expect((error as Error).message).toMatch(/cn-east-3.*cn-north-4/);
  });

  it("says unpriced where the seeds give no price (a Baidu cross-region peering)", async () => {
    const bd = new TwoRegionDr("bd-dr", {
      primary: { ...guangzhou, cloud: "baiducloud", region: "gz", routeTableIds: undefined },
      standby: { ...beijing, cloud: "baiducloud", region: "bj" },
      bandwidthMbps: 100,
    });
    expect(await outputValue(bd.estimatedDailyCost)).toBe("unpriced");
    expect((await outputValue(bd.costEstimate)).unpriced["bd-dr"]).toMatch(/baiducloud cross-region/);
  });

  it("prices at 0 what the cloud documents as free (every Huawei peering)", async () => {
    const hw = new TwoRegionDr("hw-dr", {
      primary: { ...guangzhou, cloud: "huaweicloud", region: "cn-north-4", routeTableIds: undefined },
      standby: { ...beijing, cloud: "huaweicloud", region: "cn-north-4" },
    });
    expect(await outputValue(hw.estimatedDailyCost)).toBe(0);
    expect((await outputValue(hw.costEstimate)).unpriced).toEqual({});
  });
});
