/**
 * The emulator as a black box through Tencent's official SDK client: every request is signed by
 * tencentcloud-sdk-nodejs-common (TC3-HMAC-SHA256) and every answer parsed by it, so the wire format is checked
 * by code nobody here wrote. Field names follow tencentcloud-sdk-python-vpc 3.1.193 models.py.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, startTestEmulator, tencentClient, tencentError } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

describe("the Tencent API 3.0 emulator through the official CommonClient", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("runs a whole cross-account lifecycle: VPCs, create, accept, routes on both sides, resize, delete", async () => {
    const alice = tencentClient(emulator.url, ALICE, "ap-guangzhou");
    const bob = tencentClient(emulator.url, BOB, "ap-beijing");

    const a: Json = await alice.request("CreateVpc", { VpcName: "alice-gz", CidrBlock: "10.10.0.0/16" });
    const b: Json = await bob.request("CreateVpc", { VpcName: "bob-bj", CidrBlock: "10.20.0.0/16" });
    expect(a.Vpc).toMatchObject({ VpcName: "alice-gz", CidrBlock: "10.10.0.0/16", IsDefault: false });
    expect(a.Vpc.VpcId).toMatch(/^vpc-[0-9a-z]{8}$/);
    expect(a.RequestId).toMatch(/^[0-9a-f-]{36}$/);

    // A VPC is regional: visible in its region only.
    const inGz: Json = await alice.request("DescribeVpcs", { VpcIds: [a.Vpc.VpcId] });
    expect(inGz.TotalCount).toBe(1);
    const inBj: Json = await tencentClient(emulator.url, ALICE, "ap-beijing").request("DescribeVpcs", {});
    expect(inBj.TotalCount).toBe(0);

    // ... and has its main route table at once.
    const tables: Json = await alice.request("DescribeRouteTables", {
      Filters: [{ Name: "vpc-id", Values: [a.Vpc.VpcId] }],
    });
    expect(tables.TotalCount).toBe(1);
    expect(tables.RouteTableSet[0]).toMatchObject({ VpcId: a.Vpc.VpcId, Main: true, RouteSet: [] });
    const mainA = tables.RouteTableSet[0].RouteTableId as string;
    const mainB = (
      (await bob.request("DescribeRouteTables", {
        Filters: [
          { Name: "vpc-id", Values: [b.Vpc.VpcId] },
          { Name: "association.main", Values: ["true"] },
        ],
      })) as Json
    ).RouteTableSet[0].RouteTableId as string;

    const created: Json = await alice.request("CreateVpcPeeringConnection", {
      SourceVpcId: a.Vpc.VpcId,
      PeeringConnectionName: "gz-bj",
      DestinationVpcId: b.Vpc.VpcId,
      DestinationUin: BOB.id,
      DestinationRegion: "ap-beijing",
      Bandwidth: 100,
      ChargeType: "POSTPAID_BY_DAY_MAX",
      QosLevel: "AU",
      Type: "VPC_PEER",
    });
    const id = created.PeeringConnectionId as string;
    expect(id).toMatch(/^pcx-[0-9a-z]{8}$/);

    const seenByBob: Json = await bob.request("DescribeVpcPeeringConnections", {
      PeeringConnectionIds: [id],
    });
    expect(seenByBob.PeerConnectionSet[0]).toMatchObject({
      PeeringConnectionId: id,
      PeeringConnectionName: "gz-bj",
      SourceVpcId: a.Vpc.VpcId,
      PeerVpcId: b.Vpc.VpcId,
      DestinationVpcId: b.Vpc.VpcId,
      State: "PENDING",
      Bandwidth: 100,
      SourceRegion: "ap-guangzhou",
      DestinationRegion: "ap-beijing",
      ChargeType: "POSTPAID_BY_DAY_MAX",
      QosLevel: "AU",
      SourceUin: Number(ALICE.id),
      DestinationUin: Number(BOB.id),
      Type: "VPC_PEER",
    });
    expect(seenByBob.PeerConnectionSet[0].CreateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await bob.request("AcceptVpcPeeringConnection", { PeeringConnectionId: id });
    const active: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: [
        { Name: "vpc-id", Values: [a.Vpc.VpcId] },
        { Name: "state", Values: ["ACTIVE"] },
      ],
    });
    expect(active.TotalCount).toBe(1);

    // Several routes of one table in one CreateRoutes call, on Alice's side; one on Bob's.
    const routesA: Json = await alice.request("CreateRoutes", {
      RouteTableId: mainA,
      Routes: [
        {
          DestinationCidrBlock: "10.20.1.0/24",
          GatewayType: "PEERCONNECTION",
          GatewayId: id,
          RouteDescription: "one",
        },
        { DestinationCidrBlock: "10.20.2.0/24", GatewayType: "PEERCONNECTION", GatewayId: id },
      ],
    });
    expect(routesA.TotalCount).toBe(2);
    const setA = routesA.RouteTableSet[0].RouteSet as Json[];
    expect(
      setA.map((r) => [r.DestinationCidrBlock, r.GatewayType, r.GatewayId, r.RouteType, r.Enabled]),
    ).toEqual([
      ["10.20.1.0/24", "PEERCONNECTION", id, "USER", true],
      ["10.20.2.0/24", "PEERCONNECTION", id, "USER", true],
    ]);
    expect(setA[0].RouteDescription).toBe("one");
    expect(typeof setA[0].RouteId).toBe("number");
    expect(setA[0].RouteItemId).toMatch(/^rti-/);
    await bob.request("CreateRoutes", {
      RouteTableId: mainB,
      Routes: [{ DestinationCidrBlock: "10.10.0.0/16", GatewayType: "PEERCONNECTION", GatewayId: id }],
    });

    // DeleteRoutes by the integer RouteId, as DeleteRoutesRequest documents.
    const deleted: Json = await alice.request("DeleteRoutes", {
      RouteTableId: mainA,
      Routes: [{ RouteId: setA[1].RouteId }],
    });
    expect(deleted.RouteSet.map((r: Json) => r.DestinationCidrBlock)).toEqual(["10.20.2.0/24"]);

    // Resize (ModifyVpcPeeringConnection), by either side.
    await bob.request("ModifyVpcPeeringConnection", { PeeringConnectionId: id, Bandwidth: 200 });
    const resized: Json = await alice.request("DescribeVpcPeeringConnections", {
      PeeringConnectionIds: [id],
    });
    expect(resized.PeerConnectionSet[0].Bandwidth).toBe(200);

    // Deleting the peering removes the routes through it on both sides.
    await alice.request("DeleteVpcPeeringConnection", { PeeringConnectionId: id });
    const afterA: Json = await alice.request("DescribeRouteTables", { RouteTableIds: [mainA] });
    const afterB: Json = await bob.request("DescribeRouteTables", { RouteTableIds: [mainB] });
    expect(afterA.RouteTableSet[0].RouteSet).toEqual([]);
    expect(afterB.RouteTableSet[0].RouteSet).toEqual([]);
    const gone: Json = await alice.request("DescribeVpcPeeringConnections", { PeeringConnectionIds: [id] });
    expect(gone.PeerConnectionSet[0].State).toBe("DELETED");

    await alice.request("DeleteVpc", { VpcId: a.Vpc.VpcId });
    expect(((await alice.request("DescribeVpcs", { VpcIds: [a.Vpc.VpcId] })) as Json).TotalCount).toBe(0);
  });

  it("pages DescribeVpcPeeringConnections with Offset/Limit and TotalCount, and filters by name", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const hub: Json = await alice.request("CreateVpc", { VpcName: "hub", CidrBlock: "10.100.0.0/16" });
    for (let i = 0; i < 5; i++) {
      const spoke: Json = await alice.request("CreateVpc", {
        VpcName: `spoke-${i}`,
        CidrBlock: `10.${101 + i}.0.0/16`,
      });
      await alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: hub.Vpc.VpcId,
        DestinationVpcId: spoke.Vpc.VpcId,
        PeeringConnectionName: `hub-${i}`,
      });
    }
    const filter = [{ Name: "vpc-id", Values: [hub.Vpc.VpcId] }];
    const first: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: filter,
      Offset: 0,
      Limit: 2,
    });
    const last: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: filter,
      Offset: 4,
      Limit: 2,
    });
    expect(first.TotalCount).toBe(5);
    expect(first.PeerConnectionSet.map((p: Json) => p.PeeringConnectionName)).toEqual(["hub-0", "hub-1"]);
    expect(last.PeerConnectionSet.map((p: Json) => p.PeeringConnectionName)).toEqual(["hub-4"]);
    const desc: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: filter,
      OrderField: "PeeringConnectionName",
      OrderDirection: "DESC",
      Limit: 1,
    });
    expect(desc.PeerConnectionSet[0].PeeringConnectionName).toBe("hub-4");
    const byName: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: [{ Name: "peering-connection-name", Values: ["hub-2", "hub-3"] }],
    });
    expect(byName.TotalCount).toBe(2);
    // Same-account peerings are ACTIVE at once.
    expect(byName.PeerConnectionSet.every((p: Json) => p.State === "ACTIVE")).toBe(true);
    // Creation order, newest first, paged by the engine's query: the same windows as the whole list reversed.
    const newestFirst: string[] = [];
    for (const offset of [0, 2, 4, 6]) {
      const page: Json = await alice.request("DescribeVpcPeeringConnections", {
        Filters: filter,
        OrderDirection: "DESC",
        Offset: offset,
        Limit: 2,
      });
      expect(page.TotalCount).toBe(5);
      newestFirst.push(...page.PeerConnectionSet.map((p: Json) => p.PeeringConnectionName));
    }
    expect(newestFirst).toEqual(["hub-4", "hub-3", "hub-2", "hub-1", "hub-0"]);
    const none: Json = await alice.request("DescribeVpcPeeringConnections", { Filters: filter, Limit: 0 });
    expect([none.TotalCount, none.PeerConnectionSet]).toEqual([5, []]);
    // One name is the engine's filter; two names are filtered by the action itself: the same answer either way.
    const one: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: [
        { Name: "peering-connection-name", Values: ["hub-3"] },
        ...filter,
        { Name: "state", Values: ["active"] },
      ],
    });
    const two: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: [{ Name: "peering-connection-name", Values: ["hub-3", "nothing"] }, ...filter],
    });
    expect(one.TotalCount).toBe(1);
    expect(one.PeerConnectionSet).toEqual(two.PeerConnectionSet);
    const rejectedOnly: Json = await alice.request("DescribeVpcPeeringConnections", {
      Filters: [...filter, { Name: "state", Values: ["rejected"] }],
    });
    expect(rejectedOnly.TotalCount).toBe(0);
    const error = await tencentError(
      alice.request("DescribeVpcPeeringConnections", { PeeringConnectionIds: ["pcx-1"], Filters: filter }),
    );
    expect(error.code).toBe("InvalidParameter.Coexist");
  });
});
