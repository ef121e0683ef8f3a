/**
 * Subnets through the huaweicloud backend against the emulator's Huawei v1 subnet API (official SDK, signed
 * requests): plain and dual-stack subnets, list, describe and delete; the core's shape refusals before anything is
 * sent and Huawei's own refusals parsed back (VPC.0203 outside the VPC, VPC.0104 a VPC that holds subnets); the
 * create marker that lets a rerun find its subnet; UNKNOWN waited out; and, end to end, two tenants' dual-stack VPCs
 * routing to each other's subnet IPv6 blocks through a peering (Huawei documents IPv6 peering routes).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BackendError } from "../../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type {
  EmulatorAccount,
  EmulatorRequest,
  ProtocolHandler,
} from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { recordingHandler } from "../../emulator/support/recording-handler.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "cn-north-4";
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

/** Every request by its SDK action's shape, to count what each step sends. */
function kindOf(request: EmulatorRequest): string {
  const path = request.path
    .replace(/^\/v1\/[^/]+\//, "/v1/{p}/")
    .replace(/\/v3\/[^/]+\//, "/v3/{p}/")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "{id}");
  return `${request.method} ${path}`;
}

/**
 * Rewrites the status of CreateSubnet's answer (and, with `shows`, of ShowSubnet's), as Huawei may answer before the
 * subnet is ready, or with a subnet that failed.
 */
function answeringCreateAs(
  inner: ProtocolHandler,
  status: () => string | undefined,
  shows: () => boolean,
): ProtocolHandler {
  const rewritten = (request: EmulatorRequest) =>
    (request.method === "POST" && /\/subnets\/?$/.test(request.path)) ||
    (shows() && request.method === "GET" && /\/subnets\/[^/]+\/?$/.test(request.path));
  return {
    ...inner,
    matches: (r) => inner.matches(r),
    async handle(request, context) {
      const response = await inner.handle(request, context);
      const wanted = status();
      if (wanted === undefined || response.status !== 200 || !rewritten(request)) return response;
      const body = JSON.parse(String(response.body)) as { subnet: Record<string, unknown> };
      return { ...response, body: JSON.stringify({ subnet: { ...body.subnet, status: wanted } }) };
    },
    faultResponse: (k, r) => inner.faultResponse(k, r),
  };
}

let emulator: RunningEmulator;
let recording: ReturnType<typeof recordingHandler>;
let createStatus: string | undefined;
let showsToo = false;
let a: HuaweiCloudBackend;
let b: HuaweiCloudBackend;

function backendFor(account: EmulatorAccount) {
  return new HuaweiCloudBackend({
    endpoint: emulator.url,
    region: REGION,
    accessKey: account.secretId,
    secretKey: account.secretKey,
    projectId: account.id,
    env: {},
    retry: FAST_RETRY,
    pacing: false,
  });
}

beforeEach(async () => {
  createStatus = undefined;
  showsToo = false;
  recording = recordingHandler(
    answeringCreateAs(
      huaweicloudHandler,
      () => createStatus,
      () => showsToo,
    ),
    kindOf,
  );
  emulator = await startTestEmulator(recording.handler);
  a = backendFor(A);
  b = backendFor(B);
});
afterEach(async () => {
  await a.close();
  await b.close();
  await emulator.close();
});

/** The requests `step` sends. */
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

const vpc = (backend: HuaweiCloudBackend, name: string, cidr: string) =>
  backend.createVpc({ name, region: REGION, cidrs: [cidr] });

describe("huaweicloud subnets", () => {
  it("creates plain and dual-stack subnets in one request each, lists, describes and deletes them", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const plain = await sent(() => a.createSubnet({ vpcId: v.id, name: "web", cidr: "10.0.1.0/24" }));
    expect(plain.requests).toEqual(["POST /v1/{p}/subnets"]);
    expect(plain.value).toMatchObject({
      vpcId: v.id,
      name: "web",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.1",
      ipv6: false,
      ipv6Cidr: undefined,
    });
    const dual = await a.createSubnet({ vpcId: v.id, name: "db", cidr: "10.0.2.0/24", ipv6: true });
    expect(dual).toMatchObject({ cidr: "10.0.2.0/24", ipv6: true });
    expect(dual.ipv6Cidr).toMatch(/^2001:db8:[0-9a-f]+:[0-9a-f]+::\/64$/);
    const chosen = await a.createSubnet({
      vpcId: v.id,
      name: "gw",
      cidr: "10.0.3.0/24",
      gatewayIp: "10.0.3.254",
    });
    expect(chosen.gatewayIp).toBe("10.0.3.254");

    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([plain.value.id, dual.id, chosen.id]);
    expect(await a.describeSubnet(dual.id)).toEqual(dual);

    // The v1 delete names the VPC: one ShowSubnet finds it, one DeleteSubnet deletes.
    const deleted = await sent(() => a.deleteSubnet(plain.value.id));
    expect(deleted.requests).toEqual(["GET /v1/{p}/subnets/{id}", "DELETE /v1/{p}/vpcs/{id}/subnets/{id}"]);
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([dual.id, chosen.id]);
    const gone = await refusal(a.describeSubnet(plain.value.id));
    expect({ code: gone.code, cloudCode: gone.cloudCode, httpStatus: gone.httpStatus }).toEqual({
      code: "NOT_FOUND",
      cloudCode: "VPC.0202",
      httpStatus: 404,
    });
  });

  it("refuses what the core's shape rules refuse before sending anything", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    for (const [input, mention] of [
      [{ cidr: "10.0.1.0/29" }, "/28"],
      [{ cidr: "10.0.1.1/24" }, "10.0.1.0/24"],
      [{ cidr: "10.0.1.0/24", gatewayIp: "10.0.9.1" }, "10.0.9.1"],
      [{ cidr: "10.0.1.0/24", name: "" }, "needs a name"],
    ] as const) {
      const attempt = await sent(() => refusal(a.createSubnet({ vpcId: v.id, name: "s", ...input })));
      expect(attempt.requests).toEqual([]);
      expect({ code: attempt.value.code, cloudCode: attempt.value.cloudCode }).toEqual({
        code: "SUBNET_INVALID",
        cloudCode: "ClientValidation",
      });
      expect(attempt.value.message).toContain(mention);
      expect(attempt.value.fix).toBeTruthy();
    }
    expect(await a.listSubnets(v.id)).toEqual([]);
  });

  it("parses Huawei's refusal of a block outside the VPC back (SUBNET_INVALID, VPC.0203)", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const error = await refusal(a.createSubnet({ vpcId: v.id, name: "x", cidr: "10.9.0.0/24" }));
    expect({ code: error.code, cloudCode: error.cloudCode, httpStatus: error.httpStatus }).toEqual({
      code: "SUBNET_INVALID",
      cloudCode: "VPC.0203",
      httpStatus: 400,
    });
    expect(error.message).toContain("10.9.0.0/24");
    expect(error.message).toContain("10.0.0.0/16");
    expect(error.fix).toBeTruthy();
  });

  it("refuses a subnet in an unknown VPC (NOT_FOUND)", async () => {
    const error = await refusal(
      a.createSubnet({ vpcId: "9d4f2a7e-0000-4000-8000-000000000000", name: "x", cidr: "10.0.1.0/24" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("hides another tenant's subnets", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await refusal(b.describeSubnet(s.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.deleteSubnet(s.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.listSubnets(v.id))).code).toBe("NOT_FOUND");
  });

  it("does not delete a VPC that holds a subnet (VPC_IN_USE, VPC.0104); it does once the subnet is gone", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    const inUse = await refusal(a.deleteVpc(v.id));
    expect({ code: inUse.code, cloudCode: inUse.cloudCode, httpStatus: inUse.httpStatus }).toEqual({
      code: "VPC_IN_USE",
      cloudCode: "VPC.0104",
      httpStatus: 409,
    });
    expect(inUse.message).toContain(s.id);
    await a.deleteSubnet(s.id);
    await a.deleteVpc(v.id);
    expect(await a.listVpcs()).toEqual([]);
  });

  it("waits out a create answered UNKNOWN by reading the subnet back once it is ACTIVE", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    createStatus = "UNKNOWN";
    const created = await sent(() => a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" }));
    expect(created.requests).toEqual(["POST /v1/{p}/subnets", "GET /v1/{p}/subnets/{id}"]);
    expect(created.value).toEqual(await a.describeSubnet(created.value.id));
  });

  it("stops at ERROR, which never becomes ACTIVE, naming the subnet", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    createStatus = "ERROR";
    showsToo = true;
    const failed = await refusal(a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" }));
    expect({ code: failed.code, value: failed.value }).toEqual({
      code: "INVALID_STATE_TRANSITION",
      value: "ERROR",
    });
    expect(failed.message).toContain("subnet");
    expect(failed.fix).toContain("delete it and create it again");
  });
});

describe("huaweicloud subnet creates across processes (the description marker)", () => {
  it("a rerun with the same clientToken finds the subnet the first run made; another request with it is refused", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const input = { vpcId: v.id, name: "s", cidr: "10.0.1.0/24", ipv6: true, clientToken: "run-1" };
    const first = await sent(() => a.createSubnet(input));
    // With a token: the VPC's subnets are looked at first, then the create.
    expect(first.requests).toEqual(["GET /v1/{p}/subnets", "POST /v1/{p}/subnets"]);
    const rerun = backendFor(A);
    try {
      expect(await rerun.createSubnet(input)).toEqual(first.value);
      const conflict = await refusal(rerun.createSubnet({ ...input, cidr: "10.0.2.0/24" }));
      expect({ code: conflict.code, value: conflict.value }).toEqual({
        code: "IDEMPOTENCY_CONFLICT",
        value: first.value.id,
      });
    } finally {
      await rerun.close();
    }
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([first.value.id]);
  });

  it("a create whose answer was lost is found by its marker instead of made twice", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    recording.lose.add("POST /v1/{p}/subnets");
    const made = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24", clientToken: "lost-1" });
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([made.id]);
  });

  it("a lost create without a token is found by name and block", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    recording.lose.add("POST /v1/{p}/subnets");
    const made = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([made.id]);
  });
});

