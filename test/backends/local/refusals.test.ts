/**
 * What createPeering refuses (seeds 000, 001, 003), each with the peerlink code and the Tencent cloud code, a
 * message naming the resources and values, a fix, and nothing half-applied.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreatePeeringInput, PeeringInfo } from "../../../provider/backends/index.js";
import {
  BJ,
  expectRefusal,
  GZ,
  openWorld,
  pair,
  peer,
  peeringIds,
  type Refusal,
  SH,
  VARIANTS,
  type Variant,
  vpc,
  type World,
} from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

/** Runs a refused call and checks that neither the requester nor the other accounts see a new peering. */
async function refusedCreate(call: () => Promise<PeeringInfo>, expected: Refusal) {
  const before = await Promise.all([world.a, world.b, world.c].map(peeringIds));
  const error = await expectRefusal(call(), expected);
  expect(await Promise.all([world.a, world.b, world.c].map(peeringIds))).toEqual(before);
  return error;
}

describe("SELF_PEERING", () => {
  it("a VPC cannot peer with itself (seed 001)", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    await refusedCreate(() => peer(world.a, x, x), {
      code: "SELF_PEERING",
      cloudCode: "InvalidParameterValue",
      mentions: [x.id, "itself"],
    });
  });
});

describe("DUPLICATE_PEERING (seed 001: one peering per pair, either direction)", () => {
  const directions = VARIANTS.flatMap((v) => (["same", "reverse"] as const).map((d) => [v, d] as const));

  it.each(directions)("%s, %s direction: refused while the first is live", async (variant, direction) => {
    const p = await pair(world, variant);
    const first = await peer(p.requester, p.vpc, p.peerVpc);
    const again =
      direction === "same"
        ? () => peer(p.requester, p.vpc, p.peerVpc)
        : () => peer(p.accepter, p.peerVpc, p.vpc);
    await refusedCreate(again, {
      code: "DUPLICATE_PEERING",
      cloudCode: "UnsupportedOperation.VpcPeerAlreadyExist",
      mentions: [p.vpc.id, p.peerVpc.id, first.id],
    });
  });

  it("an EXPIRED peering still holds the pair", async () => {
    const p = await pair(world, "cross-account");
    const first = await peer(p.requester, p.vpc, p.peerVpc);
    world.clock.advance(7 * 24 * 3600 * 1000);
    expect((await world.a.describePeering(first.id)).status).toBe("EXPIRED");
    await refusedCreate(() => peer(p.requester, p.vpc, p.peerVpc), {
      code: "DUPLICATE_PEERING",
      cloudCode: "UnsupportedOperation.VpcPeerAlreadyExist",
      mentions: [first.id],
    });
  });

  const released = [
    ...VARIANTS.map((v) => [v, "DELETED"] as const),
    ["cross-account", "REJECTED"] as const,
  ] as const;

  it.each(released)("%s: after the first is %s a new one is allowed", async (variant, how) => {
    const p = await pair(world, variant);
    const first = await peer(p.requester, p.vpc, p.peerVpc);
    if (how === "DELETED") await p.accepter.deletePeering(first.id);
    else await p.accepter.rejectPeering(first.id);
    const second = await peer(p.accepter, p.peerVpc, p.vpc);
    expect(second.id).not.toBe(first.id);
    expect(second.status).toBe(variant === "same-account" ? "ACTIVE" : "PENDING");
    expect((await p.requester.describePeering(first.id)).status).toBe(how);
  });
});

