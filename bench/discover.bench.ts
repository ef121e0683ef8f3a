/**
 * `peerlink discover` at scale (issue 14): 5 accounts × 10 regions × 500 peerings (with both routes of each) read
 * through the tencentcloud backend, read-only, against the emulator with its default rate limit (20 requests/s
 * per account and action, Tencent "默认接口请求频率限制：20次/秒"), against the floor that limit sets.
 *
 * The estate is seeded straight into the emulator's state file through the local state engine (seeding is not
 * what is measured, and through the API it would itself take the rate limit's time), then the emulator serves it.
 * 500 peerings in a region fit Tencent's 10 peerings per VPC as 100 VPCs each peered with its 10 nearest
 * neighbours on a ring (offsets 1..5), the mesh bench's shape. Each VPC holds one subnet, as a VPC in use does (an
 * instance needs one), so discover's subnet listing per VPC reads something.
 *
 * The floor (the mesh bench's method): the limit is per account and action, and the accounts are read side by
 * side, so the floor is the most-called action of the busiest account: its calls / 20 per second. Discovery is
 * within 1.2× of it when the figure holds (issue 14 "Done when"). `--sizes=N` reads N peerings per region.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { discoverEstate, openSessions } from "../provider/backends/discover/index.js";
import { LocalBackend, LocalStateEngine } from "../provider/backends/local/local-backend.js";
import { TENCENT_VPC_RATE_PER_SECOND } from "../provider/backends/tencentcloud/rate-limits.js";
import type { EmulatorAccount } from "../provider/emulator/protocol.js";
import type { Bench } from "./lib/harness.js";

const benchDir = dirname(fileURLToPath(import.meta.url));
const ACCOUNTS = 5;
const REGIONS = [
  "ap-guangzhou",
  "ap-shanghai",
  "ap-beijing",
  "ap-chengdu",
  "ap-chongqing",
  "ap-nanjing",
  "ap-hongkong",
  "ap-singapore",
  "ap-tokyo",
  "ap-seoul",
];
const OFFSETS = [1, 2, 3, 4, 5];
const TARGET = 1.2;
/** Peerings per region: the issue's 500, and two smaller estates that show the trend. */
const DEFAULT_SIZES = [100, 250, 500];

const account = (n: number): EmulatorAccount => ({
  id: `50000${n}`,
  secretId: `AKIDbench${String(n).repeat(27)}`,
  secretKey: `benchSecretKey${String(n).repeat(20)}`,
});

/** 100 VPCs per 500 peerings, ring-peered; both routes of each peering; one subnet per VPC. */
async function seed(
  file: string,
  accounts: readonly EmulatorAccount[],
  peeringsPerRegion: number,
): Promise<void> {
  const vpcCount = Math.max(OFFSETS.length * 2 + 1, Math.ceil(peeringsPerRegion / OFFSETS.length));
  const engine = LocalStateEngine.open({ file, defaultCloud: "tencentcloud" });
  try {
    for (const a of accounts) {
      const backend = new LocalBackend(engine, engine.session(a.id).account, false);
      for (const region of REGIONS) {
        const vpcs = [];
        for (let i = 0; i < vpcCount; i++)
          vpcs.push(
            await backend.createVpc({
              name: `v${i}`,
              region,
              cidrs: [`10.${i}.0.0/16`],
              cloud: "tencentcloud",
            }),
          );
        for (const [i, v] of vpcs.entries())
          await backend.createSubnet({ vpcId: v.id, name: `s${i}`, cidr: `10.${i}.1.0/24` });
        let made = 0;
        for (let i = 0; i < vpcCount && made < peeringsPerRegion; i++)
          for (const k of OFFSETS) {
            if (made >= peeringsPerRegion) break;
            const a1 = vpcs[i]!;
            const b1 = vpcs[(i + k) % vpcCount]!;
            const p = await backend.createPeering({ vpcId: a1.id, peerVpcId: b1.id, name: `p${i}-${k}` });
            await backend.createRoute({ vpcId: a1.id, destination: b1.cidrs[0]!, peeringId: p.id });
            await backend.createRoute({ vpcId: b1.id, destination: a1.cidrs[0]!, peeringId: p.id });
            made++;
          }
      }
    }
  } finally {
    engine.close();
  }
}

interface Run {
  readonly peeringsPerRegion: number;
  readonly seedMs: number;
  readonly ms: number;
  readonly floorMs: number;
  readonly busiest: string;
  readonly requests: number;
  readonly throttled: number;
  readonly found: { vpcs: number; peerings: number; routes: number; subnets: number };
}

