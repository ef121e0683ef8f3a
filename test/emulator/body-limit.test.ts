/**
 * An oversized request body (issue 16): each protocol answers with its cloud's own error after reading the whole
 * body, and the connection is closed cleanly, never reset. The Tencent backend then reports a coded,
 * non-retryable error instead of retrying and blaming the endpoint.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendError } from "../../provider/backends/errors.js";
import { TencentCloudBackend } from "../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { handlers } from "../../provider/emulator/handlers.js";
import type { ProtocolHandler } from "../../provider/emulator/protocol.js";
import { ALICE, startTestEmulator } from "./support.js";

const MB = 1024 * 1024;

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw POST of `size` bytes in 64 KB chunks: the client keeps writing while the server decides. */
function post(url: string, path: string, headers: Record<string, string>, size: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(size) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject); // ECONNRESET / EPIPE would land here and fail the test
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = size;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          req.once("drain", write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe("oversized request bodies get the cloud's own error, never a reset", () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let refusals = 0;
  beforeAll(async () => {
    const counted: ProtocolHandler[] = handlers.map((h) => ({
      cloud: h.cloud,
      matches: (r) => h.matches(r),
      handle: (r, c) => h.handle(r, c),
      faultResponse: (k, r) => h.faultResponse(k, r),
      ...(h.maxBodyBytes === undefined ? {} : { maxBodyBytes: h.maxBodyBytes }),
      bodyTooLarge: (r, limit, received) => {
        refusals++;
        return h.bodyTooLarge!(r, limit, received);
      },
    }));
    emulator = await startTestEmulator({ handlers: counted, rateLimits: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("declares each cloud's limit: Tencent 10 MB (TC3 POST), Huawei 12 MB (APIG), Baidu 1 MiB (none documented)", () => {
    expect(Object.fromEntries(handlers.map((h) => [h.cloud, h.maxBodyBytes]))).toEqual({
      tencentcloud: 10 * MB,
      huaweicloud: 12 * MB,
      baiducloud: 1 * MB,
    });
  });

  it("Tencent: HTTP 200 with Response.Error RequestSizeLimitExceeded", async () => {
    const answer = await post(
      emulator.url,
      "/",
      { "content-type": "application/json", "x-tc-action": "DescribeVpcs", "x-tc-version": "2017-03-12" },
      10 * MB + 1,
    );
    expect(answer.status).toBe(200);
    const parsed = JSON.parse(answer.body) as {
      Response: { Error: { Code: string; Message: string }; RequestId: string };
    };
    expect(parsed.Response.Error.Code).toBe("RequestSizeLimitExceeded");
    expect(parsed.Response.Error.Message).toContain(String(10 * MB));
    expect(parsed.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.connection).toBe("close");
  });

  it("Huawei: HTTP 413 with the gateway's body, APIG.0201", async () => {
    const answer = await post(
      emulator.url,
      "/v2.0/vpc/peerings",
      { "content-type": "application/json" },
      12 * MB + 1,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error_code: "APIG.0201",
      error_msg: "Request entity too large",
      request_id: expect.any(String),
    });
  });

  it("Baidu: HTTP 413 with Baidu's {requestId, code, message} body", async () => {
    const answer = await post(emulator.url, "/v1/vpc", { "content-type": "application/json" }, 3 * MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: "RequestEntityTooLarge",
      requestId: expect.any(String),
      message: expect.stringContaining(String(MB)),
    });
  });

  it("a body at the limit is read and handled normally (here refused for its signature, not its size)", async () => {
    const answer = await post(emulator.url, "/v1/vpc", { "content-type": "application/json" }, 1 * MB);
    expect(answer.status).not.toBe(413);
    expect(JSON.parse(answer.body)).toHaveProperty("code");
  });

  it("a malformed body is answered in the cloud's format too (Tencent: 200 + InvalidParameter)", async () => {
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const req = request(
        new URL("/", emulator.url),
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-tc-action": "DescribeVpcs",
            "x-tc-version": "2017-03-12",
          },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => {
            body += c.toString("utf8");
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      req.end("{not json");
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ Response: { Error: { Code: "InvalidParameter" } } });
  });

  it("the server still answers afterwards (nothing was reset or left half-read)", async () => {
    const answer = await post(emulator.url, "/unknown", {}, 0);
    expect(answer.status).toBe(404);
  });

  it("the Tencent backend reports RequestSizeLimitExceeded once, coded and not retryable", async () => {
    const backend = new TencentCloudBackend({
      account: ALICE.id,
      region: "ap-guangzhou",
      secretId: ALICE.secretId,
      secretKey: ALICE.secretKey,
      endpoint: emulator.url,
      env: {},
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const before = refusals;
    try {
      const error = (await backend
        .createVpc({
          name: "big",
          region: "ap-guangzhou",
          cidrs: ["10.0.0.0/16"],
          tags: { blob: "x".repeat(11 * MB) },
        })
        .catch((e: unknown) => e)) as BackendError;
      expect(error).toBeInstanceOf(BackendError);
      expect(error).toMatchObject({ cloudCode: "RequestSizeLimitExceeded", retryable: false });
      expect(error.code).not.toBe("BACKEND_UNAVAILABLE");
      expect(refusals - before).toBe(1);
    } finally {
      await backend.close();
    }
  });
});
