/**
 * `diff` with the olds the engine passes (the stored outputs of a real create) and the news it passes (check's
 * result): in place for name, bandwidth, charge type, description and tags; replace for the VPC pair, region and
 * account, deleting first for a peering; credentials alone update in place.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { peering, routeRule, UNKNOWN, vpc } from "../../../provider/pulumi/runtime/index.js";
import { ACCOUNT_B, type Applied, BJ, GZ, impl, openWorld, up, vpcOf, type World } from "./support.js";

let world: World;
beforeEach(() => {
  world = openWorld();
});
afterEach(() => world.close());

type Props = Record<string, unknown>;

/** A created cross-region peering, and `diff` of its outputs against checked new inputs. */
async function peeringFixture() {
  const x = await vpcOf(world, world.a, "10.0.0.0/16", GZ);
  const y = await vpcOf(world, world.a, "10.1.0.0/16", BJ);
  const inputs: Props = {
    connection: { ...world.a, secretKey: "old-key" },
    vpcId: x.id,
    peerVpcId: y.id,
    peerRegion: BJ,
    name: "dr",
    description: "primary to standby",
    bandwidthMbps: 100,
    chargeType: "POSTPAID_BY_DAY_MAX",
    tags: { team: "net" },
  };
  const created = await up(peering, inputs);
  const diff = async (change: (news: Props) => Props) => {
    const checked = await impl(peering).check(created.inputs, change(structuredClone(inputs)));
    return impl(peering).diff(created.id, created.outs, checked.inputs);
  };
  return { created, diff };
}

