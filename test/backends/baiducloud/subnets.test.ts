/**
 * Subnets through the baiducloud backend against the emulator's Baidu /v1/subnet API (bce-auth-v1 signed requests):
 * plain and dual-stack subnets (the IPv6 block the engine assigns shows as `ipv6Cidr`), list with marker paging,
 * describe and delete; the core's shape refusals before anything is sent and Baidu's own refusals parsed back (a
 * block outside the VPC, a VPC that still holds a subnet); the clientToken making a create idempotent; and a
 * Baidu peering, over which the IPv4 route to a peer subnet passes and the IPv6 one is refused (rulebook
 * ipv6PeeringRoutes: Baidu documents none).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BaiduCloudBackend } from "../../../provider/backends/baiducloud/baiducloud-backend.js";
import { BAIDU_ERRORS } from "../../../provider/backends/baiducloud/error-codes.js";
import { BackendError } from "../../../provider/backends/errors.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type {
  EmulatorAccount,
  EmulatorRequest,
  ProtocolHandler,
} from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { recordingHandler } from "../../emulator/support/recording-handler.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
const REGION = "bj";

/** Every request by method and path shape, ids folded: what each step sends. */
function kindOf(request: EmulatorRequest): string {
  return `${request.method} ${request.path.replace(/\/(vpc|sbn|peerconn|rt|rr)-[0-9a-z]+/g, "/{id}")}`;
}

/**
 * Answers the subnet list one subnet a page, as Baidu may page any list (查询子网列表: marker, isTruncated,
 * nextMarker), however many `maxKeys` asked for: the emulator's own page starting at the marker, cut to its first.
 */
function onePerPage(inner: ProtocolHandler, on: () => boolean): ProtocolHandler {
  return {
    ...inner,
    matches: (r) => inner.matches(r),
    async handle(request, context) {
      const response = await inner.handle(request, context);
      if (!on() || request.method !== "GET" || request.path !== "/v1/subnet" || response.status !== 200) {
        return response;
      }
      const body = JSON.parse(String(response.body)) as { subnets: { subnetId: string }[] };
      const [first, next] = body.subnets;
      const page = {
        ...body,
        subnets: first ? [first] : [],
        isTruncated: next !== undefined,
        ...(next ? { nextMarker: next.subnetId } : { nextMarker: undefined }),
      };
      return { ...response, body: JSON.stringify(page) };
    },
    faultResponse: (k, r) => inner.faultResponse(k, r),
  };
}

let paged = false;
let emulator: RunningEmulator;
let recording: ReturnType<typeof recordingHandler>;
let a: BaiduCloudBackend;
let b: BaiduCloudBackend;

function backendFor(
  account: EmulatorAccount,
  extra: Partial<ConstructorParameters<typeof BaiduCloudBackend>[0]> = {},
) {
  return new BaiduCloudBackend({
    endpoint: emulator.url,
    region: REGION,
    accessKey: account.secretId,
    secretKey: account.secretKey,
    accountId: account.id,
    env: {},
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    pacer: false,
    defaultBandwidthMbps: 10,
    ...extra,
  });
}

