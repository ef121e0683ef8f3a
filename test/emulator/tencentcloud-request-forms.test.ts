/**
 * The request forms the Tencent SDKs offer besides the default TC3-HMAC-SHA256 POST: TC3 over GET (the parameters
 * flat in the query string, an empty payload signed) and the older signature v1 (HmacSHA1 / HmacSHA256, every
 * parameter and the signature in the query string or a form body). Driven through the official Node client
 * (tencentcloud-sdk-nodejs-common CommonClient with ClientProfile.signMethod / HttpProfile.reqMethod); the
 * Python SDK's forms are in test/emulator/python/. Refusals of malformed v1 requests use raw HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { unflattenParams } from "../../provider/emulator/tencentcloud/flat-params.js";
import { v1Signature, v1StringToSign } from "../../provider/emulator/tencentcloud/signature-v1.js";
import {
  ALICE,
  BOB,
  startTestEmulator,
  type TencentRequestForm,
  tencentClient,
  tencentError,
} from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

describe("signature v1", () => {
  // Computed with tencentcloud-sdk-python-common 3.1.195 (`_format_sign_string` + `Sign.sign`) for these values.
  const params: [string, string][] = [
    ["Action", "DescribeVpcs"],
    ["Version", "2017-03-12"],
    ["Region", "ap-guangzhou"],
    ["Timestamp", "1767225600"],
    ["Nonce", "11886"],
    ["SecretId", "AKIDexample"],
    ["SignatureMethod", "HmacSHA256"],
    ["VpcIds.0", "vpc-abc"],
    ["Filters.0.Name", "vpc-name"],
    ["Filters.0.Values.0", "a b"],
    ["Signature", "not signed"],
  ];
  const expected =
    "GET127.0.0.1:4566/?Action=DescribeVpcs&Filters.0.Name=vpc-name&Filters.0.Values.0=a b&Nonce=11886" +
    "&Region=ap-guangzhou&SecretId=AKIDexample&SignatureMethod=HmacSHA256&Timestamp=1767225600" +
    "&Version=2017-03-12&VpcIds.0=vpc-abc";

  it("signs method, host, path and the sorted parameters without Signature, values as they are", () => {
    expect(v1StringToSign({ method: "get", host: "127.0.0.1:4566", path: "/", params })).toBe(expected);
  });

  it.each([
    ["HmacSHA256", expected, "gSCEEmEnkZGO49/7/Go1MA1B56it4qR6V78gpK50RG4="],
    ["HmacSHA1", expected.replace("HmacSHA256", "HmacSHA1"), "xJJPzd0FIHd2exNKBNAfVf0E81Y="],
  ] as const)("%s gives the Python SDK's signature", (method, stringToSign, signature) => {
    expect(v1Signature("secretExampleKey", stringToSign, method)).toBe(signature);
  });

  it("signs an '_' in a name as '.', as the SDK does", () => {
    expect(v1StringToSign({ method: "POST", host: "h", path: "/", params: [["A_b", "1"]] })).toBe(
      "POSTh/?A.b=1",
    );
  });
});

describe("flat parameters (GET query strings and v1 form bodies)", () => {
  it.each([
    [[["VpcName", "a"]], { VpcName: "a" }],
    [
      [
        ["VpcIds.1", "vpc-2"],
        ["VpcIds.0", "vpc-1"],
      ],
      { VpcIds: ["vpc-1", "vpc-2"] },
    ],
    [
      [
        ["Filters.0.Name", "vpc-id"],
        ["Filters.0.Values.0", "vpc-1"],
        ["Filters.1.Name", "state"],
        ["Filters.1.Values.0", "ACTIVE"],
      ],
      {
        Filters: [
          { Name: "vpc-id", Values: ["vpc-1"] },
          { Name: "state", Values: ["ACTIVE"] },
        ],
      },
    ],
    [
      [
        ["Routes.0.RouteId", "12"],
        ["Tags.0.Key", "k"],
        ["Tags.0.Value", ""],
      ],
      { Routes: [{ RouteId: "12" }], Tags: [{ Key: "k", Value: "" }] },
    ],
    [[["Limit", "10"]], { Limit: "10" }],
  ] as [string, string][][] | unknown[][])("%j", (entries, expected) => {
    expect(unflattenParams(entries as [string, string][])).toEqual(expected);
  });

  it.each([
    [
      [
        ["VpcIds", "x"],
        ["VpcIds.0", "y"],
      ],
    ],
    [[["Filters..Name", "x"]]],
  ])("refuses %j with InvalidParameter", (entries) => {
    expect(() => unflattenParams(entries as [string, string][])).toThrow(
      expect.objectContaining({ code: "InvalidParameter" }),
    );
  });
});

describe("the emulator through the Node SDK in every request form", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
  });
  afterAll(() => emulator.close());

  const FORMS: readonly (readonly [string, TencentRequestForm])[] = [
    ["TC3 over GET", { reqMethod: "GET" }],
    ["v1 HmacSHA1 over GET", { reqMethod: "GET", signMethod: "HmacSHA1" }],
    ["v1 HmacSHA256 over POST", { reqMethod: "POST", signMethod: "HmacSHA256" }],
    ["v1 HmacSHA256 over GET", { reqMethod: "GET", signMethod: "HmacSHA256" }],
  ];

  it.each(FORMS)(
    "%s: nested parameters, a peering accepted by the peer, a route removed by RouteId",
    async (_, form) => {
      const alice = tencentClient(emulator.url, ALICE, "ap-guangzhou", undefined, form);
      const bob = tencentClient(emulator.url, BOB, "ap-guangzhou", undefined, form);
      const a: Json = await alice.request("CreateVpc", {
        VpcName: "alice one",
        CidrBlock: "10.10.0.0/16",
        Tags: [{ Key: "team", Value: "net" }],
      });
      const b: Json = await bob.request("CreateVpc", { VpcName: "bob", CidrBlock: "10.20.0.0/16" });
      const found: Json = await alice.request("DescribeVpcs", {
        Filters: [
          { Name: "vpc-id", Values: [a.Vpc.VpcId] },
          { Name: "tag:team", Values: ["net"] },
        ],
        Limit: 10,
      });
      expect(found.TotalCount).toBe(1);
      expect(found.VpcSet[0]).toMatchObject({
        VpcName: "alice one",
        TagSet: [{ Key: "team", Value: "net" }],
      });

      const { PeeringConnectionId: pcx }: Json = await alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: a.Vpc.VpcId,
        PeeringConnectionName: "ab",
        DestinationVpcId: b.Vpc.VpcId,
        DestinationUin: BOB.id,
      });
      await bob.request("AcceptVpcPeeringConnection", { PeeringConnectionId: pcx });
      const active: Json = await alice.request("DescribeVpcPeeringConnections", {
        PeeringConnectionIds: [pcx],
      });
      expect(active.PeerConnectionSet[0].State).toBe("ACTIVE");

      const tables: Json = await alice.request("DescribeRouteTables", {
        Filters: [{ Name: "vpc-id", Values: [a.Vpc.VpcId] }],
      });
      const table = tables.RouteTableSet[0].RouteTableId as string;
      const created: Json = await alice.request("CreateRoutes", {
        RouteTableId: table,
        Routes: [{ DestinationCidrBlock: "10.20.0.0/24", GatewayType: "PEERCONNECTION", GatewayId: pcx }],
      });
      const routeId = created.RouteTableSet[0].RouteSet[0].RouteId as number;
      await alice.request("DeleteRoutes", { RouteTableId: table, Routes: [{ RouteId: routeId }] });
      const after: Json = await alice.request("DescribeRouteTables", { RouteTableIds: [table] });
      expect(after.RouteTableSet[0].RouteSet).toEqual([]);
    },
  );

  it.each(FORMS)("%s: a wrong secret key is AuthFailure.SignatureFailure", async (_, form) => {
    const wrong = tencentClient(
      emulator.url,
      { ...ALICE, secretKey: "not-the-key" },
      "ap-guangzhou",
      undefined,
      form,
    );
    expect((await tencentError(wrong.request("DescribeVpcs", {}))).code).toBe("AuthFailure.SignatureFailure");
  });

  it.each(FORMS)("%s: an unknown SecretId is AuthFailure.SecretIdNotFound", async (_, form) => {
    const stranger = tencentClient(
      emulator.url,
      { secretId: "AKIDnobody", secretKey: "x" },
      "ap-guangzhou",
      undefined,
      form,
    );
    expect((await tencentError(stranger.request("DescribeVpcs", {}))).code).toBe(
      "AuthFailure.SecretIdNotFound",
    );
  });

  /** A v1 GET built by hand, signed over `signed` (default: what is sent). */
  async function rawV1(
    params: Record<string, string>,
    signed: Record<string, string> = params,
  ): Promise<Json> {
    const host = new URL(emulator.url).host;
    const method = signed.SignatureMethod === "HmacSHA256" ? "HmacSHA256" : "HmacSHA1";
    const signature = v1Signature(
      ALICE.secretKey,
      v1StringToSign({ method: "GET", host, path: "/", params: Object.entries(signed) }),
      method,
    );
    const query = new URLSearchParams({ ...params, Signature: signature });
    if (params.Signature !== undefined) query.set("Signature", params.Signature);
    const res = await fetch(`${emulator.url}/?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as Json).Response;
  }

  function v1Params(extra: Record<string, string> = {}): Record<string, string> {
    return {
      Action: "DescribeVpcs",
      Version: "2017-03-12",
      Region: "ap-guangzhou",
      Timestamp: String(Math.floor(Date.now() / 1000)),
      Nonce: "4242",
      SecretId: ALICE.secretId,
      ...extra,
    };
  }

  it("v1 without SignatureMethod is verified as HmacSHA1; a SHA1 signature claimed as HmacSHA256 is refused", async () => {
    expect(await rawV1(v1Params())).toMatchObject({ TotalCount: expect.any(Number) });
    const claimed = v1Params({ SignatureMethod: "HmacSHA256" });
    const sha1 = v1Params({ SignatureMethod: "HmacSHA1" });
    expect((await rawV1(claimed, sha1)).Error.Code).toBe("AuthFailure.SignatureFailure");
  });

  it("v1 refusals: a parameter changed after signing, a stale timestamp, a missing signature or nonce", async () => {
    const signed = v1Params({ Limit: "10" });
    expect((await rawV1({ ...signed, Limit: "20" }, signed)).Error.Code).toBe("AuthFailure.SignatureFailure");
    const stale = v1Params({ Timestamp: String(Math.floor(Date.now() / 1000) - 600) });
    expect((await rawV1(stale)).Error.Code).toBe("AuthFailure.SignatureExpire");
    const unsigned = await rawV1(v1Params({ Signature: "" }));
    expect(unsigned.Error).toMatchObject({ Code: "MissingParameter" });
    expect(unsigned.Error.Message).toContain("Signature");
    const { Nonce: _, ...noNonce } = v1Params();
    expect((await rawV1(noNonce)).Error).toMatchObject({ Code: "MissingParameter" });
  });

  it("a GET without X-TC-Action nor an Action parameter is no Tencent request", async () => {
    const res = await fetch(`${emulator.url}/?Version=2017-03-12`);
    expect(res.status).toBe(404);
  });
});