describe("CIDR_OVERLAP (seed 000: peered VPCs must not overlap)", () => {
  const cases: [Variant, string[], string[], string, string][] = [
    ["same-account", ["10.0.0.0/16"], ["10.0.128.0/17"], "10.0.0.0/16", "10.0.128.0/17"],
    ["cross-account", ["10.0.0.0/16"], ["10.0.0.0/16"], "10.0.0.0/16", "10.0.0.0/16"],
    [
      "same-account",
      ["10.0.0.0/16", "172.16.0.0/16"],
      ["10.1.0.0/16", "172.16.5.0/24"],
      "172.16.0.0/16",
      "172.16.5.0/24",
    ],
    ["cross-account", ["10.0.0.0/16"], ["10.1.0.0/16", "10.0.7.0/24"], "10.0.0.0/16", "10.0.7.0/24"],
    ["cross-account", ["10.192.0.0/12"], ["10.200.0.0/16"], "10.192.0.0/12", "10.200.0.0/16"],
  ];

  it.each(cases)("%s: %j vs %j", async (variant, mine, theirs, left, right) => {
    const owner = variant === "same-account" ? world.a : world.b;
    const x = await vpc(world.a, mine);
    const y = await vpc(owner, theirs);
    await refusedCreate(() => peer(world.a, x, y), {
      code: "CIDR_OVERLAP",
      cloudCode: "UnsupportedOperation.VpcPeerCidrConflict",
      mentions: [x.id, y.id, left, right],
    });
  });

  it("adjacent blocks do not overlap", async () => {
    const x = await vpc(world.a, "10.0.0.0/17");
    const y = await vpc(world.b, "10.0.128.0/17");
    expect((await peer(world.a, x, y)).status).toBe("PENDING");
  });
});

describe("PEER_CIDR_CONFLICT (seed 000: the cross-region peers of one VPC must be disjoint)", () => {
  it.each(VARIANTS)("%s: a second cross-region peer overlapping the first is refused", async (variant) => {
    const owner = variant === "same-account" ? world.a : world.b;
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(owner, "10.1.0.0/16", BJ);
    const z = await vpc(owner, "10.1.128.0/17", SH);
    const first = await peer(world.a, x, y);
    const error = await refusedCreate(() => peer(world.a, x, z), {
      code: "PEER_CIDR_CONFLICT",
      cloudCode: "UnauthorizedOperation.VpcPeerCidrConflict",
      mentions: [x.id, first.id, y.id, z.id, "10.1.0.0/16", "10.1.128.0/17"],
    });
    expect(error.message).toContain("cross-region");
  });

  it("the conflict is checked from the peer side too (the requester's VPC is the shared one's peer)", async () => {
    // y (Beijing) already peers with x (Guangzhou); z (Shanghai, overlapping x) now asks y for a peering.
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    const z = await vpc(world.c, "10.0.0.0/17", SH);
    await peer(world.a, x, y);
    await refusedCreate(() => peer(world.c, z, y), {
      code: "PEER_CIDR_CONFLICT",
      cloudCode: "UnauthorizedOperation.VpcPeerCidrConflict",
      mentions: [y.id, x.id, z.id],
    });
  });

  it.each<[string, string, string]>([
    ["both same-region", GZ, GZ],
    ["one same-region, one cross-region", BJ, GZ],
  ])("allowed when %s", async (_, firstRegion, secondRegion) => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", firstRegion);
    const z = await vpc(world.b, "10.1.128.0/17", secondRegion);
    await peer(world.a, x, y);
    expect((await peer(world.a, x, z)).status).toBe("PENDING");
  });

  it("disjoint cross-region peers are allowed", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    await peer(world.a, x, await vpc(world.b, "10.1.0.0/16", BJ));
    expect((await peer(world.a, x, await vpc(world.b, "10.2.0.0/16", SH))).status).toBe("PENDING");
  });

  it("a REJECTED cross-region peering no longer constrains", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const first = await peer(world.a, x, await vpc(world.b, "10.1.0.0/16", BJ));
    await world.b.rejectPeering(first.id);
    expect((await peer(world.a, x, await vpc(world.b, "10.1.0.0/16", SH))).status).toBe("PENDING");
  });
});

