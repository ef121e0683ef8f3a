/**
 * The tencentcloud backend's setSecondaryCidrs over HTTP against the emulator: the diff it computes, the
 * CreateAssistantCidr / DeleteAssistantCidr calls it makes (counted per action by a recording wrapper around the
 * Tencent handler), its refusals with the peerlink code and Tencent's code, and a lost answer recognised on retry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendError } from "../../../provider/backends/errors.js";
import { peerlinkCodeOf } from "../../../provider/backends/tencentcloud/error-mapping.js";
import type { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { tencentcloudHandler } from "../../../provider/emulator/tencentcloud/handler.js";
import { type RecordingHandler, recordingHandler } from "../../emulator/support/recording-handler.js";
import { ACCOUNTS, startTestEmulator, type TestEmulator } from "./support.js";

const WRITES = ["CreateAssistantCidr", "DeleteAssistantCidr"];

async function failure(call: Promise<unknown>): Promise<BackendError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeDefined();
  return error as BackendError;
}

describe("tencentcloud setSecondaryCidrs", () => {
  let t: TestEmulator;
  let recording: RecordingHandler;
  let backend: TencentCloudBackend;
  let next = 0;

  const vpc = async (primary = `10.${++next}.0.0/16`, owner = backend) =>
    (await owner.createVpc({ name: `v${++next}`, region: "ap-guangzhou", cidrs: [primary] })).id;

  /** The secondary-CIDR writes made while `work` ran. */
  const writesDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
    const from = recording.seen.length;
    await work();
    return recording.seen.slice(from).filter((a) => WRITES.includes(a));
  };

  beforeAll(async () => {
    recording = recordingHandler(tencentcloudHandler, (request) => request.headers["x-tc-action"] ?? "");
    t = await startTestEmulator({ handlers: [recording.handler], rateLimits: false });
    backend = t.backend(ACCOUNTS[0]!, { pacing: false, retry: { maxAttempts: 3, baseDelayMs: 1 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("adds a block with one CreateAssistantCidr, and describeVpc shows it", async () => {
    const id = await vpc("10.200.0.0/16");
    let result: Awaited<ReturnType<typeof backend.setSecondaryCidrs>> | undefined;
    expect(
      await writesDuring(async () => {
        result = await backend.setSecondaryCidrs(id, ["172.16.0.0/16", "192.168.0.0/24"]);
      }),
    ).toEqual(["CreateAssistantCidr"]);
    expect(result?.cidrs).toEqual(["10.200.0.0/16", "172.16.0.0/16", "192.168.0.0/24"]);
    expect((await backend.describeVpc(id)).cidrs).toEqual([
      "10.200.0.0/16",
      "172.16.0.0/16",
      "192.168.0.0/24",
    ]);
  });

  it("removes blocks with one DeleteAssistantCidr", async () => {
    const id = await vpc("10.201.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.17.0.0/16", "172.18.0.0/16"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, [])).cidrs;
      }),
    ).toEqual(["DeleteAssistantCidr"]);
    expect(cidrs).toEqual(["10.201.0.0/16"]);
    expect((await backend.describeVpc(id)).cidrs).toEqual(["10.201.0.0/16"]);
  });

  it("adds and removes in one call: the add first, then the delete", async () => {
    const id = await vpc("10.202.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.19.0.0/16", "172.20.0.0/16"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, ["172.20.0.0/16", "172.21.0.0/16", "172.22.0.0/16"]))
          .cidrs;
      }),
    ).toEqual(["CreateAssistantCidr", "DeleteAssistantCidr"]);
    expect(cidrs).toEqual(["10.202.0.0/16", "172.20.0.0/16", "172.21.0.0/16", "172.22.0.0/16"]);
    expect((await backend.describeVpc(id)).cidrs).toEqual(cidrs);
  });

  // Tencent takes no IPv6 block of one's own (rulebook vpcBlocks.ipv6Declared), so no IPv6 spelling to vary.
  it("makes no write when the list is the current one (in any order)", async () => {
    const id = await vpc("10.203.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.23.0.0/16", "172.24.0.0/16"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, ["172.24.0.0/16", "172.23.0.0/16"])).cidrs;
      }),
    ).toEqual([]);
    expect(cidrs).toEqual(["10.203.0.0/16", "172.23.0.0/16", "172.24.0.0/16"]);
  });

  it("refuses a block overlapping the primary (INVALID_CIDR, VpcCidrConflict) and changes nothing", async () => {
    const id = await vpc("10.204.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.24.0.0/16"]);
    const error = await failure(backend.setSecondaryCidrs(id, ["10.204.128.0/17"]));
    expect(error).toMatchObject({
      code: "INVALID_CIDR",
      cloudCode: "InvalidParameterValue.VpcCidrConflict",
      retryable: false,
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The removal of 172.24.0.0/16 asked for in the same call did not happen either: the add runs first.
    expect((await backend.describeVpc(id)).cidrs).toEqual(["10.204.0.0/16", "172.24.0.0/16"]);
  });

  it("refuses a block overlapping a live peer's CIDR (CIDR_OVERLAP) and changes nothing", async () => {
    const a = await vpc("10.205.0.0/16");
    const b = await vpc("10.206.0.0/16");
    await backend.setSecondaryCidrs(a, ["172.25.0.0/16"]);
    await backend.createPeering({ vpcId: a, peerVpcId: b, name: "a-b" });
    let error: BackendError | undefined;
    // One refused add (not retried), and no delete of 172.25.0.0/16 after it.
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(a, ["10.206.64.0/18"]));
      }),
    ).toEqual(["CreateAssistantCidr"]);
    expect(error).toMatchObject({
      code: "CIDR_OVERLAP",
      cloudCode: "UnsupportedOperation.VpcPeerCidrConflict",
    });
    expect((await backend.describeVpc(a)).cidrs).toEqual(["10.205.0.0/16", "172.25.0.0/16"]);
  });

  it("does not find another account's VPC (NOT_FOUND)", async () => {
    const other = t.backend(ACCOUNTS[1]!, { pacing: false });
    const id = await vpc("10.207.0.0/16", other);
    const error = await failure(backend.setSecondaryCidrs(id, ["172.26.0.0/16"]));
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(error.message).toContain(id);
    expect((await other.describeVpc(id)).cidrs).toEqual(["10.207.0.0/16"]);
  });

  it("refuses unparsable, host-bit and repeated blocks before any call", async () => {
    const id = await vpc("10.208.0.0/16");
    const before = recording.seen.length;
    const cases: [string[], string, string][] = [
      [["172.27.0.0/33"], "InvalidParameterValue.Malformed", "address/prefix"],
      [["172.27.0.1/16"], "InvalidParameterValue.Malformed", "Use 172.27.0.0/16"],
      [["172.27.0.0/16", "172.27.0.0/16"], "InvalidParameterValue.Duplicate", "once"],
    ];
    for (const [blocks, cloudCode, fix] of cases) {
      const error = await failure(backend.setSecondaryCidrs(id, blocks));
      expect(error).toMatchObject({ code: "INVALID_CIDR", cloudCode });
      expect(error.message).toContain(id);
      expect(error.message).toContain(fix);
    }
    expect(recording.seen.slice(before)).toEqual([]);
  });

  it("refuses to swap a block for an overlapping one in one call, with the two-step fix", async () => {
    const id = await vpc("10.209.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.28.0.0/16"]);
    let error: BackendError | undefined;
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(id, ["172.28.0.0/17"]));
      }),
    ).toEqual([]);
    expect(error).toMatchObject({ code: "INVALID_CIDR", cloudCode: "InvalidParameterValue.VpcCidrConflict" });
    expect(error?.message).toContain("two steps");
    // The two steps do work.
    await backend.setSecondaryCidrs(id, []);
    expect((await backend.setSecondaryCidrs(id, ["172.28.0.0/17"])).cidrs).toEqual([
      "10.209.0.0/16",
      "172.28.0.0/17",
    ]);
  });

  it("recognises a write whose answer was lost: the retry is refused, the VPC shows it done", async () => {
    const id = await vpc("10.210.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.29.0.0/16"]);
    recording.lose.add("CreateAssistantCidr");
    recording.lose.add("DeleteAssistantCidr");
    let result: readonly string[] = [];
    const writes = await writesDuring(async () => {
      result = (await backend.setSecondaryCidrs(id, ["172.30.0.0/16"])).cidrs;
    });
    // Each action ran twice: the lost first attempt, then a retry that the emulator refused.
    expect(writes).toEqual([
      "CreateAssistantCidr",
      "CreateAssistantCidr",
      "DeleteAssistantCidr",
      "DeleteAssistantCidr",
    ]);
    expect(recording.lose.size).toBe(0);
    expect(result).toEqual(["10.210.0.0/16", "172.30.0.0/16"]);
  });
});

