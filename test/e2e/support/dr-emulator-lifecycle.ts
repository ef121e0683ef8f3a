/**
 * The DR lifecycle of test/e2e/programs/dr-emulator on the real Pulumi CLI, against the emulator through one cloud
 * backend (huaweicloud or baiducloud), cross-account, as test/e2e/pulumi-emulator.test.ts runs it for Tencent: up,
 * a preview with no changes, refresh after a route deleted out of band (then up restores it), destroy. Each
 * account's own backend session over HTTP (its own keys) is the judge of what exists, not what Pulumi says.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../../provider/backends/backend.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { openBackend } from "../../../provider/pulumi/runtime/connection.js";
import { ALICE, BOB, startTestEmulator } from "../../emulator/support.js";
import { engineRun, RecordingPulumiStack, resourcesWith, setEmulatorConfig } from "./emulator.js";
import { changes, ROOT } from "./pulumi.js";

const PROGRAM = join(ROOT, "test/e2e/programs/dr-emulator");
const REGION = { huaweicloud: "cn-north-4", baiducloud: "bj" } as const;
const BOB_CIDR = "10.20.0.0/16";
const ALICE_APP_SUBNET = "10.10.1.0/24";
const ALICE_ROUTE = "alice-to-bob-peering-route-alice-main-10.20.0.0-16";
const BOB_ROUTE = "alice-to-bob-peering-route-bob-main-10.10.1.0-24";
/** Stack, component, two VPCs, peering, acceptance, two routes. */
const RESOURCES = 8;
const SECRETS = [ALICE.secretKey, ALICE.secretId, BOB.secretKey, BOB.secretId];

interface StackOutputs {
  aliceVpcId: string;
  aliceRouteTableId: string;
  bobVpcId: string;
  bobRouteTableId: string;
  peeringId: string;
  peeringStatus: string;
  plannedRoutes: string[];
  reachability: Record<string, Record<string, boolean>>;
  routes: { name: string; routeId: string; routeTableId: string }[];
}

