/**
 * The routing policy through the Pulumi components: each component passes `routing` through to the core planner
 * and creates exactly the routes it plans; refusals throw at construction, before any resource exists.
 */
import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, type Registered, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const pulumi = await import("@pulumi/pulumi");
const warned: string[] = [];
vi.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => {
  warned.push(message);
});
const { TwoRegionDr, TwoRegionsThreeCenters, HubAndSpoke } = await import(
  "../../../provider/pulumi/components/index.js"
);

async function routesOf(component: { urn: import("@pulumi/pulumi").Output<string> }): Promise<string[]> {
  const urn = await outputValue(component.urn);
  return registered
    .filter((r: Registered) => r.parent === urn && kindOf(r) === "RouteRule")
    .map((r) => `${r.inputs.vpcId} ${r.inputs.routeTableId ?? "main"} ${r.inputs.destination}`)
    .sort();
}

function thrown(fn: () => void): TopologyValidationError {
  try {
    fn();
  } catch (e) {
    return e as TopologyValidationError;
  }
  throw new Error("nothing thrown");
}

const guangzhou = {
  vpc: "vpc-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
  account: "100001",
  routeTableIds: { app: "rtb-gz-app", db: "rtb-gz-db" },
};
const beijing = { vpc: "vpc-bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"], account: "100001" };

describe("TwoRegionDr routing", async () => {
  const dr = new TwoRegionDr("least-dr", {
    primary: { ...guangzhou, routing: { routes: ["10.1.4.0/24"], routeTables: ["db"], mainTable: false } },
    standby: { ...beijing, routing: { routes: ["10.0.8.0/24", "10.0.9.0/24"] } },
    bandwidthMbps: 100,
  });
  await settle(dr, dr.peering!, ...dr.routes);

  it("creates only the planned subnet routes, in the named tables", async () => {
    expect(await routesOf(dr)).toEqual([
      "vpc-bj main 10.0.8.0/24",
      "vpc-bj main 10.0.9.0/24",
      "vpc-gz rtb-gz-db 10.1.4.0/24",
    ]);
    expect(dr.description.routes).toHaveLength(3);
  });

  it("reports the subnets in the reachability output", async () => {
    const reachability = await outputValue(dr.reachability);
    expect(reachability.entries.map((e) => [e.from, e.destinations, e.routeTables, e.flows])).toEqual([
      ["vpc-gz", ["10.1.4.0/24"], ["db"], true],
      ["vpc-bj", ["10.0.8.0/24", "10.0.9.0/24"], ["main"], true],
    ]);
  });

  it('routes: "none" on the standby creates no standby route; the matrix shows no flow', async () => {
    const oneSided = new TwoRegionDr("one-sided-dr", {
      primary: guangzhou,
      standby: { ...beijing, routing: { routes: "none" } },
      bandwidthMbps: 100,
    });
    await settle(oneSided, oneSided.peering!, ...oneSided.routes);
    // The standby's routes are managed elsewhere: no advice to add them here.
    expect(warned.filter((w) => w.includes("one-sided-dr") && w.includes("MISSING_RETURN_ROUTE"))).toEqual(
      [],
    );
    expect((await routesOf(oneSided)).every((r) => r.startsWith("vpc-gz"))).toBe(true);
    expect(await outputValue(oneSided.reachabilityMatrix)).toEqual({
      "vpc-gz": { "vpc-bj": false },
      "vpc-bj": { "vpc-gz": false },
    });
  });

  it("refuses a destination outside the peer at construction, with the component and site in the path", () => {
    const error = thrown(
      () =>
        new TwoRegionDr("bad-dr", {
          primary: { ...guangzhou, routing: { routes: ["10.9.0.0/24"] } },
          standby: beijing,
          bandwidthMbps: 100,
        }),
    );
    expect(error).toBeInstanceOf(TopologyValidationError);
    expect(error.message).toContain("[bad-dr/primary.routing.routes[0]] ROUTING_OUTSIDE_PEER");
    expect(error.message).toContain("10.9.0.0/24");
    expect(registered.some((r) => r.name.startsWith("bad-dr-"))).toBe(false);
  });
});

describe("TwoRegionsThreeCenters and HubAndSpoke routing", () => {
  it("passes each centre's routing through", async () => {
    const bank = new TwoRegionsThreeCenters("bank", {
      production: { vpc: "vpc-prod", region: "ap-shanghai", cidrs: ["10.10.0.0/16"], account: "1" },
      backup: {
        vpc: "vpc-backup",
        region: "ap-shanghai",
        cidrs: ["10.11.0.0/16"],
        account: "1",
        routing: { routes: "none" },
      },
      dr: {
        vpc: "vpc-dr",
        region: "ap-beijing",
        cidrs: ["10.12.0.0/16"],
        account: "1",
        routing: { routes: ["10.10.1.0/24", "10.11.1.0/24"] },
      },
      bandwidthMbps: 100,
    });
    await settle(bank, ...bank.routes);
    expect(await routesOf(bank)).toEqual([
      "vpc-dr main 10.10.1.0/24",
      "vpc-dr main 10.11.1.0/24",
      "vpc-prod main 10.11.0.0/16",
      "vpc-prod main 10.12.0.0/16",
    ]);
  });

  it("passes the hub's and spokes' routing through", async () => {
    const star = new HubAndSpoke("star", {
      hub: { vpc: "vpc-hub", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: "1" },
      spokes: {
        a: {
          vpc: "vpc-a",
          region: "ap-guangzhou",
          cidrs: ["10.1.0.0/16"],
          account: "1",
          routing: { routes: ["10.0.2.0/24"] },
        },
      },
    });
    await settle(star, ...star.routes);
    expect(await routesOf(star)).toEqual(["vpc-a main 10.0.2.0/24", "vpc-hub main 10.1.0.0/16"]);
  });

  it("refuses a spoke's unknown route table", () => {
    const error = thrown(
      () =>
        new HubAndSpoke("star-bad", {
          hub: { vpc: "vpc-hub", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: "1" },
          spokes: {
            a: {
              vpc: "vpc-a",
              region: "ap-guangzhou",
              cidrs: ["10.1.0.0/16"],
              account: "1",
              routing: { routeTables: ["nope"] },
            },
          },
        }),
    );
    expect(error.diagnostics.map((d) => `${d.code} ${d.resource}`)).toEqual([
      "ROUTING_POLICY_INVALID star-bad/spokes.a.routing.routeTables[0]",
    ]);
  });
});