describe("cross-tenant IPv6 peering routes to subnets' IPv6 blocks, end to end", () => {
  it("routes both ways to each other's subnet ipv6Cidr through the peering; a block the peer lacks is refused", async () => {
    const left = await vpc(a, "left", "10.0.0.0/16");
    const right = await vpc(b, "right", "10.1.0.0/16");
    const l6 = await a.createSubnet({ vpcId: left.id, name: "l", cidr: "10.0.1.0/24", ipv6: true });
    const r6 = await b.createSubnet({ vpcId: right.id, name: "r", cidr: "10.1.1.0/24", ipv6: true });
    expect(l6.ipv6Cidr).toBeDefined();
    expect(r6.ipv6Cidr).toBeDefined();
    expect(l6.ipv6Cidr).not.toBe(r6.ipv6Cidr);

    const requested = await a.createPeering({
      vpcId: left.id,
      peerVpcId: right.id,
      peerAccount: B.id,
      name: "l-r",
    });
    expect(requested.status).toBe("PENDING");
    expect((await b.acceptPeering(requested.id)).status).toBe("ACTIVE");

    const there = await a.createRoute({ vpcId: left.id, destination: r6.ipv6Cidr!, peeringId: requested.id });
    const back = await b.createRoute({ vpcId: right.id, destination: l6.ipv6Cidr!, peeringId: requested.id });
    // The IPv4 routes too: a dual-stack site routes both families.
    await a.createRoute({ vpcId: left.id, destination: "10.1.0.0/16", peeringId: requested.id });
    expect(there).toMatchObject({ destination: r6.ipv6Cidr, peeringId: requested.id, vpcId: left.id });
    expect(back).toMatchObject({ destination: l6.ipv6Cidr, peeringId: requested.id, vpcId: right.id });
    const leftTable = left.routeTables.find((t) => t.main)!.id;
    const rightTable = right.routeTables.find((t) => t.main)!.id;
    expect((await a.listRoutes(leftTable)).map((r) => r.destination).sort()).toEqual(
      ["10.1.0.0/16", r6.ipv6Cidr].sort(),
    );
    expect((await b.listRoutes(rightTable)).map((r) => r.destination)).toEqual([l6.ipv6Cidr]);

    const stray = await refusal(
      a.createRoute({ vpcId: left.id, destination: "2001:db8:ffff:1::/64", peeringId: requested.id }),
    );
    expect({ code: stray.code, cloudCode: stray.cloudCode }).toEqual({
      code: "ROUTE_DESTINATION_NOT_IN_PEER",
      cloudCode: "RouteDestinationNotInPeer",
    });
  });
});