export function describeDrLifecycle(kind: keyof typeof REGION): void {
  describe(`pulumi against the emulator: a cross-account TwoRegionDr on two ${kind} connections`, () => {
    let emulator: RunningEmulator;
    let stack: RecordingPulumiStack;
    let alice: Backend;
    let bob: Backend;
    let first: StackOutputs;

    beforeAll(async () => {
      emulator = await startTestEmulator({ accounts: [ALICE, BOB] });
      const session = (account: typeof ALICE) =>
        openBackend({
          kind,
          endpoint: emulator.url,
          account: account.id,
          region: REGION[kind],
          secretId: account.secretId,
          secretKey: account.secretKey,
        });
      alice = await session(ALICE);
      bob = await session(BOB);
      stack = new RecordingPulumiStack(PROGRAM);
      // Only the stack config names the cloud and the keys; a fallback to the local backend would create this file.
      for (const key of Object.keys(stack.env))
        if (/^(TENCENTCLOUD|HUAWEICLOUD|BAIDUCLOUD|BCE)_/.test(key)) delete stack.env[key];
      stack.env.PEERLINK_STATE = join(stack.stateDir, "local-backend-must-stay-unused.db");
      await stack.init();
      await setEmulatorConfig(stack, emulator.url, { alice: ALICE, bob: BOB }, { kind });
    });

    afterAll(async () => {
      stack?.close();
      await emulator?.close();
    });

    const outputs = async () => (await stack.outputs()) as unknown as StackOutputs;
    const run = async (command: "up" | "refresh") => {
      const result = await stack[command](["--json"]);
      expect(result.code, result.output).toBe(0);
      return engineRun(result.stdout);
    };
    const routeIn = (out: StackOutputs, table: string) => {
      const found = out.routes.filter((r) => r.routeTableId === table);
      expect(found, JSON.stringify(out.routes)).toHaveLength(1);
      return found[0]!;
    };
    /** Both accounts see the peering ACTIVE between the two VPCs; each main table holds exactly the stack's route. */
    const expectLinked = async (out: StackOutputs) => {
      for (const side of [alice, bob]) {
        const seen = await side.describePeering(out.peeringId);
        expect(seen).toMatchObject({ status: "ACTIVE", vpcId: out.aliceVpcId, peerVpcId: out.bobVpcId });
      }
      const summary = (r: { id: string; destination: string; peeringId: string }) => [
        r.id,
        r.destination,
        r.peeringId,
      ];
      expect((await alice.listRoutes(out.aliceRouteTableId)).map(summary)).toEqual([
        [routeIn(out, out.aliceRouteTableId).routeId, BOB_CIDR, out.peeringId],
      ]);
      expect((await bob.listRoutes(out.bobRouteTableId)).map(summary)).toEqual([
        [routeIn(out, out.bobRouteTableId).routeId, ALICE_APP_SUBNET, out.peeringId],
      ]);
    };

    it("up: a VPC per account, the peering by alice accepted by bob (ACTIVE), the planned routes only", async () => {
      const created = await run("up");
      expect(created.summary).toEqual({ create: RESOURCES });
      first = await outputs();
      expect(first.peeringStatus).toBe("ACTIVE");
      expect(first.plannedRoutes).toEqual([
        `alice [main] ${BOB_CIDR} via alice -> bob`,
        `bob [main] ${ALICE_APP_SUBNET} via alice -> bob`,
      ]);
      expect(first.reachability).toEqual({ alice: { bob: true }, bob: { alice: true } });
      expect(first.routes.map((r) => r.name).sort()).toEqual([ALICE_ROUTE, BOB_ROUTE]);
      await expectLinked(first);
      expect((await alice.listVpcs()).map((v) => [v.id, v.name])).toEqual([[first.aliceVpcId, "alice-vpc"]]);
      expect((await bob.listVpcs()).map((v) => [v.id, v.name])).toEqual([[first.bobVpcId, "bob-vpc"]]);
    });

    it("preview shows no changes, and refresh finds no drift", async () => {
      const { summary, result } = await stack.previewSummary();
      expect(result.code, result.output).toBe(0);
      expect(changes(summary)).toEqual({});
      const refreshed = await stack.refresh(["--json"]);
      expect(refreshed.code, refreshed.output).toBe(0);
      expect(engineRun(refreshed.stdout).summary).toEqual({ same: RESOURCES });
      // What refresh read back (Baidu's default billing included) is no change to plan either.
      const again = await stack.previewSummary();
      expect(changes(again.summary), again.result.output).toEqual({});
      await expectLinked(await outputs());
    });

    it("a route bob deletes out of band: refresh reports that RouteRule gone, the next up restores it", async () => {
      const route = routeIn(first, first.bobRouteTableId);
      await bob.deleteRoute(route.routeId);
      expect(await bob.listRoutes(first.bobRouteTableId)).toEqual([]);
      const refreshed = await run("refresh");
      expect(resourcesWith(refreshed, "delete")).toEqual([BOB_ROUTE]);
      expect(refreshed.summary).toEqual({ delete: 1, same: RESOURCES - 1 });
      const applied = await run("up");
      expect(resourcesWith(applied, "create")).toEqual([BOB_ROUTE]);
      expect(applied.summary).toEqual({ create: 1, same: RESOURCES - 1 });
      const after = await outputs();
      expect(after.peeringId).toBe(first.peeringId);
      expect(routeIn(after, after.bobRouteTableId).routeId).not.toBe(route.routeId);
      await expectLinked(after);
      first = after;
    });

    it("destroy leaves neither account any VPC, live peering or route", async () => {
      const result = await stack.destroy(["--json"]);
      expect(result.code, result.output).toBe(0);
      expect(engineRun(result.stdout).summary).toEqual({ delete: RESOURCES });
      for (const side of [alice, bob]) {
        expect(await side.listVpcs()).toEqual([]);
        const live = (await side.listPeerings({}, { limit: 100 })).items.filter(
          (p) => p.status !== "DELETED" && p.status !== "REJECTED",
        );
        expect(live).toEqual([]);
      }
    });

    it("no pulumi command printed a secret key or secret id", () => {
      expect(stack.commands.map((c) => c.args[0])).toEqual(
        expect.arrayContaining(["up", "preview", "destroy"]),
      );
      for (const { args, result } of stack.commands)
        for (const secret of SECRETS)
          expect(result.output.includes(secret), `${secret} in pulumi ${args.join(" ")}`).toBe(false);
    });
  });
}
