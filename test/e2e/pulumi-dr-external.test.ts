/**
 * A cross-account TwoRegionDr split between the two accounts' own stacks, on the real Pulumi CLI and one local
 * backend state file (test/e2e/programs/dr-external): the requester's stack (requesterOnly) requests the peering
 * and its route waits for an acceptance that it never makes, failing with the wait's timeout; the accepter's stack
 * (existingPeeringId) accepts that peering and routes its own side only; the requester's next up then routes.
 * Destroying the accepter's stack leaves the peering to its requester. The state file is the judge.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, withLocal } from "./support/local.js";
import { PulumiStack, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test", "e2e", "programs", "dr-external");
const REQUESTER = "200001";
const ACCEPTER = "200002";

describe("requesterOnly and existingPeeringId: one peering, two stacks, two accounts", () => {
  let requester: PulumiStack;
  let accepter: PulumiStack;
  let stateFile: string;
  let appVpcId: string;
  let sharedVpcId: string;
  let peeringId: string;

  const routesOf = async (account: string) =>
    (await snapshot(stateFile, account)).routes.map((r) => `${r.vpcId} ${r.destination} ${r.peeringId}`);

  beforeAll(async () => {
    requester = new PulumiStack(PROGRAM);
    accepter = new PulumiStack(PROGRAM);
    stateFile = join(requester.stateDir, "peerlink.db");
    for (const stack of [requester, accepter]) {
      stack.env.PEERLINK_STATE = stateFile;
      delete stack.env.PEERLINK_ACCOUNT;
    }
    // Each team's VPC exists already, made outside these stacks.
    appVpcId = (
      await withLocal(stateFile, REQUESTER, (b) =>
        b.createVpc({ name: "app", region: "ap-guangzhou", cidrs: ["10.20.0.0/16"] }),
      )
    ).id;
    sharedVpcId = (
      await withLocal(stateFile, ACCEPTER, (b) =>
        b.createVpc({ name: "shared", region: "ap-beijing", cidrs: ["10.30.0.0/16"] }),
      )
    ).id;
    const vpcs = { "peerlinkE2e:appVpcId": appVpcId, "peerlinkE2e:sharedVpcId": sharedVpcId };
    await requester.init({ ...vpcs, "peerlinkE2e:side": "requester", "peerlinkE2e:timeoutSeconds": "3" });
  });
  afterAll(() => {
    requester?.close();
    accepter?.close();
  });

  it("the requester's up requests the peering, accepts nothing, and its route times out waiting", async () => {
    const up = await requester.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/has not accepted yet/);
    const seen = await snapshot(stateFile, REQUESTER);
    const live = seen.peerings.filter((p) => p.status !== "DELETED");
    expect(live.map((p) => [p.status, p.vpcId, p.peerVpcId, p.peerAccount])).toEqual([
      ["PENDING", appVpcId, sharedVpcId, ACCEPTER],
    ]);
    peeringId = live[0]!.id;
    expect(seen.routes).toEqual([]);
  });

  it("the accepter's stack accepts that peering and routes its own side only, creating no peering", async () => {
    await accepter.init({
      "peerlinkE2e:appVpcId": appVpcId,
      "peerlinkE2e:sharedVpcId": sharedVpcId,
      "peerlinkE2e:side": "accepter",
      "peerlinkE2e:peeringId": peeringId,
    });
    const up = await accepter.up();
    expect(up.code, up.output).toBe(0);
    const out = await accepter.outputs();
    expect(out).toMatchObject({ peeringId, status: "ACTIVE" });
    expect(out.routes).toEqual(["shared [main] 10.20.5.0/24 via app -> shared"]);
    expect(await routesOf(ACCEPTER)).toEqual([`${sharedVpcId} 10.20.5.0/24 ${peeringId}`]);
    expect(
      (await snapshot(stateFile, REQUESTER)).peerings.filter((p) => p.status !== "DELETED"),
    ).toHaveLength(1);
  });

  it("the requester's next up (with --refresh, to read the acceptance) routes its side through the peering", async () => {
    // The peering's status is what the last read saw: PENDING at its create, ACTIVE once refreshed.
    const up = await requester.up(["--refresh"]);
    expect(up.code, up.output).toBe(0);
    expect(await requester.outputs()).toMatchObject({ peeringId, status: "ACTIVE" });
    expect(await routesOf(REQUESTER)).toEqual([`${appVpcId} 10.30.0.0/16 ${peeringId}`]);
  });

  it("destroying the accepter's stack removes its route and leaves the peering; the requester's removes it", async () => {
    const gone = await accepter.destroy();
    expect(gone.code, gone.output).toBe(0);
    expect(await routesOf(ACCEPTER)).toEqual([]);
    const peering = (await snapshot(stateFile, REQUESTER)).peerings.find((p) => p.id === peeringId);
    expect(peering?.status).toBe("ACTIVE");
    const destroyed = await requester.destroy();
    expect(destroyed.code, destroyed.output).toBe(0);
    expect((await snapshot(stateFile, REQUESTER)).peerings.find((p) => p.id === peeringId)?.status).toBe(
      "DELETED",
    );
    expect(await routesOf(REQUESTER)).toEqual([]);
  });
});
