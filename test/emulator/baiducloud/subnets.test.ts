/**
 * The emulator's Baidu subnet API as a black box over HTTP (BCE v1, bce-auth-v1 signed): the request and answer
 * shapes of 创建子网 / 查询子网列表 / 查询指定子网 / 删除子网 (the fields bce-python-sdk subnet_client.py sends and
 * decodes), clientToken idempotency, the zone the emulator serves, and the refusals in Baidu's error body.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BAIDU_ERRORS } from "../../../provider/backends/baiducloud/error-codes.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { bceClient } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];
let emulator: RunningEmulator;
let a: ReturnType<typeof bceClient>;
let b: ReturnType<typeof bceClient>;

beforeEach(async () => {
  emulator = await startTestEmulator(baiducloudHandler);
  a = bceClient(emulator.url, A);
  b = bceClient(emulator.url, B);
});
afterEach(() => emulator.close());

async function vpc(client: typeof a, name: string, cidr: string): Promise<string> {
  const res = await client("POST", "/v1/vpc", { clientToken: `t-${name}` }, { name, cidr });
  expect(res.status).toBe(200);
  return res.body.vpcId as string;
}

const body = (vpcId: string, extra: Record<string, unknown> = {}) => ({
  name: "web",
  zoneName: "cn-bj-a",
  cidr: "10.0.1.0/24",
  vpcId,
  ...extra,
});

describe("Baidu BCE v1 subnets", () => {
  it("create answers the id; get, list and the VPC show the subnet; delete answers an empty 200", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const created = await a("POST", "/v1/subnet", { clientToken: "c-1" }, body(v, { description: "front" }));
    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(["subnetId"]);
    const id = created.body.subnetId as string;
    expect(id).toMatch(/^sbn-[0-9a-z]{8}$/);

    const shown = await a("GET", `/v1/subnet/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.subnet).toEqual({
      subnetId: id,
      name: "web",
      zoneName: "cn-bj-a",
      cidr: "10.0.1.0/24",
      ipv6Cidr: "",
      vpcId: v,
      subnetType: "BCC",
      description: "front",
      availableIp: 250,
      createdTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      tags: [],
    });

    const dual = await a(
      "POST",
      "/v1/subnet",
      {},
      body(v, { name: "db", cidr: "10.0.2.0/24", enableIpv6: true }),
    );
    const dualShown = (await a("GET", `/v1/subnet/${dual.body.subnetId}`)).body.subnet;
    expect(dualShown.ipv6Cidr).toMatch(/^2001:db8:[0-9a-f]+:[0-9a-f]+::\/64$/);

    const listed = await a("GET", "/v1/subnet", { vpcId: v });
    expect(listed.body).toMatchObject({ marker: "", isTruncated: false, maxKeys: 1000 });
    expect(listed.body.subnets.map((s: { subnetId: string }) => s.subnetId)).toEqual([
      id,
      dual.body.subnetId,
    ]);
    const firstPage = await a("GET", "/v1/subnet", { vpcId: v, maxKeys: "1" });
    expect(firstPage.body).toMatchObject({ isTruncated: true, nextMarker: dual.body.subnetId, maxKeys: 1 });
    expect((await a("GET", "/v1/subnet", { zoneName: "cn-bj-b" })).body.subnets).toEqual([]);
    expect((await a("GET", "/v1/subnet", { subnetType: "BBC" })).body.subnets).toEqual([]);
    const byIds = await a("GET", "/v1/subnet", { subnetIds: `${dual.body.subnetId},sbn-missing0` });
    expect(byIds.body.subnets.map((s: { subnetId: string }) => s.subnetId)).toEqual([dual.body.subnetId]);
    expect((await a("GET", `/v1/vpc/${v}`)).body.vpc.subnets).toEqual(listed.body.subnets);

    const deleted = await a("DELETE", `/v1/subnet/${id}`, { clientToken: "d-1" });
    expect(deleted).toEqual({ status: 200, body: undefined });
    const gone = await a("GET", `/v1/subnet/${id}`);
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: "NoSuchObject" });
  });

  it("clientToken: the same token and body return the first subnet; another body is IdempotentParameterMismatch", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const first = await a("POST", "/v1/subnet", { clientToken: "same" }, body(v));
    const again = await a("POST", "/v1/subnet", { clientToken: "same" }, body(v));
    expect(again.body.subnetId).toBe(first.body.subnetId);
    const other = await a("POST", "/v1/subnet", { clientToken: "same" }, body(v, { cidr: "10.0.2.0/24" }));
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 403,
      code: "IdempotentParameterMismatch",
    });
    expect((await a("GET", "/v1/subnet", { vpcId: v })).body.subnets).toHaveLength(1);
  });

  it("refuses in Baidu's error body: outside the VPC, a VPC holding a subnet, missing or unserved zone, bad fields", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const outside = await a("POST", "/v1/subnet", {}, body(v, { cidr: "10.9.0.0/24" }));
    expect({ status: outside.status, code: outside.body.code }).toEqual({
      status: BAIDU_ERRORS.SUBNET_INVALID.status,
      code: BAIDU_ERRORS.SUBNET_INVALID.code,
    });
    expect(outside.body.message).toContain("10.9.0.0/24");
    expect(outside.body.requestId).toBeTruthy();

    const made = await a("POST", "/v1/subnet", {}, body(v));
    const inUse = await a("DELETE", `/v1/vpc/${v}`, { clientToken: "x" });
    expect({ status: inUse.status, code: inUse.body.code }).toEqual({
      status: BAIDU_ERRORS.VPC_IN_USE.status,
      code: BAIDU_ERRORS.VPC_IN_USE.code,
    });
    expect(inUse.body.message).toContain(made.body.subnetId);

    for (const [extra, mention] of [
      [{ zoneName: undefined }, "zoneName is required"],
      [{ zoneName: "cn-bj-b" }, "cn-bj-a"],
      [{ name: "default" }, "default"],
      [{ name: "n".repeat(66) }, "65"],
      [{ description: "d".repeat(201) }, "200"],
      [{ enableIpv6: "yes" }, "enableIpv6"],
      [{ subnetType: "BBC" }, "subnetType"],
      [{ tags: [{ tagKey: "k", tagValue: "v" }] }, "tags"],
      [{ vpcSecondaryCidr: "10.8.0.0/16" }, "vpcSecondaryCidr"],
    ] as const) {
      const res = await a("POST", "/v1/subnet", {}, body(v, { name: "s2", cidr: "10.0.3.0/24", ...extra }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: "InappropriateJSON" });
      expect(res.body.message).toContain(mention);
    }
  });

  it("another account's subnets and VPCs are NoSuchObject (404)", async () => {
    const v = await vpc(a, "app", "10.0.0.0/16");
    const id = (await a("POST", "/v1/subnet", {}, body(v))).body.subnetId as string;
    expect((await b("GET", `/v1/subnet/${id}`)).status).toBe(404);
    expect((await b("DELETE", `/v1/subnet/${id}`)).status).toBe(404);
    expect((await b("GET", "/v1/subnet", { vpcId: v })).status).toBe(404);
    expect((await b("POST", "/v1/subnet", {}, body(v, { cidr: "10.0.5.0/24" }))).status).toBe(404);
    expect((await b("GET", "/v1/subnet")).body.subnets).toEqual([]);
  });
});
