/**
 * Subnets through the tencentcloud backend against the emulator's API 3.0 subnet actions (CreateSubnet,
 * DescribeSubnets, DeleteSubnet through the official CommonClient, TC3-signed): create, list, describe and delete
 * with the requests each sends; the core's shape refusals before anything is sent (a /29, IPv6 at creation) and
 * Tencent's own refusals parsed back (InvalidParameterValue.SubnetRange outside the VPC, SubnetOverlap, ResourceInUse
 * for a VPC that holds a subnet); the create token in Tags that lets a rerun find its subnet, and a lost answer.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BackendError } from "../../../provider/backends/errors.js";
import { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import type { EmulatorAccount, EmulatorRequest } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { tencentcloudHandler } from "../../../provider/emulator/tencentcloud/handler.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { recordingHandler } from "../../emulator/support/recording-handler.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "ap-guangzhou";
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

/** API 3.0 names the action in a header (X-TC-Action). */
const kindOf = (request: EmulatorRequest): string | undefined => {
  const action = request.headers["x-tc-action"];
  return typeof action === "string" ? action : undefined;
};

let emulator: RunningEmulator;
let recording: ReturnType<typeof recordingHandler>;
let a: TencentCloudBackend;
let b: TencentCloudBackend;
const opened: TencentCloudBackend[] = [];

function backendFor(account: EmulatorAccount, zone?: string): TencentCloudBackend {
  const backend = new TencentCloudBackend({
    account: account.id,
    region: REGION,
    secretId: account.secretId,
    secretKey: account.secretKey,
    endpoint: emulator.url,
    env: {},
    retry: FAST_RETRY,
    pacing: false,
    ...(zone === undefined ? {} : { zone }),
  });
  opened.push(backend);
  return backend;
}

beforeEach(async () => {
  recording = recordingHandler(tencentcloudHandler, kindOf);
  emulator = await startTestEmulator(recording.handler);
  a = backendFor(A);
  b = backendFor(B);
});
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
  await emulator.close();
});

/** The actions `step` sends. */
async function sent<T>(step: () => Promise<T>): Promise<{ value: T; requests: string[] }> {
  const before = recording.seen.length;
  const value = await step();
  return { value, requests: recording.seen.slice(before) };
}

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    return error as BackendError;
  }
  throw new Error("the call should have been refused");
}

const vpc = (backend: TencentCloudBackend, name: string, cidr: string) =>
  backend.createVpc({ name, region: REGION, cidrs: [cidr] });