beforeEach(async () => {
  paged = false;
  recording = recordingHandler(
    onePerPage(baiducloudHandler, () => paged),
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

async function sent<T>(step: () => Promise<T>): Promise<{ value: T; requests: string[] }> {
  const before = recording.seen.length;
  const value = await step();
  return { value, requests: recording.seen.slice(before) };
}

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error("the call should have been refused");
}

const vpc = (backend: BaiduCloudBackend, name: string, cidr: string) =>
  backend.createVpc({ name, region: REGION, cidrs: [cidr] });

describe("baiducloud subnets", () => {
  it("creates plain and dual-stack subnets in two requests each (create, read back), lists, describes, deletes", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const plain = await sent(() =>
      a.createSubnet({ vpcId: v.id, name: "web", cidr: "10.0.1.0/24", description: "front" }),
    );
    expect(plain.requests).toEqual(["POST /v1/subnet", "GET /v1/subnet/{id}"]);
    expect(plain.value).toMatchObject({
      vpcId: v.id,
      name: "web",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.1",
      ipv6: false,
      ipv6Cidr: undefined,
    });
    expect(plain.value.id).toMatch(/^sbn-[0-9a-z]+$/);
    const dual = await a.createSubnet({ vpcId: v.id, name: "db", cidr: "10.0.2.0/24", ipv6: true });
    expect(dual).toMatchObject({ cidr: "10.0.2.0/24", ipv6: true });
    expect(dual.ipv6Cidr).toMatch(/^2001:db8:[0-9a-f]+:[0-9a-f]+::\/64$/);

    const listed = await sent(() => a.listSubnets(v.id));
    expect(listed.requests).toEqual(["GET /v1/subnet"]);
    expect(listed.value).toEqual([plain.value, dual]);
    expect(await a.describeSubnet(dual.id)).toEqual(dual);

    const deleted = await sent(() => a.deleteSubnet(plain.value.id));
    expect(deleted.requests).toEqual(["DELETE /v1/subnet/{id}"]);
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([dual.id]);
    const gone = await refusal(a.describeSubnet(plain.value.id));
    expect({ code: gone.code, cloudCode: gone.cloudCode, httpStatus: gone.httpStatus }).toEqual({
      code: "NOT_FOUND",
      cloudCode: "NoSuchObject",
      httpStatus: 404,
    });
    // A second delete finds nothing: its first attempt's NOT_FOUND stands.
    expect((await refusal(a.deleteSubnet(plain.value.id))).code).toBe("NOT_FOUND");
  });

  it("a delete whose answer was lost is done when the retry finds nothing left", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    recording.lose.add("DELETE /v1/subnet/{id}");
    await a.deleteSubnet(s.id);
    expect(await a.listSubnets(v.id)).toEqual([]);
  });

  it("lists every page by marker", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const made = [];
    for (let i = 1; i <= 3; i++) {
      made.push(await a.createSubnet({ vpcId: v.id, name: `s${i}`, cidr: `10.0.${i}.0/24` }));
    }
    paged = true;
    const pages = await sent(() => a.listSubnets(v.id));
    expect(pages.requests).toEqual(["GET /v1/subnet", "GET /v1/subnet", "GET /v1/subnet"]);
    expect(pages.value).toEqual(made);
  });

  it("sends the zone: the region's first (cn-bj-a) by default, the configured one otherwise", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const other = backendFor(A, { zoneName: "cn-bj-c" });
    try {
      // The emulator serves one zone per region and refuses any other rather than keep a zone it cannot show.
      const error = await refusal(other.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" }));
      expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
        code: "INVALID_PARAMETER",
        cloudCode: "InappropriateJSON",
      });
      expect(error.message).toContain("cn-bj-c");
      expect(error.message).toContain("cn-bj-a");
    } finally {
      await other.close();
    }
    expect(await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" })).toMatchObject({
      name: "s",
    });
  });

  it("refuses what the core's shape rules refuse before sending anything, and a gateway Baidu cannot set", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    for (const [input, mention] of [
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
    const gateway = await sent(() =>
      refusal(a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24", gatewayIp: "10.0.1.254" })),
    );
    expect(gateway.requests).toEqual([]);
    expect(gateway.value.code).toBe("UNSUPPORTED_OPERATION");
    expect(gateway.value.fix).toContain("10.0.1.1");
    // The block's first host is what Baidu reports anyway: accepted.
    await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24", gatewayIp: "10.0.1.1" });
    // A /29 is Baidu's to take (rulebook subnets.ipv4MaxPrefix is open): sent, and made.
    expect((await a.createSubnet({ vpcId: v.id, name: "tiny", cidr: "10.0.2.0/29" })).cidr).toBe(
      "10.0.2.0/29",
    );
  });

  it("parses Baidu's refusal of a block outside the VPC back (SUBNET_INVALID with Baidu's code)", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const attempt = await sent(() =>
      refusal(a.createSubnet({ vpcId: v.id, name: "x", cidr: "10.9.0.0/24" })),
    );
    expect(attempt.requests).toEqual(["POST /v1/subnet"]);
    const error = attempt.value;
    expect({ code: error.code, cloudCode: error.cloudCode, httpStatus: error.httpStatus }).toEqual({
      code: "SUBNET_INVALID",
      cloudCode: BAIDU_ERRORS.SUBNET_INVALID.code,
      httpStatus: BAIDU_ERRORS.SUBNET_INVALID.status,
    });
    expect(error.message).toContain("10.9.0.0/24");
    expect(error.message).toContain("10.0.0.0/16");
    expect(error.fix).toBeTruthy();
    expect(await a.listSubnets(v.id)).toEqual([]);
  });

  it("refuses a subnet in an unknown VPC, and hides another account's subnets (NOT_FOUND)", async () => {
    expect(
      (await refusal(a.createSubnet({ vpcId: "vpc-00000000", name: "x", cidr: "10.0.1.0/24" }))).code,
    ).toBe("NOT_FOUND");
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await refusal(b.describeSubnet(s.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.deleteSubnet(s.id))).code).toBe("NOT_FOUND");
    expect((await refusal(b.listSubnets(v.id))).code).toBe("NOT_FOUND");
  });

  it("does not delete a VPC that holds a subnet (VPC_IN_USE); it does once the subnet is gone", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const s = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    const inUse = await refusal(a.deleteVpc(v.id));
    expect({ code: inUse.code, cloudCode: inUse.cloudCode, httpStatus: inUse.httpStatus }).toEqual({
      code: "VPC_IN_USE",
      cloudCode: BAIDU_ERRORS.VPC_IN_USE.code,
      httpStatus: BAIDU_ERRORS.VPC_IN_USE.status,
    });
    expect(inUse.message).toContain(s.id);
    expect(inUse.fix).toBeTruthy();
    await a.deleteSubnet(s.id);
    await a.deleteVpc(v.id);
    expect(await a.listVpcs()).toEqual([]);
  });

  it("the same clientToken twice returns one subnet (Baidu's idempotency), across backends; another request with it is refused", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const input = { vpcId: v.id, name: "s", cidr: "10.0.1.0/24", ipv6: true, clientToken: "run-1" };
    const first = await sent(() => a.createSubnet(input));
    expect(first.requests).toEqual(["POST /v1/subnet", "GET /v1/subnet/{id}"]);
    const rerun = backendFor(A);
    try {
      expect(await rerun.createSubnet(input)).toEqual(first.value);
      const conflict = await refusal(rerun.createSubnet({ ...input, cidr: "10.0.2.0/24" }));
      expect({ code: conflict.code, cloudCode: conflict.cloudCode }).toEqual({
        code: "IDEMPOTENCY_CONFLICT",
        cloudCode: "IdempotentParameterMismatch",
      });
    } finally {
      await rerun.close();
    }
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([first.value.id]);
  });

  it("a create whose answer was lost is retried with its token and makes one subnet", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    recording.lose.add("POST /v1/subnet");
    const made = await a.createSubnet({ vpcId: v.id, name: "s", cidr: "10.0.1.0/24" });
    expect((await a.listSubnets(v.id)).map((s) => s.id)).toEqual([made.id]);
  });
});

