/**
 * The Vpc resource changes secondary CIDRs in place where the backend can (journey 1: a secondary CIDR added to the
 * standby VPC of a live DR peering keeps the VPC, the peering and its routes), and a refused block leaves the VPC
 * as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { peering, vpc } from "../../../provider/pulumi/runtime/index.js";
import { BJ, impl, openWorld, rejection, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function peeredStandby() {
  const primary = await vpcOf(world, world.a, "10.0.0.0/16");
  const standby = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
  const link = await up(peering, {
    connection: world.a,
    vpcId: primary.id,
    peerVpcId: standby.id,
    name: "dr",
    bandwidthMbps: 100,
  });
  return { primary, standby, link };
}

describe("Vpc update: secondary CIDRs in place", () => {
  it("adds and removes a secondary block on the same VPC; the live peering is untouched", async () => {
    const { standby, link } = await peeredStandby();
    const grown = { ...standby.inputs, cidrs: ["10.1.0.0/16", "10.2.0.0/16"] };
    expect((await impl(vpc).diff(standby.id, standby.outs, grown)).replaces).toEqual([]);
    const updated = await impl(vpc).update(standby.id, standby.outs, grown);
    expect(updated.outs).toMatchObject({ vpcId: standby.id, cidrs: ["10.1.0.0/16", "10.2.0.0/16"] });
    expect((await world.oobA.describeVpc(standby.id)).cidrs).toEqual(["10.1.0.0/16", "10.2.0.0/16"]);
    expect((await world.oobA.describePeering(link.id)).status).toBe("ACTIVE");

    const back = await impl(vpc).update(standby.id, updated.outs, standby.inputs);
    expect(back.outs).toMatchObject({ cidrs: ["10.1.0.0/16"] });
    expect((await world.oobA.describeVpc(standby.id)).cidrs).toEqual(["10.1.0.0/16"]);
  });

  it("a block overlapping the peer fails the update with CIDR_OVERLAP and the VPC keeps its blocks", async () => {
    const { standby, link } = await peeredStandby();
    const error = await rejection(
      impl(vpc).update(standby.id, standby.outs, {
        ...standby.inputs,
        cidrs: ["10.1.0.0/16", "10.0.128.0/17"],
      }),
    );
    expect(error.message).toMatch(/CIDR_OVERLAP/);
    expect(error.message).toContain("10.0.128.0/17");
    expect(error.message).toContain("10.0.0.0/16");
    expect((await world.oobA.describeVpc(standby.id)).cidrs).toEqual(["10.1.0.0/16"]);
    expect((await world.oobA.describePeering(link.id)).status).toBe("ACTIVE");
  });
});