describe("CreateAssistantCidr's error codes", () => {
  it.each([
    ["InvalidParameterValue.VpcCidrConflict", "CreateAssistantCidr", "INVALID_CIDR"],
    ["InvalidParameterValue.Duplicate", "CreateAssistantCidr", "INVALID_CIDR"],
    ["InvalidParameterValue.SubnetOverlapAssistCidr", "CreateAssistantCidr", "INVALID_CIDR"],
    ["InvalidParameterValue.Malformed", "CreateAssistantCidr", "INVALID_CIDR"],
    ["UnsupportedOperation.VpcPeerCidrConflict", "CreateAssistantCidr", "CIDR_OVERLAP"],
    ["UnauthorizedOperation.VpcPeerCidrConflict", "CreateAssistantCidr", "PEER_CIDR_CONFLICT"],
    // The same codes keep their route meaning on CreateRoutes.
    ["InvalidParameterValue.VpcCidrConflict", "CreateRoutes", "ROUTE_CONFLICT"],
    ["InvalidParameterValue.Duplicate", "CreateRoutes", "ROUTE_CONFLICT"],
    ["ResourceNotFound", "DeleteAssistantCidr", "NOT_FOUND"],
    ["InvalidParameter", "DeleteAssistantCidr", "INVALID_PARAMETER"],
  ])("%s (%s) -> %s", (cloudCode, action, code) => {
    expect(peerlinkCodeOf(cloudCode, action)).toBe(code);
  });
});

