/**
 * `read` (pulumi refresh) reports drift made out of band: a peering deleted or rejected, a route removed, a name
 * changed. A resource that is gone comes back without an id, so the engine drops it from the state.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bandwidthPolicy,
  peering,
  peeringAcceptance,
  routeRule,
  vpc,
} from "../../../provider/pulumi/runtime/index.js";
import { ACCOUNT_B, type Applied, GZ, impl, openWorld, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function sameAccountPeering() {
  const x = await vpcOf(world, world.a, "10.0.0.0/16");
  const y = await vpcOf(world, world.a, "10.1.0.0/16");
  const p = await up(peering, {
    connection: world.a,
    vpcId: x.id,
    peerVpcId: y.id,
    name: "p",
    tags: { a: "1" },
  });
  return { x, y, p };
}

it("no drift: read returns the stored outputs", async () => {
  const { p } = await sameAccountPeering();
  const read = await impl(peering).read(p.id, p.outs);
  expect(read).toEqual({ id: p.id, props: { ...p.outs } });
});

describe("Peering", () => {
  it("deleted out of band: read returns no id", async () => {
    const { p } = await sameAccountPeering();
    await world.oobA.deletePeering(p.id);
    expect(await impl(peering).read(p.id, p.outs)).toEqual({});
  });

  it("renamed out of band: read returns the live name, and the next diff updates it back in place", async () => {
    const { p } = await sameAccountPeering();
    await world.oobA.modifyPeering(p.id, { name: "console-rename" });
    const read = await impl(peering).read(p.id, p.outs);
    expect(read.id).toBe(p.id);
    expect(read.props?.name).toBe("console-rename");
    const diff = await impl(peering).diff(p.id, read.props ?? {}, p.inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
    const { outs } = await impl(peering).update(p.id, read.props ?? {}, p.inputs);
    expect(outs.name).toBe("p");
    expect((await world.oobA.describePeering(p.id)).name).toBe("p");
  });

  it("rejected out of band: status REJECTED; the next diff replaces, and the replacement goes through", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.b, "10.1.0.0/16");
    const news = { connection: world.a, vpcId: x.id, peerVpcId: y.id, peerAccount: ACCOUNT_B, name: "p" };
    const p = await up(peering, news);
    expect(p.outs.status).toBe("PENDING");
    await world.oobB.rejectPeering(p.id);

    const read = await impl(peering).read(p.id, p.outs);
    expect(read).toMatchObject({ id: p.id, props: { status: "REJECTED" } });
    const checked = await impl(peering).check(p.inputs, news);
    expect(checked.failures).toEqual([]);
    const diff = await impl(peering).diff(p.id, read.props ?? {}, checked.inputs);
    expect(diff).toMatchObject({ changes: true, deleteBeforeReplace: true });
    expect(diff.replaces.length).toBeGreaterThan(0);

    // delete-before-replace, as the engine runs it: delete the rejected one, create anew.
    await impl(peering).delete(p.id, read.props ?? {});
    const again = await impl(peering).create(checked.inputs);
    expect(again.id).not.toBe(p.id);
    expect(again.outs.status).toBe("PENDING");
  });

  it("a PeeringAcceptance whose peering was deleted: read returns no id", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.b, "10.1.0.0/16");
    const p = await up(peering, {
      connection: world.a,
      vpcId: x.id,
      peerVpcId: y.id,
      peerAccount: ACCOUNT_B,
      name: "p",
    });
    const acc = await up(peeringAcceptance, { connection: world.b, peeringId: p.id });
    expect(await impl(peeringAcceptance).read(acc.id, acc.outs)).toMatchObject({
      id: acc.id,
      props: { status: "ACTIVE" },
    });
    await world.oobA.deletePeering(p.id);
    expect(await impl(peeringAcceptance).read(acc.id, acc.outs)).toEqual({});
  });
});

describe("RouteRule", () => {
  let route: Applied;
  let p: Applied;
  beforeEach(async () => {
    const made = await sameAccountPeering();
    p = made.p;
    route = await up(routeRule, {
      connection: world.a,
      vpcId: made.x.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
    });
  });

  it("present: read returns it", async () => {
    expect(await impl(routeRule).read(route.id, route.outs)).toEqual({ id: route.id, props: route.outs });
  });

  it("deleted out of band: read returns no id", async () => {
    await world.oobA.deleteRoute(route.id);
    expect(await impl(routeRule).read(route.id, route.outs)).toEqual({});
  });

  it("its peering deleted out of band (which removes its routes): read returns no id", async () => {
    await world.oobA.deletePeering(p.id);
    expect(await impl(routeRule).read(route.id, route.outs)).toEqual({});
  });
});

it("a Vpc deleted out of band: read returns no id", async () => {
  const v = await up(vpc, { connection: world.a, name: "v", region: GZ, cidrs: ["10.0.0.0/16"] });
  await world.oobA.deleteVpc(v.id);
  expect(await impl(vpc).read(v.id, v.outs)).toEqual({});
});

it("a BandwidthPolicy whose limit was removed out of band: read shows 0 for it", async () => {
  // Same-region Tencent peerings have no per-IP limits (seed 000); use a cross-region one.
  const x = await vpcOf(world, world.a, "10.2.0.0/16");
  const y = await vpcOf(world, world.a, "10.3.0.0/16", "ap-beijing");
  const cross = await up(peering, {
    connection: world.a,
    vpcId: x.id,
    peerVpcId: y.id,
    name: "c",
    bandwidthMbps: 100,
  });
  const policy = await up(bandwidthPolicy, {
    connection: world.a,
    peeringId: cross.id,
    limits: [{ ip: "10.2.0.5", limitMbps: 10 }],
  });
  await world.oobA.removeBandwidthLimit(cross.id, "10.2.0.5");
  const read = await impl(bandwidthPolicy).read(policy.id, policy.outs);
  expect(read.props).toMatchObject({ limits: [{ ip: "10.2.0.5", limitMbps: 0 }], appliedLimits: [] });
});
