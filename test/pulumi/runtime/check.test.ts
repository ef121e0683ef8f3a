/**
 * `check`: zod failures per property, unknown values skipped (never guessed), and the core validators against the
 * live backend, so that `pulumi preview` fails with the coded message before anything exists.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bandwidthPolicy,
  peering,
  peeringAcceptance,
  routeRule,
  UNKNOWN,
  vpc,
} from "../../../provider/pulumi/runtime/index.js";
import { ACCOUNT_B, BJ, GZ, impl, openWorld, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

/** The engine's own sentinel (@pulumi/pulumi runtime/rpc.js `unknownValue`), spelled out so a typo is caught. */
const ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

async function peeringCount(): Promise<number> {
  return (await world.oobA.listPeerings({}, { limit: 1000 })).total;
}

describe("zod: one failure per offending property", () => {
  it("names bandwidthMbps, the unknown key and a nested connection field together", async () => {
    const { failures } = await impl(peering).check(
      {},
      {
        connection: { ...world.a, kind: "azure" },
        vpcId: "vpc-1",
        peerVpcId: "vpc-2",
        name: "p",
        bandwidthMbps: "abc",
        colour: "blue",
      },
    );
    expect(failures.map((f) => f.property).sort()).toEqual(["bandwidthMbps", "colour", "connection.kind"]);
    for (const f of failures) {
      // The code every front end gives arguments that are not what a resource takes.
      expect(f.reason).toMatch(
        f.property === "colour"
          ? /^INVALID_ARGUMENT: Peering has no argument /
          : /^INVALID_ARGUMENT: Peering /,
      );
      expect(f.reason).toContain(f.property);
      expect(f.reason).toMatch(/ Fix: \S/);
    }
  });

  it("names the input a misspelt or snake_case key most likely means, and none for a foreign one", async () => {
    const { failures } = await impl(peering).check(
      {},
      {
        connection: world.a,
        vpcId: "vpc-1",
        peer_vpc_id: "vpc-2",
        name: "p",
        bandwidthMbp: 100,
        colour: "blue",
      },
    );
    const reasons = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(reasons.peer_vpc_id).toContain("Fix: Rename peer_vpc_id to peerVpcId. Peering takes: ");
    expect(reasons.bandwidthMbp).toContain("Fix: Rename bandwidthMbp to bandwidthMbps.");
    expect(reasons.colour).toContain("Fix: Remove colour, or correct its spelling.");
    // The keys listed are the resource's own inputs.
    expect(reasons.colour).toMatch(/Peering takes: .*\bpeerVpcId\b.*\bbandwidthMbps\b/);
  });

  it.each([
    ["Vpc", vpc, { connection: {}, name: "v", region: GZ, cidrs: [] }, ["cidrs"]],
    [
      "Vpc",
      vpc,
      { connection: {}, name: "", region: GZ, cidrs: ["10.0.0.0/16"], cloud: "aws" },
      ["cloud", "name"],
    ],
    [
      "RouteRule",
      routeRule,
      { vpcId: "v", destination: "10.1.0.0/16", timeoutSeconds: -1 },
      ["peeringId", "timeoutSeconds"],
    ],
    ["PeeringAcceptance", peeringAcceptance, { peeringId: 42 }, ["peeringId"]],
    [
      "BandwidthPolicy",
      bandwidthPolicy,
      { peeringId: "pcx-1", limits: [{ ip: "10.0.0.1", limitMbps: 0 }] },
      ["limits.0.limitMbps"],
    ],
    ["Peering", peering, { vpcId: "v", peerVpcId: "w", name: "p", chargeType: "FREE" }, ["chargeType"]],
  ] as const)("%s: %j fails on %j", async (_name, resource, news, properties) => {
    const { failures } = await impl(resource).check({}, news);
    expect(failures.map((f) => f.property).sort()).toEqual([...properties].sort());
  });

  it("a required input left out is named as such, with the resource's inputs", async () => {
    const { failures } = await impl(routeRule).check(
      {},
      { connection: world.a, vpcId: "v", destination: "10.1.0.0/16" },
    );
    expect(failures).toEqual([
      {
        property: "peeringId",
        reason: expect.stringMatching(
          /^INVALID_ARGUMENT: RouteRule needs peeringId, which is not given\. Fix: Give peeringId\. RouteRule takes: .*\bpeeringId\b/,
        ),
      },
    ]);
  });

  it("a word that is none of an input's is named with the one meant, as the constructs and components say it", async () => {
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: "v", peerVpcId: "w", name: "p", serviceLevel: "Gold" },
    );
    expect(failures).toEqual([
      {
        property: "serviceLevel",
        reason:
          'INVALID_ARGUMENT: Peering has serviceLevel "Gold", which is none of the values it takes. Fix: Use "gold" (the options are "platinum", "gold", "silver").',
      },
    ]);
  });

  it("a number given as a string (a Python or YAML program's) is named with its number", async () => {
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: "v", peerVpcId: "w", name: "p", bandwidthMbps: "200" },
    );
    expect(failures).toEqual([
      {
        property: "bandwidthMbps",
        reason:
          'INVALID_ARGUMENT: Peering has bandwidthMbps "200", a string, where it takes a number. Fix: Give bandwidthMbps as a number: 200, not "200" (a value read from the environment or a file is a string: convert it with Number()).',
      },
    ]);
  });

  it("valid inputs come back parsed, with their defaults", async () => {
    const { failures, inputs } = await impl(routeRule).check(
      {},
      { connection: world.a, vpcId: "v", destination: "10.1.0.0/16", peeringId: "pcx" },
    );
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      connection: world.a,
      vpcId: "v",
      destination: "10.1.0.0/16",
      peeringId: "pcx",
      timeoutSeconds: 600,
    });
  });
});

