/**
 * A rerun of a create that a killed `pulumi up` left unrecorded (issue 17), at the provider-method level: the
 * engine forgets the pending create and calls check with no old inputs, then create, with the same inputs as the
 * killed run (same createIdentity). What the killed run made must come back, not a second one or a refusal; what
 * someone else made stays refused; a new identity or a changed request is a new resource.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTokenOf } from "../../../provider/pulumi/runtime/create-token.js";
import { peering, routeRule, vpc } from "../../../provider/pulumi/runtime/index.js";
import { BJ, GZ, impl, openWorld, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const identity = (type: string, name: string) => `proj/dev//peerlink:${type}/${name}`;

describe("create tokens", () => {
  it("are the same for the same identity and request, and differ otherwise; none without an identity", () => {
    const a = createTokenOf("x", { name: "n", cidrs: ["10.0.0.0/16"] });
    expect(a).toMatch(/^pl-[0-9a-f]{40}$/);
    expect(createTokenOf("x", { cidrs: ["10.0.0.0/16"], name: "n" })).toBe(a);
    expect(createTokenOf("y", { name: "n", cidrs: ["10.0.0.0/16"] })).not.toBe(a);
    expect(createTokenOf("x", { name: "n", cidrs: ["10.1.0.0/16"] })).not.toBe(a);
    expect(createTokenOf(undefined, { name: "n" })).toBeUndefined();
  });
});

describe("a rerun after a killed create", () => {
  it("gets the VPC the killed run made, not a second one", async () => {
    const inputs = {
      connection: world.a,
      name: "app",
      region: GZ,
      cidrs: ["10.0.0.0/16"],
      createIdentity: identity("Vpc", "app"),
    };
    const killed = await up(vpc, inputs);
    const rerun = await up(vpc, inputs);
    expect(rerun.id).toBe(killed.id);
    expect((await world.oobA.listVpcs()).map((v) => v.id)).toEqual([killed.id]);
    // Another resource (another identity) with the same request is a VPC of its own.
    const other = await up(vpc, { ...inputs, createIdentity: identity("Vpc", "app2") });
    expect(other.id).not.toBe(killed.id);
  });

  it("passes check and gets the peering the killed run made; a peering someone else made is still DUPLICATE_PEERING", async () => {
    const a = await vpcOf(world, world.a, "10.0.0.0/16");
    const b = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
    const inputs = {
      connection: world.a,
      vpcId: a.id,
      peerVpcId: b.id,
      name: "dr",
      bandwidthMbps: 10,
      createIdentity: identity("Peering", "dr"),
    };
    const killed = await up(peering, inputs);
    // The engine lost the create: check runs with no old inputs and must not call the orphan a duplicate.
    const rerun = await up(peering, inputs);
    expect(rerun.id).toBe(killed.id);
    const live = (await world.oobA.listPeerings({}, { limit: 100 })).items.filter(
      (p) => p.status !== "DELETED",
    );
    expect(live.map((p) => p.id)).toEqual([killed.id]);

    // Another stack's resource of the same pair: refused at plan time, with the way to adopt it.
    const foreign = await impl(peering).check(
      {},
      { ...inputs, createIdentity: identity("Peering", "other") },
    );
    expect(foreign.failures.map((f) => f.reason).join("\n")).toMatch(/DUPLICATE_PEERING/);
    expect(foreign.failures.map((f) => f.reason).join("\n")).toContain(`existingId: "${killed.id}"`);
  });

  it("gets the route the killed run made instead of ROUTE_CONFLICT", async () => {
    const a = await vpcOf(world, world.a, "10.0.0.0/16");
    const b = await vpcOf(world, world.a, "10.1.0.0/16");
    const p = await up(peering, { connection: world.a, vpcId: a.id, peerVpcId: b.id, name: "p" });
    const inputs = {
      connection: world.a,
      vpcId: a.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
      createIdentity: identity("RouteRule", "a-to-b"),
    };
    const killed = await up(routeRule, inputs);
    const rerun = await up(routeRule, inputs);
    expect(rerun.id).toBe(killed.id);
    const table = a.info.routeTables[0]!.id;
    expect((await world.oobA.listRoutes(table)).map((r) => r.id)).toEqual([killed.id]);
    // Someone else's route to the same destination: still a conflict.
    await expect(
      up(routeRule, { ...inputs, createIdentity: identity("RouteRule", "other") }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/ROUTE_CONFLICT|already/) });
  });
});