describe("tencentcloud subnets", () => {
  it("creates a subnet in one request, lists, describes and deletes it", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const created = await sent(() => a.createSubnet({ vpcId: v.id, name: "web", cidr: "10.0.1.0/24" }));
    // The VPC's region is remembered from its create; CreateSubnet answers the Subnet.
    expect(created.requests).toEqual(["CreateSubnet"]);
    expect(created.value).toMatchObject({
      vpcId: v.id,
      name: "web",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.1",
      ipv6: false,
      ipv6Cidr: undefined,
    });
    expect(created.value.id).toMatch(/^subnet-/);
    const second = await a.createSubnet({ vpcId: v.id, name: "db", cidr: "10.0.2.0/24" });

    const listed = await sent(() => a.listSubnets(v.id));
    expect(listed.requests).toEqual(["DescribeSubnets"]);
    expect(listed.value.map((s) => s.id)).toEqual([created.value.id, second.id]);

    const described = await sent(() => a.describeSubnet(created.value.id));
    expect(described.requests).toEqual(["DescribeSubnets"]);
    expect(described.value).toEqual(created.value);

    const deleted = await sent(() => a.deleteSubnet(created.value.id));
    expect(deleted.requests).toEqual(["DescribeSubnets", "DeleteSubnet"]);
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([second.id]);
    // A second delete finds nothing: NOT_FOUND, after one look-up.
    const again = await refusal(a.deleteSubnet(created.value.id));
    expect({ code: again.code, cloudCode: again.cloudCode }).toEqual({
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
    });
  });

  it("pages a VPC's subnets 100 at a time", async () => {
    const v = await vpc(a, "big", "10.0.0.0/16");
    for (let i = 0; i < 101; i++)
      await a.createSubnet({ vpcId: v.id, name: `s${i}`, cidr: `10.0.${i}.0/24` });
    const listed = await sent(() => a.listSubnets(v.id));
    expect(listed.requests).toEqual(["DescribeSubnets", "DescribeSubnets"]);
    expect(listed.value).toHaveLength(101);
    expect(listed.value[100]?.name).toBe("s100");
  });

  it("refuses what the core's shape rules refuse before sending anything (/29, IPv6 at creation)", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    for (const input of [
      { vpcId: v.id, name: "tiny", cidr: "10.0.1.0/29" },
      { vpcId: v.id, name: "dual", cidr: "10.0.1.0/24", ipv6: true },
    ]) {
      const attempt = await sent(() => refusal(a.createSubnet(input)));
      expect(attempt.requests).toEqual([]);
      expect({ code: attempt.value.code, cloudCode: attempt.value.cloudCode }).toEqual({
        code: "SUBNET_INVALID",
        cloudCode: "ClientValidation",
      });
      expect(attempt.value.fix).toBeTruthy();
    }
    const ipv6 = await refusal(
      a.createSubnet({ vpcId: v.id, name: "dual", cidr: "10.0.1.0/24", ipv6: true }),
    );
    expect(ipv6.message).toContain("rulebook: subnets.ipv6AtCreate");
  });

  it("parses Tencent's refusals back: outside the VPC (SubnetRange), an overlap (SubnetOverlap)", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const outside = await refusal(a.createSubnet({ vpcId: v.id, name: "far", cidr: "10.9.0.0/24" }));
    expect({ code: outside.code, cloudCode: outside.cloudCode }).toEqual({
      code: "SUBNET_INVALID",
      cloudCode: "InvalidParameterValue.SubnetRange",
    });
    expect(outside.message).toContain("10.9.0.0/24");
    await a.createSubnet({ vpcId: v.id, name: "web", cidr: "10.0.1.0/24" });
    const overlap = await refusal(a.createSubnet({ vpcId: v.id, name: "half", cidr: "10.0.1.128/25" }));
    expect({ code: overlap.code, cloudCode: overlap.cloudCode }).toEqual({
      code: "SUBNET_INVALID",
      cloudCode: "InvalidParameterValue.SubnetOverlap",
    });
  });

  it("refuses a gateway other than the block's first host (CreateSubnet takes none), and accepts that one", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const other = await sent(() =>
      refusal(a.createSubnet({ vpcId: v.id, name: "gw", cidr: "10.0.1.0/24", gatewayIp: "10.0.1.9" })),
    );
    expect(other.requests).toEqual([]);
    expect(other.value.code).toBe("UNSUPPORTED_OPERATION");
    const first = await a.createSubnet({
      vpcId: v.id,
      name: "gw",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.1",
    });
    expect(first.gatewayIp).toBe("10.0.1.1");
  });

  it("lists an empty VPC as empty (one more request to tell it from a VPC that is gone, which is NOT_FOUND)", async () => {
    const v = await vpc(a, "empty", "10.0.0.0/16");
    const listed = await sent(() => a.listSubnets(v.id));
    expect(listed).toEqual({ value: [], requests: ["DescribeSubnets", "DescribeVpcs"] });
    // Deleted by another process: `a` still remembers the VPC's region, and the empty answer is checked.
    await backendFor(A).deleteVpc(v.id);
    const gone = await sent(() => refusal(a.listSubnets(v.id)));
    expect({ code: gone.value.code, requests: gone.requests }).toEqual({
      code: "NOT_FOUND",
      requests: ["DescribeSubnets", "DescribeVpcs"],
    });
  });

  it("refuses a subnet in an unknown VPC, and hides another account's subnets (NOT_FOUND)", async () => {
    const missing = await refusal(a.createSubnet({ vpcId: "vpc-nothere", name: "s", cidr: "10.0.1.0/24" }));
    expect(missing.code).toBe("NOT_FOUND");
    const v = await vpc(a, "app", "10.0.0.0/16");
    const mine = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await refusal(b.describeSubnet(mine.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.listSubnets(v.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.deleteSubnet(mine.id))).code).toBe("NOT_FOUND");
  });

  it("does not delete a VPC that holds a subnet (VPC_IN_USE, ResourceInUse); it does once the subnet is gone", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    const held = await refusal(a.deleteVpc(v.id));
    expect({ code: held.code, cloudCode: held.cloudCode }).toEqual({
      code: "VPC_IN_USE",
      cloudCode: "ResourceInUse",
    });
    expect(held.message).toContain(s.id);
    await a.deleteSubnet(s.id);
    await a.deleteVpc(v.id);
    expect((await refusal(a.describeVpc(v.id))).code).toBe("NOT_FOUND");
  });

  it("sends the configured zone, else the region's -1 zone (CreateSubnet requires one)", async () => {
    const zoned = backendFor(A, "ap-guangzhou-6");
    const v = await vpc(zoned, "app", "10.0.0.0/16");
    await zoned.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    await a.createSubnet({ vpcId: v.id, name: "t", cidr: "10.0.2.0/24" });
    // A zone of another region is the emulator's (and Tencent's) refusal, so the configured zone is what is sent.
    const wrong = backendFor(A, "ap-beijing-1");
    const refused = await refusal(wrong.createSubnet({ vpcId: v.id, name: "u", cidr: "10.0.3.0/24" }));
    expect(refused.cloudCode).toBe("InvalidParameterValue.UnavailableZone");
  });
});

describe("tencentcloud subnet creates across processes (the create-token tag)", () => {
  it("a rerun with the same clientToken finds the subnet the first run made; another request with it is refused", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const input = { vpcId: v.id, name: "s", cidr: "10.0.1.0/24", clientToken: "run-1" };
    const first = await sent(() => a.createSubnet(input));
    // With a token: the VPC's subnets are looked at first, then the create.
    expect(first.requests).toEqual(["DescribeSubnets", "CreateSubnet"]);
    const rerun = backendFor(A);
    const again = await sent(() => rerun.createSubnet(input));
    // Another process knows no regions: it finds the VPC's, then the subnet carrying the token.
    expect(again.requests).toEqual(["DescribeVpcs", "DescribeSubnets"]);
    expect(again.value).toEqual(first.value);
    const conflict = await refusal(rerun.createSubnet({ ...input, cidr: "10.0.2.0/24" }));
    expect({ code: conflict.code, value: conflict.value, cloudCode: conflict.cloudCode }).toEqual({
      code: "IDEMPOTENCY_CONFLICT",
      value: "run-1",
      cloudCode: "InvalidParameterConflict",
    });
    expect(conflict.message).toContain(first.value.id);
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([first.value.id]);
  });

  it("a create whose answer was lost is found by its token instead of made twice", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    recording.lose.add("CreateSubnet");
    const made = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24", clientToken: "lost-1" });
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([made.id]);
  });

  it("a lost create without a token is found by name and block", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    recording.lose.add("CreateSubnet");
    const made = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([made.id]);
  });

  it("refuses a token the tag cannot carry before sending anything", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const attempt = await sent(() =>
      refusal(a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24", clientToken: "has space" })),
    );
    expect(attempt.requests).toEqual([]);
    expect(attempt.value.code).toBe("INVALID_PARAMETER");
  });
});