describe("unknown values (preview) are skipped, never guessed", () => {
  it("uses the engine's sentinel", () => {
    expect(UNKNOWN).toBe(ENGINE_UNKNOWN);
  });

  it("a Peering whose VPC is not created yet: no failure, no live check, inputs as given", async () => {
    const news = { connection: world.a, vpcId: ENGINE_UNKNOWN, peerVpcId: "vpc-does-not-exist", name: "p" };
    const { failures, inputs } = await impl(peering).check({}, news);
    expect(failures).toEqual([]);
    expect(inputs).toEqual(news);
  });

  it("an unknown value does not hide another property's failure", async () => {
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: ENGINE_UNKNOWN, peerVpcId: "w", name: "p", bandwidthMbps: "abc" },
    );
    expect(failures.map((f) => f.property)).toEqual(["bandwidthMbps"]);
  });

  it.each([
    [
      "RouteRule routeTableId",
      routeRule,
      { vpcId: "v", routeTableId: ENGINE_UNKNOWN, destination: "10.1.0.0/16", peeringId: "p" },
    ],
    ["RouteRule peeringId", routeRule, { vpcId: "v", destination: "10.1.0.0/16", peeringId: ENGINE_UNKNOWN }],
    ["Vpc cidrs element", vpc, { name: "v", region: GZ, cidrs: ["10.0.0.0/16", ENGINE_UNKNOWN] }],
    ["PeeringAcceptance peeringId", peeringAcceptance, { peeringId: ENGINE_UNKNOWN }],
    [
      "BandwidthPolicy peeringId",
      bandwidthPolicy,
      { peeringId: ENGINE_UNKNOWN, limits: [{ ip: "10.0.0.1", limitMbps: 5 }] },
    ],
  ] as const)(
    "%s unknown: inputs come back unchanged (not dropped, not defaulted)",
    async (_n, resource, news) => {
      const withConnection = { connection: world.a, ...news };
      const { failures, inputs } = await impl(resource).check({}, withConnection);
      expect(failures).toEqual([]);
      expect(inputs).toEqual(withConnection);
    },
  );

  it("an unknown state file is not replaced by the default connection", async () => {
    const news = {
      connection: { kind: "local", stateFile: ENGINE_UNKNOWN, account: "1" },
      name: "v",
      region: GZ,
      cidrs: ["10.0.0.0/16"],
    };
    const { inputs } = await impl(vpc).check({}, news);
    expect(inputs.connection).toEqual(news.connection);
  });
});

