/** External peerings on the components with several links: TwoRegionsThreeCenters and HubAndSpoke. */
import { describe, expect, it } from "vitest";
import { describeTopology } from "../../../provider/core/dr/describe-plan.js";
import { planHubAndSpoke } from "../../../provider/core/dr/hub-and-spoke.js";
import { isReturnRouteManagedElsewhere } from "../../../provider/core/dr/routing-policy.js";
import { type DrSite, drPlanDocument } from "../../../provider/core/dr/site.js";
import { planTwoRegionsThreeCenters } from "../../../provider/core/dr/two-regions-three-centers.js";
import { validateDocument } from "../../../provider/core/validate.js";

const site = (vpc: string, region: string, account: string, cidr: string): DrSite => ({
  vpc,
  cloud: "tencentcloud",
  region,
  account,
  cidrs: [cidr],
});
const production = site("vpc-prod", "ap-guangzhou", "100001", "10.1.0.0/16");
const backup = site("vpc-backup", "ap-guangzhou", "100001", "10.2.0.0/16");
const dr = site("vpc-dr", "ap-beijing", "100002", "10.3.0.0/16");
const refusals = (p: { diagnostics?: readonly { code: string; resource: string }[] }) =>
  (p.diagnostics ?? []).map((d) => `${d.code} ${d.resource}`);

describe("TwoRegionsThreeCenters with external links", () => {
  it("requester-only on production-dr: that peering keeps its bandwidth and only production routes it", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production,
      backup,
      dr,
      bandwidthMbps: 100,
      externalPeerings: { "production-dr": { requesterOnly: true } },
    });
    expect(p.diagnostics).toBeUndefined();
    expect(p.externalPeerings).toEqual({ "bank-production-dr": { mode: "requester-only" } });
    expect(p.peerings.find((x) => x.id === "bank-production-dr")).toMatchObject({ bandwidthMbps: 100 });
    const routes = describeTopology(p).routes.filter((r) => r.includes("vpc-prod -> vpc-dr"));
    expect(routes).toEqual(["vpc-prod [main] 10.3.0.0/16 via vpc-prod -> vpc-dr"]);
    // The other links are untouched: both ways.
    expect(p.routes.filter((r) => r.peering === "bank-backup-dr").map((r) => r.vpc)).toEqual([
      "vpc-backup",
      "vpc-dr",
    ]);
  });

  it("an existing backup-dr peering: no link options on it, the accepter's routes only, the rest as usual", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production,
      backup,
      dr,
      bandwidthMbps: 100,
      externalPeerings: { "backup-dr": { existingPeeringId: "pcx-made-by-backup" } },
    });
    expect(p.diagnostics).toBeUndefined();
    expect(p.externalPeerings).toEqual({
      "bank-backup-dr": { mode: "accept-existing", peeringId: "pcx-made-by-backup" },
    });
    expect(p.peerings.find((x) => x.id === "bank-backup-dr")).toEqual({
      id: "bank-backup-dr",
      vpc: "vpc-backup",
      peerVpc: "vpc-dr",
    });
    expect(p.peerings.find((x) => x.id === "bank-production-dr")).toMatchObject({ bandwidthMbps: 100 });
    expect(p.routes.filter((r) => r.peering === "bank-backup-dr")).toEqual([
      { vpc: "vpc-dr", destination: "10.2.0.0/16", peering: "bank-backup-dr" },
    ]);
  });

  it("the missing return route of an external link is the other stack's: the validators' advice is dropped for it only", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production,
      backup,
      dr,
      bandwidthMbps: 100,
      externalPeerings: { "production-dr": { requesterOnly: true } },
    });
    const found = validateDocument(drPlanDocument(p)).diagnostics.filter(
      (d) => d.code === "MISSING_RETURN_ROUTE",
    );
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      const route = p.routes[(d.ref as { key: number }).key]!;
      expect(isReturnRouteManagedElsewhere(p, d)).toBe(route.peering === "bank-production-dr");
    }
  });

  it("refuses requester-only within one account, both modes on one link, and a key that is no link", () => {
    const p = planTwoRegionsThreeCenters({
      name: "bank",
      production,
      backup,
      dr,
      externalPeerings: {
        "production-backup": { requesterOnly: true },
        "production-dr": { requesterOnly: true, existingPeeringId: "pcx-1" },
        ...({ "dr-production": { requesterOnly: true } } as object),
      },
    });
    expect(refusals(p)).toEqual([
      "EXTERNAL_PEERING_INVALID externalPeerings.dr-production",
      "EXTERNAL_PEERING_INVALID externalPeerings.production-backup.requesterOnly",
      "EXTERNAL_PEERING_INVALID externalPeerings.production-dr.requesterOnly",
    ]);
    expect(p.diagnostics![0]!.message).toContain("production-backup, production-dr, backup-dr");
    expect(p.diagnostics![1]!.message).toContain("both sides are in account 100001");
  });
});

describe("HubAndSpoke with external links", () => {
  const hub = site("vpc-hub", "ap-guangzhou", "100001", "10.0.0.0/16");
  const app = site("vpc-app", "ap-guangzhou", "100001", "10.1.0.0/16");
  const partner = site("vpc-partner", "ap-beijing", "100009", "10.9.0.0/16");

  it("requester-only to a partner spoke: the hub routes to it, the partner's stack routes back", () => {
    const p = planHubAndSpoke({
      name: "shared",
      hub,
      spokes: { app, partner },
      bandwidthMbps: 50,
      externalPeerings: { partner: { requesterOnly: true } },
    });
    expect(p.diagnostics).toBeUndefined();
    expect(p.externalPeerings).toEqual({ "shared-hub-partner": { mode: "requester-only" } });
    expect(describeTopology(p).routes).toEqual([
      "vpc-app [main] 10.0.0.0/16 via vpc-hub -> vpc-app",
      "vpc-hub [main] 10.1.0.0/16 via vpc-hub -> vpc-app",
      "vpc-hub [main] 10.9.0.0/16 via vpc-hub -> vpc-partner",
    ]);
  });

  it("the spoke's stack accepts the hub's existing peering and routes the spoke's side only", () => {
    const p = planHubAndSpoke({
      name: "shared",
      hub,
      spokes: { partner: { ...partner, routing: { routes: ["10.0.8.0/24"] } } },
      externalPeerings: { partner: { existingPeeringId: "pcx-hub" } },
    });
    expect(p.diagnostics).toBeUndefined();
    expect(p.routes).toEqual([
      { vpc: "vpc-partner", destination: "10.0.8.0/24", peering: "shared-hub-partner" },
    ]);
    expect(p.externalPeerings).toEqual({
      "shared-hub-partner": { mode: "accept-existing", peeringId: "pcx-hub" },
    });
  });

  it("refuses a key that is no spoke and an empty existing id", () => {
    const p = planHubAndSpoke({
      name: "shared",
      hub,
      spokes: { partner },
      externalPeerings: { partnr: { requesterOnly: true }, partner: { existingPeeringId: " " } },
    });
    expect(refusals(p)).toEqual([
      "EXTERNAL_PEERING_INVALID externalPeerings.partnr",
      "EXTERNAL_PEERING_INVALID externalPeerings.partner.existingPeeringId",
    ]);
  });
});
