/**
 * modifyPeering: name, description, bandwidth, charge type and tags, by either side, re-validated with the core
 * rules (seed 000 tiers and billing, seed 003 name length); a refused change leaves the peering as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ModifyPeeringInput, PeeringInfo } from "../../../provider/backends/index.js";
import { BJ, expectRefusal, openWorld, pair, peer, type Refusal, VARIANTS, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function crossRegion(status: "PENDING" | "ACTIVE" = "ACTIVE"): Promise<PeeringInfo> {
  const p = await pair(world, "cross-account", BJ);
  const created = await peer(world.a, p.vpc, p.peerVpc, { tags: { env: "dev" }, description: "first" });
  return status === "ACTIVE" ? world.b.acceptPeering(created.id) : created;
}

describe("modifyPeering", () => {
  it.each<[string, ModifyPeeringInput, Partial<PeeringInfo>]>([
    ["name", { name: "renamed" }, { name: "renamed" }],
    ["description", { description: "second" }, { description: "second" }],
    ["bandwidth", { bandwidthMbps: 500 }, { bandwidthMbps: 500 }],
    ["charge type", { chargeType: "POSTPAID_BY_MONTH_95" }, { chargeType: "POSTPAID_BY_MONTH_95" }],
    ["tags (replaced)", { tags: { team: "x" } }, { tags: { team: "x" } }],
    [
      "several at once",
      { name: "n2", bandwidthMbps: 10, tags: {} },
      { name: "n2", bandwidthMbps: 10, tags: {}, description: "first" },
    ],
  ])("changes the %s, visible to both sides, and stamps updatedAt", async (_, changes, expected) => {
    const before = await crossRegion();
    world.clock.advance(1234);
    const after = await world.b.modifyPeering(before.id, changes);
    expect(after).toEqual({ ...before, ...expected, updatedAt: new Date(world.clock.now()).toISOString() });
    expect(await world.a.describePeering(before.id)).toEqual(after);
  });

  it("an empty change leaves every field but updatedAt", async () => {
    const before = await crossRegion("PENDING");
    const after = await world.a.modifyPeering(before.id, {});
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
  });

  it.each(VARIANTS)("%s: a PENDING or ACTIVE peering keeps its state", async (variant) => {
    const p = await pair(world, variant);
    const created = await peer(world.a, p.vpc, p.peerVpc);
    expect((await world.a.modifyPeering(created.id, { name: "kept" })).status).toBe(created.status);
  });

  it.each<[string, ModifyPeeringInput, Refusal]>([
    [
      "a 61-character name",
      { name: "n".repeat(61) },
      { code: "INVALID_NAME", cloudCode: "InvalidParameterValue.TooLong", mentions: ["61 characters"] },
    ],
    [
      "an empty name",
      { name: "" },
      { code: "INVALID_NAME", cloudCode: "InvalidParameterValue.Empty", mentions: ["0 characters"] },
    ],
    [
      "a bandwidth that is not a tier",
      { bandwidthMbps: 300 },
      { code: "INVALID_BANDWIDTH", cloudCode: "InvalidParameterValue.Range", mentions: ["300", "Use 500"] },
    ],
    [
      "a charge type Tencent does not offer",
      { chargeType: "Prepaid" },
      { code: "INVALID_CHARGE_TYPE", cloudCode: "InvalidParameterValue", mentions: ["Prepaid"] },
    ],
  ])("refuses %s and changes nothing", async (_, changes, expected) => {
    const before = await crossRegion();
    world.clock.advance(1000);
    const error = await expectRefusal(world.a.modifyPeering(before.id, changes), expected);
    expect(error.message).toContain(before.id);
    expect(await world.b.describePeering(before.id)).toEqual(before);
  });

  it("refuses a charge type change that a platinum service level cannot have (seed 000)", async () => {
    const p = await pair(world, "cross-account", BJ);
    const created = await peer(world.a, p.vpc, p.peerVpc, {
      serviceLevel: "platinum",
      chargeType: "POSTPAID_BY_MONTH_95",
    });
    await expectRefusal(world.a.modifyPeering(created.id, { chargeType: "POSTPAID_BY_DAY_MAX" }), {
      code: "INVALID_CHARGE_TYPE",
      cloudCode: "InvalidParameterValue",
      mentions: ["platinum", "POSTPAID_BY_MONTH_95"],
    });
    expect((await world.a.describePeering(created.id)).chargeType).toBe("POSTPAID_BY_MONTH_95");
  });

  it("refuses lowering the bandwidth below an existing per-IP limit, naming the limit", async () => {
    const before = await crossRegion();
    await world.a.setBandwidthLimit(before.id, { ip: "10.0.0.9", limitMbps: 50 });
    await expectRefusal(world.b.modifyPeering(before.id, { bandwidthMbps: 20 }), {
      code: "BANDWIDTH_POLICY_INVALID",
      cloudCode: "InvalidParameterValue",
      mentions: ["limitMbps 50", "20 Mbps"],
    });
    expect((await world.a.describePeering(before.id)).bandwidthMbps).toBe(100);
    // Down to the limit itself is fine.
    expect((await world.b.modifyPeering(before.id, { bandwidthMbps: 50 })).bandwidthMbps).toBe(50);
  });
});