describe("Vpc: its own CIDR blocks are checked at plan time (core INVALID_CIDR)", () => {
  it.each([
    [["10.0.0.1/16"], 'cidrs[0] "10.0.0.1/16" has host bits set', 'Write "10.0.0.0/16"'],
    [["10.0.0.0/16", "nonsense"], 'cidrs[1] "nonsense" is not a CIDR block', "10.0.0.0/16"],
    [
      ["10.0.0.0/16", "10.0.1.0/24"],
      'cidrs[1] "10.0.1.0/24" overlaps cidrs[0] "10.0.0.0/16"',
      "Remove 10.0.1.0/24",
    ],
  ])("%j fails on cidrs, naming the VPC, the block and the fix", async (cidrs, says, fix) => {
    const { failures } = await impl(vpc).check({}, { connection: world.a, name: "app", region: GZ, cidrs });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toBe("cidrs");
    expect(failures[0]!.reason).toMatch(/^INVALID_CIDR: Vpc "app" /);
    expect(failures[0]!.reason).toContain(says);
    expect(failures[0]!.reason).toMatch(/ Fix: \S/);
    expect(failures[0]!.reason).toContain(fix);
  });

  it("disjoint blocks (adjacent ones too) pass; a list with an unknown element waits for the create", async () => {
    const ok = await impl(vpc).check(
      {},
      { connection: world.a, name: "app", region: GZ, cidrs: ["10.1.0.0/17", "10.1.128.0/17"] },
    );
    expect(ok.failures).toEqual([]);
    const pending = await impl(vpc).check(
      {},
      { connection: world.a, name: "app", region: GZ, cidrs: ["10.0.0.0/16", ENGINE_UNKNOWN, "10.0.1.0/24"] },
    );
    expect(pending.failures).toEqual([]);
  });
});

