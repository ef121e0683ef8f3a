/**
 * Subnets in the local engine: judged by the core's subnetProblems (rulebook `subnets`), refused with
 * SUBNET_INVALID and the cloud's code; a dual-stack subnet gets an IPv6 block the engine assigns, which is then the
 * VPC's block for the core's route rules, so a Huawei peer routes to it through a peering and a Tencent peer is
 * refused (IPV6_PEERING_UNSUPPORTED).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cloudCodeOf } from "../../../provider/backends/cloud-error-codes.js";
import { ipv6BlockOf } from "../../../provider/backends/local/subnets.js";
import { parseCidr } from "../../../provider/core/index.js";
import { expectRefusal, mainTable, openWorld, peer, vpc, type World } from "./support.js";

const HW = "cn-east-3";
let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

const huaweiVpc = (cidr: string, backend = world.a) => vpc(backend, cidr, HW, { cloud: "huaweicloud" });

describe("creating subnets", () => {
  it("gives a subnet its gateway, and a dual-stack one a /64 of its own", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const plain = await world.a.createSubnet({ vpcId: v.id, name: "app", cidr: "10.0.1.0/24" });
    const dual = await world.a.createSubnet({ vpcId: v.id, name: "db", cidr: "10.0.2.0/24", ipv6: true });
    expect(plain).toMatchObject({ vpcId: v.id, cidr: "10.0.1.0/24", gatewayIp: "10.0.1.1", ipv6: false });
    expect(plain.ipv6Cidr).toBeUndefined();
    expect(dual).toMatchObject({ cidr: "10.0.2.0/24", gatewayIp: "10.0.2.1", ipv6: true });
    const block = parseCidr(dual.ipv6Cidr!);
    expect(block.ok && block.cidr.family === 6 && block.cidr.prefix === 64).toBe(true);
    const other = await world.a.createSubnet({ vpcId: v.id, name: "web", cidr: "10.0.3.0/24", ipv6: true });
    expect(other.ipv6Cidr).not.toBe(dual.ipv6Cidr);
    expect((await world.a.listSubnets(v.id)).map((s) => s.id)).toEqual([plain.id, dual.id, other.id]);
    expect(await world.a.describeSubnet(dual.id)).toEqual(dual);
  });

  it("numbers the engine's IPv6 blocks over two groups, inside the documentation prefix", () => {
    expect(ipv6BlockOf(1)).toBe("2001:db8:0:1::/64");
    expect(ipv6BlockOf(0x10002)).toBe("2001:db8:1:2::/64");
  });

  it("refuses a block outside the VPC, naming the VPC's blocks, with the cloud's code", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    // Huawei's subnet API is v1: its code for this problem (HUAWEI_SUBNET_CODES.withinVpc).
    await expectRefusal(world.a.createSubnet({ vpcId: v.id, name: "x", cidr: "10.9.0.0/24" }), {
      code: "SUBNET_INVALID",
      cloudCode: "VPC.0203",
      mentions: ["10.9.0.0/24", "10.0.0.0/16", v.id, "subnets.withinVpc"],
    });
  });

  it("reports every problem of one subnet at once", async () => {
    const v = await vpc(world.a, "10.0.0.0/16");
    const first = await world.a.createSubnet({ vpcId: v.id, name: "a", cidr: "10.0.0.0/24" });
    const error = await expectRefusal(
      world.a.createSubnet({ vpcId: v.id, name: "b", cidr: "10.0.0.0/29", ipv6: true }),
      {
        code: "SUBNET_INVALID",
        cloudCode: "InvalidParameterValue.SubnetRange",
        mentions: ["3 problems", "/28", "ipv6AtCreate", first.id],
      },
    );
    expect(error.message).toContain("Fix:");
  });

  it("refuses an overlap where the cloud documents disjoint subnets (Tencent's own code), not where it does not", async () => {
    const t = await vpc(world.a, "10.0.0.0/16");
    await world.a.createSubnet({ vpcId: t.id, name: "a", cidr: "10.0.0.0/24" });
    await expectRefusal(world.a.createSubnet({ vpcId: t.id, name: "b", cidr: "10.0.0.128/25" }), {
      code: "SUBNET_INVALID",
      cloudCode: "InvalidParameterValue.SubnetOverlap",
      mentions: ["subnets.disjoint"],
    });
    // Huawei: its error-code table's VPC.0204 (rulebook subnets.disjoint).
    const h = await huaweiVpc("10.0.0.0/16");
    await world.a.createSubnet({ vpcId: h.id, name: "a", cidr: "10.0.0.0/24" });
    await expectRefusal(world.a.createSubnet({ vpcId: h.id, name: "b", cidr: "10.0.0.128/25" }), {
      code: "SUBNET_INVALID",
      cloudCode: "VPC.0204",
      mentions: ["subnets.disjoint"],
    });
    // Baidu's reference says nothing of sibling subnets (rulebook subnets.disjoint is open).
    const b = await vpc(world.a, "10.0.0.0/16", "bj", { cloud: "baiducloud" });
    await world.a.createSubnet({ vpcId: b.id, name: "a", cidr: "10.0.0.0/24" });
    await expect(
      world.a.createSubnet({ vpcId: b.id, name: "b", cidr: "10.0.0.128/25" }),
    ).resolves.toBeDefined();
  });

  it("refuses IPv6 at creation on Tencent, which assigns subnet IPv6 by other calls", async () => {
    const t = await vpc(world.a, "10.0.0.0/16");
    await expectRefusal(world.a.createSubnet({ vpcId: t.id, name: "a", cidr: "10.0.0.0/24", ipv6: true }), {
      code: "SUBNET_INVALID",
      cloudCode: "InvalidParameterValue.SubnetRange",
      mentions: ["ipv6AtCreate"],
    });
    expect(await world.a.listSubnets(t.id)).toEqual([]);
  });

  it("hides another account's subnets and refuses subnets in its VPCs", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const s = await world.a.createSubnet({ vpcId: v.id, name: "a", cidr: "10.0.0.0/24" });
    const notFound = { code: "NOT_FOUND", cloudCode: cloudCodeOf("tencentcloud", "NOT_FOUND") };
    await expectRefusal(world.b.describeSubnet(s.id), notFound);
    await expectRefusal(world.b.deleteSubnet(s.id), notFound);
    await expectRefusal(world.b.createSubnet({ vpcId: v.id, name: "x", cidr: "10.0.1.0/24" }), notFound);
  });

  it("returns the first create for a repeated client token, and refuses the token on another request", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const input = { vpcId: v.id, name: "a", cidr: "10.0.0.0/24", ipv6: true, clientToken: "tok-1" };
    const first = await world.a.createSubnet(input);
    expect(await world.a.createSubnet(input)).toEqual(first);
    await expectRefusal(world.a.createSubnet({ ...input, cidr: "10.0.1.0/24" }), {
      code: "IDEMPOTENCY_CONFLICT",
      cloudCode: cloudCodeOf("tencentcloud", "IDEMPOTENCY_CONFLICT"),
    });
    expect(await world.a.listSubnets(v.id)).toHaveLength(1);
  });
});

describe("a gateway of the caller's choosing", () => {
  it("is kept when it is an address of the block, and refused outside it or on its network address", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const s = await world.a.createSubnet({
      vpcId: v.id,
      name: "g",
      cidr: "10.0.1.0/24",
      gatewayIp: "10.0.1.254",
    });
    expect(s.gatewayIp).toBe("10.0.1.254");
    expect(await world.a.describeSubnet(s.id)).toEqual(s);
    for (const gatewayIp of ["10.0.2.1", "10.0.1.0", "not-an-ip", "2001:db8::1"]) {
      await expectRefusal(world.a.createSubnet({ vpcId: v.id, name: "h", cidr: "10.0.3.0/24", gatewayIp }), {
        code: "SUBNET_INVALID",
        cloudCode: "VPC.0201",
        mentions: [gatewayIp, "10.0.3.1"],
      });
    }
    expect((await world.a.listSubnets(v.id)).map((x) => x.id)).toEqual([s.id]);
  });

  it("stores the description a protocol gives, outside SubnetInfo", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const s = await world.a.createSubnet({
      vpcId: v.id,
      name: "d",
      cidr: "10.0.1.0/24",
      description: "app tier",
    });
    expect(await world.a.subnetDescription(s.id)).toBe("app tier");
    expect(s).not.toHaveProperty("description");
  });
});

describe("a VPC with subnets", () => {
  it("is not deleted while it holds subnets; it is once they are gone", async () => {
    const v = await huaweiVpc("10.0.0.0/16");
    const s = await world.a.createSubnet({ vpcId: v.id, name: "a", cidr: "10.0.0.0/24" });
    // Huawei's v1 DeleteVpc code for a VPC with subnets (HUAWEI_VPC_HAS_SUBNETS).
    await expectRefusal(world.a.deleteVpc(v.id), {
      code: "VPC_IN_USE",
      cloudCode: "VPC.0104",
      mentions: [s.id, "10.0.0.0/24"],
    });
    await world.a.deleteSubnet(s.id);
    await world.a.deleteVpc(v.id);
    expect(await world.a.listVpcs()).toEqual([]);
  });
});

describe("IPv6 routes through a peering go to the blocks the cloud assigned the peer's subnets", () => {
  it("Huawei: both sides route to each other's subnet IPv6 blocks; a block the peer was not assigned is refused", async () => {
    const left = await huaweiVpc("10.0.0.0/16");
    const right = await huaweiVpc("10.1.0.0/16", world.b);
    const l6 = await world.a.createSubnet({ vpcId: left.id, name: "l", cidr: "10.0.1.0/24", ipv6: true });
    const r6 = await world.b.createSubnet({ vpcId: right.id, name: "r", cidr: "10.1.1.0/24", ipv6: true });
    let peering = await peer(world.a, left, right);
    peering = await world.b.acceptPeering(peering.id);
    const there = await world.a.createRoute({
      vpcId: left.id,
      destination: r6.ipv6Cidr!,
      peeringId: peering.id,
    });
    const back = await world.b.createRoute({
      vpcId: right.id,
      destination: l6.ipv6Cidr!,
      peeringId: peering.id,
    });
    expect(there.destination).toBe(r6.ipv6Cidr);
    expect(back.destination).toBe(l6.ipv6Cidr);
    expect((await world.a.listRoutes(mainTable(left))).map((r) => r.destination)).toEqual([r6.ipv6Cidr]);
    await expectRefusal(
      world.a.createRoute({ vpcId: left.id, destination: "2001:db8:ffff:1::/64", peeringId: peering.id }),
      {
        code: "ROUTE_DESTINATION_NOT_IN_PEER",
        cloudCode: cloudCodeOf("huaweicloud", "ROUTE_DESTINATION_NOT_IN_PEER"),
      },
    );
  });

  it("Baidu: a dual-stack subnet is made, but an IPv6 route through a peering is refused", async () => {
    const left = await vpc(world.a, "10.0.0.0/16", "bj", { cloud: "baiducloud" });
    const right = await vpc(world.a, "10.1.0.0/16", "bj", { cloud: "baiducloud" });
    const r6 = await world.a.createSubnet({ vpcId: right.id, name: "r", cidr: "10.1.1.0/24", ipv6: true });
    const peering = await peer(world.a, left, right, { bandwidthMbps: 10, chargeType: "Postpaid" });
    await expectRefusal(
      world.a.createRoute({ vpcId: left.id, destination: r6.ipv6Cidr!, peeringId: peering.id }),
      {
        code: "IPV6_PEERING_UNSUPPORTED",
        cloudCode: cloudCodeOf("baiducloud", "IPV6_PEERING_UNSUPPORTED"),
      },
    );
  });
});