describe("Peering", () => {
  it("no change: no diff (outputs the provider added are not inputs)", async () => {
    const { diff } = await peeringFixture();
    expect(await diff((n) => n)).toMatchObject({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it.each([
    ["name", (n: Props) => ({ ...n, name: "dr-renamed" })],
    ["bandwidthMbps", (n: Props) => ({ ...n, bandwidthMbps: 200 })],
    ["chargeType", (n: Props) => ({ ...n, chargeType: "POSTPAID_BY_MONTH_95" })],
    ["description", (n: Props) => ({ ...n, description: "changed" })],
    ["tags", (n: Props) => ({ ...n, tags: { team: "net", env: "prod" } })],
    [
      "connection credentials",
      (n: Props) => ({ ...n, connection: { ...(n.connection as Props), secretKey: "rotated-key" } }),
    ],
  ])("%s: updates in place", async (_what, change) => {
    const { diff } = await peeringFixture();
    expect(await diff(change)).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("tags in another key order are no change", async () => {
    const { diff } = await peeringFixture();
    const result = await diff((n) => ({ ...n, tags: { team: "net" } }));
    expect(result.changes).toBe(false);
  });

  it.each([
    ["vpcId", (n: Props, other: string) => ({ ...n, vpcId: other })],
    ["peerVpcId", (n: Props, other: string) => ({ ...n, peerVpcId: other })],
    ["peerRegion", (n: Props) => ({ ...n, peerRegion: GZ })],
    ["peerAccount", (n: Props) => ({ ...n, peerAccount: ACCOUNT_B })],
    ["connection", (n: Props) => ({ ...n, connection: { ...(n.connection as Props), account: ACCOUNT_B } })],
  ])("%s: replaces, deleting first (the cloud refuses a second peering per pair)", async (key, change) => {
    const { created } = await peeringFixture();
    const other = await vpcOf(world, world.a, "10.9.0.0/16", GZ);
    const news = change(structuredClone(created.inputs), other.id);
    const result = await impl(peering).diff(created.id, created.outs, news);
    expect(result).toMatchObject({ changes: true, replaces: [key], deleteBeforeReplace: true });
  });

  it("an unknown new value counts as a change (in place for name, replace for the pair)", async () => {
    const { created } = await peeringFixture();
    const name = await impl(peering).diff(created.id, created.outs, { ...created.inputs, name: UNKNOWN });
    expect(name).toMatchObject({ changes: true, replaces: [] });
    const pair = await impl(peering).diff(created.id, created.outs, {
      ...created.inputs,
      peerVpcId: UNKNOWN,
    });
    expect(pair).toMatchObject({ changes: true, replaces: ["peerVpcId"], deleteBeforeReplace: true });
  });

  it("a peering rejected out of band (seen by refresh) is replaced", async () => {
    const { created } = await peeringFixture();
    const result = await impl(peering).diff(
      created.id,
      { ...created.outs, status: "REJECTED" },
      created.inputs,
    );
    expect(result).toMatchObject({ changes: true, deleteBeforeReplace: true });
    expect(result.replaces).toContain("status");
  });
});

describe("Vpc and RouteRule", () => {
  let applied: Applied;
  beforeEach(async () => {
    applied = await up(vpc, {
      connection: world.a,
      name: "v",
      region: GZ,
      cidrs: ["10.0.0.0/16"],
      tags: { a: "1" },
    });
  });

  it.each([
    ["tags", () => ({ tags: { a: "2" } }), []],
    [
      "a secondary CIDR (in place: capabilities.ts secondaryCidrs)",
      () => ({ cidrs: ["10.0.0.0/16", "10.5.0.0/16"] }),
      [],
    ],
    ["the primary CIDR", () => ({ cidrs: ["10.9.0.0/16", "10.5.0.0/16"] }), ["cidrs"]],
    ["an unknown CIDR", () => ({ cidrs: ["10.0.0.0/16", UNKNOWN] }), ["cidrs"]],
    ["region", () => ({ region: BJ }), ["region"]],
    ["account", () => ({ connection: { ...world.a, account: ACCOUNT_B } }), ["connection"]],
  ] as const)("Vpc %s: replaces %j, never delete-before-replace", async (_what, change, replaces) => {
    const result = await impl(vpc).diff(applied.id, applied.outs, { ...applied.inputs, ...change() });
    expect(result).toMatchObject({ changes: true, replaces, deleteBeforeReplace: false });
  });

  it.each([
    ["local", []],
    ["tencentcloud", []],
    ["huaweicloud", []],
    ["baiducloud", ["cidrs"]],
  ] as const)("Vpc on %s: a new secondary CIDR replaces %j", async (kind, replaces) => {
    const olds = { connection: { kind, region: GZ }, name: "v", region: GZ, cidrs: ["10.0.0.0/16"] };
    const result = await impl(vpc).diff("vpc-1", olds, { ...olds, cidrs: ["10.0.0.0/16", "10.5.0.0/16"] });
    expect(result).toMatchObject({ changes: true, replaces });
  });

  it("an adopted VPC (existingId) is never changed in place: new CIDRs replace (and must match the VPC)", async () => {
    const olds = { connection: world.a, name: "v", region: GZ, cidrs: ["10.0.0.0/16"], existingId: "vpc-x" };
    const result = await impl(vpc).diff("vpc-x", olds, { ...olds, cidrs: ["10.0.0.0/16", "10.5.0.0/16"] });
    expect(result).toMatchObject({ changes: true, replaces: ["cidrs"] });
  });

  it.each([
    ["description", { description: "new" }, []],
    ["destination", { destination: "10.2.0.0/16" }, ["destination"]],
    ["routeTableId", { routeTableId: "rtb-other" }, ["routeTableId"]],
  ] as const)("RouteRule %s: replaces %j", async (_what, change, replaces) => {
    const olds = {
      connection: world.a as Props,
      vpcId: "vpc-1",
      destination: "10.1.0.0/16",
      peeringId: "pcx-1",
      timeoutSeconds: 600,
      routeId: "rti-1",
      effectiveRouteTableId: "rtb-main",
    };
    const { routeId: _r, effectiveRouteTableId: _t, ...inputs } = olds;
    const result = await impl(routeRule).diff("rti-1", olds, { ...inputs, ...change });
    expect(result).toMatchObject({ changes: true, replaces });
    expect((await impl(routeRule).diff("rti-1", olds, inputs)).changes).toBe(false);
  });
});