describe("the core validators against the live backend, naming the property", () => {
  it("CIDR_OVERLAP on peerVpcId, before anything is created", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.0.128.0/17");
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "overlap" },
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]?.property).toBe("peerVpcId");
    expect(failures[0]?.reason).toMatch(/^CIDR_OVERLAP: .*10\.0\.0\.0\/16.*Fix: \S/);
    expect(await peeringCount()).toBe(0);
  });

  it("CIDR_OVERLAP with another account's VPC, from peerVpcCidrs", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.b, "10.0.0.0/24");
    const news = { connection: world.a, vpcId: x.id, peerVpcId: y.id, peerAccount: ACCOUNT_B, name: "p" };
    // Without the peer's CIDRs (invisible to account A) the overlap cannot be known: not guessed.
    expect((await impl(peering).check({}, news)).failures).toEqual([]);
    const { failures } = await impl(peering).check({}, { ...news, peerVpcCidrs: ["10.0.0.0/24"] });
    expect(failures.map((f) => [f.property, f.reason.split(":")[0]])).toEqual([
      ["peerVpcId", "CIDR_OVERLAP"],
    ]);
  });

  it.each(["same", "reverse"] as const)(
    "DUPLICATE_PEERING on peerVpcId (%s direction)",
    async (direction) => {
      const x = await vpcOf(world, world.a, "10.0.0.0/16");
      const y = await vpcOf(world, world.a, "10.1.0.0/16");
      const first = await world.oobA.createPeering({ vpcId: x.id, peerVpcId: y.id, name: "first" });
      const [from, to] = direction === "same" ? [x, y] : [y, x];
      const { failures } = await impl(peering).check(
        {},
        { connection: world.a, vpcId: from.id, peerVpcId: to.id, name: "second" },
      );
      expect(failures.map((f) => f.property)).toEqual(["peerVpcId"]);
      expect(failures[0]?.reason).toMatch(/^DUPLICATE_PEERING: /);
      expect(failures[0]?.reason).toContain(first.id);
      expect(await peeringCount()).toBe(1);
    },
  );

  it("PEERING_LIMIT_EXCEEDED on vpcId: the 11th peering of a VPC (seed 000: 10 per VPC)", async () => {
    const hub = await vpcOf(world, world.a, "10.0.0.0/16");
    for (let i = 1; i <= 10; i += 1) {
      const spoke = await vpcOf(world, world.a, `10.${i}.0.0/16`);
      await world.oobA.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `p${i}` });
    }
    const last = await vpcOf(world, world.a, "10.11.0.0/16");
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: hub.id, peerVpcId: last.id, name: "p11" },
    );
    expect(failures.map((f) => f.property)).toEqual(["vpcId"]);
    expect(failures[0]?.reason).toMatch(/^PEERING_LIMIT_EXCEEDED: .*11 peerings/);
  });

  it.each([
    [30, /not a tier/],
    [undefined, /has no bandwidthMbps/],
  ])("INVALID_BANDWIDTH on bandwidthMbps: cross-region %s", async (bandwidthMbps, message) => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16", GZ);
    const y = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps },
    );
    expect(failures.map((f) => f.property)).toEqual(["bandwidthMbps"]);
    expect(failures[0]?.reason).toMatch(/^INVALID_BANDWIDTH: /);
    expect(failures[0]?.reason).toMatch(message);
  });

  it("INVALID_CHARGE_TYPE on the field at fault: serviceLevel silver without monthly-95, chargeType elsewhere", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16", GZ);
    const y = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
    const news = { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 100 };
    // Tencent: silver needs monthly-95 billing (seed 000), so the service level is what to change.
    const silver = await impl(peering).check({}, { ...news, serviceLevel: "silver" });
    expect(silver.failures.map((f) => [f.property, f.reason.split(":")[0]])).toEqual([
      ["serviceLevel", "INVALID_CHARGE_TYPE"],
    ]);
    // Baidu's charge type on a Tencent peering is the charge type's fault.
    const postpaid = await impl(peering).check({}, { ...news, chargeType: "Postpaid" });
    expect(postpaid.failures.map((f) => [f.property, f.reason.split(":")[0]])).toEqual([
      ["chargeType", "INVALID_CHARGE_TYPE"],
    ]);
  });

  it("NOT_FOUND on vpcId for a VPC the account does not have", async () => {
    const y = await vpcOf(world, world.b, "10.1.0.0/16");
    const { failures } = await impl(peering).check(
      {},
      { connection: world.a, vpcId: y.id, peerVpcId: y.id, name: "p" },
    );
    expect(failures.map((f) => [f.property, f.reason.split(":")[0]])).toEqual([["vpcId", "NOT_FOUND"]]);
  });

  it("checking an update of an existing peering does not count it as its own duplicate", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16", GZ);
    const y = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
    const news = { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 100 };
    const created = await up(peering, news);
    // The engine hands check the previous *inputs* (no peeringId), as stored from the first check.
    const renamed = await impl(peering).check(created.inputs, {
      ...news,
      name: "renamed",
      bandwidthMbps: 200,
    });
    expect(renamed.failures).toEqual([]);
    // ...while the rules still run against the update.
    const bad = await impl(peering).check(created.inputs, { ...news, bandwidthMbps: 30 });
    expect(bad.failures.map((f) => f.reason.split(":")[0])).toEqual(["INVALID_BANDWIDTH"]);
  });

  it("a second Peering resource for the same pair is still a duplicate", async () => {
    const x = await vpcOf(world, world.a, "10.0.0.0/16");
    const y = await vpcOf(world, world.a, "10.1.0.0/16");
    const z = await vpcOf(world, world.a, "10.2.0.0/16");
    await up(peering, { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "one" });
    // Another resource whose previous inputs joined x and z, now moved onto x and y: refused.
    const { failures } = await impl(peering).check(
      { connection: world.a, vpcId: x.id, peerVpcId: z.id, name: "two" },
      { connection: world.a, vpcId: x.id, peerVpcId: y.id, name: "two" },
    );
    expect(failures.map((f) => f.reason.split(":")[0])).toEqual(["DUPLICATE_PEERING"]);
  });

  it("BandwidthPolicy: per-IP limits on the local backend pass check", async () => {
    const { failures } = await impl(bandwidthPolicy).check(
      {},
      { connection: world.a, peeringId: "pcx-1", limits: [{ ip: "10.0.0.1", limitMbps: 5 }] },
    );
    expect(failures).toEqual([]);
  });
});
