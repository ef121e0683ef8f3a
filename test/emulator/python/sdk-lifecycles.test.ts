/**
 * The emulator as a black box through the clouds' official Python SDKs (tencentcloud-sdk-python-vpc,
 * huaweicloudsdkvpc, bce-python-sdk; pinned in ./requirements.txt, installed by scripts/python-sdks.mjs into a
 * virtualenv under .tools/). One script per cloud (./<cloud>_lifecycle.py) drives a whole cross-account peering
 * lifecycle and prints a JSON line per observation; these tests assert on them. The emulator runs in this process
 * on 127.0.0.1 with every protocol handler, as `peerlink emulator` serves them.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAIDU_ERRORS } from "../../../provider/backends/baiducloud/error-codes.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startEmulator } from "../../../provider/emulator/server.js";
import { runCaptured } from "../../../scripts/engines.mjs";
import { ensurePythonSdks } from "../../../scripts/python-sdks.mjs";
import { ALICE, BOB } from "../support.js";

// biome-ignore lint/suspicious/noExplicitAny: the scripts' JSON lines, asserted field by field
type Seen = Record<string, any>;

const SCRIPTS = import.meta.dirname;

let python: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  // A fresh machine installs the SDKs from PyPI first (about a minute); later runs reuse the virtualenv.
  python = (await ensurePythonSdks()).python;
  emulator = await startEmulator({ accounts: [ALICE, BOB], port: 0, rateLimits: false });
}, 600_000);
afterAll(() => emulator?.close());

/** Runs one lifecycle script; answers its observations by step name. */
async function lifecycle(
  script: string,
  extraEnv: Record<string, string> = {},
): Promise<Record<string, Seen>> {
  const env = {
    ...process.env,
    PYTHONDONTWRITEBYTECODE: "1",
    PEERLINK_EMULATOR_HOST: new URL(emulator.url).host,
    PEERLINK_ACCOUNT_A_ID: ALICE.id,
    PEERLINK_ACCOUNT_A_AK: ALICE.secretId,
    PEERLINK_ACCOUNT_A_SK: ALICE.secretKey,
    PEERLINK_ACCOUNT_B_ID: BOB.id,
    PEERLINK_ACCOUNT_B_AK: BOB.secretId,
    PEERLINK_ACCOUNT_B_SK: BOB.secretKey,
    ...extraEnv,
  };
  const result = await runCaptured(python, [join(SCRIPTS, script)], { cwd: SCRIPTS, env });
  const seen: Record<string, Seen> = {};
  for (const line of result.stdout.split("\n").filter((l) => l.startsWith("{"))) {
    const observation = JSON.parse(line) as Seen;
    seen[observation.step as string] = observation;
  }
  if (result.code !== 0 || !seen.done)
    expect.fail(`${script} exited ${result.code} before the end:\n${result.output}`);
  return seen;
}

describe("Tencent Cloud through tencentcloud-sdk-python-vpc", () => {
  // HttpProfile.reqMethod and ClientProfile.signMethod: the default (POST, TC3-HMAC-SHA256), TC3 over GET with the
  // parameters in the query string, and the older signature v1 over GET (HmacSHA1) and POST (HmacSHA256).
  it.each([
    ["POST", "TC3-HMAC-SHA256"],
    ["GET", "TC3-HMAC-SHA256"],
    ["GET", "HmacSHA1"],
    ["POST", "HmacSHA256"],
  ])("a cross-account, cross-region lifecycle over %s signed with %s", async (reqMethod, signMethod) => {
    const seen = await lifecycle("tencentcloud_lifecycle.py", {
      PEERLINK_TENCENT_REQ_METHOD: reqMethod,
      PEERLINK_TENCENT_SIGN_METHOD: signMethod,
    });
    expect(seen.mode).toMatchObject({ reqMethod, signMethod });
    expect(seen.vpcs).toMatchObject({ cidrA: "10.10.0.0/16", cidrB: "10.20.0.0/16" });
    expect(seen.created).toMatchObject({
      state: "PENDING",
      name: "gz-bj",
      bandwidth: 100,
      sourceUin: Number(ALICE.id),
      destinationUin: Number(BOB.id),
    });
    expect(seen.created?.id).toMatch(/^pcx-[0-9a-z]{8}$/);
    expect(seen.accepted).toMatchObject({ state: "ACTIVE" });
    expect(seen.modified).toMatchObject({ name: "gz-bj-renamed", bandwidth: 200 });
    expect(seen.route).toMatchObject({
      count: 1,
      destination: "10.20.1.0/24",
      gatewayId: seen.created?.id,
      gatewayType: "PEERCONNECTION",
    });
    expect(seen["refused-duplicate"]).toMatchObject({ code: "UnsupportedOperation.VpcPeerAlreadyExist" });
    expect(seen["refused-bad-signature"]).toMatchObject({ code: "AuthFailure.SignatureFailure" });
    expect(seen["route-deleted"]).toMatchObject({ routes: 0 });
    expect(seen.deleted).toMatchObject({ state: "DELETED" });
  });
});

