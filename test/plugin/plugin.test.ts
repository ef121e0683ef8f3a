/**
 * pulumi-resource-peerlink over gRPC, as the engine drives it: Configure (stack config or provider args), the
 * custom resources' check/create/diff/read/delete on the runtime the dynamic providers use, import reads with
 * no state, and the config checks. The local backend's state file is opened out of band to see what happened.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkRequest,
  configureRequest,
  createRequest,
  deleteRequest,
  diffRequest,
  type Plugin,
  proto,
  readRequest,
  type Scratch,
  schemaRequest,
  scratchState,
  secret,
  startPlugin,
  toStruct,
  urnOf,
} from "./support.js";

const VPC = "peerlink:index:Vpc";
const PEERING = "peerlink:index:Peering";
const ROUTE = "peerlink:index:RouteRule";
const SUBNET = "peerlink:index:Subnet";
const ACCOUNT = "100000000001";
const SECRET_KEY = "sk-plugin-test-9c2e41b7";

let plugin: Plugin;
let state: Scratch;
beforeAll(async () => {
  plugin = await startPlugin();
});
afterAll(async () => {
  await plugin?.close();
});
beforeEach(async () => {
  state = scratchState();
  await plugin.call(
    "configure",
    configureRequest(undefined, {
      "peerlink:config:backend": "local",
      "peerlink:config:stateFile": state.file,
      "peerlink:config:account": ACCOUNT,
    }),
  );
});
afterEach(() => state.close());

type Props = Record<string, unknown>;

async function check(urn: string, news: Props, olds: Props = {}) {
  const resp = await plugin.call("check", checkRequest(urn, olds, news));
  return {
    inputs: resp.getInputs().toJavaScript() as Props,
    failures: resp.getFailuresList().map((f: { getProperty(): string; getReason(): string }) => ({
      property: f.getProperty(),
      reason: f.getReason(),
    })),
  };
}

/** check, then create with what check returned (the engine's order). */
async function up(type: string, name: string, news: Props) {
  const urn = urnOf(type, name);
  const checked = await check(urn, news);
  expect(checked.failures).toEqual([]);
  const resp = await plugin.call("create", createRequest(urn, checked.inputs));
  return {
    urn,
    id: resp.getId() as string,
    inputs: checked.inputs,
    outs: resp.getProperties().toJavaScript() as Props,
  };
}

async function diff(id: string, urn: string, olds: Props, news: Props) {
  const resp = await plugin.call("diff", diffRequest(id, urn, olds, news));
  return { changes: resp.getChanges(), replaces: resp.getReplacesList() as string[] };
}

const vpcGz = { name: "gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] };
const vpcBj = { name: "bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"] };

describe("configure", () => {
  it("uses the configured state file and account (the stock server drops the variables)", async () => {
    const vpc = await up(VPC, "gz", vpcGz);
    const seen = await state.engine.session(ACCOUNT).describeVpc(vpc.id);
    expect(seen).toMatchObject({ name: "gz", region: "ap-guangzhou", account: ACCOUNT });
    // The injected connection is the provider's, not the resource's: it is in no resource's state.
    expect(vpc.outs.connection).toBeUndefined();
    expect(vpc.inputs.connection).toBeUndefined();
    expect(vpc.outs).toMatchObject({ vpcId: vpc.id, account: ACCOUNT });
  });

  it("takes the config from Configure's args, secrets unwrapped", async () => {
    const other = scratchState();
    try {
      await plugin.call(
        "configure",
        configureRequest({
          backend: "local",
          stateFile: other.file,
          account: "200000000002",
          secretKey: secret(SECRET_KEY),
        }),
      );
      const vpc = await up(VPC, "gz", vpcGz);
      expect((await other.engine.session("200000000002").describeVpc(vpc.id)).account).toBe("200000000002");
      await expect(state.engine.session(ACCOUNT).listVpcs()).resolves.toEqual([]);
      expect(JSON.stringify(vpc.outs)).not.toContain(SECRET_KEY);
    } finally {
      other.close();
    }
  });

  it("refuses an unknown config key and a bad value in checkConfig, without the credential", async () => {
    const req = new proto.CheckRequest();
    req.setUrn("urn:pulumi:dev::plugin-test::pulumi:providers:peerlink::default");
    req.setOlds(toStruct({}));
    req.setNews(toStruct({ backend: "nimbus", stateFlie: "x.db", secretKey: SECRET_KEY }));
    const resp = await plugin.call("checkConfig", req);
    const reasons = resp.getFailuresList().map((f: { getReason(): string }) => f.getReason());
    expect(reasons.join("\n")).toMatch(/INVALID_PARAMETER.*peerlink:stateFlie/);
    expect(reasons.join("\n")).not.toContain(SECRET_KEY);
    // Stored as a secret whatever the stack config said.
    expect(resp.getInputs().toJavaScript().secretKey).toEqual(secret(SECRET_KEY));

    req.setNews(toStruct({ backend: "nimbus" }));
    const bad = await plugin.call("checkConfig", req);
    expect(bad.getFailuresList()[0].getReason()).toMatch(
      /INVALID_PARAMETER: Provider config peerlink:backend/,
    );
  });

  it("replaces the provider for a new state file, updates it in place for new credentials", async () => {
    const diffConfig = async (olds: Props, news: Props) => {
      const req = new proto.DiffRequest();
      req.setUrn("urn:pulumi:dev::plugin-test::pulumi:providers:peerlink::default");
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      const resp = await plugin.call("diffConfig", req);
      return { changes: resp.getChanges(), replaces: resp.getReplacesList() };
    };
    const D = proto.DiffResponse.DiffChanges;
    expect(await diffConfig({ stateFile: "a.db" }, { stateFile: "b.db" })).toEqual({
      changes: D.DIFF_SOME,
      replaces: ["stateFile"],
    });
    expect(await diffConfig({ secretKey: secret("one") }, { secretKey: secret("two") })).toEqual({
      changes: D.DIFF_SOME,
      replaces: [],
    });
    expect(await diffConfig({ stateFile: "a.db", version: "0.1.0" }, { stateFile: "a.db" })).toEqual({
      changes: D.DIFF_NONE,
      replaces: [],
    });
  });
});

