/**
 * Baidu clientToken semantics (seed 001): the same token with the same parameters returns the peering created the
 * first time; with different parameters it is an error. Tokens belong to an account.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreatePeeringInput, VpcInfo } from "../../../provider/backends/index.js";
import { BJ, expectRefusal, openWorld, peeringIds, vpc, type World } from "./support.js";

let world: World;
let x: VpcInfo;
let y: VpcInfo;
let z: VpcInfo;
let base: CreatePeeringInput;
beforeEach(async () => {
  world = openWorld();
  x = await vpc(world.a, "10.0.0.0/16");
  y = await vpc(world.b, "10.1.0.0/16", BJ);
  z = await vpc(world.a, "10.2.0.0/16");
  base = {
    vpcId: x.id,
    peerVpcId: y.id,
    peerAccount: world.b.account,
    name: "app-db",
    bandwidthMbps: 100,
    tags: { team: "net", env: "prod" },
    clientToken: "5f0d6c1e-2a7b-4c31-9d3e-token",
  };
});
afterEach(() => world.close());

describe("clientToken", () => {
  it("the same token and parameters return the same peering, once, even after time passes", async () => {
    const first = await world.a.createPeering(base);
    world.clock.advance(60_000);
    const again = await world.a.createPeering({ ...base });
    expect(again).toEqual(first);
    expect(await peeringIds(world.a)).toEqual([first.id]);
    expect(await peeringIds(world.b)).toEqual([first.id]);
  });

  it("the replay reports the peering's current state", async () => {
    const first = await world.a.createPeering(base);
    await world.b.acceptPeering(first.id);
    const again = await world.a.createPeering(base);
    expect({ id: again.id, status: again.status }).toEqual({ id: first.id, status: "ACTIVE" });
  });

  it("parameters are compared by value: a defaulted peerAccount, undefined fields and tag order do not matter", async () => {
    const own = {
      vpcId: x.id,
      peerVpcId: z.id,
      name: "same",
      clientToken: "tok-own",
      tags: { a: "1", b: "2" },
    };
    const first = await world.a.createPeering(own);
    const again = await world.a.createPeering({
      ...own,
      peerAccount: world.a.account,
      description: undefined,
      tags: { b: "2", a: "1" },
    });
    expect(again.id).toBe(first.id);
    expect(await peeringIds(world.a)).toEqual([first.id]);
  });

  it.each<[string, () => Partial<CreatePeeringInput>]>([
    ["name", () => ({ name: "other" })],
    ["bandwidth", () => ({ bandwidthMbps: 200 })],
    ["peer VPC", () => ({ peerVpcId: z.id, peerAccount: undefined, bandwidthMbps: undefined })],
    ["description", () => ({ description: "new" })],
    ["tags", () => ({ tags: { team: "net" } })],
  ])("the same token with a different %s is IDEMPOTENCY_CONFLICT", async (_, change) => {
    const first = await world.a.createPeering(base);
    await expectRefusal(world.a.createPeering({ ...base, ...change() }), {
      code: "IDEMPOTENCY_CONFLICT",
      cloudCode: "InvalidParameterConflict",
      mentions: [base.clientToken!, first.id, "different parameters"],
    });
    expect(await peeringIds(world.a)).toEqual([first.id]);
  });

  it("tokens are per account: another account's identical token creates its own peering", async () => {
    const first = await world.a.createPeering(base);
    const v = await vpc(world.c, "10.3.0.0/16");
    const w = await vpc(world.c, "10.4.0.0/16");
    const theirs = await world.c.createPeering({
      vpcId: v.id,
      peerVpcId: w.id,
      name: "c",
      clientToken: base.clientToken!,
    });
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.account).toBe(world.c.account);
  });

  it("a different token for the same pair is a second request, refused as a duplicate", async () => {
    const first = await world.a.createPeering(base);
    await expectRefusal(world.a.createPeering({ ...base, clientToken: "another" }), {
      code: "DUPLICATE_PEERING",
      cloudCode: "UnsupportedOperation.VpcPeerAlreadyExist",
      mentions: [first.id],
    });
  });

  it("a refused create does not consume its token", async () => {
    await expectRefusal(world.a.createPeering({ ...base, bandwidthMbps: 30 }), {
      code: "INVALID_BANDWIDTH",
      cloudCode: "InvalidParameterValue.Range",
    });
    const created = await world.a.createPeering(base);
    expect(created.bandwidthMbps).toBe(100);
  });

  it.each<[string, string]>([
    ["65 characters", "t".repeat(65)],
    ["non-ASCII", "tökén"],
    ["empty", ""],
    ["a control character", "tab\there"],
  ])("a token with %s is INVALID_PARAMETER, and nothing is created", async (_, clientToken) => {
    await expectRefusal(world.a.createPeering({ ...base, clientToken }), {
      code: "INVALID_PARAMETER",
      cloudCode: "InvalidParameterValue",
      mentions: ["clientToken", "64"],
    });
    expect(await peeringIds(world.a)).toEqual([]);
  });

  it("a 64-character printable ASCII token is accepted", async () => {
    const clientToken = "~".repeat(32) + " ".repeat(1) + "A".repeat(31);
    expect(clientToken).toHaveLength(64);
    const first = await world.a.createPeering({ ...base, clientToken });
    expect((await world.a.createPeering({ ...base, clientToken })).id).toBe(first.id);
  });
});

describe("clientToken on VPC and route creates (every protocol's creates, kept by the engine)", () => {
  const vpcInput = {
    name: "tokened",
    region: BJ,
    cidrs: ["10.9.0.0/16"],
    tags: { team: "net", env: "prod" },
    clientToken: "vpc-token-1",
  };

  it("the same token returns the first VPC, whatever the key order of its tags", async () => {
    const first = await world.a.createVpc(vpcInput);
    const again = await world.a.createVpc({ ...vpcInput, tags: { env: "prod", team: "net" } });
    expect(again.id).toBe(first.id);
    expect((await world.a.listVpcs()).filter((v) => v.name === "tokened")).toHaveLength(1);
  });

  it("the same token with another request is IDEMPOTENCY_CONFLICT and creates nothing", async () => {
    await world.a.createVpc(vpcInput);
    await expectRefusal(world.a.createVpc({ ...vpcInput, cidrs: ["10.8.0.0/16"] }), {
      code: "IDEMPOTENCY_CONFLICT",
      cloudCode: "InvalidParameterConflict",
      mentions: ["vpc-token-1"],
    });
    expect((await world.a.listVpcs()).filter((v) => v.name === "tokened")).toHaveLength(1);
  });

  it("tokens belong to an account, and a deleted VPC frees its token", async () => {
    const mine = await world.a.createVpc(vpcInput);
    const theirs = await world.b.createVpc(vpcInput);
    expect(theirs.id).not.toBe(mine.id);
    await world.a.deleteVpc(mine.id);
    const anew = await world.a.createVpc(vpcInput);
    expect(anew.id).not.toBe(mine.id);
  });

  it("a route create retried with its token returns the first route", async () => {
    const peering = await world.a.createPeering({ vpcId: x.id, peerVpcId: z.id, name: "x-z" });
    const input = { vpcId: x.id, destination: "10.2.0.0/16", peeringId: peering.id, clientToken: "route-1" };
    const first = await world.a.createRoute(input);
    const again = await world.a.createRoute({ ...input });
    expect(again).toEqual(first);
    const table = x.routeTables.find((t) => t.main)!.id;
    expect(await world.a.listRoutes(table)).toHaveLength(1);
  });
});
