/**
 * The provider plugin (bin/pulumi-resource-peerlink, installed by `plugins.providers[].path`) on the real Pulumi
 * CLI and the local backend: up, a no-change preview, refresh, a plan-time refusal with its code, `pulumi import`
 * of a VPC made out of band followed by a no-change preview, and destroy. The program declares resources by type
 * token only (no SDK, no dynamic provider), as a program in another language would. What exists is asked of the
 * backend itself (the state file the provider config names), not only of Pulumi.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, withLocal } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test", "e2e", "programs", "plugin-local");
const ACCOUNT = "100000000001";
const SECRET = "sk-e2e-plugin-7d3a91";

describe("provider plugin on the local backend: lifecycle, refusal, import", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM);
    stateFile = join(stack.stateDir, "plugin.db");
    // Only the provider config may point the plugin at its state: never the caller's environment.
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile, "peerlink:account": ACCOUNT });
    await stack.ok(["config", "set", "--stack", stack.stack, "--secret", "peerlink:secretKey", SECRET]);
  });
  afterAll(() => stack?.close());

  it("up creates the VPCs, an ACTIVE peering and both routes, with plugin types in the plan", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    expect((await stack.outputs()).peeringStatus).toBe("ACTIVE");
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs.map((v) => v.name).sort()).toEqual(["plugin-bj", "plugin-gz"]);
    expect(state.peerings.map((p) => [p.name, p.status])).toEqual([["plugin-gz-bj", "ACTIVE"]]);
    expect(state.routes.map((r) => r.destination).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    const types = (await stack.resources()).map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining(["peerlink:index:Vpc", "peerlink:index:Peering", "peerlink:index:RouteRule"]),
    );
    expect(types.some((t) => t.startsWith("pulumi-nodejs:dynamic"))).toBe(false);
  });

  it("keeps the secret credential out of the state and the resources' outputs", async () => {
    const exported = await stack.ok(["stack", "export", "--stack", stack.stack]);
    expect(exported.stdout).not.toContain(SECRET);
    const vpc = (await stack.resources()).find((r) => r.type === "peerlink:index:Vpc");
    expect(vpc?.outputs?.connection).toBeUndefined();
  });

  it("previews no changes, and refresh finds none", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    const refresh = await stack.refresh(["--expect-no-changes"]);
    expect(refresh.code, refresh.output).toBe(0);
  });

  it("refuses a second peering of the same pair at preview, with DUPLICATE_PEERING", async () => {
    const before = await snapshot(stateFile, ACCOUNT);
    // `--config` on a preview would also save it in the stack's config file: set it, and remove it after.
    await stack.ok(["config", "set", "--stack", stack.stack, "duplicate", "true"]);
    const preview = await stack.preview();
    await stack.ok(["config", "rm", "--stack", stack.stack, "duplicate"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/DUPLICATE_PEERING: /);
    expect(preview.output).toContain("plugin-gz-bj-again");
    expect((await snapshot(stateFile, ACCOUNT)).peerings).toHaveLength(before.peerings.length);
  });

  it("imports a VPC made out of band by its id, and the program declaring it previews no changes", async () => {
    const made = await withLocal(stateFile, ACCOUNT, (backend) =>
      backend.createVpc({ name: "legacy", region: "ap-shanghai", cidrs: ["10.5.0.0/16"] }),
    );
    const imported = await stack.import(["peerlink:index:Vpc", "plugin-legacy", made.id]);
    expect(imported.code, imported.output).toBe(0);
    const record = (await stack.resources()).find((r) => r.urn.endsWith("::plugin-legacy"));
    expect(record?.id).toBe(made.id);
    expect(record?.outputs).toMatchObject({ vpcId: made.id, region: "ap-shanghai", cidrs: ["10.5.0.0/16"] });

    await stack.ok(["config", "set", "--stack", stack.stack, "importedVpcId", made.id]);
    const { summary, result } = await stack.previewSummary(["--expect-no-changes"]);
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
  });

  it("destroy deletes what it created, and the imported VPC it now manages", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs).toEqual([]);
    expect(state.peerings.every((p) => p.status === "DELETED")).toBe(true);
  });
});

describe("provider plugin: TwoRegionDr through construct", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(join(ROOT, "test", "e2e", "programs", "plugin-components"));
    stateFile = join(stack.stateDir, "plugin.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile });
  });
  afterAll(() => stack?.close());

  it("up makes the component's peering and routes as plugin resources, children of the component", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("ACTIVE");
    // The component's own outputs come back through construct's state, not only the children's.
    expect(outputs.estimatedDailyCost).toEqual(expect.any(Number));
    const resources = await stack.resources();
    const children = resources.filter((r) => r.urn.includes("peerlink:index:TwoRegionDr$"));
    expect(children.map((r) => r.type).sort()).toEqual([
      "peerlink:index:Peering",
      "peerlink:index:RouteRule",
      "peerlink:index:RouteRule",
    ]);
    const state = await snapshot(stateFile, "local");
    expect(state.peerings.map((p) => [p.id, p.status])).toEqual([[outputs.peeringId, "ACTIVE"]]);
    expect(state.routes.map((r) => r.destination).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
  });

  it("previews no changes", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
  });

  it("refuses an overlapping standby CIDR at preview with CIDR_OVERLAP, before any child", async () => {
    await stack.ok([
      "config",
      "set",
      "--stack",
      stack.stack,
      "standbyCidrs",
      '["10.1.0.0/16","10.0.128.0/17"]',
    ]);
    const preview = await stack.preview();
    await stack.ok(["config", "rm", "--stack", stack.stack, "standbyCidrs"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/CIDR_OVERLAP VPC "comp-gz" CIDR 10\.0\.0\.0\/16 overlaps VPC "comp-bj"/);
  });

  it("destroy removes the peering, the routes and the VPCs", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, "local");
    expect(state.vpcs).toEqual([]);
    expect(state.peerings.every((p) => p.status === "DELETED")).toBe(true);
  });
});

describe("provider plugin: an explicit provider resource", () => {
  const SECRET_KEY = "sk-e2e-explicit-4b81c2";
  let stack: PulumiStack;
  let explicitFile: string;
  let defaultFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(join(ROOT, "test", "e2e", "programs", "plugin-explicit-provider"));
    explicitFile = join(stack.stateDir, "explicit.db");
    defaultFile = join(stack.stateDir, "default.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": defaultFile, explicitStateFile: explicitFile });
    await stack.ok(["config", "set", "--stack", stack.stack, "--secret", "explicitSecretKey", SECRET_KEY]);
  });
  afterAll(() => stack?.close());

  it("configures the plugin from the provider's inputs, and keeps its credential secret in the state", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    expect((await stack.outputs()).account).toBe("200000000002");
    expect((await snapshot(explicitFile, "200000000002")).vpcs.map((v) => v.name)).toEqual(["explicit-vpc"]);
    expect((await snapshot(defaultFile, "200000000002")).vpcs).toEqual([]);
    const exported = await stack.ok(["stack", "export", "--stack", stack.stack]);
    expect(exported.stdout).not.toContain(SECRET_KEY);
    const provider = (await stack.resources()).find((r) => r.type === "pulumi:providers:peerlink");
    expect(provider?.outputs).toMatchObject({ stateFile: explicitFile, account: "200000000002" });
  });

  it("previews no changes, then destroys the VPC in the explicit provider's state file", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    expect((await snapshot(explicitFile, "200000000002")).vpcs).toEqual([]);
  });
});
