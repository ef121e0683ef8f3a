/**
 * The emulator's SDK-HMAC-SHA256 verifier against the official signer itself (@huaweicloud/huaweicloud-sdk-core
 * auth/AKSKSigner.js `sign`): whatever the SDK signs verifies; any change to what it signed does not.
 */

import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { describe, expect, it } from "vitest";
import {
  canonicalQueryString,
  canonicalUri,
  parseAuthorization,
  parseSdkDate,
  sdkUrlEncode,
  verifyRequest,
} from "../../../provider/emulator/huaweicloud/sdk-hmac-sha256.js";
import type { EmulatorRequest } from "../../../provider/emulator/protocol.js";

const AK = "HWAKEXAMPLE0000000001";
const SK = "example-secret-key-0001";
const DATE = "20260101T120000Z";
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

interface Signed {
  readonly request: EmulatorRequest;
}

/** Signs like the SDK does, then builds the request the server would see. */
function signWithSdk(opts: {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  data?: unknown;
  headers?: Record<string, string>;
}): Signed {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "X-Project-Id": "p1",
    "X-Sdk-Date": DATE,
    ...opts.headers,
  };
  const endpoint = `http://127.0.0.1:4566${opts.path}`;
  const signed = AKSKSigner.sign(
    { endpoint, method: opts.method, queryParams: opts.query ?? {}, headers, data: opts.data },
    new BasicCredentials().withAk(AK).withSk(SK),
  ) as Record<string, string>;
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed)) lower[k.toLowerCase()] = v;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) for (const one of [v].flat()) query.append(k, one);
  return {
    request: {
      method: opts.method,
      path: opts.path,
      rawQuery: query.toString(),
      query,
      headers: lower,
      body: opts.data === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(opts.data)),
    },
  };
}

const verify = (request: EmulatorRequest, now = NOW) =>
  verifyRequest(request, { secretKeyOf: (ak) => (ak === AK ? SK : undefined), now, maxSkewMs: 5 * 60_000 });

describe("SDK-HMAC-SHA256 verification against the SDK's signer", () => {
  it.each([
    ["GET with no query", { method: "GET", path: "/v1/p1/vpcs" }],
    [
      "GET with a query, repeated keys and characters to escape",
      {
        method: "GET",
        path: "/v2.0/vpc/peerings",
        query: { vpc_id: "a b", name: "x/y*z~", status: ["B", "A"] },
      },
    ],
    [
      "POST with a JSON body",
      {
        method: "POST",
        path: "/v2.0/vpc/peerings",
        data: {
          peering: { name: "名字", request_vpc_info: { vpc_id: "v1" }, accept_vpc_info: { vpc_id: "v2" } },
        },
      },
    ],
    ["PUT with no body", { method: "PUT", path: "/v2.0/vpc/peerings/abc/accept" }],
    ["DELETE", { method: "DELETE", path: "/v2.0/vpc/routes/r-1" }],
  ] as const)("%s verifies", (_name, opts) => {
    const { request } = signWithSdk(opts as Parameters<typeof signWithSdk>[0]);
    expect(verify(request)).toEqual({ ok: true, accessKey: AK });
  });

  it.each<[string, (r: EmulatorRequest) => EmulatorRequest]>([
    ["another method", (r) => ({ ...r, method: "DELETE" })],
    ["another path", (r) => ({ ...r, path: "/v2.0/vpc/peerings/other" })],
    ["another query", (r) => ({ ...r, query: new URLSearchParams("vpc_id=other") })],
    ["another body", (r) => ({ ...r, body: Buffer.from('{"peering":{}}') })],
    ["another signed header", (r) => ({ ...r, headers: { ...r.headers, "x-project-id": "p2" } })],
    ["another host", (r) => ({ ...r, headers: { ...r.headers, host: "127.0.0.1:9999" } })],
  ])("%s fails", (_name, change) => {
    const { request } = signWithSdk({
      method: "POST",
      path: "/v2.0/vpc/peerings",
      query: { a: "1" },
      data: { x: 1 },
    });
    expect(verify(request).ok).toBe(true);
    const result = verify(change(request));
    expect(result).toEqual({ ok: false, reason: "verify aksk signature fail" });
  });

  it("refuses a date more than 5 minutes off, either way", () => {
    const { request } = signWithSdk({ method: "GET", path: "/v1/p1/vpcs" });
    expect(verify(request, NOW + 5 * 60_000).ok).toBe(true);
    expect(verify(request, NOW + 5 * 60_000 + 1000).ok).toBe(false);
    expect(verify(request, NOW - 5 * 60_000 - 1000).ok).toBe(false);
  });

  it("refuses an unknown AK, a missing or foreign Authorization", () => {
    const { request } = signWithSdk({ method: "GET", path: "/v1/p1/vpcs" });
    expect(verifyRequest(request, { secretKeyOf: () => undefined, now: NOW, maxSkewMs: 300_000 }).ok).toBe(
      false,
    );
    const { authorization: _, ...rest } = request.headers;
    expect(verify({ ...request, headers: rest }).ok).toBe(false);
    expect(
      verify({ ...request, headers: { ...request.headers, authorization: "bce-auth-v1/x/y/z//s" } }).ok,
    ).toBe(false);
  });
});

describe("canonical pieces", () => {
  it("parses the Authorization header", () => {
    expect(
      parseAuthorization("SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abc"),
    ).toEqual({
      accessKey: "AK1",
      signedHeaders: ["host", "x-sdk-date"],
      signature: "abc",
    });
    expect(parseAuthorization("SDK-HMAC-SHA256 Access=AK1")).toBeUndefined();
  });

  it.each([
    ["abc-_.~", "abc-_.~"],
    ["a b", "a%20b"],
    ["a/b", "a%2Fb"],
    ["*", "%2A"],
    ["é", "%C3%A9"],
  ])("encodes %j as %j", (raw, encoded) => {
    expect(sdkUrlEncode(raw)).toBe(encoded);
  });

  it("always ends the canonical URI with a slash", () => {
    expect(canonicalUri("/v1/p/vpcs")).toBe("/v1/p/vpcs/");
    expect(canonicalUri("/v1/p/vpcs/")).toBe("/v1/p/vpcs/");
  });

  it("sorts keys, then the values of a repeated key", () => {
    expect(canonicalQueryString(new URLSearchParams("b=2&a=z&a=y"))).toBe("a=y&a=z&b=2");
  });

  it("parses X-Sdk-Date", () => {
    expect(parseSdkDate("20260101T120000Z")).toBe(NOW);
    expect(parseSdkDate("2026-01-01T12:00:00Z")).toBeUndefined();
  });
});
