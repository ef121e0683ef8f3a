import { describe, expect, it, vi } from "vitest";
import { PeerlinkError, TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { HubAndSpoke } = await import("../../../provider/pulumi/components/index.js");

const hub = { vpc: "vpc-hub", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: "100001" };
const spokes = {
  a: { vpc: "vpc-a", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"], account: "100001" },
  b: { vpc: "vpc-b", region: "ap-guangzhou", cidrs: ["10.2.0.0/16"], account: "100002" },
};

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("HubAndSpoke", async () => {
  const star = new HubAndSpoke("shared", { hub, spokes });
  await settle(star, ...star.hubPeerings.values(), ...star.routes);
  const urn = await outputValue(star.urn);
  const mine = registered.filter((r) => r.parent === urn);

  it("peers each spoke with the hub, the spokes with nothing else", () => {
    const peerings = mine.filter((r) => kindOf(r) === "Peering");
    expect(peerings.map((p) => [p.name, p.inputs.vpcId, p.inputs.peerVpcId])).toEqual([
      ["shared-hub-a", "vpc-hub", "vpc-a"],
      ["shared-hub-b", "vpc-hub", "vpc-b"],
    ]);
    expect(star.spokePeerings.size).toBe(0);
  });

  it("accepts the cross-account spoke's peering with that spoke's connection, and only that one", () => {
    const acceptances = mine.filter((r) => kindOf(r) === "PeeringAcceptance");
    expect(acceptances.map((a) => [a.name, a.inputs.peeringId])).toEqual([
      ["shared-hub-b-acceptance", "pcx-shared-hub-b"],
    ]);
  });

  it("routes hub and spokes both ways; spokes do not reach each other", async () => {
    expect(mine.filter((r) => kindOf(r) === "RouteRule")).toHaveLength(4);
    const matrix = await outputValue(star.reachabilityMatrix);
    expect(matrix["vpc-a"]).toEqual({ "vpc-hub": true });
    expect(matrix["vpc-hub"]).toEqual({ "vpc-a": true, "vpc-b": true });
  });

  it("refuses spoke-to-spoke routes through the hub with TRANSITIVE_ROUTE, one per route", () => {
    const error = thrown(() => new HubAndSpoke("through-hub", { hub, spokes, routeSpokesThroughHub: true }));
    expect(error).toBeInstanceOf(TopologyValidationError);
    const transitive = (error as TopologyValidationError).diagnostics.filter(
      (d) => d.code === "TRANSITIVE_ROUTE",
    );
    expect(transitive).toHaveLength(2);
    expect(transitive.map((d) => d.message).join("\n")).toContain(
      '"vpc-a" → (through-hub-hub-a) → "vpc-hub" → (through-hub-hub-b) → "vpc-b"',
    );
    expect(registered.some((r) => r.name.startsWith("through-hub"))).toBe(false);
  });

  it("meshSpokes peers the spokes directly instead", async () => {
    const mesh = new HubAndSpoke("mesh", { hub, spokes, meshSpokes: true });
    await settle(mesh, ...mesh.hubPeerings.values(), ...mesh.spokePeerings.values(), ...mesh.routes);
    const peering = registered.find((r) => r.name === "mesh-a-b");
    expect(peering?.inputs).toMatchObject({ vpcId: "vpc-a", peerVpcId: "vpc-b", peerAccount: "100002" });
    expect([...mesh.spokePeerings.keys()]).toEqual(["a-b"]);
    expect((await outputValue(mesh.reachabilityMatrix))["vpc-a"]).toEqual({ "vpc-hub": true, "vpc-b": true });
    expect(Object.keys(await outputValue(mesh.peeringIds)).sort()).toEqual([
      "mesh-a-b",
      "mesh-hub-a",
      "mesh-hub-b",
    ]);
  });

  it("refuses spoke keys that are not plain names", () => {
    const error = thrown(() => new HubAndSpoke("bad", { hub, spokes: { "a b": spokes.a } }));
    expect(error).toBeInstanceOf(PeerlinkError);
    expect((error as PeerlinkError).code).toBe("INVALID_SPOKE_KEY");
  });
});
