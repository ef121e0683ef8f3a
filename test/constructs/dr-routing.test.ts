/** The routing policy through the CDKTF DR constructs: the same planner, the same routes as the Pulumi side. */
import { describe, expect, it } from "vitest";
import { toDrSite } from "../../constructs/dr/build-plan.js";
import { HubAndSpoke } from "../../constructs/dr/hub-and-spoke.js";
import { TwoRegionDr } from "../../constructs/dr/two-region-dr.js";
import { TwoRegionsThreeCenters } from "../../constructs/dr/two-regions-three-centers.js";
import { describeTopology } from "../../provider/core/dr/describe-plan.js";
import type { DrRouting } from "../../provider/core/dr/routing-policy.js";
import { planTwoRegionDr } from "../../provider/core/dr/two-region-dr.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import { site, synthStack } from "../support/cdktf-stack.js";
import { describeSynthesized, siteIndex } from "../support/synthesized-topology.js";

const BANDWIDTH: Record<Cloud, number | undefined> = {
  tencentcloud: 100,
  huaweicloud: undefined,
  baiducloud: 50,
};
const DR_REGION: Record<Cloud, string> = { tencentcloud: "r-2", huaweicloud: "r-1", baiducloud: "r-2" };

describe.each<Cloud>(["tencentcloud", "huaweicloud", "baiducloud"])("DR construct routing (%s)", (cloud) => {
  const gz = site(cloud, "vpc-gz", "10.0.0.0/16", "r-1", { routeTableIds: ["rtb-gz-app", "rtb-gz-db"] });
  const bj = site(cloud, "vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], DR_REGION[cloud]);
  const bandwidthMbps = BANDWIDTH[cloud];
  const primary: DrRouting = { routes: ["10.1.3.0/24", "10.2.0.0/20"], routeTables: ["rtb-gz-db"] };
  const standby: DrRouting = { routes: ["10.0.7.0/24"] };

  it("TwoRegionDr synthesizes exactly the planned subnet routes", () => {
    const result = synthStack((stack) => {
      new TwoRegionDr(stack, "dr", {
        primary: gz,
        standby: bj,
        bandwidthMbps,
        routing: { primary, standby },
      });
    });
    expect(result.errors).toEqual([]);
    const planned = planTwoRegionDr({
      name: "dr",
      primary: toDrSite(gz, primary),
      standby: toDrSite(bj, standby),
      bandwidthMbps,
    });
    expect(describeTopology(planned).routes).toEqual([
      "vpc-bj [main] 10.0.7.0/24 via vpc-gz -> vpc-bj",
      "vpc-gz [main] 10.1.3.0/24 via vpc-gz -> vpc-bj",
      "vpc-gz [main] 10.2.0.0/20 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-gz-db] 10.1.3.0/24 via vpc-gz -> vpc-bj",
      "vpc-gz [rtb-gz-db] 10.2.0.0/20 via vpc-gz -> vpc-bj",
    ]);
    expect(describeSynthesized(result.json!, siteIndex([gz, bj]), { omitDefaultBilling: true })).toEqual(
      describeTopology(planned),
    );
  });
});

describe("DR construct routing refusals", () => {
  const gz = site("tencentcloud", "vpc-gz", "10.0.0.0/16", "r-1");
  const bj = site("tencentcloud", "vpc-bj", "10.1.0.0/16", "r-2");

  it("refuses a destination outside the peer at construction, naming the construct path and site", () => {
    expect(() =>
      synthStack((stack) => {
        new TwoRegionDr(stack, "dr", {
          primary: gz,
          standby: bj,
          bandwidthMbps: 100,
          routing: { standby: { routes: ["10.1.0.0/24"] } },
        });
      }),
    ).toThrow(
      /\[stack\/dr\/standby\.routing\.routes\[0\]\] ROUTING_OUTSIDE_PEER Site "vpc-bj" routes 10\.1\.0\.0\/24/,
    );
  });

  it('TwoRegionsThreeCenters and HubAndSpoke take routing by role; "none" routes nothing', () => {
    const sh = site("tencentcloud", "vpc-sh", "10.3.0.0/16", "r-1");
    const result = synthStack((stack) => {
      const bank = new TwoRegionsThreeCenters(stack, "bank", {
        production: gz,
        backup: sh,
        dr: bj,
        bandwidthMbps: 100,
        routing: { dr: { routes: "none" }, backup: { routes: ["10.0.1.0/24"] } },
      });
      const star = new HubAndSpoke(stack, "star", {
        hub: site("tencentcloud", "vpc-hub", "10.9.0.0/16", "r-1"),
        spokes: { a: site("tencentcloud", "vpc-a", "10.8.0.0/16", "r-1") },
        routing: { spokes: { a: { routes: ["10.9.1.0/24"] } } },
      });
      const routes = [...bank.built.routes, ...star.built.routes].map(
        (r) => `${r.props.vpc.vpcId} ${r.props.destination}`,
      );
      expect(routes.sort()).toEqual([
        "vpc-a 10.9.1.0/24",
        "vpc-gz 10.1.0.0/16",
        "vpc-gz 10.3.0.0/16",
        "vpc-hub 10.8.0.0/16",
        "vpc-sh 10.0.1.0/24",
      ]);
    });
    expect(result.errors).toEqual([]);
  });
});