describe("PEERING_LIMIT_EXCEEDED (seed 000: 10 per VPC, initiated and accepted together)", () => {
  async function hub(count: number, variant: Variant) {
    const x = await vpc(world.a, "10.0.0.0/16");
    const owner = variant === "same-account" ? world.a : world.b;
    const peerings: PeeringInfo[] = [];
    for (let i = 1; i <= count; i++)
      peerings.push(await peer(world.a, x, await vpc(owner, `10.${i}.0.0/16`)));
    return { x, owner, peerings };
  }

  it.each(VARIANTS)("%s: the 11th peering on a VPC is refused (pending ones count)", async (variant) => {
    const { x, owner, peerings } = await hub(10, variant);
    expect(new Set(peerings.map((p) => p.status))).toEqual(
      new Set([variant === "same-account" ? "ACTIVE" : "PENDING"]),
    );
    const eleventh = await vpc(owner, "10.11.0.0/16");
    await refusedCreate(() => peer(world.a, x, eleventh), {
      code: "PEERING_LIMIT_EXCEEDED",
      cloudCode: "LimitExceeded.VpcPeerTotalLimitExceeded",
      mentions: [x.id, "11 peerings", "10 per VPC"],
    });
  });

  it("accepted peerings count on the accepter's VPC too", async () => {
    const { x } = await hub(10, "same-account");
    const outsider = await vpc(world.b, "10.50.0.0/16");
    await refusedCreate(() => peer(world.b, outsider, x), {
      code: "PEERING_LIMIT_EXCEEDED",
      cloudCode: "LimitExceeded.VpcPeerTotalLimitExceeded",
      mentions: [x.id],
    });
  });

  it.each(["deleted", "rejected"] as const)("a %s peering frees a slot", async (how) => {
    const { x, peerings } = await hub(10, "cross-account");
    const freed = peerings[3]!;
    if (how === "deleted") await world.a.deletePeering(freed.id);
    else await world.b.rejectPeering(freed.id);
    expect((await peer(world.a, x, await vpc(world.b, "10.11.0.0/16"))).status).toBe("PENDING");
  });
});

describe("INVALID_NAME (seed 003: Tencent at most 60; seed 002: Huawei 1-64)", () => {
  const cases: [string, string, number, boolean, string][] = [
    ["tencentcloud", "a", 60, true, ""],
    ["tencentcloud", "a", 61, false, "InvalidParameterValue.TooLong"],
    ["tencentcloud", "对", 60, true, ""],
    ["tencentcloud", "对", 61, false, "InvalidParameterValue.TooLong"],
    ["tencentcloud", "a", 0, false, "InvalidParameterValue.Empty"],
    ["huaweicloud", "a", 64, true, ""],
    // A Huawei VPC is refused with Huawei's code (the NeutronError type of provider/backends/huaweicloud/error-codes.ts).
    ["huaweicloud", "a", 65, false, "InvalidName"],
    ["huaweicloud", "a", 0, false, "InvalidName"],
  ];

  it.each(cases)("%s: %s x %i accepted: %s", async (cloud, char, length, ok, cloudCode) => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ, { cloud: cloud as "tencentcloud" });
    const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud: cloud as "tencentcloud" });
    const name = char.repeat(length);
    if (ok) {
      expect((await peer(world.a, x, y, { name })).name).toBe(name);
      return;
    }
    await refusedCreate(() => peer(world.a, x, y, { name }), {
      code: "INVALID_NAME",
      cloudCode,
      mentions: [`${length} characters`, cloud],
    });
  });

  it("Baidu documents no name rule (seed 001): a long name is accepted", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ, { cloud: "baiducloud" });
    const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud: "baiducloud" });
    expect((await peer(world.a, x, y, { name: "n".repeat(200), bandwidthMbps: 10 })).status).toBe("ACTIVE");
  });
});