describe("a Baidu peering to a dual-stack subnet", () => {
  it("routes IPv4 to the peer subnet, refuses its ipv6Cidr (IPV6_PEERING_UNSUPPORTED, rulebook)", async () => {
    const left = await vpc(a, "left", "10.0.0.0/16");
    const right = await vpc(b, "right", "10.1.0.0/16");
    const r6 = await b.createSubnet({ vpcId: right.id, name: "r", cidr: "10.1.1.0/24", ipv6: true });
    expect(r6.ipv6Cidr).toBeDefined();
    const requested = await a.createPeering({
      vpcId: left.id,
      peerVpcId: right.id,
      peerAccount: B.id,
      name: "l-r",
    });
    expect((await b.acceptPeering(requested.id)).status).toBe("ACTIVE");

    const v4 = await a.createRoute({ vpcId: left.id, destination: r6.cidr, peeringId: requested.id });
    expect(v4).toMatchObject({ destination: "10.1.1.0/24", peeringId: requested.id });
    const v6 = await refusal(
      a.createRoute({ vpcId: left.id, destination: r6.ipv6Cidr!, peeringId: requested.id }),
    );
    expect({ code: v6.code, cloudCode: v6.cloudCode }).toEqual({
      code: "IPV6_PEERING_UNSUPPORTED",
      cloudCode: BAIDU_ERRORS.IPV6_PEERING_UNSUPPORTED.code,
    });
    const table = left.routeTables.find((t) => t.main)!.id;
    expect((await a.listRoutes(table)).map((r) => r.destination)).toEqual(["10.1.1.0/24"]);
  });
});
