/**
 * The huaweicloud backend's setSecondaryCidrs and multi-CIDR createVpc over HTTP against the emulator: the diff it
 * computes, the v3 add-extend-cidr / remove-extend-cidr calls it makes (counted per route by a recording wrapper
 * around the Huawei handler), describeVpc / listVpcs showing the secondary blocks (v3 reads), the refusals with the
 * peerlink code and the v3 error_code, and a lost answer recognised on retry. The capability flag is not asserted:
 * these tests call the methods directly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendError } from "../../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount, EmulatorRequest } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { type RecordingHandler, recordingHandler } from "../../emulator/support/recording-handler.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "cn-north-4";
const ADD = "AddVpcExtendCidr";
const REMOVE = "RemoveVpcExtendCidr";

/** The secondary-CIDR write a request is, if any (v3/VpcClient.js paths). */
function writeOf(request: EmulatorRequest): string | undefined {
  if (request.method !== "PUT") return undefined;
  if (request.path.endsWith("/add-extend-cidr")) return ADD;
  if (request.path.endsWith("/remove-extend-cidr")) return REMOVE;
  return undefined;
}

async function failure(call: Promise<unknown>): Promise<BackendError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeDefined();
  return error as BackendError;
}

function backendFor(url: string, account: EmulatorAccount): HuaweiCloudBackend {
  return new HuaweiCloudBackend({
    endpoint: url,
    region: REGION,
    accessKey: account.secretId,
    secretKey: account.secretKey,
    projectId: account.id,
    env: {},
    retry: { maxAttempts: 3, baseDelayMs: 1 },
  });
}

describe("huaweicloud setSecondaryCidrs", () => {
  let emulator: RunningEmulator;
  let recording: RecordingHandler;
  let backend: HuaweiCloudBackend;
  let next = 0;

  const vpc = async (primary: string, owner = backend) =>
    (await owner.createVpc({ name: `v${++next}`, region: REGION, cidrs: [primary] })).id;

  /** The secondary-CIDR writes made while `work` ran. */
  const writesDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
    const from = recording.seen.length;
    await work();
    return recording.seen.slice(from);
  };

  beforeAll(async () => {
    recording = recordingHandler(huaweicloudHandler, writeOf);
    emulator = await startTestEmulator(recording.handler);
    backend = backendFor(emulator.url, A);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("adds blocks with one add-extend-cidr, and describeVpc and listVpcs show them", async () => {
    const id = await vpc("10.200.0.0/16");
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, ["100.64.0.0/16", "192.168.0.0/24"])).cidrs;
      }),
    ).toEqual([ADD]);
    const all = ["10.200.0.0/16", "100.64.0.0/16", "192.168.0.0/24"];
    expect(cidrs).toEqual(all);
    expect((await backend.describeVpc(id)).cidrs).toEqual(all);
    expect((await backend.listVpcs()).find((v) => v.id === id)?.cidrs).toEqual(all);
  });

  it("removes blocks with one remove-extend-cidr", async () => {
    const id = await vpc("10.201.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.17.0.0/16", "172.18.0.0/16"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, [])).cidrs;
      }),
    ).toEqual([REMOVE]);
    expect(cidrs).toEqual(["10.201.0.0/16"]);
    expect((await backend.describeVpc(id)).cidrs).toEqual(["10.201.0.0/16"]);
    expect((await backend.listVpcs()).find((v) => v.id === id)?.cidrs).toEqual(["10.201.0.0/16"]);
  });

  it("adds and removes in one call: the add first, then the remove", async () => {
    const id = await vpc("10.202.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.19.0.0/16", "172.20.0.0/16"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, ["172.20.0.0/16", "172.21.0.0/16", "172.22.0.0/16"]))
          .cidrs;
      }),
    ).toEqual([ADD, REMOVE]);
    expect(cidrs).toEqual(["10.202.0.0/16", "172.20.0.0/16", "172.21.0.0/16", "172.22.0.0/16"]);
    expect((await backend.describeVpc(id)).cidrs).toEqual(cidrs);
  });

  it("makes no write when the list is the current one (in any order)", async () => {
    const id = await vpc("10.203.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.23.0.0/16", "172.24.0.0/24"]);
    let cidrs: readonly string[] = [];
    expect(
      await writesDuring(async () => {
        cidrs = (await backend.setSecondaryCidrs(id, ["172.24.0.0/24", "172.23.0.0/16"])).cidrs;
      }),
    ).toEqual([]);
    expect(cidrs).toEqual(["10.203.0.0/16", "172.23.0.0/16", "172.24.0.0/24"]);
  });

  it("refuses a block overlapping the primary (INVALID_CIDR, VPC.ExtendCidrInvalid) and changes nothing", async () => {
    const id = await vpc("10.204.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.25.0.0/16"]);
    let error: BackendError | undefined;
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(id, ["10.204.128.0/17"]));
      }),
    ).toEqual([ADD]);
    expect(error).toMatchObject({
      code: "INVALID_CIDR",
      cloudCode: "VPC.ExtendCidrInvalid",
      httpStatus: 400,
      retryable: false,
    });
    expect(error?.requestId).toMatch(/^[0-9a-f]{32}$/);
    // The removal of 172.25.0.0/16 asked for in the same call did not happen either: the add runs first.
    expect((await backend.describeVpc(id)).cidrs).toEqual(["10.204.0.0/16", "172.25.0.0/16"]);
  });

  it("refuses a block overlapping a live peer's CIDR (CIDR_OVERLAP) and changes nothing", async () => {
    const a = await vpc("10.205.0.0/16");
    const b = await vpc("10.206.0.0/16");
    await backend.setSecondaryCidrs(a, ["172.26.0.0/16"]);
    await backend.createPeering({ vpcId: a, peerVpcId: b, name: "a-b" });
    let error: BackendError | undefined;
    // One refused add (not retried), and no remove of 172.26.0.0/16 after it.
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(a, ["10.206.64.0/18"]));
      }),
    ).toEqual([ADD]);
    expect(error).toMatchObject({ code: "CIDR_OVERLAP", cloudCode: "VPC.ExtendCidrOverlapsPeer" });
    expect((await backend.describeVpc(a)).cidrs).toEqual(["10.205.0.0/16", "172.26.0.0/16"]);
  });

  it("does not find another project's VPC (NOT_FOUND, VPC.0003) and leaves it alone", async () => {
    const other = backendFor(emulator.url, B);
    const id = await vpc("10.207.0.0/16", other);
    let error: BackendError | undefined;
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(id, ["172.27.0.0/16"]));
      }),
    ).toEqual([]);
    expect(error).toMatchObject({ code: "NOT_FOUND", cloudCode: "VPC.0003", httpStatus: 404 });
    expect(error?.message).toContain(id);
    expect((await other.describeVpc(id)).cidrs).toEqual(["10.207.0.0/16"]);
  });

  it("refuses unparsable, host-bit, IPv6 and repeated blocks before any call", async () => {
    const id = await vpc("10.208.0.0/16");
    const cases: [string[], string][] = [
      [["172.28.0.0/33"], "address/prefix"],
      [["172.28.0.1/16"], "Use 172.28.0.0/16"],
      [["fd00:1::/64"], "IPv4"],
      [["172.28.0.0/16", "172.28.0.0/16"], "once"],
    ];
    for (const [blocks, hint] of cases) {
      let error: BackendError | undefined;
      expect(
        await writesDuring(async () => {
          error = await failure(backend.setSecondaryCidrs(id, blocks));
        }),
      ).toEqual([]);
      expect(error).toMatchObject({
        code: "INVALID_CIDR",
        cloudCode: "ClientValidation",
        value: blocks.at(-1),
      });
      expect(`${error?.message} ${error?.fix}`).toContain(id);
      expect(`${error?.message} ${error?.fix}`).toContain(hint);
    }
    expect((await backend.describeVpc(id)).cidrs).toEqual(["10.208.0.0/16"]);
  });

  it("refuses to swap a block for an overlapping one in one call, with the two-step fix", async () => {
    const id = await vpc("10.209.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.29.0.0/16"]);
    let error: BackendError | undefined;
    expect(
      await writesDuring(async () => {
        error = await failure(backend.setSecondaryCidrs(id, ["172.29.0.0/17"]));
      }),
    ).toEqual([]);
    expect(error).toMatchObject({ code: "INVALID_CIDR" });
    expect(error?.fix).toContain("two steps");
    // The two steps do work.
    await backend.setSecondaryCidrs(id, []);
    expect((await backend.setSecondaryCidrs(id, ["172.29.0.0/17"])).cidrs).toEqual([
      "10.209.0.0/16",
      "172.29.0.0/17",
    ]);
  });

  it("recognises a write whose answer was lost: the retry is refused, the VPC shows it done", async () => {
    const id = await vpc("10.210.0.0/16");
    await backend.setSecondaryCidrs(id, ["172.30.0.0/16"]);
    recording.lose.add(ADD);
    recording.lose.add(REMOVE);
    let cidrs: readonly string[] = [];
    const writes = await writesDuring(async () => {
      cidrs = (await backend.setSecondaryCidrs(id, ["172.31.0.0/16"])).cidrs;
    });
    // Each write ran twice: the lost first attempt, then a retry that the emulator refused (already there / gone).
    expect(writes).toEqual([ADD, ADD, REMOVE, REMOVE]);
    expect(recording.lose.size).toBe(0);
    expect(cidrs).toEqual(["10.210.0.0/16", "172.31.0.0/16"]);
  });
});