describe("INVALID_BANDWIDTH (seed 000 tiers; seed 001 positive integer)", () => {
  it.each([10, 20, 50, 100, 200, 500, 1000])(
    "Tencent cross-region tier %i is accepted",
    async (bandwidthMbps) => {
      const x = await vpc(world.a, "10.0.0.0/16", GZ);
      const y = await vpc(world.b, "10.1.0.0/16", BJ);
      expect((await peer(world.a, x, y, { bandwidthMbps })).bandwidthMbps).toBe(bandwidthMbps);
    },
  );

  it.each<[string, number | undefined, string[]]>([
    ["not a tier", 30, ["30", "10, 20, 50, 100, 200, 500, 1000", "Use 50"]],
    ["above the top tier", 2000, ["2000", "Use 1000"]],
    ["missing", undefined, ["has no bandwidthMbps", GZ, BJ]],
  ])("Tencent cross-region bandwidth %s is refused", async (_, bandwidthMbps, mentions) => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    const input: CreatePeeringInput = {
      vpcId: x.id,
      peerVpcId: y.id,
      peerAccount: world.b.account,
      name: "bw",
      ...(bandwidthMbps === undefined ? {} : { bandwidthMbps }),
    };
    await refusedCreate(() => world.a.createPeering(input), {
      code: "INVALID_BANDWIDTH",
      cloudCode: "InvalidParameterValue.Range",
      mentions,
    });
  });

  it.each<[number | undefined]>([[undefined], [0], [1.5], [-10]])(
    "Baidu bandwidth %s is refused (required positive integer)",
    async (bandwidthMbps) => {
      const x = await vpc(world.a, "10.0.0.0/16", GZ, { cloud: "baiducloud" });
      const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud: "baiducloud" });
      const input: CreatePeeringInput = {
        vpcId: x.id,
        peerVpcId: y.id,
        name: "bw",
        ...(bandwidthMbps === undefined ? {} : { bandwidthMbps }),
      };
      await refusedCreate(() => world.a.createPeering(input), {
        code: "INVALID_BANDWIDTH",
        // Baidu's own code for a Baidu VPC (provider/backends/baiducloud/error-codes.ts), not Tencent's.
        cloudCode: "PeerConnInvalidBandwidth",
        mentions: bandwidthMbps === undefined ? ["baiducloud"] : [`bandwidthMbps ${bandwidthMbps}`],
      });
    },
  );
});

describe("INVALID_CHARGE_TYPE (seed 000 billing and service levels)", () => {
  it.each<[Partial<CreatePeeringInput>, string[]]>([
    [{ chargeType: "Prepaid" }, ["Prepaid", "tencentcloud", "POSTPAID_BY_DAY_MAX"]],
    [{ serviceLevel: "platinum" }, ["platinum", "POSTPAID_BY_MONTH_95"]],
    [{ serviceLevel: "silver", chargeType: "POSTPAID_BY_DAY_MAX" }, ["silver", "POSTPAID_BY_MONTH_95"]],
  ])("Tencent refuses %j", async (extra, mentions) => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    await refusedCreate(() => peer(world.a, x, y, extra), {
      code: "INVALID_CHARGE_TYPE",
      cloudCode: "InvalidParameterValue",
      mentions,
    });
  });

  it("platinum with monthly 95th percentile billing is accepted", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    const created = await peer(world.a, x, y, {
      serviceLevel: "platinum",
      chargeType: "POSTPAID_BY_MONTH_95",
    });
    expect(created).toMatchObject({ serviceLevel: "platinum", chargeType: "POSTPAID_BY_MONTH_95" });
  });
});

describe("every problem is reported together", () => {
  it("a long name and a bad tier on one request: both in the message, the first code wins", async () => {
    const x = await vpc(world.a, "10.0.0.0/16", GZ);
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    const error = await refusedCreate(
      () => peer(world.a, x, y, { name: "n".repeat(61), bandwidthMbps: 30 }),
      {
        code: "INVALID_BANDWIDTH",
        cloudCode: "InvalidParameterValue.Range",
        mentions: ["2 problems", "INVALID_BANDWIDTH", "INVALID_NAME"],
      },
    );
    expect(error.message.indexOf("INVALID_BANDWIDTH")).toBeLessThan(error.message.indexOf("INVALID_NAME"));
  });
});

