/**
 * External links through the Pulumi HubAndSpoke and TwoRegionsThreeCenters: a hub that requests a partner's
 * peering and leaves its acceptance to the partner's stack, and a spoke team's stack that accepts the hub's.
 */
import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, type Registered, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { HubAndSpoke, TwoRegionsThreeCenters } = await import("../../../provider/pulumi/components/index.js");

async function childrenOf(component: {
  urn: import("@pulumi/pulumi").Output<string>;
}): Promise<Registered[]> {
  const urn = await outputValue(component.urn);
  return registered.filter((r) => r.parent === urn);
}
const of = (children: Registered[], kind: string) => children.filter((r) => kindOf(r) === kind);

const hubTeam = { kind: "local" as const, account: "100001" };
const partnerTeam = { kind: "local" as const, account: "100009" };
const hub = { vpc: "vpc-hub", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: "100001" };
const app = { vpc: "vpc-app", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"], account: "100001" };
const partner = { vpc: "vpc-partner", region: "ap-beijing", cidrs: ["10.9.0.0/16"], account: "100009" };

describe("HubAndSpoke: the hub's stack requests the partner's link only", async () => {
  const star = new HubAndSpoke("shared", {
    hub: { ...hub, connection: hubTeam },
    spokes: { app: { ...app, connection: hubTeam }, partner },
    bandwidthMbps: 50,
    externalPeerings: { partner: { requesterOnly: true } },
    timeoutSeconds: 60,
  });
  await settle(star, ...star.hubPeerings.values(), ...star.routes);
  const children = await childrenOf(star);

  it("creates both hub peerings and no acceptance (the partner's stack accepts)", () => {
    expect(of(children, "Peering").map((p) => [p.name, p.inputs.peerAccount])).toEqual([
      ["shared-hub-app", undefined],
      ["shared-hub-partner", "100009"],
    ]);
    expect(of(children, "PeeringAcceptance")).toHaveLength(0);
  });

  it("routes the hub to the partner, the partner nothing, and names the accepting account on those routes", () => {
    const toPartner = of(children, "RouteRule").filter((r) => r.name.startsWith("shared-hub-partner-"));
    expect(toPartner.map((r) => [r.inputs.vpcId, r.inputs.destination, r.inputs.acceptedByAccount])).toEqual([
      ["vpc-hub", "10.9.0.0/16", "100009"],
    ]);
    const toApp = of(children, "RouteRule").filter((r) => r.name.startsWith("shared-hub-app-"));
    expect(toApp.map((r) => r.inputs.acceptedByAccount)).toEqual([undefined, undefined]);
  });

  it("reports the partner link as not flowing until the partner routes back", async () => {
    const matrix = await outputValue(star.reachabilityMatrix);
    expect(matrix["vpc-hub"]).toEqual({ "vpc-app": true, "vpc-partner": false });
  });
});

describe("HubAndSpoke: the partner's stack accepts the hub's existing peering", async () => {
  const star = new HubAndSpoke("partner-side", {
    hub,
    spokes: { partner: { ...partner, connection: partnerTeam, routing: { routes: ["10.0.8.0/24"] } } },
    externalPeerings: { partner: { existingPeeringId: "pcx-from-hub" } },
  });
  await settle(star, ...star.routes);
  const children = await childrenOf(star);

  it("creates no Peering, accepts the id with the spoke's connection, routes the spoke's side after it", async () => {
    expect(of(children, "Peering")).toHaveLength(0);
    expect(star.hubPeerings.size).toBe(0);
    const acceptances = of(children, "PeeringAcceptance");
    expect(acceptances.map((a) => [a.inputs.peeringId, a.inputs.connection])).toEqual([
      ["pcx-from-hub", partnerTeam],
    ]);
    const routes = of(children, "RouteRule");
    expect(routes.map((r) => [r.inputs.vpcId, r.inputs.destination, r.inputs.peeringId])).toEqual([
      ["vpc-partner", "10.0.8.0/24", "pcx-from-hub"],
    ]);
    expect(routes[0]!.dependencies).toContain(acceptances[0]!.urn);
    expect(await outputValue(star.peeringIds)).toEqual({ "partner-side-hub-partner": "pcx-from-hub" });
  });
});

describe("TwoRegionsThreeCenters with an existing production-dr peering", async () => {
  const production = { vpc: "vpc-prod", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"], account: "100001" };
  const backup = { vpc: "vpc-backup", region: "ap-guangzhou", cidrs: ["10.2.0.0/16"], account: "100001" };
  const dr = { vpc: "vpc-dr", region: "ap-beijing", cidrs: ["10.3.0.0/16"], account: "100001" };
  const centres = new TwoRegionsThreeCenters("bank", {
    production,
    backup,
    dr,
    bandwidthMbps: 100,
    externalPeerings: { "production-dr": { existingPeeringId: "pcx-legacy" } },
  });
  const made = Object.values(centres.peerings).filter((p) => p !== undefined);
  await settle(centres, ...made, ...centres.routes);
  const children = await childrenOf(centres);

  it("creates the two other peerings, accepts the existing one, and gives its id", async () => {
    expect(centres.peerings.productionDr).toBeUndefined();
    expect(of(children, "Peering").map((p) => p.name)).toEqual(["bank-production-backup", "bank-backup-dr"]);
    expect(of(children, "PeeringAcceptance").map((a) => a.inputs.peeringId)).toEqual(["pcx-legacy"]);
    expect((await outputValue(centres.peeringIds))["production-dr"]).toBe("pcx-legacy");
    const viaLegacy = of(children, "RouteRule").filter((r) => r.inputs.peeringId === "pcx-legacy");
    expect(viaLegacy.map((r) => [r.inputs.vpcId, r.inputs.destination])).toEqual([["vpc-dr", "10.1.0.0/16"]]);
  });

  it("refuses a link key that is no link, before creating anything", () => {
    expect(
      () =>
        new TwoRegionsThreeCenters("bank-typo", {
          production,
          backup,
          dr,
          externalPeerings: { "dr-production": { requesterOnly: true } } as never,
        }),
    ).toThrow(/\[bank-typo\/externalPeerings\.dr-production\] EXTERNAL_PEERING_INVALID/);
    expect(registered.some((r) => r.name.startsWith("bank-typo-"))).toBe(false);
  });
});

it("TopologyValidationError is what a refusal throws", () => {
  expect(
    () =>
      new HubAndSpoke("typo", {
        hub,
        spokes: { partner },
        externalPeerings: { partnr: { requesterOnly: true } },
      }),
  ).toThrow(TopologyValidationError);
});