async function measure(peeringsPerRegion: number, log: (line: string) => void): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-discover-bench-"));
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => account(i + 1));
  try {
    let t = performance.now();
    await seed(join(dir, "state.db"), accounts, peeringsPerRegion);
    const seedMs = performance.now() - t;
    log(
      `discover: seeded ${ACCOUNTS}×${REGIONS.length}×${peeringsPerRegion} in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const worker = spawn(
      process.execPath,
      ["--import", "tsx", join(benchDir, "workers", "discover-emulator.ts"), dir, JSON.stringify(accounts)],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const lines = createInterface({ input: worker.stdout! })[Symbol.asyncIterator]();
    const nextLine = async () => JSON.parse(String((await lines.next()).value));
    const emulator = (await nextLine()) as { url: string };
    try {
      const env = Object.fromEntries(
        accounts.flatMap((a) => [
          [`ID_${a.id}`, a.secretId],
          [`KEY_${a.id}`, a.secretKey],
        ]),
      );
      const sessions = openSessions(
        accounts.map((a) => ({
          backend: "tencentcloud" as const,
          account: a.id,
          regions: REGIONS,
          endpoint: emulator.url,
          credentials: { secretIdEnv: `ID_${a.id}`, secretKeyEnv: `KEY_${a.id}` },
        })),
        env,
      );
      t = performance.now();
      const doc = await discoverEstate(sessions).finally(() =>
        Promise.all(sessions.map((s) => s.backend.close())),
      );
      const ms = performance.now() - t;
      worker.stdin!.write("report\n");
      const report = (await nextLine()) as { calls: Record<string, number>; throttled: number };
      const calls = new Map(Object.entries(report.calls));
      const throttled = report.throttled;
      const [busiest, most] = [...calls.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["none", 0];
      const floorMs = (most / TENCENT_VPC_RATE_PER_SECOND) * 1000;
      const found = {
        vpcs: doc.vpcs.length,
        peerings: doc.peerings.length,
        routes: doc.routes.length,
        subnets: doc.subnets?.length ?? 0,
      };
      log(
        `discover: read in ${(ms / 1000).toFixed(1)} s, floor ${(floorMs / 1000).toFixed(1)} s (${busiest}: ${most}), throttled ${throttled}`,
      );
      return {
        peeringsPerRegion,
        seedMs,
        ms,
        floorMs,
        busiest: `${busiest.split(" ")[1]} (${most} calls of one account)`,
        requests: [...calls.values()].reduce((a, b) => a + b, 0),
        throttled,
        found,
      };
    } finally {
      worker.stdin!.write("close\n");
      await new Promise((resolve) => worker.once("exit", resolve));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = {
  id: "discover",
  title: "Discover at scale (5 accounts × 10 regions, rate-limited emulator)",
  async run({ sizes, log }) {
    const runs: Run[] = [];
    const failed: string[] = [];
    for (const size of sizes ?? DEFAULT_SIZES) {
      try {
        runs.push(await measure(size, log));
      } catch (error) {
        // A size the emulator cannot serve within the backend's retries is a row of its own, not a crash.
        const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
        log(`discover: ${size} peerings per region failed: ${reason}`);
        failed.push(
          `- ❌ ${size} peerings per region (${size * ACCOUNTS * REGIONS.length} in all): did not finish: ${reason}`,
        );
      }
    }
    const header =
      "| peerings per region | total peerings | found (VPCs / peerings / routes / subnets) | requests | busiest action | floor (s) | discover (s) | × floor | throttled |";
    const rows = runs.map(
      (r) =>
        `| ${r.peeringsPerRegion} | ${r.peeringsPerRegion * ACCOUNTS * REGIONS.length} | ${r.found.vpcs} / ${r.found.peerings} / ${r.found.routes} / ${r.found.subnets} | ${r.requests} | ${r.busiest} | ${(r.floorMs / 1000).toFixed(1)} | ${(r.ms / 1000).toFixed(1)} | ${(r.ms / r.floorMs).toFixed(2)} | ${r.throttled} |`,
    );
    const table = [header, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
    const notes = `${ACCOUNTS} Tencent accounts, each read in ${REGIONS.length} regions at once through the tencentcloud backend (read-only sessions, one pacer per account), emulator rate limit on (20/s per account and action). Floor = the busiest account's most-called action ÷ 20/s. Seeding the state file (not timed in the figure): ${runs.map((r) => `${(r.seedMs / 1000).toFixed(0)} s`).join(", ")}.`;
    return {
      text: `${table}\n\n${notes}\n`,
      markdown: `${table}\n\n${notes}\n\n${[...failed, ...runs.map((r) => `- ${r.ms / r.floorMs <= TARGET && r.throttled === 0 ? "✅ met" : "❌ missed"}: ${r.peeringsPerRegion} peerings per region within ${TARGET}× the floor, 0 throttled: ${(r.ms / 1000).toFixed(1)} s vs ${((r.floorMs * TARGET) / 1000).toFixed(1)} s, ${r.throttled} throttled`)].join("\n")}`,
      targets: [
        ...failed.map((f) => ({ label: f.slice(4), met: false })),
        ...runs.map((r) => ({
          label: `${r.peeringsPerRegion} peerings/region: ${(r.ms / r.floorMs).toFixed(2)}× floor (target ${TARGET}×), ${r.throttled} throttled`,
          met: r.ms / r.floorMs <= TARGET && r.throttled === 0,
        })),
      ],
    };
  },
};

export default bench;
