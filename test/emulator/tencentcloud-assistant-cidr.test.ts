/**
 * CreateAssistantCidr / DeleteAssistantCidr (VPC API 2017-03-12) on the emulator, through Tencent's official
 * CommonClient: the request and response models of tencentcloud-sdk-python-vpc models.py (CreateAssistantCidrRequest
 * {VpcId, CidrBlocks}, CreateAssistantCidrResponse {AssistantCidrSet, RequestId}, DeleteAssistantCidrResponse
 * {RequestId}) and the codes of each action's published error list (tencentcloud-sdk-go vpc/v20170312/client.go).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, startTestEmulator, tencentClient, tencentError } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("CreateAssistantCidr / DeleteAssistantCidr on the Tencent emulator", () => {
  let emulator: RunningEmulator;
  let alice: ReturnType<typeof tencentClient>;
  let next = 0;

  /** A VPC of Alice's with primary 10.<n>.0.0/16 (n unique per test). */
  const vpc = async (client = alice, primary = `10.${++next}.0.0/16`): Promise<string> =>
    ((await client.request("CreateVpc", { VpcName: `v${next}`, CidrBlock: primary })) as Json).Vpc.VpcId;

  /** The VPC as DescribeVpcs shows it: primary and AssistantCidrSet. */
  const described = async (id: string, client = alice): Promise<Json> =>
    ((await client.request("DescribeVpcs", { VpcIds: [id] })) as Json).VpcSet[0];

  const secondaryOf = async (id: string, client = alice): Promise<string[]> =>
    ((await described(id, client)).AssistantCidrSet as Json[]).map((c) => c.CidrBlock as string);

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    alice = tencentClient(emulator.url, ALICE);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("CreateAssistantCidr answers AssistantCidrSet and RequestId, and DescribeVpcs shows the blocks", async () => {
    const id = await vpc(alice, "10.100.0.0/16");
    const answer: Json = await alice.request("CreateAssistantCidr", {
      VpcId: id,
      CidrBlocks: ["172.16.0.0/16", "192.168.8.0/24"],
    });
    expect(answer).toEqual({
      AssistantCidrSet: [
        { VpcId: id, CidrBlock: "172.16.0.0/16", AssistantType: 0, SubnetSet: [] },
        { VpcId: id, CidrBlock: "192.168.8.0/24", AssistantType: 0, SubnetSet: [] },
      ],
      RequestId: expect.stringMatching(REQUEST_ID),
    });
    const now = await described(id);
    expect(now.CidrBlock).toBe("10.100.0.0/16");
    expect(now.AssistantCidrSet).toEqual(answer.AssistantCidrSet);
  });

  it("answers only the blocks created, after the ones the VPC already had", async () => {
    const id = await vpc();
    await alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: ["172.17.0.0/16"] });
    const answer: Json = await alice.request("CreateAssistantCidr", {
      VpcId: id,
      CidrBlocks: ["172.18.0.0/16"],
    });
    expect(answer.AssistantCidrSet.map((c: Json) => c.CidrBlock)).toEqual(["172.18.0.0/16"]);
    expect(await secondaryOf(id)).toEqual(["172.17.0.0/16", "172.18.0.0/16"]);
  });

  it("stores and answers blocks in canonical form, and refuses malformed, non-canonical and IPv6 ones (Malformed)", async () => {
    const id = await vpc();
    const answer: Json = await alice.request("CreateAssistantCidr", {
      VpcId: id,
      CidrBlocks: ["172.19.0.0/16"],
    });
    expect(answer.AssistantCidrSet[0].CidrBlock).toBe("172.19.0.0/16");
    // Spaces and leading zeros are refused, not rewritten (issue 16); Tencent takes no IPv6 block of one's own
    // (rulebook vpcBlocks.ipv6Declared), IPv4-mapped or not.
    for (const block of [
      "172.19.0.0/33",
      "172.19.0.1/16",
      "not-a-cidr",
      " 172.18.0.0/16",
      "172.18.0.0/016",
      "FD00:0001::/64",
      "::ffff:172.18.0.0/112",
    ]) {
      const error = await tencentError(
        alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: [block] }),
      );
      expect(error.code, block).toBe("InvalidParameterValue.Malformed");
    }
    await alice.request("DeleteAssistantCidr", { VpcId: id, CidrBlocks: ["172.19.0.0/16"] });
    expect(await secondaryOf(id)).toEqual([]);
  });

  it("DeleteAssistantCidr answers only RequestId and removes just the blocks named", async () => {
    const id = await vpc();
    await alice.request("CreateAssistantCidr", {
      VpcId: id,
      CidrBlocks: ["172.20.0.0/16", "172.21.0.0/16", "172.22.0.0/16"],
    });
    const answer: Json = await alice.request("DeleteAssistantCidr", {
      VpcId: id,
      CidrBlocks: ["172.20.0.0/16", "172.22.0.0/16"],
    });
    expect(answer).toEqual({ RequestId: expect.stringMatching(REQUEST_ID) });
    expect(await secondaryOf(id)).toEqual(["172.21.0.0/16"]);
  });

  it("refuses a block overlapping the primary or a block the VPC has (VpcCidrConflict), changing nothing", async () => {
    const id = await vpc(alice, "10.120.0.0/16");
    await alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: ["172.23.0.0/16"] });
    for (const blocks of [["10.120.128.0/17"], ["172.23.0.0/16"], ["172.24.0.0/16", "172.23.4.0/24"]]) {
      const error = await tencentError(
        alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: blocks }),
      );
      expect(error.code).toBe("InvalidParameterValue.VpcCidrConflict");
      expect(error.requestId).toMatch(REQUEST_ID);
    }
    // The batch is all-or-nothing: 172.24.0.0/16 of the refused third call is not there.
    expect(await secondaryOf(id)).toEqual(["172.23.0.0/16"]);
  });

  it("refuses a block overlapping a live peer's CIDR (UnsupportedOperation.VpcPeerCidrConflict)", async () => {
    const bob = tencentClient(emulator.url, BOB);
    const a = await vpc(alice, "10.130.0.0/16");
    const b = await vpc(bob, "10.131.0.0/16");
    await alice.request("CreateVpcPeeringConnection", {
      SourceVpcId: a,
      DestinationVpcId: b,
      DestinationUin: BOB.id,
      PeeringConnectionName: "a-b",
    });
    const error = await tencentError(
      alice.request("CreateAssistantCidr", { VpcId: a, CidrBlocks: ["10.131.64.0/18"] }),
    );
    expect(error.code).toBe("UnsupportedOperation.VpcPeerCidrConflict");
    expect(await secondaryOf(a)).toEqual([]);
  });

  it("refuses a block listed twice (InvalidParameterValue.Duplicate) and a missing or unknown parameter", async () => {
    const id = await vpc();
    for (const action of ["CreateAssistantCidr", "DeleteAssistantCidr"]) {
      const twice = await tencentError(
        alice.request(action, { VpcId: id, CidrBlocks: ["172.25.0.0/16", "172.25.0.0/16"] }),
      );
      expect(twice.code).toBe("InvalidParameterValue.Duplicate");
      expect((await tencentError(alice.request(action, { VpcId: id, CidrBlocks: [] }))).code).toBe(
        "MissingParameter",
      );
      expect((await tencentError(alice.request(action, { CidrBlocks: ["172.25.0.0/16"] }))).code).toBe(
        "MissingParameter",
      );
      expect(
        (await tencentError(alice.request(action, { VpcId: id, CidrBlocks: ["172.25.0.0/16"], Cidr: "x" })))
          .code,
      ).toBe("UnknownParameter");
    }
    expect(await secondaryOf(id)).toEqual([]);
  });

  it("never deletes the primary CIDR, a block the VPC lacks, or a malformed one", async () => {
    const id = await vpc(alice, "10.140.0.0/16");
    await alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: ["172.26.0.0/16"] });
    const primary = await tencentError(
      alice.request("DeleteAssistantCidr", { VpcId: id, CidrBlocks: ["10.140.0.0/16"] }),
    );
    expect(primary.code).toBe("InvalidParameter");
    expect(primary.message).toContain("primary CIDR");
    // Named together with a real secondary block, which must survive the refused call.
    const absent = await tencentError(
      alice.request("DeleteAssistantCidr", { VpcId: id, CidrBlocks: ["172.26.0.0/16", "172.27.0.0/16"] }),
    );
    expect(absent.code).toBe("ResourceNotFound");
    expect(absent.message).toContain("172.27.0.0/16");
    const malformed = await tencentError(
      alice.request("DeleteAssistantCidr", { VpcId: id, CidrBlocks: ["172.26.0.0/33"] }),
    );
    expect(malformed.code).toBe("InvalidParameterValue.Malformed");
    const now = await described(id);
    expect([now.CidrBlock, ...now.AssistantCidrSet.map((c: Json) => c.CidrBlock)]).toEqual([
      "10.140.0.0/16",
      "172.26.0.0/16",
    ]);
  });

  it("sees only the caller's VPCs in the request's region (ResourceNotFound)", async () => {
    const id = await vpc();
    await alice.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: ["172.28.0.0/16"] });
    const bob = tencentClient(emulator.url, BOB);
    const elsewhere = tencentClient(emulator.url, ALICE, "ap-beijing");
    for (const [client, action, blocks] of [
      [bob, "CreateAssistantCidr", ["172.29.0.0/16"]],
      [bob, "DeleteAssistantCidr", ["172.28.0.0/16"]],
      [elsewhere, "CreateAssistantCidr", ["172.29.0.0/16"]],
      [elsewhere, "DeleteAssistantCidr", ["172.28.0.0/16"]],
    ] as const)
      expect((await tencentError(client.request(action, { VpcId: id, CidrBlocks: blocks }))).code).toBe(
        "ResourceNotFound",
      );
    expect(await secondaryOf(id)).toEqual(["172.28.0.0/16"]);
  });

  it("rate-limits both actions like every Tencent action (RequestLimitExceeded)", async () => {
    const limited = await startTestEmulator({
      rateLimits: {
        actions: { "tencentcloud:CreateAssistantCidr": 2, "tencentcloud:DeleteAssistantCidr": 2 },
      },
    });
    try {
      const client = tencentClient(limited.url, ALICE);
      const id = ((await client.request("CreateVpc", { VpcName: "rl", CidrBlock: "10.150.0.0/16" })) as Json)
        .Vpc.VpcId as string;
      const add = (block: string) =>
        client.request("CreateAssistantCidr", { VpcId: id, CidrBlocks: [block] });
      await add("172.40.0.0/16");
      await add("172.41.0.0/16");
      expect((await tencentError(add("172.42.0.0/16"))).code).toBe("RequestLimitExceeded");
      const remove = (block: string) =>
        client.request("DeleteAssistantCidr", { VpcId: id, CidrBlocks: [block] });
      await remove("172.40.0.0/16");
      await remove("172.41.0.0/16");
      expect((await tencentError(remove("172.40.0.0/16"))).code).toBe("RequestLimitExceeded");
    } finally {
      await limited.close();
    }
  });
});
