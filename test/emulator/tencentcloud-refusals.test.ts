/**
 * What the Tencent API refuses, asserted by Tencent's own error codes as the official SDK reports them
 * (TencentCloudSDKHttpException.code): the VPC codes of tencentcloud-sdk-python-vpc 3.1.193 errorcodes.py and
 * the API 3.0 common codes (AuthFailure.*, RequestLimitExceeded, InvalidAction, ...).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../provider/backends/clock.js";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { ALICE, BOB, CAROL, startTestEmulator, tencentClient, tencentError } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

describe("Tencent API refusals through the official CommonClient", () => {
  let emulator: RunningEmulator;
  let cidr = 0;
  const vpc = async (client: ReturnType<typeof tencentClient>, block = `10.${cidr++}.0.0/16`) =>
    ((await client.request("CreateVpc", { VpcName: `v${cidr}`, CidrBlock: block })) as Json).Vpc
      .VpcId as string;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("refuses overlapping CIDRs (UnsupportedOperation.VpcPeerCidrConflict)", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const a = await vpc(alice, "10.200.0.0/16");
    const b = await vpc(alice, "10.200.128.0/17");
    const error = await tencentError(
      alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: a,
        DestinationVpcId: b,
        PeeringConnectionName: "x",
      }),
    );
    expect(error.code).toBe("UnsupportedOperation.VpcPeerCidrConflict");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a second peering of the same pair (UnsupportedOperation.VpcPeerAlreadyExist)", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const a = await vpc(alice);
    const b = await vpc(alice);
    await alice.request("CreateVpcPeeringConnection", {
      SourceVpcId: a,
      DestinationVpcId: b,
      PeeringConnectionName: "1",
    });
    const error = await tencentError(
      alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: b,
        DestinationVpcId: a,
        PeeringConnectionName: "2",
      }),
    );
    expect(error.code).toBe("UnsupportedOperation.VpcPeerAlreadyExist");
  });

  it("refuses an eleventh peering on one VPC (LimitExceeded.VpcPeerTotalLimitExceeded)", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const hub = await vpc(alice);
    for (let i = 0; i < 10; i++)
      await alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: hub,
        DestinationVpcId: await vpc(alice),
        PeeringConnectionName: `p${i}`,
      });
    const error = await tencentError(
      alice.request("CreateVpcPeeringConnection", {
        SourceVpcId: hub,
        DestinationVpcId: await vpc(alice),
        PeeringConnectionName: "p10",
      }),
    );
    expect(error.code).toBe("LimitExceeded.VpcPeerTotalLimitExceeded");
  });

  it("refuses a bad state change and the wrong account", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const bob = tencentClient(emulator.url, BOB);
    const carol = tencentClient(emulator.url, CAROL);
    const a = await vpc(alice);
    const b = await vpc(bob);
    const { PeeringConnectionId: id } = (await alice.request("CreateVpcPeeringConnection", {
      SourceVpcId: a,
      DestinationVpcId: b,
      DestinationUin: BOB.id,
      PeeringConnectionName: "x",
    })) as Json;
    // The requester cannot accept its own request; a third account is no side at all.
    expect(
      (await tencentError(alice.request("AcceptVpcPeeringConnection", { PeeringConnectionId: id }))).code,
    ).toBe("UnsupportedOperation.VpcPeerPurviewError");
    expect(
      (await tencentError(carol.request("RejectVpcPeeringConnection", { PeeringConnectionId: id }))).code,
    ).toBe("UnsupportedOperation.VpcPeerPurviewError");
    await bob.request("RejectVpcPeeringConnection", { PeeringConnectionId: id });
    expect(
      (await tencentError(bob.request("AcceptVpcPeeringConnection", { PeeringConnectionId: id }))).code,
    ).toBe("UnsupportedOperation.VpcPeerInvalidStateChange");
    // Another account's VPC does not exist for Alice.
    expect((await tencentError(alice.request("DeleteVpc", { VpcId: b }))).code).toBe("ResourceNotFound");
  });

  it("refuses routes outside the peer VPC, through inactive peerings, or into a missing table", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const bob = tencentClient(emulator.url, BOB);
    const a = await vpc(alice, "10.210.0.0/16");
    const b = await vpc(bob, "10.211.0.0/16");
    const { PeeringConnectionId: id } = (await alice.request("CreateVpcPeeringConnection", {
      SourceVpcId: a,
      DestinationVpcId: b,
      DestinationUin: BOB.id,
      PeeringConnectionName: "r",
    })) as Json;
    const table = (
      (await alice.request("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [a] }] })) as Json
    ).RouteTableSet[0].RouteTableId;
    const route = (cidrBlock: string, gatewayType = "PEERCONNECTION") => ({
      DestinationCidrBlock: cidrBlock,
      GatewayType: gatewayType,
      GatewayId: id,
    });
    expect(
      (
        await tencentError(
          alice.request("CreateRoutes", { RouteTableId: table, Routes: [route("10.211.0.0/24")] }),
        )
      ).code,
    ).toBe("UnsupportedOperation.InvalidState");
    await bob.request("AcceptVpcPeeringConnection", { PeeringConnectionId: id });
    // All or nothing: the good first route is not left behind when the second is refused.
    const error = await tencentError(
      alice.request("CreateRoutes", {
        RouteTableId: table,
        Routes: [route("10.211.0.0/24"), route("172.16.0.0/24")],
      }),
    );
    expect(error.code).toBe("InvalidParameterValue.CidrNotInPeerVpc");
    const after: Json = await alice.request("DescribeRouteTables", { RouteTableIds: [table] });
    expect(after.RouteTableSet[0].RouteSet).toEqual([]);
    await alice.request("CreateRoutes", { RouteTableId: table, Routes: [route("10.211.0.0/24")] });
    expect(
      (
        await tencentError(
          alice.request("CreateRoutes", { RouteTableId: table, Routes: [route("10.211.0.0/24")] }),
        )
      ).code,
    ).toBe("InvalidParameterValue.Duplicate");
    expect(
      (
        await tencentError(
          alice.request("CreateRoutes", { RouteTableId: table, Routes: [route("10.211.1.0/24", "NAT")] }),
        )
      ).code,
    ).toBe("UnsupportedOperation");
    expect(
      (
        await tencentError(
          alice.request("CreateRoutes", { RouteTableId: "rtb-missing0", Routes: [route("10.211.1.0/24")] }),
        )
      ).code,
    ).toBe("InvalidRouteTableId.NotFound");
    expect(
      (
        await tencentError(
          alice.request("DeleteRoutes", { RouteTableId: table, Routes: [{ RouteId: 12345 }] }),
        )
      ).code,
    ).toBe("InvalidRouteId.NotFound");
    expect((await tencentError(alice.request("DeleteVpc", { VpcId: a }))).code).toBe("ResourceInUse");
  });

  it("shows a route table by id only to its account, in its region", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    const a = await vpc(alice);
    const table = (
      (await alice.request("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [a] }] })) as Json
    ).RouteTableSet[0].RouteTableId as string;
    const count = async (client: ReturnType<typeof tencentClient>, params: Record<string, unknown>) =>
      ((await client.request("DescribeRouteTables", params)) as Json).TotalCount as number;
    expect(await count(alice, { RouteTableIds: [table] })).toBe(1);
    // Another account, another region, an unknown id: an empty set, as for an unknown id on Tencent.
    expect(await count(tencentClient(emulator.url, BOB), { RouteTableIds: [table] })).toBe(0);
    expect(await count(tencentClient(emulator.url, ALICE, "ap-beijing"), { RouteTableIds: [table] })).toBe(0);
    expect(await count(alice, { RouteTableIds: ["rtb-missing0"] })).toBe(0);
    expect(
      await count(tencentClient(emulator.url, BOB), { Filters: [{ Name: "vpc-id", Values: [a] }] }),
    ).toBe(0);
    // And CreateRoutes into it is InvalidRouteTableId.NotFound for them.
    expect(
      (
        await tencentError(
          tencentClient(emulator.url, BOB).request("CreateRoutes", {
            RouteTableId: table,
            Routes: [
              { DestinationCidrBlock: "10.99.0.0/24", GatewayType: "PEERCONNECTION", GatewayId: "pcx-x" },
            ],
          }),
        )
      ).code,
    ).toBe("InvalidRouteTableId.NotFound");
  });

  it("refuses malformed requests with the common codes", async () => {
    const alice = tencentClient(emulator.url, ALICE);
    expect((await tencentError(alice.request("CreateVpc", { VpcName: "x" }))).code).toBe("MissingParameter");
    expect(
      (
        await tencentError(
          alice.request("CreateVpc", { VpcName: "x", CidrBlock: "10.0.0.0/16", Colour: "red" }),
        )
      ).code,
    ).toBe("UnknownParameter");
    expect(
      (await tencentError(alice.request("CreateVpc", { VpcName: "x".repeat(61), CidrBlock: "10.0.0.0/16" })))
        .code,
    ).toBe("InvalidParameterValue.TooLong");
    expect(
      (await tencentError(alice.request("DescribeVpcs", { Filters: [{ Name: "colour", Values: ["red"] }] })))
        .code,
    ).toBe("InvalidParameter.FilterInvalidKey");
    expect((await tencentError(alice.request("RunInstances", {}))).code).toBe("InvalidAction");
    expect(
      (
        await tencentError(
          tencentClient(emulator.url, ALICE, "ap-guangzhou", "2020-01-01").request("DescribeVpcs", {}),
        )
      ).code,
    ).toBe("NoSuchVersion");
    expect(
      (await tencentError(alice.request("CreateVpc", { VpcName: "bad", CidrBlock: "10.0.0.1/16" }))).code,
    ).toBe("InvalidParameterValue.Malformed");
  });

  it("answers errors with HTTP 200 and Response.Error {Code, Message} plus RequestId", async () => {
    const response = await fetch(`${emulator.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-tc-action": "DescribeVpcs",
        "x-tc-version": "2017-03-12",
      },
      body: "{}",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body.Response.Error.Code).toBe("AuthFailure.InvalidAuthorization");
    expect(typeof body.Response.Error.Message).toBe("string");
    expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("Tencent request authentication", () => {
  it("refuses a bad signature, an unknown key, and a clock skew over 5 minutes", async () => {
    const emulator = await startTestEmulator({ rateLimits: false });
    try {
      const wrongKey = tencentClient(emulator.url, { secretId: ALICE.secretId, secretKey: "not-alices-key" });
      expect((await tencentError(wrongKey.request("DescribeVpcs", {}))).code).toBe(
        "AuthFailure.SignatureFailure",
      );
      const unknown = tencentClient(emulator.url, { secretId: "AKIDnobody", secretKey: "whatever" });
      expect((await tencentError(unknown.request("DescribeVpcs", {}))).code).toBe(
        "AuthFailure.SecretIdNotFound",
      );
      // The right key signs a good request.
      expect(
        ((await tencentClient(emulator.url, ALICE).request("DescribeVpcs", {})) as Json).TotalCount,
      ).toBe(0);
    } finally {
      await emulator.close();
    }
    for (const [skewMs, code] of [
      [6 * 60_000, "AuthFailure.SignatureExpire"],
      [-6 * 60_000, "AuthFailure.SignatureExpire"],
    ] as const) {
      // The server's clock runs ahead of (or behind) the SDK's real one.
      const skewed = await startTestEmulator({
        rateLimits: false,
        clock: { now: () => Date.now() + skewMs },
      });
      try {
        expect((await tencentError(tencentClient(skewed.url, ALICE).request("DescribeVpcs", {}))).code).toBe(
          code,
        );
      } finally {
        await skewed.close();
      }
    }
    const withinLimit = await startTestEmulator({
      rateLimits: false,
      clock: { now: () => Date.now() + 4 * 60_000 },
    });
    try {
      expect(
        ((await tencentClient(withinLimit.url, ALICE).request("DescribeVpcs", {})) as Json).TotalCount,
      ).toBe(0);
    } finally {
      await withinLimit.close();
    }
  });
});

describe("Tencent rate limiting (20 requests/s per account and action, on by default)", () => {
  it("answers RequestLimitExceeded beyond the bucket, per account and per action", async () => {
    // A clock that stands still: no refill, so exactly 20 calls fit.
    const clock = new ManualClock(0);
    const emulator = await startTestEmulator({ rateLimits: { clock } });
    try {
      const alice = tencentClient(emulator.url, ALICE);
      const outcomes = [];
      for (let i = 0; i < 25; i++)
        outcomes.push(
          await alice.request("DescribeVpcs", {}).then(
            () => "ok",
            (e: { code: string }) => e.code,
          ),
        );
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(20);
      expect(outcomes.slice(20)).toEqual(Array(5).fill("RequestLimitExceeded"));
      // Another action and another account have their own buckets.
      expect(((await alice.request("DescribeRouteTables", {})) as Json).TotalCount).toBe(0);
      expect(((await tencentClient(emulator.url, BOB).request("DescribeVpcs", {})) as Json).TotalCount).toBe(
        0,
      );
      // A second later the bucket has refilled.
      clock.advance(1000);
      expect(((await alice.request("DescribeVpcs", {})) as Json).TotalCount).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});
