import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { TwoRegionsThreeCenters } = await import("../../../provider/pulumi/components/index.js");

// Journey 3: a bank's template, production and backup in Shanghai, remote DR in Beijing.
const production = { vpc: "vpc-sh-prod", region: "ap-shanghai", cidrs: ["10.0.0.0/16"], account: "100001" };
const backup = { vpc: "vpc-sh-backup", region: "ap-shanghai", cidrs: ["10.1.0.0/16"], account: "100001" };
const dr = { vpc: "vpc-bj-dr", region: "ap-beijing", cidrs: ["10.2.0.0/16"], account: "100001" };

describe("TwoRegionsThreeCenters (journey 3)", async () => {
  const centres = new TwoRegionsThreeCenters("bank", { production, backup, dr, bandwidthMbps: 100 });
  await settle(centres, ...Object.values(centres.peerings).filter((p) => p !== undefined), ...centres.routes);
  const urn = await outputValue(centres.urn);
  const children = registered.filter((r) => r.parent === urn);
  const peerings = children.filter((r) => kindOf(r) === "Peering");

  it("builds all three peerings: peering is not transitive", () => {
    expect(peerings.map((p) => [p.name, p.inputs.vpcId, p.inputs.peerVpcId]).sort()).toEqual([
      ["bank-backup-dr", "vpc-sh-backup", "vpc-bj-dr"],
      ["bank-production-backup", "vpc-sh-prod", "vpc-sh-backup"],
      ["bank-production-dr", "vpc-sh-prod", "vpc-bj-dr"],
    ]);
  });

  it("puts bandwidth on the cross-region peerings only (same-region is free, seed 000)", () => {
    const byName = Object.fromEntries(peerings.map((p) => [p.name, p.inputs]));
    expect(byName["bank-production-backup"]).not.toHaveProperty("bandwidthMbps");
    expect(byName["bank-production-dr"]).toMatchObject({ bandwidthMbps: 100 });
    expect(byName["bank-backup-dr"]).toMatchObject({ bandwidthMbps: 100 });
  });

  it("routes full mesh: each centre to each other centre through their own peering", () => {
    const routes = children
      .filter((r) => kindOf(r) === "RouteRule")
      .map((r) => `${r.inputs.vpcId} ${r.inputs.destination} ${r.inputs.peeringId}`);
    expect(routes.sort()).toEqual(
      [
        "vpc-sh-prod 10.1.0.0/16 pcx-bank-production-backup",
        "vpc-sh-backup 10.0.0.0/16 pcx-bank-production-backup",
        "vpc-sh-prod 10.2.0.0/16 pcx-bank-production-dr",
        "vpc-bj-dr 10.0.0.0/16 pcx-bank-production-dr",
        "vpc-sh-backup 10.2.0.0/16 pcx-bank-backup-dr",
        "vpc-bj-dr 10.1.0.0/16 pcx-bank-backup-dr",
      ].sort(),
    );
  });

  it("outputs ids and statuses by link, every pair reachable both ways, and the cost", async () => {
    expect(await outputValue(centres.peeringIds)).toEqual({
      "production-backup": "pcx-bank-production-backup",
      "production-dr": "pcx-bank-production-dr",
      "backup-dr": "pcx-bank-backup-dr",
    });
    expect(Object.values(await outputValue(centres.statuses))).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    const matrix = await outputValue(centres.reachabilityMatrix);
    expect(matrix["vpc-bj-dr"]).toEqual({ "vpc-sh-prod": true, "vpc-sh-backup": true });
    expect(matrix["vpc-sh-backup"]).toEqual({ "vpc-sh-prod": true, "vpc-bj-dr": true });
    const cost = await outputValue(centres.costEstimate);
    expect(cost.lines.find((l) => l.startsWith("bank-production-backup"))).toMatch(/: 0 CNY\/day/);
    expect(await outputValue(centres.estimatedDailyCost)).toBeGreaterThan(0);
  });

  it("refuses the edit that routes Beijing to the backup through production: TRANSITIVE_ROUTE naming the chain", () => {
    let error: unknown;
    try {
      new TwoRegionsThreeCenters("edited", {
        production,
        backup,
        dr,
        bandwidthMbps: 100,
        additionalRoutes: [{ from: "dr", destination: "10.1.0.0/16", via: "production-dr" }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopologyValidationError);
    const transitive = (error as TopologyValidationError).diagnostics.filter(
      (d) => d.code === "TRANSITIVE_ROUTE",
    );
    expect(transitive).toHaveLength(1);
    expect(transitive[0]?.message).toContain(
      '"vpc-bj-dr" → (edited-production-dr) → "vpc-sh-prod" → (edited-production-backup) → "vpc-sh-backup"',
    );
    expect(transitive[0]?.fix).toContain('"edited-backup-dr"');
    expect(registered.some((r) => r.name.startsWith("edited"))).toBe(false);
  });
});
