/**
 * VPCs and their route tables: CIDRs validated by the core (INVALID_CIDR), one main table plus named extras, and
 * no delete while the VPC is a side of a live peering (Tencent ResourceInUse).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CreateVpcInput, DAY_MS } from "../../../provider/backends/index.js";
import {
  expectRefusal,
  GZ,
  mainTable,
  openWorld,
  pair,
  peer,
  type Refusal,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

describe("createVpc", () => {
  it("stores the VPC with canonical CIDRs, tags and a main route table plus the extra ones", async () => {
    world.clock.advance(42);
    const created = await world.a.createVpc({
      name: "app",
      region: GZ,
      cidrs: ["10.0.0.0/16", "172.16.0.0/20", "192.168.0.0/24"],
      routeTables: ["private", "db"],
      tags: { env: "prod" },
    });
    expect(created).toMatchObject({
      name: "app",
      cloud: "tencentcloud",
      region: GZ,
      account: world.a.account,
      cidrs: ["10.0.0.0/16", "172.16.0.0/20", "192.168.0.0/24"],
      tags: { env: "prod" },
      createdAt: new Date(world.clock.now()).toISOString(),
    });
    expect(created.id).toMatch(/^vpc-[0-9a-z]{8}$/);
    expect(created.routeTables.map((t) => [t.name, t.main, t.vpcId])).toEqual([
      ["main", true, created.id],
      ["db", false, created.id],
      ["private", false, created.id],
    ]);
    expect(await world.a.describeVpc(created.id)).toEqual(created);
    expect(await world.a.listRouteTables(created.id)).toEqual(created.routeTables);
  });

  it("uses the engine's default cloud", async () => {
    const { LocalStateEngine } = await import("../../../provider/backends/index.js");
    const engine = LocalStateEngine.open({ file: ":memory:", defaultCloud: "huaweicloud" });
    try {
      const created = await engine
        .session("t")
        .createVpc({ name: "h", region: "cn-north-4", cidrs: ["10.0.0.0/16"] });
      expect(created.cloud).toBe("huaweicloud");
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      engine.close();
    }
  });

  const refusals: [string, Partial<CreateVpcInput>, Refusal][] = [
    [
      "host bits set",
      { cidrs: ["10.0.0.1/16"] },
      {
        code: "INVALID_CIDR",
        cloudCode: "InvalidParameterValue.Malformed",
        mentions: ["10.0.0.1/16", "10.0.0.0/16"],
      },
    ],
    [
      "not a CIDR",
      { cidrs: ["10.0.0.0/16", "garbage"] },
      { code: "INVALID_CIDR", cloudCode: "InvalidParameterValue.Malformed", mentions: ["garbage"] },
    ],
    [
      "prefix out of range",
      { cidrs: ["10.0.0.0/33"] },
      { code: "INVALID_CIDR", cloudCode: "InvalidParameterValue.Malformed", mentions: ["10.0.0.0/33"] },
    ],
    [
      "a secondary CIDR overlapping the primary",
      { cidrs: ["10.0.0.0/16", "10.0.1.0/24"] },
      {
        code: "INVALID_CIDR",
        cloudCode: "InvalidParameterValue.VpcCidrConflict",
        mentions: ["10.0.1.0/24", "10.0.0.0/16"],
      },
    ],
    [
      "the same CIDR twice",
      { cidrs: ["10.0.0.0/16", "172.16.0.0/16", "172.16.0.0/16"] },
      {
        code: "INVALID_CIDR",
        cloudCode: "InvalidParameterValue.VpcCidrConflict",
        mentions: ["172.16.0.0/16"],
      },
    ],
    [
      "no CIDR",
      { cidrs: [] },
      { code: "INVALID_PARAMETER", cloudCode: "MissingParameter", mentions: ["no CIDR"] },
    ],
    [
      "no name",
      { name: "" },
      { code: "INVALID_PARAMETER", cloudCode: "MissingParameter", mentions: ["name", "region"] },
    ],
    [
      "no region",
      { region: "" },
      { code: "INVALID_PARAMETER", cloudCode: "MissingParameter", mentions: ["name", "region"] },
    ],
    [
      "an unknown cloud",
      { cloud: "aws" as "tencentcloud" },
      { code: "INVALID_PARAMETER", cloudCode: "InvalidParameterValue", mentions: ["aws", "tencentcloud"] },
    ],
    [
      "a duplicate extra route table",
      { routeTables: ["a", "a"] },
      { code: "INVALID_PARAMETER", cloudCode: "InvalidParameterValue.Duplicate", mentions: ['"a"'] },
    ],
    [
      "an extra route table named main",
      { routeTables: ["main"] },
      { code: "INVALID_PARAMETER", cloudCode: "InvalidParameterValue.Duplicate", mentions: ['"main"'] },
    ],
  ];

  it.each(refusals)("refuses %s, and stores nothing", async (_, change, expected) => {
    await expectRefusal(
      world.a.createVpc({ name: "v", region: GZ, cidrs: ["10.0.0.0/16"], ...change }),
      expected,
    );
    expect(await world.a.listVpcs()).toEqual([]);
  });

  it("VPCs of one account may overlap each other (only peered VPCs may not)", async () => {
    await vpc(world.a, "10.0.0.0/16");
    await vpc(world.a, "10.0.0.0/16");
    expect(await world.a.listVpcs()).toHaveLength(2);
  });
});

describe("route tables", () => {
  it("createRouteTable adds a non-main table, listed with the VPC's tables", async () => {
    const created = await vpc(world.a, "10.0.0.0/16");
    const table = await world.a.createRouteTable(created.id, "extra");
    expect(table).toMatchObject({ vpcId: created.id, name: "extra", main: false });
    expect(table.id).toMatch(/^rtb-/);
    expect((await world.a.listRouteTables(created.id)).map((t) => t.id)).toEqual([
      mainTable(created),
      table.id,
    ]);
    expect((await world.a.describeVpc(created.id)).routeTables).toContainEqual(table);
  });

  it.each<[string, string, string[]]>([
    ["an existing name", "extra", ['"extra"', "already"]],
    ["the main table's name", "main", ['"main"']],
    ["an empty name", "", ["needs a name"]],
  ])("refuses %s", async (_, name, mentions) => {
    const created = await vpc(world.a, "10.0.0.0/16", GZ, { routeTables: ["extra"] });
    await expectRefusal(world.a.createRouteTable(created.id, name), {
      code: "INVALID_PARAMETER",
      cloudCode: name === "" ? "MissingParameter" : "InvalidParameterValue.Duplicate",
      mentions: [created.id, ...mentions],
    });
    expect(await world.a.listRouteTables(created.id)).toHaveLength(2);
  });
});

describe("deleteVpc", () => {
  it("deletes a VPC without peerings; it is gone afterwards", async () => {
    const created = await vpc(world.a, "10.0.0.0/16", GZ, { routeTables: ["x"] });
    await world.a.deleteVpc(created.id);
    expect(await world.a.listVpcs()).toEqual([]);
    await expectRefusal(world.a.describeVpc(created.id), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [created.id],
    });
    await expectRefusal(world.a.listRoutes(mainTable(created)), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
    });
    await expectRefusal(world.a.deleteVpc(created.id), { code: "NOT_FOUND", cloudCode: "ResourceNotFound" });
  });

  const live: [string, (w: World, id: string) => Promise<unknown>][] = [
    ["PENDING", async () => {}],
    ["ACTIVE", (w, id) => w.b.acceptPeering(id)],
    [
      "EXPIRED",
      async (w) => {
        w.clock.advance(7 * DAY_MS);
      },
    ],
  ];

  it.each(
    live.flatMap(([state, setup]) =>
      (["requester", "accepter"] as const).map((s) => [state, s, setup] as const),
    ),
  )(
    "refuses while a %s peering exists (the %s's VPC): VPC_IN_USE, naming the peering",
    async (state, side, setup) => {
      const p = await pair(world, "cross-account");
      const created = await peer(world.a, p.vpc, p.peerVpc);
      await setup(world, created.id);
      const [owner, target] = side === "requester" ? [world.a, p.vpc] : [world.b, p.peerVpc];
      await expectRefusal(owner.deleteVpc(target.id), {
        code: "VPC_IN_USE",
        cloudCode: "ResourceInUse",
        mentions: [target.id, created.id, state],
      });
      expect(await owner.describeVpc(target.id)).toEqual(target);
    },
  );

  it.each(["deleted", "rejected"] as const)(
    "is allowed once the peering is %s; the peering stays visible",
    async (how) => {
      const p = await pair(world, "cross-account");
      const created = await peer(world.a, p.vpc, p.peerVpc);
      if (how === "deleted") await world.a.deletePeering(created.id);
      else await world.b.rejectPeering(created.id);
      await world.a.deleteVpc(p.vpc.id);
      await world.b.deleteVpc(p.peerVpc.id);
      expect((await world.b.describePeering(created.id)).vpcId).toBe(p.vpc.id);
    },
  );

  it("a VPC whose ACTIVE peering had routes can be deleted after the peering", async () => {
    const p = await pair(world, "same-account");
    const created = await peer(world.a, p.vpc, p.peerVpc);
    await world.a.createRoute({ vpcId: p.vpc.id, destination: "10.1.0.0/16", peeringId: created.id });
    await world.a.deletePeering(created.id);
    await world.a.deleteVpc(p.vpc.id);
    expect((await world.a.listVpcs()).map((v) => v.id)).toEqual([p.peerVpc.id]);
  });
});