describe("tencentcloud createVpc with secondary CIDRs", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ rateLimits: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it("creates the VPC with its primary block, then adds the others (CreateAssistantCidr)", async () => {
    const backend = t.backend(ACCOUNTS[0]!);
    const created = await backend.createVpc({
      name: "multi",
      region: "ap-guangzhou",
      cidrs: ["10.50.0.0/16", "172.30.0.0/16"],
      routeTables: ["app"],
    });
    expect(created.cidrs).toEqual(["10.50.0.0/16", "172.30.0.0/16"]);
    expect(created.routeTables.map((r) => r.name).sort()).toEqual(["app", "main"]);
    expect(await backend.describeVpc(created.id)).toEqual(created);
  });

  it("a refused secondary block fails the create and leaves no VPC behind", async () => {
    const backend = t.backend(ACCOUNTS[1]!);
    const error = await failure(
      backend.createVpc({ name: "clash", region: "ap-guangzhou", cidrs: ["10.60.0.0/16", "10.60.1.0/24"] }),
    );
    expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
      code: "INVALID_CIDR",
      cloudCode: "InvalidParameterValue.VpcCidrConflict",
    });
    expect((await backend.listVpcs()).map((v) => v.name)).not.toContain("clash");
  });

  it("a block that cannot be sent is refused before CreateVpc", async () => {
    const backend = t.backend(ACCOUNTS[2]!);
    const error = await failure(
      backend.createVpc({ name: "bad", region: "ap-guangzhou", cidrs: ["10.70.0.0/16", "garbage"] }),
    );
    expect(error.code).toBe("INVALID_CIDR");
    expect(error.message).toContain("garbage");
    expect((await backend.listVpcs()).map((v) => v.name)).not.toContain("bad");
  });
});
