/**
 * A misspelt or missing prop, as JavaScript (or a spread config object) passes it, stops the construct when it is
 * built with INVALID_ARGUMENT, naming the construct path, the key and the key meant; the same props without the typo build.
 */
import { type TerraformStack, TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { BandwidthPolicy } from "../../constructs/bandwidth-policy.js";
import { HubAndSpoke } from "../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters } from "../../constructs/dr/two-regions-three-centers.js";
import { ExistingPeering } from "../../constructs/existing-peering.js";
import { Peering } from "../../constructs/peering.js";
import { PeeringAcceptance } from "../../constructs/peering-acceptance.js";
import { RouteRule } from "../../constructs/route-rule.js";
import { TopologyValidationError } from "../../provider/core/errors.js";
import { site, synthStack } from "../support/cdktf-stack.js";

const gz = site("tencentcloud", "vpc-gz", "10.0.0.0/16", "ap-guangzhou", { account: "100001" });
const bj = site("tencentcloud", "vpc-bj", "10.1.0.0/16", "ap-beijing", { account: "100001" });
const sh = site("tencentcloud", "vpc-sh", "10.2.0.0/16", "ap-guangzhou", { account: "100001" });

function peering(stack: TerraformStack): Peering {
  return new Peering(stack, "p", { cloud: "tencentcloud", vpc: gz, peerVpc: bj, bandwidthMbps: 100 });
}

/** Each construct with valid props, and the one typo added to them. */
const CASES: [
  string,
  (stack: TerraformStack, extra: Record<string, unknown>) => unknown,
  Record<string, unknown>,
  string,
][] = [
  [
    "Peering",
    (stack, extra) =>
      new Peering(stack, "x", { cloud: "tencentcloud", vpc: gz, peerVpc: bj, bandwidthMbps: 100, ...extra }),
    { chargType: "POSTPAID_BY_MONTH_95" },
    "Rename chargType to chargeType.",
  ],
  [
    "ExistingPeering",
    (stack, extra) =>
      new ExistingPeering(stack, "x", {
        cloud: "tencentcloud",
        peeringId: "pcx-1",
        vpc: bj,
        peerVpc: gz,
        ...extra,
      }),
    { peering_id: "pcx-2" },
    "Rename peering_id to peeringId.",
  ],
  [
    "PeeringAcceptance",
    (stack, extra) =>
      new PeeringAcceptance(stack, "x", { cloud: "tencentcloud", peering: peering(stack), ...extra }),
    { providr: undefined, timeout: 60 },
    "Remove timeout, or correct its spelling.",
  ],
  [
    "RouteRule",
    (stack, extra) =>
      new RouteRule(stack, "x", {
        cloud: "tencentcloud",
        vpc: gz,
        peering: peering(stack),
        destination: "10.1.0.0/16",
        ...extra,
      }),
    { routeTable: "rtb-1" },
    "Rename routeTable to routeTableId.",
  ],
  [
    "BandwidthPolicy",
    (stack, extra) =>
      new BandwidthPolicy(stack, "x", {
        cloud: "tencentcloud",
        peering: peering(stack),
        ip: "10.0.0.5",
        limitMbps: 10,
        managedOutsideTerraform: true,
        ...extra,
      }),
    { limit: 20 },
    "Rename limit to limitMbps.",
  ],
  [
    "TwoRegionDr",
    (stack, extra) => new TwoRegionDr(stack, "x", { primary: gz, standby: bj, bandwidthMbps: 100, ...extra }),
    { requesterOnyl: true },
    "Rename requesterOnyl to requesterOnly.",
  ],
  [
    "TwoRegionsThreeCenters",
    (stack, extra) =>
      new TwoRegionsThreeCenters(stack, "x", {
        production: gz,
        backup: sh,
        dr: bj,
        bandwidthMbps: 100,
        ...extra,
      }),
    { routing: { production: { mainTabel: false } } },
    "Rename routing.production.mainTabel to routing.production.mainTable.",
  ],
  [
    "HubAndSpoke",
    (stack, extra) => new HubAndSpoke(stack, "x", { hub: gz, spokes: { bj }, bandwidthMbps: 100, ...extra }),
    { spokes: { bj: { ...bj, cidr: ["10.1.0.0/16"] } } },
    "Rename spokes.bj.cidr to spokes.bj.cidrs.",
  ],
];

describe("CDKTF constructs refuse a prop they do not have", () => {
  it.each(CASES)("%s: the props without the typo build and synthesize", (_, build) => {
    const result = synthStack((stack) => {
      build(stack, {});
    });
    expect(result.errors).toEqual([]);
  });

  it.each(CASES)(
    "%s: a misspelt prop throws INVALID_ARGUMENT with the key meant",
    (kind, build, extra, fix) => {
      let thrown: unknown;
      try {
        synthStack((stack) => {
          build(stack, extra as never);
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TopologyValidationError);
      const error = thrown as TopologyValidationError;
      expect(error.diagnostics.map((d) => [d.code, d.resource])).toEqual([["INVALID_ARGUMENT", "stack/x"]]);
      expect(error.message).toContain(`[stack/x] INVALID_ARGUMENT ${kind} "stack/x" has no argument `);
      expect(error.diagnostics[0]!.fix).toContain(fix);
    },
  );

  it("names a required prop left out instead of failing with a TypeError, and every one when there are no props", () => {
    const thrown = (build: (stack: TerraformStack) => void): TopologyValidationError => {
      try {
        synthStack(build);
      } catch (error) {
        return error as TopologyValidationError;
      }
      throw new Error("nothing thrown");
    };
    const noVpc = thrown((stack) => {
      new RouteRule(stack, "r", {
        cloud: "tencentcloud",
        peering: peering(stack),
        destination: "10.1.0.0/16",
      } as never);
    });
    expect(noVpc).toBeInstanceOf(TopologyValidationError);
    expect(noVpc.message).toContain(
      '[stack/r] INVALID_ARGUMENT RouteRule "stack/r" needs vpc, which is not given.',
    );
    const none = thrown((stack) => {
      new (Peering as unknown as new (scope: TerraformStack, id: string) => Peering)(stack, "p");
    });
    expect(none.diagnostics.map((d) => d.field)).toEqual([["cloud"], ["vpc"], ["peerVpc"]]);
    const noCidrs = thrown((stack) => {
      const { cidrs: _, ...partial } = bj;
      new TwoRegionDr(stack, "dr", { primary: gz, standby: partial, bandwidthMbps: 100 } as never);
    });
    expect(noCidrs.diagnostics.map((d) => d.fix)).toEqual([
      "Give standby.cidrs. standby takes: vpcId, cloud, region, account, cidrs, assignedIpv6Cidrs, mainRouteTableId, routeTableIds, name, provider.",
    ]);
  });

  it("names a number given as a string (read from the environment) when the construct is built", () => {
    expect(() =>
      synthStack((stack) => {
        new Peering(stack, "p", {
          cloud: "tencentcloud",
          vpc: gz,
          peerVpc: bj,
          bandwidthMbps: "100",
        } as never);
      }),
    ).toThrow(
      '[stack/p] INVALID_ARGUMENT Peering "stack/p" has bandwidthMbps "100", a string, where it takes a number. Fix: Give bandwidthMbps as a number: 100, not "100"',
    );
  });

  it("names a cloud that is none of the three when the construct is built, not a TypeError", () => {
    // `cloud: "tencent"` used to fail with Cannot read properties of undefined (reading 'getStringAttribute'), and
    // a site's `cloud: "tencent"` reached the synth as vpcs[0].cloud plus a CLOUD_MISMATCH whose fix was
    // `Set cloud to "tencent"`.
    const fix = 'Fix: Use "tencentcloud" (the options are "tencentcloud", "huaweicloud", "baiducloud").';
    expect(() =>
      synthStack((stack) => {
        new Peering(stack, "p", { cloud: "tencent", vpc: gz, peerVpc: bj } as never);
      }),
    ).toThrow(
      `[stack/p] INVALID_ARGUMENT Peering "stack/p" has cloud "tencent", which is none of the values it takes. ${fix}`,
    );
    let thrown: unknown;
    try {
      synthStack((stack) => {
        new TwoRegionDr(stack, "dr", {
          primary: { ...gz, cloud: "tencent" } as never,
          standby: bj,
          bandwidthMbps: 100,
        });
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TopologyValidationError);
    expect((thrown as TopologyValidationError).message).toBe(
      `peerlink found 1 error(s) in the topology:\n[stack/dr] INVALID_ARGUMENT TwoRegionDr "stack/dr" has primary.cloud "tencent", which is none of the values it takes. ${fix}`,
    );
  });

  it("takes a CDKTF token for a prop of fixed words (its value is not known when the construct is built)", () => {
    const result = synthStack((stack) => {
      const chargeType = new TerraformVariable(stack, "charge", { type: "string" });
      new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: gz,
        peerVpc: bj,
        bandwidthMbps: 100,
        chargeType: chargeType.stringValue as "POSTPAID_BY_DAY_MAX",
      });
    });
    expect(result.errors).toEqual([]);
  });

  it("takes CDKTF tokens for typed props: a token number, string and list pass", () => {
    const result = synthStack((stack) => {
      const bandwidth = new TerraformVariable(stack, "bandwidth", { type: "number" });
      const cidrs = new TerraformVariable(stack, "cidrs", { type: "list(string)" });
      const vpcId = new TerraformVariable(stack, "vpc", { type: "string" });
      new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: { ...gz, vpcId: vpcId.stringValue, cidrs: cidrs.listValue },
        peerVpc: bj,
        bandwidthMbps: bandwidth.numberValue,
      });
    });
    expect(result.errors).toEqual([]);
  });

  it("reports every misspelt prop of one construct at once, nested VPC sites included", () => {
    expect(() =>
      synthStack((stack) => {
        new Peering(stack, "x", {
          cloud: "tencentcloud",
          vpc: { ...gz, regoin: "ap-guangzhou" },
          peerVpc: bj,
          bandwith: 100,
          descripton: "dr",
        } as never);
      }),
    ).toThrow(
      /found 3 error\(s\)[\s\S]*no argument vpc\.regoin[\s\S]*Rename vpc\.regoin to vpc\.region\.[\s\S]*Rename bandwith to bandwidthMbps\.[\s\S]*Rename descripton to description\./,
    );
  });
});
