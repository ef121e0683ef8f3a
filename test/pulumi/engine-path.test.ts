/**
 * The engine's own path: the gRPC server the Pulumi engine launches for dynamic providers
 * (@pulumi/pulumi cmd/dynamic-provider), driven through the proto client that ships with @pulumi/pulumi, with each
 * provider serialized exactly as `new pulumi.dynamic.Resource(...)` serializes it. This is where capture and
 * serialization bugs show: the server rebuilds the provider from text with require-from-string, resolves
 * `peerlink/pulumi/runtime` by package name from the working directory, and converts every result with
 * google.protobuf `Struct`. Runs against the built package (`npm run build`) and the local backend.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStateEngine } from "../../provider/backends/index.js";
import {
  engineCalls,
  KINDS,
  type Kind,
  type Props,
  type ProviderServer,
  ROOT,
  serializeProviders,
  startProviderServer,
  TYPES,
  UNKNOWN,
} from "./engine-path-support.js";

/** The budget for `__provider`: it is stored in every resource's state. */
const MAX_PROVIDER_BYTES = 2048;
const ACCOUNT = "100000000001";

let dir: string;
let stateFile: string;
let server: ProviderServer;
let providers: Record<Kind, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peerlink-engine-path-"));
  stateFile = join(dir, "state.db");
  providers = serializeProviders();
  const { PEERLINK_ACCOUNT: _, ...env } = process.env;
  server = await startProviderServer({ ...env, PEERLINK_STATE: stateFile });
});

afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const { configure, check, create, up, diff, read, update, remove } = engineCalls(
  () => server,
  () => providers,
);

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
    const res = await configure();
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
    expect(server.log()).toBe("");
  });
});
