/**
 * The engine's own path: the gRPC server the Pulumi engine launches for dynamic providers
 * (@pulumi/pulumi cmd/dynamic-provider), driven through the proto client that ships with @pulumi/pulumi, with each
 * provider serialized exactly as `new pulumi.dynamic.Resource(...)` serializes it. This is where capture and
 * serialization bugs show: the server rebuilds the provider from text with require-from-string, resolves
 * `peerlink/pulumi/runtime` by package name from the working directory, and converts every result with
 * google.protobuf `Struct`. Runs against the built package (`npm run build`) and the local backend.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  CheckResponse,
  ConfigureResponse,
  CreateResponse,
  DiffResponse,
  ReadResponse,
  UpdateResponse,
} from "@pulumi/pulumi/proto/provider_pb.js";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStateEngine } from "../../provider/backends/index.js";

type ProviderGrpc = typeof import("@pulumi/pulumi/proto/provider_grpc_pb.js");
type ProviderPb = typeof import("@pulumi/pulumi/proto/provider_pb.js");
type StructPb = typeof import("google-protobuf/google/protobuf/struct_pb.js");
type Grpc = typeof import("@grpc/grpc-js");
type Props = Record<string, unknown>;
type Empty = unknown;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER = "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
/** Everything from @pulumi/pulumi's own dependency tree, as the engine's server sees it. */
const fromPulumi = createRequire(join(ROOT, "node_modules/@pulumi/pulumi/package.json"));
const grpc = fromPulumi("@grpc/grpc-js") as Grpc;
const { ResourceProviderClient } = fromPulumi("./proto/provider_grpc_pb.js") as ProviderGrpc;
const pb = fromPulumi("./proto/provider_pb.js") as ProviderPb;
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb.js") as StructPb;

const KINDS = ["vpc", "peering", "peeringAcceptance", "routeRule", "bandwidthPolicy"] as const;
type Kind = (typeof KINDS)[number];
const TYPES: Record<Kind, string> = {
  vpc: "Vpc",
  peering: "Peering",
  peeringAcceptance: "PeeringAcceptance",
  routeRule: "RouteRule",
  bandwidthPolicy: "BandwidthPolicy",
};
/** The budget for `__provider`: it is stored in every resource's state. */
const MAX_PROVIDER_BYTES = 2048;
const ACCOUNT = "100000000001";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

let dir: string;
let stateFile: string;
let server: ChildProcess;
let client: InstanceType<ProviderGrpc["ResourceProviderClient"]>;
let providers: Record<Kind, string>;
let serverLog = "";

