/**
 * `peerlink discover` and `peerlink audit` against broken estates on the emulator, on all three clouds. The
 * estates are built with each cloud's official client (./support/plant.ts), never with peerlink; the CLI then
 * reads them in-process through the real backends, and every request the emulator answered is recorded to prove
 * that discover and audit only read.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../provider/backends/clock.js";
import { CLOUDS, type Cloud, type TopologyDocument } from "../../provider/core/topology-schema.js";
import { handlers } from "../../provider/emulator/handlers.js";
import type { EmulatorAccount, EmulatorRequest } from "../../provider/emulator/protocol.js";
import { type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import { type RecordingHandler, recordingHandler } from "../emulator/support/recording-handler.js";
import { inProcessCli } from "../support/in-process-cli.js";
import { type Planter, planter, REGION } from "./support/plant.js";

const account = (n: number): EmulatorAccount => ({
  id: `40000${n}`,
  secretId: `AKIDaudit${String(n).repeat(27)}`,
  secretKey: `auditSecretKey${String(n).repeat(20)}`,
});
const [A, B, C, D, E] = [1, 2, 3, 4, 5].map(account) as [
  EmulatorAccount,
  EmulatorAccount,
  EmulatorAccount,
  EmulatorAccount,
  EmulatorAccount,
];
/** Credentials reach the CLI only through environment variables the profile names. */
const ENV = Object.fromEntries(
  [A, B, C, D, E].flatMap((a) => [
    [`KEY_ID_${a.id}`, a.secretId],
    [`KEY_SECRET_${a.id}`, a.secretKey],
  ]),
);

/** A request's kind: the Tencent action, or the REST method and path of Huawei and Baidu. */
function kindOf(request: EmulatorRequest): string {
  const action = request.headers["x-tc-action"] ?? request.query.get("Action");
  return action ?? `${request.method} ${request.path}`;
}
const isRead = (kind: string) => /^(Describe|GET )/.test(kind);

const peerlink = inProcessCli(ENV);

/**
 * What an 8-day-old unanswered request reads as. Tencent: EXPIRED (seed 000 "申请将在7天后自动过期失效"). Baidu: its
 * timeout makes the request "negotiation failure" (consult_failed), the state a rejected one has too, which the
 * backend reads as REJECTED (baiducloud/peering-status.ts). Huawei documents no expiry (rulebook open): still PENDING.
 */
const EXPIRED_AS: Readonly<Record<Cloud, string>> = {
  tencentcloud: "EXPIRED",
  baiducloud: "REJECTED",
  huaweicloud: "PENDING",
};

interface Finding {
  code: string;
  severity: string;
  resource: string;
  message: string;
}

