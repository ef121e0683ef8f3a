import { describe, expect, it } from "vitest";
import { canReach, computeReachability } from "../../provider/core/reachability.js";
import type { TopologyInput } from "../../provider/core/topology-schema.js";
import { validateDocument } from "../../provider/core/validate.js";
import { vpc } from "../support/fixtures.js";

function reach(doc: TopologyInput) {
  return computeReachability(validateDocument(doc).topology!);
}

/** Seed 000's picture: VPC 1 peers with VPC 2 and with VPC 3; VPC 2 and VPC 3 do not peer. */
const chain: TopologyInput = {
  vpcs: [vpc("v1", "10.1.0.0/16"), vpc("v2", "10.2.0.0/16"), vpc("v3", "10.3.0.0/16")],
  peerings: [
    { id: "p12", vpc: "v1", peerVpc: "v2" },
    { id: "p13", vpc: "v1", peerVpc: "v3" },
  ],
  routes: [
    { vpc: "v1", destination: "10.2.0.0/16", peering: "p12" },
    { vpc: "v2", destination: "10.1.0.0/16", peering: "p12" },
    { vpc: "v1", destination: "10.3.0.0/16", peering: "p13" },
    { vpc: "v3", destination: "10.1.0.0/16", peering: "p13" },
    // The transitive mistake: v2 sends v3's block to v1.
    { vpc: "v2", destination: "10.3.0.0/16", peering: "p12" },
  ],
};

describe("computeReachability", () => {
  it("is not transitive: v2 and v3 never reach each other through v1, whatever the routes say", () => {
    const r = reach(chain);
    expect(canReach(r, "v1", "v2")).toEqual({ flows: true, via: "p12" });
    expect(canReach(r, "v3", "v1")).toEqual({ flows: true, via: "p13" });
    expect(canReach(r, "v2", "v3")).toEqual({ flows: false });
    expect(canReach(r, "v3", "v2")).toEqual({ flows: false });
    // The wrong route does not even count as a destination of v1 reached from v2.
    expect(r.entries.find((e) => e.from === "v2" && e.to === "v1")?.destinations).toEqual(["10.1.0.0/16"]);
    // It is reported as what it is: sent into p12, and dropped by v1.
    expect(r.entries.find((e) => e.from === "v2" && e.to === "v1")?.dropped).toEqual(["10.3.0.0/16"]);
    expect(r.entries.filter((e) => e.dropped.length > 0)).toHaveLength(1);
  });

  it("lists two entries per peering in document order", () => {
    expect(reach(chain).entries.map((e) => `${e.from}>${e.to}`)).toEqual([
      "v1>v2",
      "v2>v1",
      "v1>v3",
      "v3>v1",
    ]);
  });

  it("a route without a return route does not flow; the return side is reported", () => {
    const r = reach({
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16")],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [{ vpc: "a", destination: "10.1.0.0/16", peering: "p" }],
    });
    expect(r.entries).toEqual([
      {
        from: "a",
        to: "b",
        peering: "p",
        destinations: ["10.1.0.0/16"],
        dropped: [],
        routeTables: ["main"],
        returnPath: false,
        flows: false,
      },
      {
        from: "b",
        to: "a",
        peering: "p",
        destinations: [],
        dropped: [],
        routeTables: [],
        returnPath: true,
        flows: false,
      },
    ]);
  });

  it("merges route tables and sorts destinations numerically", () => {
    const r = reach({
      vpcs: [
        vpc("a", "10.0.0.0/16", "ap-guangzhou", { routeTables: ["rtb-app"] }),
        vpc("b", ["10.10.0.0/16", "10.9.0.0/16"]),
      ],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", routeTable: "rtb-app", destination: "10.10.0.0/16", peering: "p" },
        { vpc: "a", destination: "10.9.0.0/16", peering: "p" },
        { vpc: "a", destination: "10.10.0.0/16", peering: "p" },
        { vpc: "b", destination: "10.0.0.0/16", peering: "p" },
      ],
    });
    expect(r.entries[0]).toMatchObject({
      destinations: ["10.9.0.0/16", "10.10.0.0/16"],
      dropped: [],
      routeTables: ["main", "rtb-app"],
      flows: true,
    });
  });
});