describe("custom resources", () => {
  it("refuses an overlapping peering at check with the core's code (the runtime's live check)", async () => {
    const a = await up(VPC, "a", vpcGz);
    const b = await up(VPC, "b", { ...vpcBj, cidrs: ["10.0.128.0/17"] });
    const checked = await check(urnOf(PEERING, "ab"), {
      vpcId: a.id,
      peerVpcId: b.id,
      name: "ab",
      bandwidthMbps: 100,
    });
    expect(checked.failures).toEqual([
      expect.objectContaining({ property: "peerVpcId", reason: expect.stringMatching(/^CIDR_OVERLAP: /) }),
    ]);
  });

  it("creates a peering and a route, waits for ACTIVE, and deletes them", async () => {
    const a = await up(VPC, "a", vpcGz);
    const b = await up(VPC, "b", vpcBj);
    const peering = await up(PEERING, "ab", { vpcId: a.id, peerVpcId: b.id, name: "ab", bandwidthMbps: 100 });
    expect(peering.outs).toMatchObject({ status: "ACTIVE", crossRegion: true, peeringId: peering.id });
    const route = await up(ROUTE, "ab-route", {
      vpcId: a.id,
      destination: "10.1.0.0/16",
      peeringId: peering.id,
    });
    const session = state.engine.session(ACCOUNT);
    expect((await session.listRoutes(String(a.outs.mainRouteTableId))).map((r) => r.id)).toEqual([route.id]);
    await plugin.call("delete", deleteRequest(route.id, route.urn, route.outs));
    await plugin.call("delete", deleteRequest(peering.id, peering.urn, peering.outs));
    expect((await session.describePeering(peering.id)).status).toBe("DELETED");
  });

  it("sees drift on refresh: a secondary CIDR added out of band", async () => {
    const a = await up(VPC, "a", vpcGz);
    await state.engine.session(ACCOUNT).setSecondaryCidrs(a.id, ["10.9.0.0/16"]);
    const resp = await plugin.call("read", readRequest(a.id, a.urn, a.outs, a.inputs));
    expect(resp.getProperties().toJavaScript().cidrs).toEqual(["10.0.0.0/16", "10.9.0.0/16"]);
    // The old inputs stay the inputs: the next preview shows the drift against the program.
    expect(resp.getInputs().toJavaScript()).toEqual(a.inputs);
  });

  it("answers a read of a deleted resource with no id (gone)", async () => {
    const a = await up(VPC, "a", vpcGz);
    await state.engine.session(ACCOUNT).deleteVpc(a.id);
    const resp = await plugin.call("read", readRequest(a.id, a.urn, a.outs, a.inputs));
    expect(resp.getId()).toBe("");
  });

  it("keeps a resource's own connection over the provider's, and its secrets out of every message", async () => {
    const other = scratchState();
    try {
      const given = {
        kind: "local",
        stateFile: other.file,
        account: "300000000003",
        secretKey: secret(SECRET_KEY),
      };
      const vpc = await up(VPC, "own", { ...vpcGz, connection: given });
      expect((await other.engine.session("300000000003").describeVpc(vpc.id)).name).toBe("gz");
      // Stored as given (the engine marks it secret again, from the input's secretness).
      expect(vpc.outs.connection).toMatchObject({ stateFile: other.file, secretKey: SECRET_KEY });
      expect(plugin.stderr()).not.toContain(SECRET_KEY);
    } finally {
      other.close();
    }
  });
});