describe.each(CLOUDS)("%s", (cloud: Cloud) => {
  let emulator: RunningEmulator;
  let recorders: RecordingHandler[];
  let dir: string;
  let offset = -8 * DAY_MS;
  let plant: Planter;
  const ids: Record<string, string> = {};
  const profile = (accounts: EmulatorAccount[]) => {
    const file = join(dir, `profile-${accounts.map((a) => a.id).join("-")}.yaml`);
    const connections = accounts.map((a) => ({
      name: `acct-${a.id}`,
      backend: cloud,
      account: a.id,
      regions: [REGION[cloud]],
      endpoint: emulator.url,
      credentials: { secretIdEnv: `KEY_ID_${a.id}`, secretKeyEnv: `KEY_SECRET_${a.id}` },
    }));
    writeFileSync(file, JSON.stringify({ connections }));
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "peerlink-audit-"));
    recorders = handlers.map((h) => recordingHandler(h, kindOf));
    emulator = await startEmulator({
      accounts: [A, B, C, D, E],
      rateLimits: false,
      port: 0,
      handlers: recorders.map((r) => r.handler),
      // The expired request is made 8 days in the past; requests stay signed with the real time.
      clock: { now: () => Date.now() + offset },
      maxSkewMs: 9 * DAY_MS,
    });
    plant = planter(cloud, emulator.url);
    // An expired request: made 8 days ago and never answered (seeds 000/001: 7 days).
    ids.a8 = await plant.vpc(A, "a8", "10.8.0.0/16");
    ids.b1 = await plant.vpc(B, "b1", "10.1.0.0/16");
    ids.expired = await plant.peering(A, ids.a8, B, ids.b1, "expired");
    offset = 0;
    // A route on one side only.
    ids.a1 = await plant.vpc(A, "a1", "10.0.0.0/16");
    ids.oneWay = await plant.peering(A, ids.a1, B, ids.b1, "one-way");
    await plant.accept(B, ids.oneWay);
    await plant.route(A, ids.a1, "10.1.0.0/16", ids.oneWay);
    // A peering with no route.
    ids.a2 = await plant.vpc(A, "a2", "10.2.0.0/16");
    ids.a3 = await plant.vpc(A, "a3", "10.3.0.0/16");
    ids.unused = await plant.peering(A, ids.a2, A, ids.a3, "unused");
    // A request waiting for an answer.
    ids.a4 = await plant.vpc(A, "a4", "10.4.0.0/16");
    ids.pending = await plant.peering(A, ids.a4, B, ids.b1, "pending");
    // A rejected request.
    ids.a5 = await plant.vpc(A, "a5", "10.5.0.0/16");
    ids.rejected = await plant.peering(A, ids.a5, B, ids.b1, "rejected");
    await plant.reject(B, ids.rejected);
    // A peer side the audited accounts cannot see (account C), routed both ways.
    ids.a6 = await plant.vpc(A, "a6", "10.6.0.0/16");
    ids.c1 = await plant.vpc(C, "c1", "10.7.0.0/16");
    ids.hidden = await plant.peering(A, ids.a6, C, ids.c1, "hidden");
    await plant.accept(C, ids.hidden);
    await plant.route(A, ids.a6, "10.7.0.0/16", ids.hidden);
    await plant.route(C, ids.c1, "10.6.0.0/16", ids.hidden);
    // A clean cross-account estate of its own (accounts D and E).
    ids.d1 = await plant.vpc(D, "d1", "172.16.0.0/16");
    ids.e1 = await plant.vpc(E, "e1", "172.17.0.0/16");
    ids.clean = await plant.peering(D, ids.d1, E, ids.e1, "clean");
    await plant.accept(E, ids.clean);
    await plant.route(D, ids.d1, "172.17.0.0/16", ids.clean);
    await plant.route(E, ids.e1, "172.16.0.0/16", ids.clean);
    // Subnets of d1, made in this order: two to declare (one under another name) and one left undeclared.
    ids.web = await plant.subnet(D, ids.d1, "web", "172.16.1.0/24");
    ids.db = await plant.subnet(D, ids.d1, "db", "172.16.2.0/24");
    ids.tmp = await plant.subnet(D, ids.d1, "tmp", "172.16.9.0/24");
    for (const r of recorders) r.seen.length = 0;
  }, 60_000);

  afterAll(async () => {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a finding is about, by the names the planter gave: `CODE peering-name`. */
  function named(doc: TopologyDocument, findings: Finding[]): string[] {
    const name = (id: string) => doc.peerings.find((p) => p.id === id)?.name ?? id;
    return findings
      .map((f) => {
        const route = /^routes\[(\d+)\]/.exec(f.resource);
        if (route) return `${f.code} route via ${name(doc.routes[Number(route[1])]!.peering)}`;
        const peering = /^peerings\[(.+)\]$/.exec(f.resource);
        return `${f.code} ${peering ? name(peering[1]!) : f.resource}`;
      })
      .sort();
  }

  async function discovered(accounts: EmulatorAccount[]): Promise<TopologyDocument> {
    const out = await peerlink("discover", "--profile", profile(accounts), "--format", "json");
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    return JSON.parse(out.stdout) as TopologyDocument;
  }

  it("audit finds each planted problem with its code, and nothing else", async () => {
    const doc = await discovered([A, B]);
    const out = await peerlink("audit", "--profile", profile([A, B]), "--format", "json");
    const { ok, diagnostics } = JSON.parse(out.stdout) as { ok: boolean; diagnostics: Finding[] };
    expect(named(doc, diagnostics)).toEqual(
      [
        "MISSING_RETURN_ROUTE route via one-way",
        "PEERING_UNUSED unused",
        "PEERING_PENDING pending",
        "PEERING_LEFTOVER rejected",
        cloud === "huaweicloud" ? "PEERING_PENDING expired" : "PEERING_LEFTOVER expired",
        "PEER_NOT_VISIBLE hidden",
      ].sort(),
    );
    // Warnings only: exit 0, as validate.
    expect(ok).toBe(true);
    expect(out.code).toBe(0);
    const pending = diagnostics.find((d) => d.code === "PEERING_PENDING")!;
    if (cloud === "huaweicloud") expect(pending.message).toContain("huaweicloud documents no expiry");
    else expect(pending.message).toMatch(/(6\.9|7\.0) days left before it expires/);
  });

  it("discover writes live states and marks the peer it cannot see", async () => {
    const doc = await discovered([A, B]);
    const status = (id: string) => doc.peerings.find((p) => p.id === id)?.status;
    expect(status(ids.pending!)).toBe("PENDING");
    expect(status(ids.rejected!)).toBe("REJECTED");
    expect(status(ids.expired!)).toBe(EXPIRED_AS[cloud]);
    expect(status(ids.oneWay!)).toBe("ACTIVE");
    expect(doc.peerings.find((p) => p.id === ids.pending)?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(doc.vpcs.find((v) => v.id === ids.c1)).toMatchObject({ visible: false, cidrs: [], account: C.id });
    expect(doc.vpcs.find((v) => v.id === ids.b1)).toMatchObject({ cidrs: ["10.1.0.0/16"], account: B.id });
  });

  it("discover writes each visible VPC's subnets, in the order they were made", async () => {
    const doc = await discovered([D, E]);
    expect(doc.subnets).toEqual([
      { id: ids.web, vpc: ids.d1, cidr: "172.16.1.0/24", name: "web" },
      { id: ids.db, vpc: ids.d1, cidr: "172.16.2.0/24", name: "db" },
      { id: ids.tmp, vpc: ids.d1, cidr: "172.16.9.0/24", name: "tmp" },
    ]);
    // An estate with no subnet says so with an empty list: subnets were read.
    expect((await discovered([A, B])).subnets).toEqual([]);
  });

  it("a clean estate audits to exit 0 with no findings, and discover → validate round-trips", async () => {
    const out = await peerlink("audit", "--profile", profile([D, E]));
    expect(out.stdout).toContain("ok, no problems found");
    expect(out.code).toBe(0);
    const file = join(dir, "clean.yaml");
    expect((await peerlink("discover", "--profile", profile([D, E]), "-o", file)).code).toBe(0);
    const validated = await peerlink("validate", file, "--format", "json");
    expect(JSON.parse(validated.stdout)).toEqual({ ok: true, diagnostics: [] });
    expect(validated.code).toBe(0);
    for (const command of ["graph", "reachability", "cost"])
      expect((await peerlink(command, file)).code, command).toBe(0);
    const again = await peerlink("audit", "--input", file, "--format", "json");
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, diagnostics: [] });
  });

  it("--against catches each kind of drift, resource by resource, and exits 1", async () => {
    const declared = {
      vpcs: [
        // Declared by name (the live ids are the cloud's); d1 is declared with a block it does not have.
        { id: "d1", cloud, region: REGION[cloud], account: D.id, cidrs: ["172.16.0.0/17"] },
        { id: "e1", cloud, region: REGION[cloud], account: E.id, cidrs: ["172.17.0.0/16"] },
        { id: "d2", cloud, region: REGION[cloud], account: D.id, cidrs: ["172.18.0.0/16"] },
      ],
      peerings: [{ id: "clean", vpc: "d1", peerVpc: "e1" }],
      // d1's route is declared; e1's is not (extra); a second d1 route is declared and missing.
      routes: [
        { vpc: "d1", destination: "172.17.0.0/16", peering: "clean" },
        { vpc: "d1", destination: "172.17.128.0/17", peering: "clean" },
      ],
      // web is as it is; db is declared under another name; cache is missing; tmp is live and undeclared.
      subnets: [
        { id: "web", vpc: "d1", cidr: "172.16.1.0/24" },
        { id: "db", vpc: "d1", cidr: "172.16.2.0/24", name: "database" },
        { id: "cache", vpc: "d1", cidr: "172.16.3.0/24" },
      ],
    };
    const file = join(dir, "network.json");
    writeFileSync(file, JSON.stringify(declared));
    const out = await peerlink("audit", "--profile", profile([D, E]), "--against", file, "--format", "json");
    const { diagnostics } = JSON.parse(out.stdout) as { diagnostics: Finding[] };
    // The extra route is the live document's: at e1's route's position there.
    const live = await discovered([D, E]);
    const extra = live.routes.findIndex((r) => r.vpc === ids.e1);
    expect(diagnostics.map((d) => `${d.code} ${d.resource}`).sort()).toEqual(
      [
        "DRIFT_CHANGED vpcs[d1].cidrs",
        `DRIFT_EXTRA routes[${extra}]`,
        "DRIFT_MISSING routes[1]",
        "DRIFT_MISSING vpcs[d2]",
        "DRIFT_CHANGED subnets[db].name",
        "DRIFT_MISSING subnets[cache]",
        `DRIFT_EXTRA subnets[${ids.tmp}]`,
      ].sort(),
    );
    const renamed = diagnostics.find((d) => d.resource === "subnets[db].name")!;
    expect(renamed.message).toBe(
      `Subnet "db" (live ${ids.db}): name is declared "database" but is "db" on the cloud.`,
    );
    expect(out.code).toBe(1);
  });

  it("--format pulumi-import writes an account's share as Pulumi's bulk import file; several need a provider each", async () => {
    /** `discover --format pulumi-import` of the accounts, with `--pulumi-provider` for each `[account, urn]`. */
    const importFile = (accounts: EmulatorAccount[], ...providers: [EmulatorAccount, string][]) =>
      peerlink(
        "discover",
        "--profile",
        profile(accounts),
        "--format",
        "pulumi-import",
        ...providers.flatMap(([a, urn]) => ["--pulumi-provider", `${a.id}=${urn}`]),
      );
    const out = await importFile([E]);
    expect(out.code, out.stderr).toBe(0);
    const { resources } = JSON.parse(out.stdout) as {
      resources: { type: string; name: string; id: string }[];
    };
    // E accepted D's request: E owns its VPC, its acceptance and its route, not D's peering.
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      "peerlink:index:Vpc e1",
      "peerlink:index:PeeringAcceptance clean-accept",
      "peerlink:index:RouteRule e1-to-172-16-0-0-16",
    ]);
    expect(resources[0]?.id).toBe(ids.e1);
    expect(resources[1]?.id).toBe(ids.clean);
    expect(resources[2]?.id).toMatch(/^[^/]+\/[^/]+$/);
    // D's file holds D's subnets, in id order.
    const d = await importFile([D]);
    const ofD = (JSON.parse(d.stdout) as { resources: { type: string; name: string; id: string }[] })
      .resources;
    expect(ofD.filter((r) => r.type === "peerlink:index:Subnet")).toEqual(
      [
        { name: "web", id: ids.web! },
        { name: "db", id: ids.db! },
        { name: "tmp", id: ids.tmp! },
      ]
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .map((x) => ({ type: "peerlink:index:Subnet", ...x })),
    );
    // Two accounts need the stack's provider of each, named by URN; the file then says which reads what.
    const two = await importFile([D, E]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--format pulumi-import of 2 accounts");
    expect(two.stdout).toBe("");
    const urn = (name: string) => `urn:pulumi:prod::net::pulumi:providers:peerlink::${name}`;
    const half = await importFile([D, E], [D, urn("d")]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain(`none given for ${E.id}`);
    const both = await importFile([D, E], [D, urn("d")], [E, urn("e")]);
    expect(both.code, both.stderr).toBe(0);
    const file = JSON.parse(both.stdout) as {
      nameTable: Record<string, string>;
      resources: { type: string; name: string; id: string; provider: string }[];
    };
    expect(file.nameTable).toEqual({ [`provider-${D.id}`]: urn("d"), [`provider-${E.id}`]: urn("e") });
    const of = (type: string) => file.resources.filter((r) => r.type === `peerlink:index:${type}`);
    expect(of("Peering").map((r) => [r.name, r.provider])).toEqual([["clean", `provider-${D.id}`]]);
    expect(of("PeeringAcceptance").map((r) => [r.name, r.provider])).toEqual([
      ["clean-accept", `provider-${E.id}`],
    ]);
    expect(
      of("Vpc")
        .map((r) => r.provider)
        .sort(),
    ).toEqual([`provider-${D.id}`, `provider-${E.id}`]);
    const bad = await peerlink(
      "discover",
      "--profile",
      profile([D]),
      "--format",
      "pulumi-import",
      "--pulumi-provider",
      "nope",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not ACCOUNT=URN of a peerlink provider");
    const misplaced = await peerlink(
      "discover",
      "--profile",
      profile([D]),
      "--pulumi-provider",
      `${D.id}=${urn("d")}`,
    );
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("use it with --format pulumi-import");
  });

  it("--format terraform-import writes import blocks by each provider's documented ids, one provider per account and region", async () => {
    const out = await peerlink("discover", "--profile", profile([D, E]), "--format", "terraform-import");
    expect(out.code, out.stderr).toBe(0);
    const file = JSON.parse(out.stdout) as {
      terraform: { required_providers: Record<string, { source: string }> };
      provider: Record<string, { alias: string; region: string }[]>;
      import: { to: string; id: string; provider: string }[];
    };
    expect(Object.keys(file.terraform.required_providers)).toEqual([cloud]);
    const aliases = [D, E].map((a) => `${REGION[cloud]}_${a.id}`);
    expect(file.provider[cloud]?.map((p) => p.alias)).toEqual(aliases);
    const via = (a: EmulatorAccount) => `${cloud}.${REGION[cloud]}_${a.id}`;
    const byType = (suffix: string) =>
      file.import.filter((i) => i.to.split(".")[0] === `${cloud}_${suffix}`).map((i) => [i.id, i.provider]);
    expect(byType("vpc").sort()).toEqual(
      [
        [ids.d1, via(D)],
        [ids.e1, via(E)],
      ].sort(),
    );
    const peeringType = {
      tencentcloud: "vpc_peer_connect_manager",
      huaweicloud: "vpc_peering_connection",
      baiducloud: "peer_conn",
    }[cloud];
    expect(byType(peeringType)).toEqual([[ids.clean, via(D)]]);
    // E accepted D's request: Huawei and Baidu import the acceptance; Tencent's is an operation, said on stderr.
    const acceptance = {
      tencentcloud: undefined,
      huaweicloud: "vpc_peering_connection_accepter",
      baiducloud: "peer_conn_acceptor",
    }[cloud];
    if (acceptance) {
      expect(byType(acceptance)).toEqual([[ids.clean, via(E)]]);
      expect(out.stderr).toBe("");
    } else expect(out.stderr).toContain(`not in the import blocks: the acceptance of peering ${ids.clean}`);
    // Each side's route in its provider's format, through its own account's provider.
    const routeType = {
      tencentcloud: "route_table_entry",
      huaweicloud: "vpc_route",
      baiducloud: "route_rule",
    }[cloud];
    const routeId = {
      tencentcloud: /^\d+\.[^.]+$/,
      huaweicloud: /^[^/]+\/172\.1[67]\.0\.0\/16$/,
      baiducloud: /^[^:]+:[^:]+$/,
    }[cloud];
    const routes = byType(routeType);
    expect(routes.map(([, p]) => p).sort()).toEqual([via(D), via(E)]);
    for (const [id] of routes) expect(id).toMatch(routeId);
    expect(
      byType(cloud === "huaweicloud" ? "vpc_subnet" : "subnet")
        .map(([id]) => id)
        .sort(),
    ).toEqual([ids.web, ids.db, ids.tmp].sort());
  });

  it("graph of the discovered estate marks one-way routes, unused peerings, pending requests and hidden peers", async () => {
    const file = join(dir, "broken.yaml");
    expect((await peerlink("discover", "--profile", profile([A, B]), "-o", file)).code).toBe(0);
    const out = await peerlink("graph", file);
    expect(out.code).toBe(0);
    const edge = (name: string) => out.stdout.split("\n").find((l) => l.includes(`${name} (`)) ?? "";
    expect(edge("one-way")).toContain(`one-way: routes only from ${ids.a1} (MISSING_RETURN_ROUTE)`);
    expect(edge("unused")).toContain("no route (PEERING_UNUSED)");
    expect(edge("pending")).toMatch(/PENDING since \d{4}-\d\d-\d\d \(PEERING_PENDING\)/);
    expect(edge("rejected")).toContain("REJECTED (PEERING_LEFTOVER)");
    expect(edge("hidden")).not.toContain("(MISSING_RETURN_ROUTE)");
    expect(out.stdout).toContain("not visible (PEER_NOT_VISIBLE)");
  });

  it("progress goes to stderr, per account and region, with counts", async () => {
    const out = await peerlink("discover", "--profile", profile([A, B]), "--progress");
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      new RegExp(
        `acct-${A.id} ${REGION[cloud]} \\(account ${A.id}\\): \\d+ VPCs, \\d+ peerings, \\d+ routes`,
      ),
    );
    expect(out.stderr).toContain("reading 2 account-region(s)");
    expect(out.stdout).toContain("vpcs:");
  });

  it("discover and audit sent only read actions", async () => {
    const seen = recorders.flatMap((r) => r.seen);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((k) => !isRead(k))).toEqual([]);
  });
});

describe("connections", () => {
  it("takes no credentials from the command line", async () => {
    const out = await peerlink(
      "discover",
      "--backend",
      "tencentcloud",
      "--region",
      "ap-guangzhou",
      "--secret-key",
      "x",
    );
    expect(out.code).toBe(2);
  });

  it("names a profile whose credential variable is not set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-audit-"));
    const file = join(dir, "p.json");
    writeFileSync(
      file,
      JSON.stringify({
        connections: [
          {
            backend: "tencentcloud",
            account: "1",
            regions: ["ap-guangzhou"],
            credentials: { secretIdEnv: "NOPE_ID", secretKeyEnv: "NOPE_KEY" },
          },
        ],
      }),
    );
    const out = await peerlink("discover", "--profile", file);
    rmSync(dir, { recursive: true, force: true });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("AUTH_FAILED");
    expect(out.stderr).toContain("NOPE_ID");
  });
});
