/**
 * `existingId`: adopting what already exists instead of creating it (`pulumi import` cannot work for dynamic
 * providers, pulumi/pulumi#3550), and refusing an id that is not the thing the program declares.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { peering, vpc } from "../../../provider/pulumi/runtime/index.js";
import { BJ, GZ, impl, openWorld, rejection, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

describe("Vpc existingId", () => {
  it("adopts the VPC, creates nothing, and never deletes it", async () => {
    const existing = await world.oobA.createVpc({ name: "legacy", region: GZ, cidrs: ["10.0.0.0/16"] });
    const adopted = await up(vpc, {
      connection: world.a,
      name: "legacy",
      region: GZ,
      cidrs: ["10.0.0.0/16"],
      existingId: existing.id,
    });
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs.mainRouteTableId).toBe(existing.routeTables[0]?.id);
    expect((await world.oobA.listVpcs()).map((v) => v.id)).toEqual([existing.id]);
    await impl(vpc).delete(adopted.id, adopted.outs);
    expect((await world.oobA.describeVpc(existing.id)).id).toBe(existing.id);
  });

  it.each([
    ["region", { region: BJ, cidrs: ["10.0.0.0/16"] }],
    ["cidrs", { region: GZ, cidrs: ["10.9.0.0/16"] }],
  ])("refuses an existingId whose %s differs from the declaration", async (_what, declared) => {
    const existing = await world.oobA.createVpc({ name: "legacy", region: GZ, cidrs: ["10.0.0.0/16"] });
    const error = await rejection(
      impl(vpc).create({ connection: world.a, name: "legacy", ...declared, existingId: existing.id }),
    );
    expect(error.message).toContain(existing.id);
    expect(error.message).toMatch(/ Fix: \S/);
  });

  it("refuses an existingId that does not exist (NOT_FOUND)", async () => {
    const error = await rejection(
      impl(vpc).create({
        connection: world.a,
        name: "v",
        region: GZ,
        cidrs: ["10.0.0.0/16"],
        existingId: "vpc-nope",
      }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Peering existingId", () => {
  it("check does not call the adopted peering a duplicate; create adopts it (same id, no new peering)", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const existing = await world.oobA.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "legacy" });
    const adopted = await up(peering, {
      connection: world.a,
      vpcId: x.id,
      peerVpcId: y.id,
      name: "legacy",
      existingId: existing.id,
    });
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({ peeringId: existing.id, status: "ACTIVE" });
    expect((await world.oobA.listPeerings()).total).toBe(1);
  });

  it("refuses an existingId that joins other VPCs, naming both pairs", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const z = await vpcOf(world, world.a, "10.2.0.0/16");
    const other = await world.oobA.createPeering({ vpcId: x.id, peerVpcId: z.id, name: "other" });
    const error = await rejection(
      impl(peering).create({
        connection: world.a,
        vpcId: x.id,
        peerVpcId: y.id,
        name: "p",
        existingId: other.id,
      }),
    );
    expect(error.message).toContain(other.id);
    expect(error.message).toContain(z.id);
    expect(error.message).toContain(y.id);
    expect(error.message).toMatch(/ Fix: \S/);
    expect((await world.oobA.listPeerings()).total).toBe(1);
  });

  it("refuses a deleted existingId", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const gone = await world.oobA.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "gone" });
    await world.oobA.deletePeering(gone.id);
    const error = await rejection(
      impl(peering).create({
        connection: world.a,
        vpcId: x.id,
        peerVpcId: y.id,
        name: "p",
        existingId: gone.id,
      }),
    );
    expect(error.message).toContain("DELETED");
  });
});