describe("resources without a create identity", () => {
  it("checks a PeeringAcceptance and a BandwidthPolicy without adding the createIdentity their schemas refuse", async () => {
    const gz = await up(VPC, "gz", vpcGz);
    const bj = await up(VPC, "bj", vpcBj);
    const peering = await up(PEERING, "gz-bj", {
      vpcId: gz.id,
      peerVpcId: bj.id,
      name: "gz-bj",
      bandwidthMbps: 100,
    });
    const acceptance = await check(urnOf("peerlink:index:PeeringAcceptance", "accept"), {
      peeringId: peering.id,
    });
    expect(acceptance.failures).toEqual([]);
    expect(acceptance.inputs).not.toHaveProperty("createIdentity");
    const policy = await check(urnOf("peerlink:index:BandwidthPolicy", "limits"), {
      peeringId: peering.id,
      bandwidthMbps: 100,
      limits: [{ ip: "10.0.0.8", limitMbps: 10 }],
    });
    expect(policy.failures).toEqual([]);
    expect(policy.inputs).not.toHaveProperty("createIdentity");
  });
});

describe("import", () => {
  it("reads a Vpc made out of band from its id alone, with inputs that diff as no change", async () => {
    // The default cloud (the local backend's VPCs follow Tencent's rules) is no recorded input: a program leaves it
    // out, and naming it diffs as no change either.
    const made = await state.engine.session(ACCOUNT).createVpc({
      name: "legacy",
      region: "ap-shanghai",
      cidrs: ["10.5.0.0/16", "10.6.0.0/16"],
      routeTables: ["app"],
    });
    const urn = urnOf(VPC, "legacy");
    // The engine's import Read: an id, no properties (the stock server crashed on that).
    const resp = await plugin.call("read", readRequest(made.id, urn));
    expect(resp.getId()).toBe(made.id);
    const inputs = resp.getInputs().toJavaScript();
    expect(inputs).toEqual({
      name: "legacy",
      region: "ap-shanghai",
      cidrs: ["10.5.0.0/16", "10.6.0.0/16"],
      routeTables: ["app"],
    });
    const props = resp.getProperties().toJavaScript();
    expect(props).toMatchObject({ vpcId: made.id, account: ACCOUNT, mainRouteTableId: expect.any(String) });
    // A program declaring what the import recorded: check passes and the diff is empty.
    const checked = await check(urn, inputs, inputs);
    expect(checked.failures).toEqual([]);
    expect((await diff(made.id, urn, props, checked.inputs)).changes).toBe(
      proto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    const named = await check(urn, { ...inputs, cloud: "tencentcloud" });
    expect((await diff(made.id, urn, props, named.inputs)).changes).toBe(
      proto.DiffResponse.DiffChanges.DIFF_NONE,
    );
  });

  it("records a VPC's cloud on import when it is not the backend's default, and a change of it replaces", async () => {
    const made = await state.engine
      .session(ACCOUNT)
      .createVpc({ name: "hw", region: "cn-north-4", cidrs: ["10.7.0.0/16"], cloud: "huaweicloud" });
    const urn = urnOf(VPC, "hw");
    const resp = await plugin.call("read", readRequest(made.id, urn));
    const inputs = resp.getInputs().toJavaScript();
    expect(inputs).toEqual({
      name: "hw",
      region: "cn-north-4",
      cidrs: ["10.7.0.0/16"],
      cloud: "huaweicloud",
    });
    const props = resp.getProperties().toJavaScript();
    const { cloud: _dropped, ...withoutCloud } = inputs;
    const checked = await check(urn, withoutCloud);
    const result = await diff(made.id, urn, props, checked.inputs);
    expect(result.changes).toBe(proto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(result.replaces).toContain("cloud");
  });

  it("imports a Peering by id and a RouteRule by <route table>/<route>", async () => {
    const session = state.engine.session(ACCOUNT);
    const a = await session.createVpc({ name: "a", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const b = await session.createVpc({ name: "b", region: "ap-beijing", cidrs: ["10.1.0.0/16"] });
    const p = await session.createPeering({ vpcId: a.id, peerVpcId: b.id, name: "ab", bandwidthMbps: 100 });
    const table = a.routeTables.find((t) => t.main)?.id ?? "";
    const r = await session.createRoute({ vpcId: a.id, destination: "10.1.0.0/16", peeringId: p.id });

    const peeringUrn = urnOf(PEERING, "ab");
    const peering = await plugin.call("read", readRequest(p.id, peeringUrn));
    const peeringInputs = peering.getInputs().toJavaScript();
    expect(peeringInputs).toMatchObject({
      vpcId: a.id,
      peerVpcId: b.id,
      peerRegion: "ap-beijing",
      name: "ab",
      bandwidthMbps: 100,
    });
    const peeringChecked = await check(peeringUrn, peeringInputs, peeringInputs);
    expect(peeringChecked.failures).toEqual([]);
    expect(
      (await diff(p.id, peeringUrn, peering.getProperties().toJavaScript(), peeringChecked.inputs)).changes,
    ).toBe(proto.DiffResponse.DiffChanges.DIFF_NONE);

    const routeUrn = urnOf(ROUTE, "ab-route");
    const route = await plugin.call("read", readRequest(`${table}/${r.id}`, routeUrn));
    expect(route.getId()).toBe(r.id);
    const routeInputs = route.getInputs().toJavaScript();
    expect(routeInputs).toMatchObject({ vpcId: a.id, destination: "10.1.0.0/16", peeringId: p.id });
    expect(routeInputs.routeTableId).toBeUndefined();
    const routeChecked = await check(routeUrn, routeInputs, routeInputs);
    expect(
      (await diff(r.id, routeUrn, route.getProperties().toJavaScript(), routeChecked.inputs)).changes,
    ).toBe(proto.DiffResponse.DiffChanges.DIFF_NONE);
  });

  it("creates a dual-stack Subnet and imports one made out of band by its id, with inputs that diff as no change", async () => {
    const session = state.engine.session(ACCOUNT);
    const v = await session.createVpc({
      name: "hw6",
      region: "cn-east-3",
      cidrs: ["10.8.0.0/16"],
      cloud: "huaweicloud",
    });
    const created = await up(SUBNET, "db", { vpcId: v.id, name: "db", cidr: "10.8.1.0/24", ipv6: true });
    expect(created.outs).toMatchObject({ subnetId: created.id, gatewayIp: "10.8.1.1" });
    expect(created.outs.ipv6Cidr).toBe((await session.describeSubnet(created.id)).ipv6Cidr);

    const made = await session.createSubnet({ vpcId: v.id, name: "legacy", cidr: "10.8.2.0/24", ipv6: true });
    const urn = urnOf(SUBNET, "legacy");
    const resp = await plugin.call("read", readRequest(made.id, urn));
    expect(resp.getId()).toBe(made.id);
    const inputs = resp.getInputs().toJavaScript();
    expect(inputs).toEqual({ vpcId: v.id, name: "legacy", cidr: "10.8.2.0/24", ipv6: true });
    expect(resp.getProperties().toJavaScript()).toMatchObject({ ipv6Cidr: made.ipv6Cidr });
    const checked = await check(urn, inputs, inputs);
    expect(checked.failures).toEqual([]);
    expect((await diff(made.id, urn, resp.getProperties().toJavaScript(), checked.inputs)).changes).toBe(
      proto.DiffResponse.DiffChanges.DIFF_NONE,
    );
  });

  it("refuses a Subnet asking for IPv6 on Tencent at check, with the core's code", async () => {
    const checked = await check(urnOf(SUBNET, "t"), {
      vpcId: "vpc-x",
      name: "t",
      cidr: "10.0.1.0/24",
      ipv6: true,
      cloud: "tencentcloud",
    });
    expect(checked.failures).toEqual([
      { property: "ipv6", reason: expect.stringMatching(/^SUBNET_INVALID: .*subnets\.ipv6AtCreate.* Fix: /) },
    ]);
  });

  it.each([
    [ROUTE, "rtb-only", /INVALID_PARAMETER.*<route table id>\/<route id>/],
    [VPC, "vpc-missing", /NOT_FOUND/],
    ["peerlink:index:BandwidthPolicy", "pcx-1:bandwidth", /INVALID_PARAMETER.*cannot be imported/],
  ])("refuses a %s import id %s with a coded message", async (type, id, message) => {
    await expect(plugin.call("read", readRequest(id, urnOf(type, "x")))).rejects.toMatchObject({
      details: expect.stringMatching(message),
    });
  });

  it("resolves the type from a URN without stack and project", async () => {
    const made = await state.engine
      .session(ACCOUNT)
      .createVpc({ name: "bare", region: "ap-guangzhou", cidrs: ["10.7.0.0/16"] });
    const resp = await plugin.call("read", readRequest(made.id, `::::${VPC}::bare`));
    expect(resp.getId()).toBe(made.id);
  });
});

describe("schema", () => {
  it("names the package and its tokens, with the credentials secret", async () => {
    const resp = await plugin.call("getSchema", schemaRequest());
    const schema = JSON.parse(resp.getSchema());
    expect(schema.name).toBe("peerlink");
    expect(Object.keys(schema.resources)).toEqual(
      expect.arrayContaining([VPC, PEERING, ROUTE, "peerlink:index:TwoRegionDr"]),
    );
    expect(schema.config.variables.secretKey.secret).toBe(true);
  });
});
