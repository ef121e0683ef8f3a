/**
 * Per-IP outbound limits on a peering (seed 000 "配置跨地域对等连接的流控"): Tencent cross-region peerings only, the IP
 * inside the side's VPC, the limit within the peering's bandwidth; set is an upsert; removed with the peering.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PeeringInfo, SetBandwidthLimitInput, VpcInfo } from "../../../provider/backends/index.js";
import { activePeering, BJ, expectRefusal, GZ, openWorld, pair, peer, vpc, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const POLICY = { code: "BANDWIDTH_POLICY_INVALID", cloudCode: "InvalidParameterValue" } as const;

/** An ACTIVE Tencent cross-region peering x (10.0/16, Guangzhou, a) - y (10.1/16, Beijing, b), 100 Mbps. */
async function crossRegion(): Promise<{ x: VpcInfo; y: VpcInfo; peering: PeeringInfo }> {
  const { vpc: x, peerVpc: y, peering } = await activePeering(world, "cross-account", BJ);
  expect(peering.bandwidthMbps).toBe(100);
  return { x, y, peering };
}

describe("set, list, remove", () => {
  it("set defaults to the requester VPC, upserts per IP, lists by IP, removes", async () => {
    const { x, y, peering } = await crossRegion();
    expect(await world.a.setBandwidthLimit(peering.id, { ip: "10.0.3.4", limitMbps: 50 })).toEqual({
      peeringId: peering.id,
      vpcId: x.id,
      ip: "10.0.3.4",
      limitMbps: 50,
    });
    await world.b.setBandwidthLimit(peering.id, { vpcId: y.id, ip: "10.1.0.7", limitMbps: 100 });
    // Upsert: the same IP again replaces its limit.
    await world.a.setBandwidthLimit(peering.id, { ip: "10.0.3.4", limitMbps: 20 });
    const expected = [
      { peeringId: peering.id, vpcId: x.id, ip: "10.0.3.4", limitMbps: 20 },
      { peeringId: peering.id, vpcId: y.id, ip: "10.1.0.7", limitMbps: 100 },
    ];
    expect(await world.a.listBandwidthLimits(peering.id)).toEqual(expected);
    expect(await world.b.listBandwidthLimits(peering.id)).toEqual(expected);
    await world.b.removeBandwidthLimit(peering.id, "10.0.3.4");
    expect(await world.a.listBandwidthLimits(peering.id)).toEqual([expected[1]]);
  });

  it("removing a limit that does not exist is NOT_FOUND", async () => {
    const { peering } = await crossRegion();
    await expectRefusal(world.a.removeBandwidthLimit(peering.id, "10.0.0.1"), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [peering.id, "10.0.0.1"],
    });
  });

  it("deleting the peering removes its limits (the peering stays visible)", async () => {
    const { peering } = await crossRegion();
    await world.a.setBandwidthLimit(peering.id, { ip: "10.0.0.1", limitMbps: 10 });
    await world.b.deletePeering(peering.id);
    expect(await world.a.listBandwidthLimits(peering.id)).toEqual([]);
    await expectRefusal(world.a.removeBandwidthLimit(peering.id, "10.0.0.1"), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
    });
  });
});

describe("refusals", () => {
  it.each<[string, (x: VpcInfo, y: VpcInfo) => SetBandwidthLimitInput, string[]]>([
    [
      "an IP outside the requester VPC",
      () => ({ ip: "10.1.0.5", limitMbps: 10 }),
      ["10.1.0.5", "10.0.0.0/16"],
    ],
    [
      "an IP outside the named side's VPC",
      (_, y) => ({ vpcId: y.id, ip: "10.0.0.5", limitMbps: 10 }),
      ["10.0.0.5", "10.1.0.0/16"],
    ],
    [
      "a limit above the peering's bandwidth",
      () => ({ ip: "10.0.0.5", limitMbps: 101 }),
      ["101", "100 Mbps"],
    ],
  ])("%s is BANDWIDTH_POLICY_INVALID", async (_, input, mentions) => {
    const { x, y, peering } = await crossRegion();
    await expectRefusal(world.a.setBandwidthLimit(peering.id, input(x, y)), {
      ...POLICY,
      mentions,
    });
    expect(await world.a.listBandwidthLimits(peering.id)).toEqual([]);
  });

  it("a VPC that is not a side of the peering is BANDWIDTH_POLICY_INVALID naming both sides", async () => {
    const { x, y, peering } = await crossRegion();
    const other = await vpc(world.a, "10.9.0.0/16");
    await expectRefusal(
      world.a.setBandwidthLimit(peering.id, { vpcId: other.id, ip: "10.9.0.1", limitMbps: 10 }),
      {
        ...POLICY,
        mentions: [other.id, x.id, y.id],
      },
    );
  });

  // The core's rule (isLimitMbps: a positive whole number of Mbps), as validate and the Pulumi inputs apply it.
  it.each<[number]>([[0], [-5], [Number.NaN], [1.5]])(
    "a limit of %s Mbps is BANDWIDTH_POLICY_INVALID",
    async (limitMbps) => {
      const { peering } = await crossRegion();
      await expectRefusal(world.a.setBandwidthLimit(peering.id, { ip: "10.0.0.5", limitMbps }), {
        code: "BANDWIDTH_POLICY_INVALID",
        cloudCode: "InvalidParameterValue",
        mentions: [String(limitMbps), peering.id],
      });
      expect(await world.a.listBandwidthLimits(peering.id)).toEqual([]);
    },
  );

  it("an IP that is not an address is INVALID_CIDR", async () => {
    const { peering } = await crossRegion();
    await expectRefusal(world.a.setBandwidthLimit(peering.id, { ip: "ten.0.0.5", limitMbps: 10 }), {
      code: "INVALID_CIDR",
      cloudCode: "InvalidParameterValue.Malformed",
      mentions: ["ten.0.0.5"],
    });
  });

  it("a same-region Tencent peering has no flow control (seed 000)", async () => {
    const { peering } = await activePeering(world, "cross-account", GZ);
    await expectRefusal(world.a.setBandwidthLimit(peering.id, { ip: "10.0.0.5", limitMbps: 10 }), {
      ...POLICY,
      mentions: ["same-region", peering.id, "10.0.0.5"],
    });
  });

  it("a Huawei peering has no per-IP limits", async () => {
    // Huawei peerings are regional (the rulebook), so both VPCs are in one region.
    const x = await vpc(world.a, "10.0.0.0/16", GZ, { cloud: "huaweicloud" });
    const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud: "huaweicloud" });
    const p = await peer(world.a, x, y, { bandwidthMbps: undefined });
    await expectRefusal(world.a.setBandwidthLimit(p.id, { ip: "10.0.0.5", limitMbps: 10 }), {
      ...POLICY,
      cloudCode: "BandwidthPolicyInvalid",
      mentions: ["huaweicloud", p.id],
    });
  });

  it("a PENDING peering is PEERING_NOT_ACTIVE", async () => {
    const p = await pair(world, "cross-account", BJ);
    const created = await peer(world.a, p.vpc, p.peerVpc);
    await expectRefusal(world.a.setBandwidthLimit(created.id, { ip: "10.0.0.5", limitMbps: 10 }), {
      code: "PEERING_NOT_ACTIVE",
      cloudCode: "UnsupportedOperation.InvalidState",
      mentions: [created.id, "PENDING"],
    });
  });
});