describe("Huawei Cloud through huaweicloudsdkvpc", () => {
  it("a cross-tenant lifecycle: PENDING_ACCEPTANCE, accept, rename, route, delete", async () => {
    const seen = await lifecycle("huaweicloud_lifecycle.py");
    expect(seen.vpcs).toMatchObject({ cidrA: "10.10.0.0/16", cidrB: "10.20.0.0/16", status: "OK" });
    expect(seen.created).toMatchObject({
      status: "PENDING_ACCEPTANCE",
      name: "app-db",
      requestTenant: ALICE.id,
      acceptTenant: BOB.id,
    });
    expect(seen.accepted).toMatchObject({ status: "ACTIVE", seenByA: "ACTIVE" });
    expect(seen.modified).toMatchObject({ name: "app-db-renamed", description: "renamed" });
    expect(seen.route).toMatchObject({
      destination: "10.20.1.0/24",
      nexthop: seen.created?.id,
      type: "peering",
      listed: ["10.20.1.0/24"],
    });
    // A second request for the same pair: Neutron's 409 PeeringExists; a wrong SK: the gateway's APIGW.0301.
    expect(seen["refused-duplicate"]).toMatchObject({ code: "409 PeeringExists" });
    expect(seen["refused-bad-signature"]).toMatchObject({ code: "401 APIGW.0301" });
    expect(seen["route-deleted"]).toMatchObject({ routes: 0 });
    expect(seen.deleted).toMatchObject({ found: false, status: 404 });
  });
});

describe("Baidu AI Cloud through bce-python-sdk", () => {
  it("a cross-account lifecycle: consulting, accept, update_peerconn, resize, route rule, release", async () => {
    const seen = await lifecycle("baiducloud_lifecycle.py");
    expect(seen.vpcs).toMatchObject({ cidrA: "10.10.0.0/16", name: "alice-app" });
    // Bob's view: he is the acceptor, so his VPC is the local one.
    expect(seen.created).toMatchObject({
      status: "consulting",
      role: "acceptor",
      bandwidth: 10,
      localVpcId: seen.vpcs?.b,
      peerVpcId: seen.vpcs?.a,
      peerAccountId: ALICE.id,
    });
    expect(seen.accepted).toMatchObject({ status: "active" });
    expect(seen.modified).toMatchObject({
      name: "app-db-renamed",
      description: "renamed",
      bandwidth: 20,
      listedBandwidth: [20],
    });
    expect(seen.route).toMatchObject({
      destinations: ["10.20.1.0/24"],
      nexthops: [seen.created?.id],
      types: ["peerConn"],
    });
    expect(seen["refused-overlap"]).toMatchObject({ code: "400 PeerConnCidrConflict" });
    expect(seen["refused-bad-signature"]).toMatchObject({ code: "400 SignatureDoesNotMatch" });
    expect(seen["route-deleted"]).toMatchObject({ routes: 0 });
    expect(seen.deleted).toMatchObject({ status: "deleted" });
  });
});

describe("Baidu AI Cloud subnets through bce-python-sdk's SubnetClient", () => {
  it("create (one subnet per client token), get, list and page, a block outside the VPC and a VPC in use refused, delete", async () => {
    const seen = await lifecycle("baiducloud_subnets.py");
    expect(seen.created).toMatchObject({
      name: "web",
      cidr: "10.10.1.0/24",
      zone: "cn-bj-a",
      description: "front",
      ipv6Cidr: "",
      type: "BCC",
    });
    expect(seen.created?.id).toMatch(/^sbn-[0-9a-z]{8}$/);
    expect(seen.created?.again).toBe(seen.created?.id);
    expect(seen.created?.dualIpv6Cidr).toMatch(/^2001:db8:[0-9a-f]+:[0-9a-f]+::\/64$/);
    expect(seen.listed?.ids).toHaveLength(2);
    expect(seen.listed).toMatchObject({ truncated: false });
    expect(seen.listed?.ids[0]).toBe(seen.created?.id);
    expect(seen.paged).toMatchObject({
      ids: [seen.created?.id],
      truncated: true,
      nextMarker: seen.listed?.ids[1],
    });
    expect(seen["refused-outside"]).toMatchObject({
      code: `${BAIDU_ERRORS.SUBNET_INVALID.status} ${BAIDU_ERRORS.SUBNET_INVALID.code}`,
    });
    expect(seen["refused-vpc-in-use"]).toMatchObject({
      code: `${BAIDU_ERRORS.VPC_IN_USE.status} ${BAIDU_ERRORS.VPC_IN_USE.code}`,
    });
    expect(seen.deleted).toMatchObject({ after: "404 NoSuchObject", left: 0 });
  });
});
