/**
 * transitiveRouteOf: on a cloud's "not in the peer VPC" refusal, the core's TRANSITIVE_ROUTE for the route on what
 * the caller's account can read (the local engine's sessions stand in for a cloud backend: the same Backend reads).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { transitiveRouteOf } from "../../../provider/backends/shared/route-refusal.js";
import { checkPeeringRequest } from "../../../provider/core/peering-candidate.js";
import { openWorld, peer, vpc, type World } from "../local/support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function chain(farOwner: "a" | "c") {
  const a = await vpc(world.a, "10.0.0.0/16");
  const b = await vpc(world.a, "10.1.0.0/16");
  const c = await vpc(world[farOwner], "10.2.0.0/16");
  const ab = await peer(world.a, a, b);
  const bc = await peer(world.a, b, c);
  if (bc.status === "PENDING") await world[farOwner].acceptPeering(bc.id);
  return { a, b, c, ab };
}

describe("transitiveRouteOf", () => {
  it("names the chain when the destination lies in a VPC the peer is peered with", async () => {
    const { a, b, c, ab } = await chain("a");
    const found = await transitiveRouteOf(world.a, {
      vpcId: a.id,
      destination: "10.2.0.0/16",
      peeringId: ab.id,
    });
    expect(found?.code).toBe("TRANSITIVE_ROUTE");
    expect(found?.message).toContain(`lies in VPC "${c.id}"`);
    expect(found?.message).toContain(`to VPC "${b.id}"`);
    expect(found?.fix).toContain(`direct peering between "${a.id}" and "${c.id}"`);
  });

  it("leaves a destination in no VPC it can see to the cloud's code", async () => {
    const { a, ab } = await chain("a");
    expect(
      await transitiveRouteOf(world.a, { vpcId: a.id, destination: "10.9.0.0/16", peeringId: ab.id }),
    ).toBeUndefined();
  });

  it("leaves the far VPC of another account, which it cannot read, to the cloud's code", async () => {
    const { a, ab } = await chain("c");
    expect(
      await transitiveRouteOf(world.a, { vpcId: a.id, destination: "10.2.0.0/16", peeringId: ab.id }),
    ).toBeUndefined();
  });

  it("says nothing of a peering the route's VPC is not on, or one that does not exist", async () => {
    const { c, ab } = await chain("a");
    expect(
      await transitiveRouteOf(world.a, { vpcId: c.id, destination: "10.0.0.0/16", peeringId: ab.id }),
    ).toBeUndefined();
    expect(
      await transitiveRouteOf(world.a, { vpcId: c.id, destination: "10.0.0.0/16", peeringId: "pcx-none" }),
    ).toBeUndefined();
  });
});

describe("checkPeeringRequest with the VPC ids", () => {
  const request = { cloud: "tencentcloud", region: "ap-guangzhou", name: "dr" } as const;

  it("finds a VPC peered with itself, naming the VPC and the peering", () => {
    const [found, ...rest] = checkPeeringRequest({ ...request, vpcId: "vpc-1", peerVpcId: "vpc-1" });
    expect(rest).toEqual([]);
    expect(found?.code).toBe("SELF_PEERING");
    expect(found?.message).toBe('Peering "dr" connects VPC "vpc-1" to itself.');
  });

  it("finds nothing for two VPCs, for one id in two regions, or without the ids", () => {
    expect(checkPeeringRequest({ ...request, vpcId: "vpc-1", peerVpcId: "vpc-2" })).toEqual([]);
    expect(
      checkPeeringRequest({
        ...request,
        vpcId: "vpc-1",
        peerVpcId: "vpc-1",
        peerRegion: "ap-beijing",
        bandwidthMbps: 100,
      }),
    ).toEqual([]);
    expect(checkPeeringRequest(request)).toEqual([]);
  });
});
