/**
 * create, update and delete against the local backend: create waits for the right state (same account ACTIVE,
 * cross account PENDING until the acceptance), a route waits for its peering, and delete is idempotent.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bandwidthPolicy,
  peering,
  peeringAcceptance,
  routeRule,
  vpc,
} from "../../../provider/pulumi/runtime/index.js";
import {
  ACCOUNT_A,
  ACCOUNT_B,
  BJ,
  GZ,
  impl,
  openWorld,
  rejection,
  up,
  vpcOf,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

/** Two VPCs (the second in `peerAccount`'s account) and a Peering resource between them. */
async function peeringBetween(cross: "same-account" | "cross-account", region = GZ) {
  const peerConnection = cross === "same-account" ? world.a : world.b;
  const x = await vpcOf(world, world.a, "10.0.0.0/16", GZ);
  const y = await vpcOf(world, peerConnection, "10.1.0.0/16", region);
  const created = await up(peering, {
    connection: world.a,
    vpcId: x.id,
    peerVpcId: y.id,
    name: "p",
    ...(cross === "cross-account" ? { peerAccount: ACCOUNT_B } : {}),
    ...(region === GZ ? {} : { bandwidthMbps: 100 }),
  });
  return { x, y, created };
}

describe("Vpc", () => {
  it("create: outputs the id, account, main route table and every table by name", async () => {
    const { id, outs } = await up(vpc, {
      connection: world.a,
      name: "app",
      region: GZ,
      cidrs: ["10.0.0.0/16", "10.8.0.0/16"],
      routeTables: ["db"],
      tags: { env: "prod" },
    });
    const live = await world.oobA.describeVpc(id);
    expect(outs).toMatchObject({ vpcId: id, account: ACCOUNT_A, cidrs: ["10.0.0.0/16", "10.8.0.0/16"] });
    expect(outs.mainRouteTableId).toBe(live.routeTables.find((t) => t.main)?.id);
    expect(Object.keys(outs.routeTableIds as object).sort()).toEqual(["db", "main"]);
    expect(live).toMatchObject({ name: "app", region: GZ, tags: { env: "prod" } });
  });

  it("update (tags) keeps the VPC and its outputs", async () => {
    const created = await up(vpc, { connection: world.a, name: "v", region: GZ, cidrs: ["10.0.0.0/16"] });
    const { outs } = await impl(vpc).update(created.id, created.outs, {
      ...created.inputs,
      tags: { a: "b" },
    });
    expect(outs).toMatchObject({
      vpcId: created.id,
      tags: { a: "b" },
      mainRouteTableId: created.outs.mainRouteTableId,
    });
  });

  it("delete is idempotent", async () => {
    const created = await up(vpc, { connection: world.a, name: "v", region: GZ, cidrs: ["10.0.0.0/16"] });
    await impl(vpc).delete(created.id, created.outs);
    await expect(world.oobA.describeVpc(created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await impl(vpc).delete(created.id, created.outs);
  });
});

describe("Peering create waits for the right state", () => {
  it("same account: ACTIVE at once", async () => {
    const { created, x, y } = await peeringBetween("same-account");
    expect(created.outs).toMatchObject({
      peeringId: created.id,
      status: "ACTIVE",
      account: ACCOUNT_A,
      accepterAccount: ACCOUNT_A,
      crossAccount: false,
      crossRegion: false,
      vpcId: x.id,
      peerVpcId: y.id,
    });
    expect((await world.oobA.describePeering(created.id)).status).toBe("ACTIVE");
  });

  it("cross account: PENDING; the acceptance, with the accepter's connection, makes it ACTIVE", async () => {
    const { created } = await peeringBetween("cross-account", BJ);
    expect(created.outs).toMatchObject({ status: "PENDING", crossAccount: true, crossRegion: true });
    const accepted = await up(peeringAcceptance, { connection: world.b, peeringId: created.id });
    expect(accepted.outs).toMatchObject({ status: "ACTIVE", peeringId: created.id });
    expect((await world.oobA.describePeering(created.id)).status).toBe("ACTIVE");
  });

  it("the requester's own connection cannot accept: refused by the backend", async () => {
    const { created } = await peeringBetween("cross-account");
    const error = await rejection(
      impl(peeringAcceptance).create({ connection: world.a, peeringId: created.id, timeoutSeconds: 1 }),
    );
    expect(error).toMatchObject({ code: "PERMISSION_DENIED" });
    expect((await world.oobA.describePeering(created.id)).status).toBe("PENDING");
  });

  it("an acceptance of a rejected request fails with INVALID_STATE_TRANSITION at once", async () => {
    const { created } = await peeringBetween("cross-account");
    await world.oobB.rejectPeering(created.id);
    const error = await rejection(
      impl(peeringAcceptance).create({ connection: world.b, peeringId: created.id, timeoutSeconds: 600 }),
    );
    expect(error).toMatchObject({ code: "INVALID_STATE_TRANSITION" });
    expect(error.message).toContain("REJECTED");
  });
});

describe("RouteRule waits for its peering", () => {
  it("created while the peering is PENDING, it succeeds once another promise accepts (no apply twice)", async () => {
    const { created, x, y } = await peeringBetween("cross-account");
    const order: string[] = [];
    const route = impl(routeRule)
      .create({
        connection: world.a,
        vpcId: x.id,
        destination: "10.1.0.0/16",
        peeringId: created.id,
        timeoutSeconds: 30,
      })
      .then((r) => {
        order.push("route");
        return r;
      });
    const acceptance = impl(peeringAcceptance)
      .create({ connection: world.b, peeringId: created.id, timeoutSeconds: 30 })
      .then((r) => {
        order.push("accepted");
        return r;
      });
    const [r] = await Promise.all([route, acceptance]);
    expect(order).toEqual(["accepted", "route"]);
    expect(r.outs).toMatchObject({ routeId: r.id, effectiveRouteTableId: x.info.routeTables[0]?.id });
    const routes = await world.oobA.listRoutes(String(r.outs.effectiveRouteTableId));
    expect(routes.map((t) => [t.destination, t.peeringId])).toEqual([["10.1.0.0/16", created.id]]);
    expect(y.id).toBe(created.outs.peerVpcId);
  });

  it("times out with a coded error that says what to add", async () => {
    const { created, x } = await peeringBetween("cross-account");
    const error = await rejection(
      impl(routeRule).create({
        connection: world.a,
        vpcId: x.id,
        destination: "10.1.0.0/16",
        peeringId: created.id,
        timeoutSeconds: 0.3,
      }),
    );
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(error.message).toMatch(/still PENDING.*PeeringAcceptance/);
  });

  it("a route in another table, then delete (idempotent; the peering's delete also removes routes)", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const p = await up(peering, { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p" });
    const table = await world.oobA.createRouteTable(x.id, "extra");
    const r = await up(routeRule, {
      connection: world.a,
      vpcId: x.id,
      routeTableId: table.id,
      destination: "10.1.0.0/24",
      peeringId: p.id,
    });
    expect(r.outs.effectiveRouteTableId).toBe(table.id);
    await impl(routeRule).delete(r.id, r.outs);
    expect(await world.oobA.listRoutes(table.id)).toEqual([]);
    await impl(routeRule).delete(r.id, r.outs);
  });
});

describe("update", () => {
  it("Peering: rename, resize and re-tag in place, same id", async () => {
    const { created } = await peeringBetween("same-account", BJ);
    const news = { ...created.inputs, name: "renamed", bandwidthMbps: 200, tags: { t: "1" } };
    const checked = await impl(peering).check(created.inputs, news);
    expect(checked.failures).toEqual([]);
    const { outs } = await impl(peering).update(created.id, created.outs, checked.inputs);
    expect(outs).toMatchObject({
      peeringId: created.id,
      name: "renamed",
      bandwidthMbps: 200,
      status: "ACTIVE",
    });
    expect(await world.oobA.describePeering(created.id)).toMatchObject({
      name: "renamed",
      bandwidthMbps: 200,
      tags: { t: "1" },
    });
  });

  it("RouteRule: a description change keeps the route", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const p = await up(peering, { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p" });
    const r = await up(routeRule, {
      connection: world.a,
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
    });
    const { outs } = await impl(routeRule).update(r.id, r.outs, { ...r.inputs, description: "new" });
    expect(outs).toMatchObject({
      routeId: r.id,
      effectiveRouteTableId: r.outs.effectiveRouteTableId,
      description: "new",
    });
  });

  it("BandwidthPolicy: resize, set limits, then drop one limit", async () => {
    const { created } = await peeringBetween("same-account", BJ);
    const policy = await up(bandwidthPolicy, {
      connection: world.a,
      peeringId: created.id,
      bandwidthMbps: 500,
      limits: [
        { ip: "10.0.0.10", limitMbps: 20 },
        { ip: "10.0.0.11", limitMbps: 30 },
      ],
    });
    expect((await world.oobA.describePeering(created.id)).bandwidthMbps).toBe(500);
    expect((policy.outs.appliedLimits as { ip: string }[]).map((l) => l.ip).sort()).toEqual([
      "10.0.0.10",
      "10.0.0.11",
    ]);
    const { outs } = await impl(bandwidthPolicy).update(policy.id, policy.outs, {
      ...policy.inputs,
      limits: [{ ip: "10.0.0.11", limitMbps: 40 }],
    });
    expect(outs.appliedLimits).toEqual([
      { peeringId: created.id, vpcId: created.outs.vpcId, ip: "10.0.0.11", limitMbps: 40 },
    ]);
    expect((await world.oobA.listBandwidthLimits(created.id)).map((l) => [l.ip, l.limitMbps])).toEqual([
      ["10.0.0.11", 40],
    ]);
    await impl(bandwidthPolicy).delete(policy.id, { ...policy.outs, ...outs });
    expect(await world.oobA.listBandwidthLimits(created.id)).toEqual([]);
    await impl(bandwidthPolicy).delete(policy.id, { ...policy.outs, ...outs });
  });
});

describe("delete", () => {
  it.each(["same-account", "cross-account"] as const)(
    "Peering (%s): gone, and deleting again is success",
    async (cross) => {
      const { created } = await peeringBetween(cross);
      await impl(peering).delete(created.id, created.outs);
      expect((await world.oobA.describePeering(created.id)).status).toBe("DELETED");
      await impl(peering).delete(created.id, created.outs);
    },
  );

  it("a Peering deleted out of band: delete is success", async () => {
    const { created } = await peeringBetween("same-account");
    await world.oobA.deletePeering(created.id);
    await impl(peering).delete(created.id, created.outs);
  });

  it("a route whose peering was deleted first: delete is success", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const p = await up(peering, { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p" });
    const r = await up(routeRule, {
      connection: world.a,
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
    });
    await impl(peering).delete(p.id, p.outs);
    await impl(routeRule).delete(r.id, r.outs);
  });

  it("deleting an acceptance leaves the peering ACTIVE", async () => {
    const { created } = await peeringBetween("cross-account");
    const accepted = await up(peeringAcceptance, { connection: world.b, peeringId: created.id });
    await impl(peeringAcceptance).delete(accepted.id, accepted.outs);
    expect((await world.oobA.describePeering(created.id)).status).toBe("ACTIVE");
    expect((await world.oobB.describePeering(created.id)).status).toBe("ACTIVE");
  });
});