describe("unknown or invisible VPCs", () => {
  it("an unknown local VPC", async () => {
    const y = await vpc(world.a, "10.1.0.0/16");
    await refusedCreate(() => world.a.createPeering({ vpcId: "vpc-missing1", peerVpcId: y.id, name: "n" }), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: ["vpc-missing1", world.a.account],
    });
  });

  it("an unknown peer VPC", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    await refusedCreate(() => world.a.createPeering({ vpcId: x.id, peerVpcId: "vpc-missing2", name: "n" }), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: ["vpc-missing2", world.a.account],
    });
  });

  it("a VPC of another account as the local side", async () => {
    const theirs = await vpc(world.b, "10.0.0.0/16");
    const mine = await vpc(world.a, "10.1.0.0/16");
    await refusedCreate(() => world.a.createPeering({ vpcId: theirs.id, peerVpcId: mine.id, name: "n" }), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [theirs.id],
    });
  });

  it("a peer VPC of another account without peerAccount: the fix says to set peerAccount", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, "10.1.0.0/16");
    await refusedCreate(() => world.a.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "n" }), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [y.id, world.a.account, "peerAccount"],
    });
  });

  it("a peer VPC with the wrong peerAccount", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, "10.1.0.0/16");
    await refusedCreate(() => peer(world.a, x, y, { peerAccount: world.c.account }), {
      code: "NOT_FOUND",
      cloudCode: "ResourceNotFound",
      mentions: [y.id, world.c.account],
    });
  });

  it("a peerRegion that is not the peer VPC's region", async () => {
    const x = await vpc(world.a, "10.0.0.0/16");
    const y = await vpc(world.b, "10.1.0.0/16", BJ);
    await refusedCreate(() => peer(world.a, x, y, { peerRegion: SH }), {
      code: "INVALID_PARAMETER",
      cloudCode: "InvalidParameterValue",
      mentions: [SH, BJ, y.id],
    });
    expect((await peer(world.a, x, y, { peerRegion: BJ })).peerRegion).toBe(BJ);
  });
});

describe("CROSS_CLOUD_PEERING", () => {
  it.each<["huaweicloud" | "baiducloud"]>([["huaweicloud"], ["baiducloud"]])(
    "a Tencent VPC cannot peer with a %s VPC",
    async (cloud) => {
      const x = await vpc(world.a, "10.0.0.0/16");
      const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud });
      await refusedCreate(() => peer(world.a, x, y), {
        code: "CROSS_CLOUD_PEERING",
        cloudCode: "UnsupportedOperation",
        mentions: [x.id, y.id, "tencentcloud", cloud],
      });
    },
  );
});

describe("other clouds' ids and rules", () => {
  it.each<["huaweicloud" | "baiducloud", RegExp, Partial<CreatePeeringInput>]>([
    ["huaweicloud", /^[0-9a-f-]{36}$/, {}],
    ["baiducloud", /^peerconn-[0-9a-z]{8}$/, { bandwidthMbps: 10 }],
  ])(
    "%s peerings get the cloud's id shape and follow seed 004 (same account ACTIVE, cross PENDING)",
    async (cloud, shape, extra) => {
      const x = await vpc(world.a, "10.0.0.0/16", GZ, { cloud });
      const y = await vpc(world.a, "10.1.0.0/16", GZ, { cloud });
      const z = await vpc(world.b, "10.2.0.0/16", GZ, { cloud });
      const same = await peer(world.a, x, y, extra);
      const cross = await peer(world.a, x, z, extra);
      expect(same.id).toMatch(shape);
      expect({ same: same.status, cross: cross.status, cloud: same.cloud }).toEqual({
        same: "ACTIVE",
        cross: "PENDING",
        cloud,
      });
    },
  );
});