describe("huaweicloud createVpc with secondary CIDRs", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator(huaweicloudHandler);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("creates the VPC with its primary block, then adds the others (add-extend-cidr)", async () => {
    const backend = backendFor(emulator.url, A);
    const created = await backend.createVpc({
      name: "multi",
      region: REGION,
      cidrs: ["10.50.0.0/16", "172.30.0.0/16"],
      routeTables: ["app"],
    });
    expect(created.cidrs).toEqual(["10.50.0.0/16", "172.30.0.0/16"]);
    expect(created.routeTables.map((r) => r.name).sort()).toEqual(["app", "main"]);
    expect(await backend.describeVpc(created.id)).toEqual(created);
    expect((await backend.listVpcs()).find((v) => v.id === created.id)).toEqual(created);
  });

  it("a refused secondary block fails the create and leaves no VPC behind", async () => {
    const backend = backendFor(emulator.url, B);
    const error = await failure(
      backend.createVpc({ name: "clash", region: REGION, cidrs: ["10.60.0.0/16", "10.60.1.0/24"] }),
    );
    expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
      code: "INVALID_CIDR",
      cloudCode: "VPC.ExtendCidrInvalid",
    });
    expect((await backend.listVpcs()).map((v) => v.name)).not.toContain("clash");
  });

  it("a block that cannot be sent is refused before the VPC is created", async () => {
    const backend = backendFor(emulator.url, TEST_ACCOUNTS[2] as EmulatorAccount);
    const error = await failure(
      backend.createVpc({ name: "bad", region: REGION, cidrs: ["10.70.0.0/16", "garbage"] }),
    );
    expect(error.code).toBe("INVALID_CIDR");
    expect(error.message).toContain("garbage");
    expect((await backend.listVpcs()).map((v) => v.name)).not.toContain("bad");
  });
});
