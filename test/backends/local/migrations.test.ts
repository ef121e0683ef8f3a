/**
 * The state file: it persists across engines, carries its schema version in PRAGMA user_version, refuses a file
 * written by a newer peerlink, and lives where configuration, PEERLINK_STATE or the default say.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BackendError,
  DEFAULT_STATE_FILE,
  LocalStateEngine,
  ManualClock,
  MIGRATIONS,
  openLocalBackend,
  resolveStatePath,
  SCHEMA_VERSION,
} from "../../../provider/backends/index.js";
import { BJ, mainTable, tempStateFile } from "./support.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
  vi.unstubAllEnvs();
});

function temp(name?: string) {
  const t = tempStateFile(name);
  cleanups.push(t.cleanup);
  return t;
}

describe("persistence", () => {
  it("a new engine on the same file sees the same VPCs, peerings, routes, limits and clock-driven state", async () => {
    const { file } = temp();
    const clock = new ManualClock();
    const first = LocalStateEngine.open({ file, clock });
    const a = first.session("a");
    const b = first.session("b");
    const x = await a.createVpc({ name: "x", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const y = await b.createVpc({ name: "y", region: BJ, cidrs: ["10.1.0.0/16"] });
    const active = await a.createPeering({
      vpcId: x.id,
      peerVpcId: y.id,
      peerAccount: "b",
      name: "p",
      bandwidthMbps: 100,
      clientToken: "tok",
    });
    await b.acceptPeering(active.id);
    const route = await a.createRoute({ vpcId: x.id, destination: "10.1.0.0/16", peeringId: active.id });
    const limit = await a.setBandwidthLimit(active.id, { ip: "10.0.0.1", limitMbps: 10 });
    const z = await b.createVpc({ name: "z", region: "ap-guangzhou", cidrs: ["10.2.0.0/16"] });
    const pending = await a.createPeering({ vpcId: x.id, peerVpcId: z.id, peerAccount: "b", name: "q" });
    const snapshot = {
      vpcs: await a.listVpcs(),
      peerings: await b.listPeerings(),
    };
    first.close();

    const second = LocalStateEngine.open({ file, clock });
    try {
      const a2 = second.session("a");
      const b2 = second.session("b");
      expect(await a2.listVpcs()).toEqual(snapshot.vpcs);
      expect(await b2.listPeerings()).toEqual(snapshot.peerings);
      expect(await a2.listRoutes(mainTable(x))).toEqual([route]);
      expect(await b2.listBandwidthLimits(active.id)).toEqual([limit]);
      // The client token survives too.
      expect(
        (
          await a2.createPeering({
            vpcId: x.id,
            peerVpcId: y.id,
            peerAccount: "b",
            name: "p",
            bandwidthMbps: 100,
            clientToken: "tok",
          })
        ).id,
      ).toBe(active.id);
      clock.advance(7 * 24 * 3600 * 1000);
      expect((await a2.describePeering(pending.id)).status).toBe("EXPIRED");
    } finally {
      second.close();
    }
  });

  it("two engines open on one file at once see each other's writes", async () => {
    const { file } = temp();
    const one = LocalStateEngine.open({ file });
    const two = LocalStateEngine.open({ file });
    try {
      const created = await one.session("a").createVpc({ name: "x", region: "r", cidrs: ["10.0.0.0/16"] });
      expect(await two.session("a").describeVpc(created.id)).toEqual(created);
    } finally {
      one.close();
      two.close();
    }
  });

  it("creates missing parent directories", () => {
    const { dir } = temp();
    const file = join(dir, "nested", "deeper", "state.db");
    LocalStateEngine.open({ file }).close();
    expect(existsSync(file)).toBe(true);
  });

  it("openLocalBackend opens a session that owns (and closes) its engine", async () => {
    const { file } = temp();
    const backend = openLocalBackend({ file, account: "acct-1" });
    expect(backend.account).toBe("acct-1");
    await backend.createVpc({ name: "x", region: "r", cidrs: ["10.0.0.0/16"] });
    await backend.close();
    await expect(backend.listVpcs()).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    const again = openLocalBackend({ file, account: "acct-1" });
    expect(await again.listVpcs()).toHaveLength(1);
    await again.close();
  });
});

describe("schema version", () => {
  it("MIGRATIONS are numbered 1..n without gaps and SCHEMA_VERSION is the last", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("a new file is at PRAGMA user_version = SCHEMA_VERSION, in WAL mode", () => {
    const { file } = temp();
    LocalStateEngine.open({ file }).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("an account's peering list and a peering's create token are read through indexes, not a scan of every row", () => {
    const { file } = temp();
    LocalStateEngine.open({ file }).close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((r) => r.detail)
          .join("; ");
      const list = plan("SELECT * FROM peerings p WHERE p.account = 'a' OR p.peer_account = 'a'");
      expect(list).toContain("peerings_account");
      expect(list).toContain("peerings_peer_account");
      expect(list).not.toMatch(/SCAN p\b/);
      const token = plan(
        "SELECT p.id, t.token FROM peerings p LEFT JOIN client_tokens t ON t.peering_id = p.id AND t.account = 'a' WHERE p.id = 'x'",
      );
      expect(token).toContain("client_tokens_peering");
    } finally {
      db.close();
    }
  });

  it("re-opening an up-to-date file keeps its data and version", async () => {
    const { file } = temp();
    const engine = LocalStateEngine.open({ file });
    await engine.session("a").createVpc({ name: "x", region: "r", cidrs: ["10.0.0.0/16"] });
    engine.close();
    for (let i = 0; i < 2; i++) {
      const again = LocalStateEngine.open({ file });
      expect(await again.session("a").listVpcs()).toHaveLength(1);
      again.close();
    }
  });

  it("migration 3 gives a version-2 file's VPCs an empty description; a description persists across engines", async () => {
    const { file } = temp();
    const engine = LocalStateEngine.open({ file });
    const old = await engine.session("a").createVpc({ name: "old", region: "r", cidrs: ["10.0.0.0/16"] });
    engine.close();
    // The file as version 2 left it: no description column (migration 3), no account indexes (migration 4), no
    // subnets (migration 5).
    const db = new Database(file);
    db.exec("DROP TABLE subnets");
    db.exec("ALTER TABLE vpcs DROP COLUMN description");
    for (const [, index] of MIGRATIONS.find((m) => m.version === 4)!.sql.matchAll(/CREATE INDEX (\w+)/g))
      db.exec(`DROP INDEX ${index}`);
    db.pragma("user_version = 2");
    db.close();
    const migrated = LocalStateEngine.open({ file });
    const a = migrated.session("a");
    expect(await a.listVpcs()).toEqual([old]);
    expect(await a.vpcDescription(old.id)).toBe("");
    // Migration 5: the old VPC takes subnets.
    expect(await a.listSubnets(old.id)).toEqual([]);
    await a.createSubnet({ vpcId: old.id, name: "s", cidr: "10.0.1.0/24" });
    const described = await a.createVpc({
      name: "new",
      region: "r",
      cidrs: ["10.1.0.0/16"],
      description: "app tier",
    });
    // Not part of VpcInfo: only the engine-specific read shows it.
    expect(Object.keys(described)).not.toContain("description");
    migrated.close();
    const again = LocalStateEngine.open({ file });
    expect(await again.session("a").vpcDescription(described.id)).toBe("app tier");
    await expect(again.session("b").vpcDescription(described.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    again.close();
  });

  it("an empty SQLite file (version 0) is migrated", () => {
    const { file } = temp();
    new Database(file).close();
    LocalStateEngine.open({ file }).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
      expect(tables.map((t) => (t as { name: string }).name)).toEqual([
        "bandwidth_limits",
        "client_tokens",
        "create_tokens",
        "peerings",
        "route_tables",
        "routes",
        "subnets",
        "vpcs",
      ]);
    } finally {
      db.close();
    }
  });

  it("a file with a higher user_version is refused with a clear error, and left untouched", () => {
    const { file } = temp();
    LocalStateEngine.open({ file }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let caught: unknown;
    try {
      LocalStateEngine.open({ file }).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BackendError);
    const error = caught as BackendError;
    expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
      code: "BACKEND_UNAVAILABLE",
      cloudCode: "InternalError",
    });
    expect(error.message).toContain(file);
    expect(error.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(error.message).toContain(`up to ${SCHEMA_VERSION}`);
    expect(error.message).toMatch(/Fix: Upgrade peerlink/);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    } finally {
      check.close();
    }
  });
});

describe("resolveStatePath (explicit > PEERLINK_STATE > .peerlink/state.db)", () => {
  const cwd = resolve("/work/project");
  it.each<[string, string | undefined, string | undefined, string]>([
    ["explicit wins over the environment", "custom/s.db", "/env/s.db", resolve(cwd, "custom/s.db")],
    ["an absolute explicit path is kept", "/abs/s.db", "/env/s.db", "/abs/s.db"],
    ["PEERLINK_STATE when nothing explicit", undefined, "/env/s.db", "/env/s.db"],
    ["a relative PEERLINK_STATE resolves against cwd", undefined, "rel/s.db", resolve(cwd, "rel/s.db")],
    ["an empty explicit value falls through", "", "/env/s.db", "/env/s.db"],
    ["the default when neither", undefined, undefined, resolve(cwd, ".peerlink/state.db")],
    ["an empty PEERLINK_STATE falls through to the default", undefined, "", resolve(cwd, DEFAULT_STATE_FILE)],
    [":memory: stays in memory", ":memory:", "/env/s.db", ":memory:"],
    [":memory: from the environment", undefined, ":memory:", ":memory:"],
  ])("%s", (_, explicit, env, expected) => {
    const environment = env === undefined ? {} : { PEERLINK_STATE: env };
    expect(resolveStatePath(explicit, environment, cwd)).toBe(expected);
  });

  it("the engine opens PEERLINK_STATE when no file is configured", () => {
    const { file } = temp("from-env.db");
    vi.stubEnv("PEERLINK_STATE", file);
    const engine = LocalStateEngine.open();
    try {
      expect(engine.file).toBe(file);
    } finally {
      engine.close();
    }
    expect(existsSync(file)).toBe(true);
  });

  it("an explicit file beats PEERLINK_STATE", () => {
    const { file } = temp("explicit.db");
    const other = temp("env.db");
    vi.stubEnv("PEERLINK_STATE", other.file);
    const engine = LocalStateEngine.open({ file });
    try {
      expect(engine.file).toBe(file);
    } finally {
      engine.close();
    }
    expect(existsSync(other.file)).toBe(false);
  });
});
