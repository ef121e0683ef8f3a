/**
 * setSecondaryCidrs: a VPC's blocks after the primary are added and removed in place (Tencent CreateAssistantCidr /
 * DeleteAssistantCidr), refused with the core's codes when a new block overlaps the VPC itself, a live peer, or
 * another cross-region peer of a peer (seed 000); a refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  activePeering,
  BJ,
  expectRefusal,
  openWorld,
  peer,
  SH,
  VARIANTS,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

describe("setSecondaryCidrs", () => {
  it("adds and removes blocks after the primary, in canonical form, keeping the id and the route tables", async () => {
    const created = await vpc(world.a, ["10.0.0.0/16", "172.16.0.0/20"]);
    const grown = await world.a.setSecondaryCidrs(created.id, [
      "172.16.0.0/20",
      "192.168.0.0/24",
      "192.168.1.0/24",
    ]);
    expect(grown).toEqual({
      ...created,
      cidrs: ["10.0.0.0/16", "172.16.0.0/20", "192.168.0.0/24", "192.168.1.0/24"],
    });
    expect(await world.a.describeVpc(created.id)).toEqual(grown);
    const shrunk = await world.a.setSecondaryCidrs(created.id, ["192.168.0.0/24"]);
    expect(shrunk.cidrs).toEqual(["10.0.0.0/16", "192.168.0.0/24"]);
    expect((await world.a.setSecondaryCidrs(created.id, [])).cidrs).toEqual(["10.0.0.0/16"]);
  });

  it.each([
    [
      "overlapping the primary",
      ["10.0.1.0/24"],
      "InvalidParameterValue.VpcCidrConflict",
      ["10.0.1.0/24", "10.0.0.0/16"],
    ],
    ["twice", ["172.16.0.0/16", "172.16.0.0/16"], "InvalidParameterValue.VpcCidrConflict", ["172.16.0.0/16"]],
    ["not a CIDR", ["garbage"], "InvalidParameterValue.Malformed", ["garbage"]],
    [
      "with host bits",
      ["172.16.0.1/16"],
      "InvalidParameterValue.Malformed",
      ["172.16.0.1/16", "172.16.0.0/16"],
    ],
  ])("a block %s is INVALID_CIDR and changes nothing", async (_what, secondary, cloudCode, mentions) => {
    const created = await vpc(world.a, "10.0.0.0/16");
    await expectRefusal(world.a.setSecondaryCidrs(created.id, secondary), {
      code: "INVALID_CIDR",
      cloudCode,
      mentions,
    });
    expect(await world.a.describeVpc(created.id)).toEqual(created);
  });

  it.each(VARIANTS)(
    "%s: a block overlapping the live peer is CIDR_OVERLAP, naming both blocks",
    async (variant) => {
      const { vpc: own, peerVpc } = await activePeering(world, variant);
      await expectRefusal(world.a.setSecondaryCidrs(own.id, ["10.1.128.0/17"]), {
        code: "CIDR_OVERLAP",
        cloudCode: "UnsupportedOperation.VpcPeerCidrConflict",
        mentions: ["10.1.128.0/17", "10.1.0.0/16", peerVpc.id],
      });
      expect((await world.a.describeVpc(own.id)).cidrs).toEqual(["10.0.0.0/16"]);
      // A block disjoint from the peer is fine.
      expect((await world.a.setSecondaryCidrs(own.id, ["10.2.0.0/16"])).cidrs).toEqual([
        "10.0.0.0/16",
        "10.2.0.0/16",
      ]);
    },
  );

  it("a peering that is no longer live does not count", async () => {
    const { vpc: own, peering } = await activePeering(world, "same-account");
    await world.a.deletePeering(peering.id);
    expect((await world.a.setSecondaryCidrs(own.id, ["10.1.128.0/17"])).cidrs).toEqual([
      "10.0.0.0/16",
      "10.1.128.0/17",
    ]);
  });

  it("a block that makes two cross-region peers of a hub overlap is PEER_CIDR_CONFLICT (seed 000)", async () => {
    const hub = await vpc(world.a, "10.0.0.0/16");
    const bj = await vpc(world.a, "10.1.0.0/16", BJ);
    const sh = await vpc(world.a, "10.2.0.0/16", SH);
    await peer(world.a, hub, bj);
    await peer(world.a, hub, sh);
    await expectRefusal(world.a.setSecondaryCidrs(sh.id, ["10.1.64.0/18"]), {
      code: "PEER_CIDR_CONFLICT",
      cloudCode: "UnauthorizedOperation.VpcPeerCidrConflict",
      mentions: ["10.1.0.0/16"],
    });
    expect((await world.a.describeVpc(sh.id)).cidrs).toEqual(["10.2.0.0/16"]);
  });

  it("removing every secondary block leaves the primary", async () => {
    const created = await vpc(world.a, ["10.0.0.0/16", "172.16.0.0/16"]);
    expect((await world.a.setSecondaryCidrs(created.id, [])).cidrs).toEqual(["10.0.0.0/16"]);
  });

  it("another account's VPC is NOT_FOUND, and stays as it was", async () => {
    const theirs = await vpc(world.b, "10.0.0.0/16");
    await expectRefusal(world.a.setSecondaryCidrs(theirs.id, ["10.9.0.0/16"]), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [theirs.id],
    });
    expect((await world.b.describeVpc(theirs.id)).cidrs).toEqual(["10.0.0.0/16"]);
  });
});
