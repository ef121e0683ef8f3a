/**
 * External peerings through the Pulumi TwoRegionDr: the accepter's stack of a peering requested elsewhere
 * (`existingPeeringId`) and the requester's stack that leaves the acceptance to the other account (`requesterOnly`).
 */
import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, kindOf, outputValue, type Registered, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { TwoRegionDr } = await import("../../../provider/pulumi/components/index.js");

async function childrenOf(component: {
  urn: import("@pulumi/pulumi").Output<string>;
}): Promise<Registered[]> {
  const urn = await outputValue(component.urn);
  return registered.filter((r) => r.parent === urn);
}
const of = (children: Registered[], kind: string) => children.filter((r) => kindOf(r) === kind);

const alice = { kind: "local" as const, account: "100001" };
const bob = { kind: "local" as const, account: "100002" };
const primary = { vpc: "vpc-alice", region: "ap-guangzhou", cidrs: ["10.10.0.0/16"], account: "100001" };
const standby = { vpc: "vpc-bob", region: "ap-beijing", cidrs: ["10.20.0.0/16"], account: "100002" };

describe("TwoRegionDr accepting an existing peering (the accepter's stack)", async () => {
  const dr = new TwoRegionDr("partner-link", {
    primary,
    standby: { ...standby, connection: bob, routing: { routes: ["10.10.3.0/24"] } },
    existingPeeringId: "pcx-from-partner",
  });
  await settle(dr, ...dr.routes);
  const children = await childrenOf(dr);

  it("creates no Peering, and accepts the given id with the standby's connection", async () => {
    expect(dr.peering).toBeUndefined();
    expect(of(children, "Peering")).toHaveLength(0);
    const acceptances = of(children, "PeeringAcceptance");
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]!.inputs).toMatchObject({ peeringId: "pcx-from-partner", connection: bob });
    // This stack accepts it, so its routes keep the plain wait.
    expect(of(children, "RouteRule").every((r) => r.inputs.acceptedByAccount === undefined)).toBe(true);
    expect(await outputValue(dr.peeringId)).toBe("pcx-from-partner");
  });

  it("routes the standby's side only, through the existing peering, after the acceptance", () => {
    const routes = of(children, "RouteRule");
    expect(routes.map((r) => [r.inputs.vpcId, r.inputs.destination, r.inputs.peeringId])).toEqual([
      ["vpc-bob", "10.10.3.0/24", "pcx-from-partner"],
    ]);
    expect(routes[0]!.dependencies).toContain(of(children, "PeeringAcceptance")[0]!.urn);
  });

  it("costs this stack nothing: the requester pays (seed 000)", async () => {
    const cost = await outputValue(dr.costEstimate);
    expect(cost.lines).toEqual(["partner-link: paid by the requester (account 100001), not this stack"]);
    expect(cost.perDay).toBe(0);
    expect(cost.unpriced).toEqual({});
  });

  it("refuses bandwidth on it (the requester's) before creating anything", () => {
    expect(
      () =>
        new TwoRegionDr("partner-bad", {
          primary,
          standby: { ...standby, connection: bob },
          existingPeeringId: "pcx-from-partner",
          bandwidthMbps: 100,
        }),
    ).toThrow(TopologyValidationError);
    expect(registered.some((r) => r.name.startsWith("partner-bad-"))).toBe(false);
  });
});

describe("TwoRegionDr requester-only (the requester's stack)", async () => {
  const dr = new TwoRegionDr("to-bob", {
    primary: { ...primary, connection: alice },
    standby,
    bandwidthMbps: 100,
    requesterOnly: true,
    timeoutSeconds: 30,
  });
  await settle(dr, dr.peering!, ...dr.routes);
  const children = await childrenOf(dr);

  it("requests the peering, accepts nothing, and routes the primary's side only", () => {
    expect(of(children, "Peering")[0]!.inputs).toMatchObject({ peerAccount: "100002", bandwidthMbps: 100 });
    expect(of(children, "PeeringAcceptance")).toHaveLength(0);
    expect(
      of(children, "RouteRule").map((r) => [r.inputs.vpcId, r.inputs.destination, r.inputs.timeoutSeconds]),
    ).toEqual([["vpc-alice", "10.20.0.0/16", 30]]);
  });

  it("tells its routes which account's stack accepts, for an honest timeout (PEERING_NOT_ACCEPTED)", () => {
    expect(of(children, "RouteRule").map((r) => r.inputs.acceptedByAccount)).toEqual(["100002"]);
  });

  it("reports the reachability of this stack's routes: none flows until the other stack routes back", async () => {
    expect(await outputValue(dr.reachabilityMatrix)).toEqual({
      "vpc-alice": { "vpc-bob": false },
      "vpc-bob": { "vpc-alice": false },
    });
  });

  it("refuses requester-only within one account", () => {
    let error: TopologyValidationError | undefined;
    try {
      new TwoRegionDr("to-self", {
        primary,
        standby: { ...standby, account: "100001" },
        requesterOnly: true,
      });
    } catch (e) {
      error = e as TopologyValidationError;
    }
    expect(error?.diagnostics.map((d) => d.code)).toContain("EXTERNAL_PEERING_INVALID");
    expect(error?.message).toContain("[to-self/requesterOnly] EXTERNAL_PEERING_INVALID");
  });
});
