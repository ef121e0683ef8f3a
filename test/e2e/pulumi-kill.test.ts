/**
 * A killed `pulumi up` converges on the next run (issue 17), on the real Pulumi CLI with the repository's DR
 * example on the embedded local backend: for every resource of the example, a run is SIGKILLed (the CLI and its
 * whole process tree, the providers included) the moment that resource's "creating" line appears, then `pulumi cancel` when locked and
 * `pulumi up` again, as the CLI advises. Each kill point must end with: up succeeded, the two VPCs once each, one
 * live peering for the pair, no route twice, and `pulumi preview --expect-no-changes` passing. The backend's state
 * file is the judge, not what Pulumi says.
 *
 * The same on the emulator through each cloud backend (tencentcloud, huaweicloud, baiducloud), cross-account, with
 * a program of every custom resource kind (test/e2e/programs/kill-emulator): a fresh emulator per kill point, and
 * each account's own backend session as the judge.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Backend } from "../../provider/backends/backend.js";
import { isLivePeering } from "../../provider/backends/backend.js";
import type { EmulatorAccount } from "../../provider/emulator/protocol.js";
import { LOCAL_DEFAULT_ACCOUNT, openBackend } from "../../provider/pulumi/runtime/connection.js";
import { ALICE, BOB, startTestEmulator } from "../emulator/support.js";
import { setEmulatorConfig } from "./support/emulator.js";
import { duplicates, killableStack, upAfterKill, upKilledAt } from "./support/kill.js";
import { livePeerings, snapshot } from "./support/local.js";
import { type PulumiStack, ROOT } from "./support/pulumi.js";

/** The example's peerlink resources that start a create: component, 2 VPCs, peering, 3 routes (or more, if added). */
const MIN_KILL_POINTS = 7;

describe("pulumi up killed at each create of the DR example converges on the next up (local backend)", () => {
  const stacks: PulumiStack[] = [];
  afterAll(() => {
    for (const s of stacks) s.close();
  });
  const figures: string[] = [];

  it("every kill point converges without a manual import", async () => {
    let converged = 0;
    let tried = 0;
    for (let k = 1; ; k++) {
      const stack = killableStack(ROOT);
      stacks.push(stack);
      const stateFile = join(stack.stateDir, "peerlink.db");
      stack.env.PEERLINK_STATE = stateFile;
      delete stack.env.PEERLINK_ACCOUNT;
      await stack.init();

      const killed = await upKilledAt(stack, k);
      if (!killed.killed) {
        // The run ended before a k-th create began: every resource has been a kill point.
        expect(k - 1, killed.output).toBeGreaterThanOrEqual(MIN_KILL_POINTS);
        break;
      }
      tried++;
      const again = await upAfterKill(stack);
      expect(again.code, `killed at ${killed.at}; the next up:\n${again.output}`).toBe(0);

      const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      expect(state.vpcs.map((v) => v.name).sort(), `killed at ${killed.at}`).toEqual([
        "payments-bj",
        "payments-gz",
      ]);
      const live = livePeerings(state.peerings);
      expect(live, `killed at ${killed.at}`).toHaveLength(1);
      expect(
        duplicates(state.routes.map((r) => `${r.routeTableId} ${r.destination}`)),
        `killed at ${killed.at}`,
      ).toEqual([]);
      expect(state.routes, `killed at ${killed.at}`).toHaveLength(3);
      const preview = await stack.preview(["--expect-no-changes"]);
      expect(preview.code, `killed at ${killed.at}; preview:\n${preview.output}`).toBe(0);
      converged++;
      figures.push(`k=${k} ${killed.at}: converged`);
      await stack.destroy();
    }
    console.log(`kill points tried ${tried}, converged ${converged}\n${figures.join("\n")}`);
    expect(converged).toBe(tried);
  }, 1_200_000);
});

const KILL_PROGRAM = join(ROOT, "test", "e2e", "programs", "kill-emulator");
const CLOUD_REGIONS = {
  tencentcloud: ["ap-guangzhou", "ap-beijing"],
  huaweicloud: ["cn-north-4", "cn-north-4"],
  baiducloud: ["bj", "bj"],
} as const;
/** Two Vpcs, Peering, PeeringAcceptance, two RouteRules. */
const EMULATOR_KILL_POINTS = 6;

async function session(
  kind: keyof typeof CLOUD_REGIONS,
  endpoint: string,
  account: EmulatorAccount,
  region: string,
): Promise<Backend> {
  return openBackend({
    kind,
    endpoint,
    account: account.id,
    region,
    secretId: account.secretId,
    secretKey: account.secretKey,
  });
}

describe.each(Object.keys(CLOUD_REGIONS) as (keyof typeof CLOUD_REGIONS)[])(
  "pulumi up killed at each create converges on the next up (%s backend on the emulator, cross-account)",
  (kind) => {
    it("every kill point converges without a manual import", async () => {
      const [aliceRegion, bobRegion] = CLOUD_REGIONS[kind];
      const figures: string[] = [];
      let tried = 0;
      let converged = 0;
      for (let k = 1; ; k++) {
        const emulator = await startTestEmulator();
        const stack = killableStack(KILL_PROGRAM);
        try {
          for (const key of Object.keys(stack.env))
            if (/^(TENCENTCLOUD|HUAWEICLOUD|BAIDUCLOUD|BCE)_/.test(key)) delete stack.env[key];
          stack.env.PEERLINK_STATE = join(stack.stateDir, "local-backend-must-stay-unused.db");
          await stack.init();
          await setEmulatorConfig(stack, emulator.url, { alice: ALICE, bob: BOB }, { kind });
          const killed = await upKilledAt(stack, k);
          if (!killed.killed) {
            expect(k - 1, killed.output).toBeGreaterThanOrEqual(EMULATOR_KILL_POINTS);
            break;
          }
          tried++;
          const again = await upAfterKill(stack);
          expect(again.code, `killed at ${killed.at}; the next up:\n${again.output}`).toBe(0);

          const alice = await session(kind, emulator.url, ALICE, aliceRegion);
          const bob = await session(kind, emulator.url, BOB, bobRegion);
          const where = `${kind}, killed at ${killed.at}`;
          expect(
            (await alice.listVpcs()).map((v) => v.name),
            where,
          ).toEqual(["alice-vpc"]);
          expect(
            (await bob.listVpcs()).map((v) => v.name),
            where,
          ).toEqual(["bob-vpc"]);
          const live = (await alice.listPeerings({}, { limit: 1000 })).items.filter((p) =>
            isLivePeering(p.status),
          );
          expect(
            live.map((p) => p.status),
            where,
          ).toEqual(["ACTIVE"]);
          for (const side of [alice, bob]) {
            const routes = [];
            for (const vpc of await side.listVpcs())
              for (const table of vpc.routeTables) routes.push(...(await side.listRoutes(table.id)));
            const toPeer = routes.filter((r) => r.peeringId === live[0]!.id);
            expect(duplicates(toPeer.map((r) => `${r.routeTableId} ${r.destination}`)), where).toEqual([]);
            expect(toPeer, where).toHaveLength(1);
          }
          const preview = await stack.preview(["--expect-no-changes"]);
          expect(preview.code, `${where}; preview:\n${preview.output}`).toBe(0);
          converged++;
          figures.push(`k=${k} ${killed.at}: converged`);
        } finally {
          stack.close();
          await emulator.close();
        }
      }
      console.log(`${kind}: kill points tried ${tried}, converged ${converged}\n${figures.join("\n")}`);
      expect(converged).toBe(tried);
    }, 1_500_000);
  },
);
