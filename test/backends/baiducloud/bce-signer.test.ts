/**
 * bce-auth-v1: the SDK signer the backend uses and the emulator's hand-written verifier, against the worked example
 * of Baidu's reference ("Generate Authentication String" / "Include the Authentication String into the Header",
 * intl.cloud.baidu.com/doc/Reference/s/njwvz1yfu-en and /Gjwvz1xez-en: AK aaaa…, SK bbbb…, PUT
 * /v1/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851 at 2015-04-27T08:23:49Z,
 * signature d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e), and against each other.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { bceDate, signBceRequest } from "../../../provider/backends/baiducloud/bce-signer.js";
import {
  bceSignature,
  canonicalHeaders,
  canonicalQueryString,
  canonicalUri,
  parseBceAuthorization,
  verifyBceRequest,
} from "../../../provider/emulator/baiducloud/bce-auth-v1.js";
import type { EmulatorRequest } from "../../../provider/emulator/protocol.js";

const AK = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SK = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const EXPECTED = "d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e";
const AT = Date.UTC(2015, 3, 27, 8, 23, 49);

const EXAMPLE: EmulatorRequest = {
  method: "PUT",
  path: "/v1/test/myfolder/readme.txt",
  rawQuery: "partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851",
  query: new URLSearchParams("partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851"),
  headers: {
    host: "bj.bcebos.com",
    date: "Mon, 27 Apr 2015 16:23:49 +0800",
    "content-type": "text/plain",
    "content-length": "8",
    "content-md5": "NFzcPqhviddjRNnSOGo4rw==",
    "x-bce-date": "2015-04-27T08:23:49Z",
    // The published header: empty signedHeaders, i.e. the default set.
    authorization: `bce-auth-v1/${AK}/2015-04-27T08:23:49Z/1800//${EXPECTED}`,
  },
  body: Buffer.from("Example\n"),
};

const verify = (request: EmulatorRequest, now = AT) =>
  verifyBceRequest(request, {
    secretKeyOf: (ak) => (ak === AK ? SK : undefined),
    now,
    maxSkewMs: 5 * 60_000,
  });

describe("the published worked example", () => {
  it("the emulator's verifier computes Baidu's signature and accepts the published header", () => {
    const auth = parseBceAuthorization(EXAMPLE.headers.authorization);
    expect(auth).toMatchObject({ accessKey: AK, expirationSeconds: 1800, signedHeaders: [] });
    expect(bceSignature(SK, auth!, EXAMPLE)).toBe(EXPECTED);
    expect(verify(EXAMPLE)).toEqual({ ok: true, accessKey: AK });
  });

  it("the SDK signer (used by the backend) produces the same signature over the same headers", () => {
    const require = createRequire(import.meta.url);
    const Auth = require("@baiducloud/sdk/src/auth.js") as new (
      ak: string,
      sk: string,
    ) => {
      generateAuthorization(
        m: string,
        p: string,
        q: object,
        h: object,
        t: number,
        e: number,
        s?: string[],
      ): string;
    };
    const header = new Auth(AK, SK).generateAuthorization(
      "PUT",
      EXAMPLE.path,
      { partNumber: 9, uploadId: "a44cc9bab11cbd156984767aad637851" },
      {
        Host: "bj.bcebos.com",
        "Content-Type": "text/plain",
        "Content-Length": "8",
        "Content-MD5": "NFzcPqhviddjRNnSOGo4rw==",
        "x-bce-date": "2015-04-27T08:23:49Z",
      },
      AT / 1000,
      1800,
    );
    expect(header.endsWith(`/${EXPECTED}`)).toBe(true);
    // With the signed-header list spelled out, the emulator accepts it as well.
    expect(verify({ ...EXAMPLE, headers: { ...EXAMPLE.headers, authorization: header } }).ok).toBe(true);
  });

  it("canonical pieces of the example", () => {
    expect(canonicalUri("/v1/test/myfolder/readme.txt")).toBe("/v1/test/myfolder/readme.txt");
    expect(canonicalQueryString(EXAMPLE.query)).toBe(
      "partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851",
    );
    expect(canonicalHeaders(EXAMPLE.headers, []).text).toBe(
      [
        "content-length:8",
        "content-md5:NFzcPqhviddjRNnSOGo4rw%3D%3D",
        "content-type:text%2Fplain",
        "host:bj.bcebos.com",
        "x-bce-date:2015-04-27T08%3A23%3A49Z",
      ].join("\n"),
    );
  });
});

describe("backend signer ↔ emulator verifier", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  function signed(method: string, path: string, params: Record<string, string>): EmulatorRequest {
    const headers: Record<string, string> = {
      host: "127.0.0.1:4566",
      "content-type": "application/json; charset=utf-8",
      "x-bce-date": bceDate(now),
    };
    headers.authorization = signBceRequest(AK, SK, { method, path, params, headers, timestamp: now / 1000 });
    const query = new URLSearchParams(params);
    return { method, path, rawQuery: query.toString(), query, headers, body: Buffer.alloc(0) };
  }

  it.each([
    ["POST", "/v1/peerconn", { clientToken: "be31b98c-5e41-4838-9d30-9be700de5a20" }],
    ["PUT", "/v1/peerconn/peerconn-9td54fmx143e", { accept: "", clientToken: "t-1" }],
    ["GET", "/v1/peerconn", { vpcId: "vpc-1", marker: "", maxKeys: "1000" }],
    ["DELETE", "/v1/route/rule/rr-1", {}],
  ] as const)("%s %s verifies", (method, path, params) => {
    expect(
      verifyBceRequest(signed(method, path, params), { secretKeyOf: () => SK, now, maxSkewMs: 300_000 }).ok,
    ).toBe(true);
  });

  it.each<[string, (r: EmulatorRequest) => EmulatorRequest, string]>([
    ["another path", (r) => ({ ...r, path: "/v1/peerconn/peerconn-other" }), "SignatureDoesNotMatch"],
    [
      "another action",
      (r) => ({ ...r, query: new URLSearchParams("reject=&clientToken=t-1") }),
      "SignatureDoesNotMatch",
    ],
    [
      "another host",
      (r) => ({ ...r, headers: { ...r.headers, host: "127.0.0.1:1" } }),
      "SignatureDoesNotMatch",
    ],
    [
      "an unknown AK",
      (r) => ({ ...r, headers: { ...r.headers, authorization: r.headers.authorization!.replace(AK, "zz") } }),
      "InvalidAccessKeyId",
    ],
    ["no header", (r) => ({ ...r, headers: { host: r.headers.host! } }), "InvalidHTTPAuthHeader"],
  ])("%s is refused with %s", (_name, change, code) => {
    const request = change(
      signed("PUT", "/v1/peerconn/peerconn-9td54fmx143e", { accept: "", clientToken: "t-1" }),
    );
    const result = verifyBceRequest(request, {
      secretKeyOf: (ak) => (ak === AK ? SK : undefined),
      now,
      maxSkewMs: 300_000,
    });
    expect(result).toMatchObject({ ok: false, code });
  });

  it("a timestamp more than 5 minutes off is RequestExpired", () => {
    const request = signed("GET", "/v1/vpc", {});
    const opts = { secretKeyOf: () => SK, maxSkewMs: 300_000 };
    expect(verifyBceRequest(request, { ...opts, now: now + 300_000 }).ok).toBe(true);
    expect(verifyBceRequest(request, { ...opts, now: now + 301_000 })).toMatchObject({
      ok: false,
      code: "RequestExpired",
    });
    expect(verifyBceRequest(request, { ...opts, now: now - 301_000 })).toMatchObject({
      ok: false,
      code: "RequestExpired",
    });
  });
});
