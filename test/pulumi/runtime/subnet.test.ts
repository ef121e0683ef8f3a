/**
 * The Subnet resource's provider: plan-time refusals from the core (subnetShapeProblems, SUBNET_INVALID), a
 * dual-stack subnet's assigned IPv6 block as an output, replacement on a new block, refresh and delete.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subnet, UNKNOWN, vpc } from "../../../provider/pulumi/runtime/index.js";
import { impl, openWorld, rejection, up, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function huaweiVpc() {
  return up(vpc, {
    connection: world.a,
    name: "hw",
    region: "cn-east-3",
    cidrs: ["10.0.0.0/16"],
    cloud: "huaweicloud",
  });
}

describe("Subnet check (plan time)", () => {
  it.each([
    ["tencentcloud", "10.0.1.0/24", true, "ipv6", "subnets.ipv6AtCreate"],
    ["huaweicloud", "10.0.1.0/29", false, "cidr", "/28"],
    ["huaweicloud", "2001:db8::/64", true, "cidr", "is IPv6"],
    ["huaweicloud", "10.0.1.1/24", false, "cidr", "10.0.1.0/24"],
  ] as const)("on %s, %s ipv6=%s is refused on %s", async (cloud, cidr, ipv6, property, mention) => {
    const { failures } = await impl(subnet).check(
      {},
      { connection: world.a, vpcId: "vpc-x", name: "s", cidr, ipv6, cloud },
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toBe(property);
    expect(failures[0]!.reason).toMatch(/^SUBNET_INVALID: /);
    expect(failures[0]!.reason).toContain(mention);
    expect(failures[0]!.reason).toContain("Fix:");
  });

  it("without the cloud judges the block only; unknown values wait", async () => {
    const base = { connection: world.a, vpcId: "vpc-x", name: "s", cidr: "10.0.1.0/24", ipv6: true };
    expect((await impl(subnet).check({}, base)).failures).toEqual([]);
    expect(
      (await impl(subnet).check({}, { ...base, cidr: UNKNOWN, cloud: "tencentcloud" })).failures,
    ).toEqual([]);
    expect((await impl(subnet).check({}, { ...base, cidr: "10.0.1.0" })).failures).toHaveLength(1);
  });
});

describe("Subnet lifecycle on the local backend", () => {
  it("creates a dual-stack subnet with the assigned IPv6 block, refreshes it, replaces on a new block, deletes", async () => {
    const v = await huaweiVpc();
    const s = await up(subnet, {
      connection: world.a,
      vpcId: v.id,
      name: "db",
      cidr: "10.0.2.0/24",
      ipv6: true,
      cloud: "huaweicloud",
    });
    const live = await world.oobA.describeSubnet(s.id);
    expect(s.outs).toMatchObject({ subnetId: s.id, gatewayIp: "10.0.2.1", ipv6Cidr: live.ipv6Cidr });
    expect(live.ipv6Cidr).toMatch(/::\/64$/);

    const read = await impl(subnet).read(s.id, s.outs);
    expect(read).toEqual({ id: s.id, props: s.outs });
    const diff = await impl(subnet).diff(s.id, s.outs, { ...s.inputs, cidr: "10.0.3.0/24" });
    expect(diff.replaces).toEqual(["cidr"]);
    expect((await impl(subnet).diff(s.id, s.outs, s.inputs)).changes).toBe(false);

    await impl(subnet).delete(s.id, s.outs);
    expect(await world.oobA.listSubnets(v.id)).toEqual([]);
    // Gone already (deleted out of band): read says so, delete is done.
    expect(await impl(subnet).read(s.id, s.outs)).toEqual({});
    await impl(subnet).delete(s.id, s.outs);
  });

  it("an IPv4-only subnet's ipv6Cidr is known and empty; a block outside the VPC is the backend's SUBNET_INVALID", async () => {
    const v = await huaweiVpc();
    const s = await up(subnet, { connection: world.a, vpcId: v.id, name: "app", cidr: "10.0.1.0/24" });
    expect(s.outs.ipv6Cidr).toBe("");
    const error = await rejection(
      impl(subnet).create({ connection: world.a, vpcId: v.id, name: "far", cidr: "10.9.0.0/24" }),
    );
    expect(error).toMatchObject({ code: "SUBNET_INVALID" });
    expect(error.message).toContain("10.0.0.0/16");
  });

  it("a rerun of a killed create with the same identity gets the same subnet back", async () => {
    const v = await huaweiVpc();
    const inputs = {
      connection: world.a,
      vpcId: v.id,
      name: "app",
      cidr: "10.0.1.0/24",
      createIdentity: "urn:pulumi:dev::p::peerlink:index:Subnet::app",
    };
    const first = await impl(subnet).create(inputs);
    const again = await impl(subnet).create(inputs);
    expect(again.id).toBe(first.id);
    expect(await world.oobA.listSubnets(v.id)).toHaveLength(1);
  });
});
