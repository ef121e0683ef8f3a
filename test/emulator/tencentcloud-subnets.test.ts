/**
 * The emulator's API 3.0 subnet actions (CreateSubnet, DescribeSubnets, DeleteSubnet; vpc 2017-03-12) as a black
 * box through Tencent's official CommonClient (tencentcloud-sdk-nodejs-common, TC3-HMAC-SHA256): the Subnet model's
 * fields (models.py Subnet), the VPC's default route table as the subnet's, Zone and Tags echoed back, SubnetIds /
 * Filters / Offset / Limit, and Tencent's refusal codes on the wire (InvalidParameterValue.SubnetRange /
 * SubnetOverlap, ResourceNotFound, ResourceInUse, UnavailableZone, InvalidParameter.Coexist).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, startTestEmulator, tencentClient, tencentError } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

describe("the Tencent emulator's subnets through the official CommonClient", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function vpcIn(region: string, cidr: string): Promise<{ id: string; mainTable: string }> {
    const alice = tencentClient(emulator.url, ALICE, region);
    const made: Json = await alice.request("CreateVpc", { VpcName: "v", CidrBlock: cidr });
    const tables: Json = await alice.request("DescribeRouteTables", {
      Filters: [{ Name: "vpc-id", Values: [made.Vpc.VpcId] }],
    });
    return { id: made.Vpc.VpcId, mainTable: tables.RouteTableSet[0].RouteTableId };
  }

  it("creates, describes (ids, filters, paging) and deletes subnets, rendered as the SDK's Subnet model", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const v = await vpcIn("ap-guangzhou", "10.30.0.0/16");
    const created: Json = await alice.request("CreateSubnet", {
      VpcId: v.id,
      SubnetName: "web",
      CidrBlock: "10.30.1.0/24",
      Zone: "ap-guangzhou-3",
      Tags: [{ Key: "team", Value: "net" }],
    });
    expect(created.Subnet).toEqual({
      VpcId: v.id,
      SubnetId: expect.stringMatching(/^subnet-/),
      SubnetName: "web",
      CidrBlock: "10.30.1.0/24",
      IsDefault: false,
      EnableBroadcast: false,
      Zone: "ap-guangzhou-3",
      // "子网创建后会自动关联到默认路由表" (CreateSubnet).
      RouteTableId: v.mainTable,
      CreatedTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      AvailableIpAddressCount: 253,
      Ipv6CidrBlock: "",
      NetworkAclId: "",
      IsRemoteVpcSnat: false,
      TotalIpAddressCount: 256,
      TagSet: [{ Key: "team", Value: "net" }],
      CdcId: "",
      IsCdcSubnet: 0,
    });
    const second: Json = await alice.request("CreateSubnet", {
      VpcId: v.id,
      SubnetName: "db",
      CidrBlock: "10.30.2.0/24",
      Zone: "ap-guangzhou-6",
    });

    const byId: Json = await alice.request("DescribeSubnets", { SubnetIds: [created.Subnet.SubnetId] });
    expect(byId.TotalCount).toBe(1);
    // Zone and tags are kept, not only echoed by the create.
    expect(byId.SubnetSet[0]).toEqual(created.Subnet);

    const ofVpc: Json = await alice.request("DescribeSubnets", {
      Filters: [{ Name: "vpc-id", Values: [v.id] }],
      Offset: "0",
      Limit: "100",
    });
    expect(ofVpc.SubnetSet.map((s: Json) => s.SubnetId)).toEqual([
      created.Subnet.SubnetId,
      second.Subnet.SubnetId,
    ]);
    const paged: Json = await alice.request("DescribeSubnets", {
      Filters: [{ Name: "vpc-id", Values: [v.id] }],
      Offset: "1",
      Limit: "1",
    });
    expect({ total: paged.TotalCount, ids: paged.SubnetSet.map((s: Json) => s.SubnetId) }).toEqual({
      total: 2,
      ids: [second.Subnet.SubnetId],
    });
    const bySubnetId: Json = await alice.request("DescribeSubnets", {
      Filters: [{ Name: "subnet-id", Values: [second.Subnet.SubnetId] }],
    });
    expect(bySubnetId.SubnetSet.map((s: Json) => s.Zone)).toEqual(["ap-guangzhou-6"]);
    const byTag: Json = await alice.request("DescribeSubnets", {
      Filters: [{ Name: "tag:team", Values: ["net"] }],
    });
    expect(byTag.SubnetSet.map((s: Json) => s.SubnetId)).toEqual([created.Subnet.SubnetId]);

    // Regional: another region, and another account, see none of them.
    const inBj: Json = await tencentClient(emulator.url, ALICE, "ap-beijing").request("DescribeSubnets", {});
    expect(inBj.TotalCount).toBe(0);
    const bobs: Json = await tencentClient(emulator.url, BOB).request("DescribeSubnets", {});
    expect(bobs.TotalCount).toBe(0);
    for (const client of [tencentClient(emulator.url, ALICE, "ap-beijing"), tencentClient(emulator.url, BOB)])
      expect(
        (await tencentError(client.request("DeleteSubnet", { SubnetId: second.Subnet.SubnetId }))).code,
      ).toBe("ResourceNotFound");

    const deleted: Json = await alice.request("DeleteSubnet", { SubnetId: created.Subnet.SubnetId });
    expect(Object.keys(deleted)).toEqual(["RequestId"]);
    const gone = await tencentError(alice.request("DeleteSubnet", { SubnetId: created.Subnet.SubnetId }));
    expect(gone.code).toBe("ResourceNotFound");
    const left: Json = await alice.request("DescribeSubnets", {
      Filters: [{ Name: "vpc-id", Values: [v.id] }],
    });
    expect(left.SubnetSet.map((s: Json) => s.SubnetId)).toEqual([second.Subnet.SubnetId]);
  });

  it("a vpc-id filter keeps the subnets of the VPCs it names, of this region, ANDed with the other filters", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const [a, b] = [await vpcIn("ap-guangzhou", "10.50.0.0/16"), await vpcIn("ap-guangzhou", "10.51.0.0/16")];
    const elsewhere = await vpcIn("ap-beijing", "10.52.0.0/16");
    const subnet = async (
      vpc: string,
      name: string,
      cidr: string,
      zone = "ap-guangzhou-3",
    ): Promise<string> =>
      (
        (await alice.request("CreateSubnet", {
          VpcId: vpc,
          SubnetName: name,
          CidrBlock: cidr,
          Zone: zone,
        })) as Json
      ).Subnet.SubnetId;
    const [a1, b1] = [await subnet(a.id, "a1", "10.50.1.0/24"), await subnet(b.id, "b1", "10.51.1.0/24")];
    await tencentClient(emulator.url, ALICE, "ap-beijing").request("CreateSubnet", {
      VpcId: elsewhere.id,
      SubnetName: "far",
      CidrBlock: "10.52.1.0/24",
      Zone: "ap-beijing-1",
    });
    const ids = async (Filters: unknown[]) =>
      ((await alice.request("DescribeSubnets", { Filters })) as Json).SubnetSet.map((s: Json) => s.SubnetId);
    expect(await ids([{ Name: "vpc-id", Values: [a.id, b.id] }])).toEqual([a1, b1]);
    // An unknown id and a VPC of another region match nothing; they are no error.
    expect(await ids([{ Name: "vpc-id", Values: ["vpc-nothere", elsewhere.id, b.id] }])).toEqual([b1]);
    expect(await ids([{ Name: "vpc-id", Values: ["vpc-nothere"] }])).toEqual([]);
    expect(
      await ids([
        { Name: "vpc-id", Values: [a.id, b.id] },
        { Name: "subnet-name", Values: ["b1"] },
      ]),
    ).toEqual([b1]);
  });

  it("answers Tencent's codes: SubnetRange (outside the VPC, /29), SubnetOverlap, ResourceNotFound, ResourceInUse", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const v = await vpcIn("ap-guangzhou", "10.40.0.0/16");
    const create = (cidr: string, more: Record<string, unknown> = {}) =>
      alice.request("CreateSubnet", {
        VpcId: v.id,
        SubnetName: "s",
        CidrBlock: cidr,
        Zone: "ap-guangzhou-3",
        ...more,
      });

    const outside = await tencentError(create("10.41.0.0/24"));
    expect(outside.code).toBe("InvalidParameterValue.SubnetRange");
    expect(outside.message).toContain("10.41.0.0/24");
    expect((await tencentError(create("10.40.1.0/29"))).code).toBe("InvalidParameterValue.SubnetRange");
    const first: Json = await create("10.40.1.0/24");
    expect((await tencentError(create("10.40.1.0/25"))).code).toBe("InvalidParameterValue.SubnetOverlap");

    expect(
      (
        await tencentError(
          alice.request("CreateSubnet", {
            VpcId: "vpc-nothere",
            SubnetName: "s",
            CidrBlock: "10.40.2.0/24",
            Zone: "ap-guangzhou-3",
          }),
        )
      ).code,
    ).toBe("ResourceNotFound");
    expect((await tencentError(create("10.40.2.0/24", { Zone: "ap-beijing-1" }))).code).toBe(
      "InvalidParameterValue.UnavailableZone",
    );
    expect(
      (
        await tencentError(
          alice.request("CreateSubnet", { VpcId: v.id, SubnetName: "s", CidrBlock: "10.40.2.0/24" }),
        )
      ).code,
    ).toBe("MissingParameter");
    expect((await tencentError(create("10.40.2.0/24", { StackType: "DualStack" }))).code).toBe(
      "UnsupportedOperation",
    );
    expect(
      (
        await tencentError(
          alice.request("DescribeSubnets", {
            SubnetIds: [first.Subnet.SubnetId],
            Filters: [{ Name: "vpc-id", Values: [v.id] }],
          }),
        )
      ).code,
    ).toBe("InvalidParameter.Coexist");

    // A VPC that holds a subnet is not deleted ("资源被占用。", errorcodes.py ResourceInUse).
    expect((await tencentError(alice.request("DeleteVpc", { VpcId: v.id }))).code).toBe("ResourceInUse");
    await alice.request("DeleteSubnet", { SubnetId: first.Subnet.SubnetId });
    await alice.request("DeleteVpc", { VpcId: v.id });
  });
});
