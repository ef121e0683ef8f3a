/**
 * A route through a peering this stack only requested (requesterOnly): the other account's own stack accepts it,
 * so a wait that ends while it is PENDING says exactly that (PEERING_NOT_ACCEPTED), not "add a PeeringAcceptance".
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { peering, peeringAcceptance, routeRule } from "../../../provider/pulumi/runtime/index.js";
import { PeeringNotAcceptedError } from "../../../provider/pulumi/runtime/wait.js";
import { ACCOUNT_B, impl, openWorld, rejection, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

async function requested() {
  const x = await vpcOf(world, world.a, "10.0.0.0/16");
  const y = await vpcOf(world, world.b, "10.1.0.0/16");
  const created = await up(peering, {
    connection: world.a,
    vpcId: x.id,
    peerVpcId: y.id,
    name: "p",
    peerAccount: ACCOUNT_B,
  });
  return { x, created };
}

describe("RouteRule through a requester-only peering", () => {
  it("times out with PEERING_NOT_ACCEPTED naming the peering, the accepting account and the fix", async () => {
    const { x, created } = await requested();
    const error = await rejection(
      impl(routeRule).create({
        connection: world.a,
        vpcId: x.id,
        destination: "10.1.0.0/16",
        peeringId: created.id,
        timeoutSeconds: 0.3,
        acceptedByAccount: ACCOUNT_B,
      }),
    );
    expect(error).toBeInstanceOf(PeeringNotAcceptedError);
    expect(error).toMatchObject({
      code: "PEERING_NOT_ACCEPTED",
      resource: `peering ${created.id}`,
      value: "PENDING",
    });
    expect(error.message).toContain(`Peering ${created.id} is still PENDING`);
    expect(error.message).toContain(`account ${ACCOUNT_B}'s own stack has not accepted yet`);
    expect(error.message).toContain(`existingPeeringId: "${created.id}"`);
    expect(error.message).not.toMatch(/add a PeeringAcceptance/);
    // The cause is the wait's own timeout, for whoever wants the last state and the cloud code.
    expect((error as Error & { cause?: unknown }).cause).toMatchObject({ code: "TIMEOUT" });
  });

  it("without acceptedByAccount, keeps the generic timeout (a stack that should add its own acceptance)", async () => {
    const { x, created } = await requested();
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
  });

  it("routes once the other account accepts (the same inputs, no error)", async () => {
    const { x, created } = await requested();
    await up(peeringAcceptance, { connection: world.b, peeringId: created.id });
    const route = await up(routeRule, {
      connection: world.a,
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: created.id,
      timeoutSeconds: 1,
      acceptedByAccount: ACCOUNT_B,
    });
    expect(route.outs.routeId).toBe(route.id);
    expect(route.outs.acceptedByAccount).toBe(ACCOUNT_B);
  });
});