/** The first line the server prints is its port; if it dies first, fail with what it said. */
function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(Number(line.trim()));
    });
    child.once("exit", (code) => reject(new Error(`provider server exited (${code}): ${serverLog}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peerlink-engine-path-"));
  stateFile = join(dir, "state.db");
  const json = execFileSync(process.execPath, ["test/pulumi/serialize-providers.mjs"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  providers = JSON.parse(json) as Record<Kind, string>;
  const { PEERLINK_ACCOUNT: _, ...env } = process.env;
  // The engine passes its own address; the dynamic-provider server only needs one argument to be there.
  server = spawn(process.execPath, [SERVER, "127.0.0.1:1"], {
    cwd: ROOT,
    env: { ...env, PEERLINK_STATE: stateFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  const port = await portOf(server);
  client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(() => {
  client?.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function urn(kind: Kind, name: string): string {
  return `urn:pulumi:test::peerlink::pulumi-nodejs:dynamic/peerlink:${TYPES[kind]}::${name}`;
}

/** One unary call, promisified. */
function call<Res>(
  invoke: (callback: (error: Error | null, response: Res) => void) => unknown,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke((error, response) => (error ? reject(error) : resolve(response)));
  });
}

const struct = (value: Props) => Struct.fromJavaScript(value as never);

async function check(kind: Kind, name: string, olds: Props, news: Props) {
  const req = new pb.CheckRequest();
  req.setUrn(urn(kind, name));
  req.setOlds(struct(olds));
  req.setNews(struct({ ...news, __provider: providers[kind] }));
  const res = await call<CheckResponse>((cb) => client.check(req, cb));
  return {
    inputs: res.getInputs()?.toJavaScript() as Props,
    failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
  };
}

async function create(kind: Kind, name: string, properties: Props) {
  const req = new pb.CreateRequest();
  req.setUrn(urn(kind, name));
  req.setProperties(struct(properties));
  const res = await call<CreateResponse>((cb) => client.create(req, cb));
  return { id: res.getId(), outs: res.getProperties()?.toJavaScript() as Props };
}

/** check with the old inputs, then create with what check returned: the engine's order on `pulumi up`. */
async function up(kind: Kind, name: string, news: Props, olds: Props = {}) {
  const checked = await check(kind, name, olds, news);
  expect(checked.failures).toEqual([]);
  expect(checked.inputs.__provider).toBe(providers[kind]);
  return { ...(await create(kind, name, checked.inputs)), inputs: checked.inputs };
}

async function diff(kind: Kind, name: string, id: string, olds: Props, news: Props) {
  const req = new pb.DiffRequest();
  req.setUrn(urn(kind, name));
  req.setId(id);
  req.setOlds(struct(olds));
  req.setNews(struct(news));
  const res = await call<DiffResponse>((cb) => client.diff(req, cb));
  const changes = res.getChanges();
  return {
    changes:
      changes === pb.DiffResponse.DiffChanges.DIFF_SOME
        ? "some"
        : changes === pb.DiffResponse.DiffChanges.DIFF_NONE
          ? "none"
          : "unknown",
    replaces: res.getReplacesList(),
    deleteBeforeReplace: res.getDeletebeforereplace(),
  };
}

async function read(kind: Kind, name: string, id: string, props: Props) {
  const req = new pb.ReadRequest();
  req.setUrn(urn(kind, name));
  req.setId(id);
  req.setProperties(struct(props));
  const res = await call<ReadResponse>((cb) => client.read(req, cb));
  return { id: res.getId(), props: res.getProperties()?.toJavaScript() as Props };
}

async function update(kind: Kind, name: string, id: string, olds: Props, news: Props) {
  const req = new pb.UpdateRequest();
  req.setUrn(urn(kind, name));
  req.setId(id);
  req.setOlds(struct(olds));
  req.setNews(struct(news));
  const res = await call<UpdateResponse>((cb) => client.update(req, cb));
  return res.getProperties()?.toJavaScript() as Props;
}

async function remove(kind: Kind, name: string, id: string, props: Props): Promise<void> {
  const req = new pb.DeleteRequest();
  req.setUrn(urn(kind, name));
  req.setId(id);
  req.setProperties(struct(props));
  await call<Empty>((cb) => client.delete(req, cb));
}

/** The local backend's SQLite file, read directly. */
function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(stateFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe("the serialized providers (__provider)", () => {
  it.each(KINDS)("%s: under 2 KB, capturing only the package name and the kind", (kind) => {
    const text = providers[kind];
    const bytes = Buffer.byteLength(text, "utf8");
    expect(bytes).toBeLessThan(MAX_PROVIDER_BYTES);
    expect(text).toContain('"peerlink/pulumi/runtime"');
    expect(text).toContain(`kind: "${kind}"`);
    // No absolute paths, no modules pulled in by `require`, no second copy of the runtime.
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/require\(/);
  });

  it("prints the sizes per resource type", () => {
    const sizes = KINDS.map((kind) => ({
      resource: TYPES[kind],
      bytes: Buffer.byteLength(providers[kind], "utf8"),
    }));
    console.table(sizes);
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(MAX_PROVIDER_BYTES);
  });
});

describe("Configure, Check, Diff, Create, Read, Update, Delete through the provider server", () => {
  // One scenario in order: each step builds on the state the previous one left in the SQLite file.
  const connection = { kind: "local", account: ACCOUNT };
  const state: Record<string, { id: string; outs: Props; inputs: Props }> = {};

  it("Configure: accepted (the server never asks for secrets)", async () => {
    const req = new pb.ConfigureRequest();
    req.setArgs(struct({}));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    const res = await call<ConfigureResponse>((cb) => client.configure(req, cb));
    expect(res.getAcceptsecrets()).toBe(false);
  });

  it("Vpc: a pair in two regions, in the state file PEERLINK_STATE names", async () => {
    for (const [name, region, cidr] of [
      ["primary", "ap-guangzhou", "10.0.0.0/16"],
      ["standby", "ap-beijing", "10.1.0.0/16"],
    ] as const) {
      const created = await up("vpc", name, { connection, name, region, cidrs: [cidr] });
      expect(created.outs).toMatchObject({ vpcId: created.id, account: ACCOUNT, region, cidrs: [cidr] });
      expect(created.outs.__provider).toBe(providers.vpc);
      state[name] = created;
    }
    const vpcs = rows<{ id: string; region: string; account: string }>(
      "SELECT id, region, account FROM vpcs ORDER BY region",
    );
    expect(vpcs).toEqual([
      { id: state.standby?.id, region: "ap-beijing", account: ACCOUNT },
      { id: state.primary?.id, region: "ap-guangzhou", account: ACCOUNT },
    ]);
  });

  it("Check: zod and coded live failures per property, unknown values skipped", async () => {
    const base = { connection, vpcId: state.primary?.id, peerVpcId: state.standby?.id, name: "dr" };
    const zod = await check("peering", "dr", {}, { ...base, bandwidthMbps: "abc", colour: "blue" });
    expect(zod.failures.map((f) => f.property).sort()).toEqual(["bandwidthMbps", "colour"]);
    const tier = await check("peering", "dr", {}, { ...base, bandwidthMbps: 30 });
    expect(tier.failures).toHaveLength(1);
    expect(tier.failures[0]).toMatchObject({ property: "bandwidthMbps" });
    expect(tier.failures[0]?.reason).toMatch(/^INVALID_BANDWIDTH: .*Fix: Use 50/);
    const preview = await check("peering", "dr", {}, { ...base, vpcId: UNKNOWN, bandwidthMbps: 30 });
    expect(preview.failures).toEqual([]);
    expect(preview.inputs.vpcId).toBe(UNKNOWN);
    expect(rows("SELECT id FROM peerings")).toEqual([]);
  });

  it("Peering: Create waits until ACTIVE (same account)", async () => {
    const created = await up("peering", "dr", {
      connection,
      vpcId: state.primary?.id,
      peerVpcId: state.standby?.id,
      name: "dr",
      bandwidthMbps: 100,
      tags: { app: "shop" },
    });
    expect(created.outs).toMatchObject({
      peeringId: created.id,
      status: "ACTIVE",
      crossRegion: true,
      crossAccount: false,
    });
    state.peering = created;
    expect(rows("SELECT id, status, name, bandwidth_mbps FROM peerings")).toEqual([
      { id: created.id, status: "ACTIVE", name: "dr", bandwidth_mbps: 100 },
    ]);
  });

  it("Create: a refused create comes back as a gRPC error with the coded message", async () => {
    const checked = {
      ...state.peering?.inputs,
      name: "second",
    };
    const error = await create("peering", "second", checked).then(
      () => new Error("created a second peering for the pair"),
      (e: Error) => e,
    );
    expect(error.message).toContain("DUPLICATE_PEERING");
    expect(rows("SELECT id FROM peerings")).toHaveLength(1);
  });

  it("RouteRule: Create on the ACTIVE peering", async () => {
    const created = await up("routeRule", "to-standby", {
      connection,
      vpcId: state.primary?.id,
      destination: "10.1.0.0/16",
      peeringId: state.peering?.id,
    });
    expect(created.outs).toMatchObject({
      routeId: created.id,
      effectiveRouteTableId: state.primary?.outs.mainRouteTableId,
    });
    state.route = created;
    expect(rows("SELECT id, destination, peering_id FROM routes")).toEqual([
      { id: created.id, destination: "10.1.0.0/16", peering_id: state.peering?.id },
    ]);
  });

  it("Read: no drift returns the same id and outputs (undefined fields do not break Struct)", async () => {
    const peering = state.peering!;
    const refreshed = await read("peering", "dr", peering.id, peering.outs);
    expect(refreshed.id).toBe(peering.id);
    expect(refreshed.props).toEqual(peering.outs);
    const route = state.route!;
    expect(await read("routeRule", "to-standby", route.id, route.outs)).toEqual({
      id: route.id,
      props: route.outs,
    });
  });

  it("Diff: in place for the name, replace (delete first) for the peer VPC", async () => {
    const peering = state.peering!;
    const renamed = await check("peering", "dr", peering.inputs, { ...peering.inputs, name: "dr-2" });
    expect(renamed.failures).toEqual([]);
    expect(await diff("peering", "dr", peering.id, peering.outs, renamed.inputs)).toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(
      await diff("peering", "dr", peering.id, peering.outs, { ...peering.inputs, peerVpcId: "vpc-other" }),
    ).toEqual({ changes: "some", replaces: ["peerVpcId"], deleteBeforeReplace: true });
    expect(await diff("peering", "dr", peering.id, peering.outs, peering.inputs)).toMatchObject({
      changes: "none",
    });
  });

  it("Update: renames and resizes in place", async () => {
    const peering = state.peering!;
    const news = (
      await check("peering", "dr", peering.inputs, { ...peering.inputs, name: "dr-2", bandwidthMbps: 200 })
    ).inputs;
    const outs = await update("peering", "dr", peering.id, peering.outs, news);
    expect(outs).toMatchObject({ peeringId: peering.id, name: "dr-2", bandwidthMbps: 200, status: "ACTIVE" });
    expect(outs.__provider).toBe(providers.peering);
    expect(rows("SELECT name, bandwidth_mbps FROM peerings WHERE id = ?", peering.id)).toEqual([
      { name: "dr-2", bandwidth_mbps: 200 },
    ]);
    state.peering = { id: peering.id, outs, inputs: news };
  });

  it("Read: a route deleted out of band comes back without an id", async () => {
    const route = state.route!;
    const engine = LocalStateEngine.open({ file: stateFile });
    try {
      await engine.session(ACCOUNT).deleteRoute(route.id);
    } finally {
      engine.close();
    }
    const refreshed = await read("routeRule", "to-standby", route.id, route.outs);
    expect(refreshed.id).toBe("");
  });

  it("Delete: idempotent, through the server, for every resource", async () => {
    const { peering, route, primary, standby } = state;
    await remove("routeRule", "to-standby", route!.id, route!.outs);
    await remove("peering", "dr", peering!.id, peering!.outs);
    await remove("peering", "dr", peering!.id, peering!.outs);
    expect(rows("SELECT status FROM peerings WHERE id = ?", peering!.id)).toEqual([{ status: "DELETED" }]);
    for (const [name, vpc] of [
      ["primary", primary!],
      ["standby", standby!],
    ] as const) {
      await remove("vpc", name, vpc.id, vpc.outs);
      await remove("vpc", name, vpc.id, vpc.outs);
    }
    expect(rows("SELECT id FROM vpcs")).toEqual([]);
    expect(serverLog).toBe("");
  });
});
