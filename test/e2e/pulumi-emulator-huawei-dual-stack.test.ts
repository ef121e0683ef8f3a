/**
 * IPv6 over a cross-account Huawei peering on the real Pulumi CLI, through the huaweicloud backend and the
 * emulator's Huawei protocol (test/e2e/programs/dual-stack-emulator): up makes a dual-stack subnet per account,
 * the peering, its acceptance, and the IPv4 and IPv6 routes both ways; a preview and a refresh then change
 * nothing; destroy leaves neither account a VPC, subnet, live peering or route. Each account's own backend session
 * over HTTP (its own keys) is the judge of what exists, not what Pulumi says.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../provider/backends/backend.js";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { openBackend } from "../../provider/pulumi/runtime/connection.js";
import { ALICE, BOB, startTestEmulator } from "../emulator/support.js";
import { engineRun, RecordingPulumiStack, setEmulatorConfig } from "./support/emulator.js";
import { changes, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test/e2e/programs/dual-stack-emulator");
const REGION = "cn-north-4";
/** Stack, component, two VPCs, two subnets, peering, acceptance, four routes. */
const RESOURCES = 12;
const SECRETS = [ALICE.secretKey, ALICE.secretId, BOB.secretKey, BOB.secretId];

interface Outputs {
  aliceRouteTableId: string;
  bobRouteTableId: string;
  aliceIpv6: string;
  bobIpv6: string;
  peeringId: string;
  peeringStatus: string;
  plannedRoutes: string[];
  reachability: Record<string, Record<string, boolean>>;
}

describe("pulumi against the emulator: a cross-account dual-stack TwoRegionDr on two huaweicloud connections", () => {
  let emulator: RunningEmulator;
  let stack: RecordingPulumiStack;
  let alice: Backend;
  let bob: Backend;

  beforeAll(async () => {
    emulator = await startTestEmulator({ accounts: [ALICE, BOB] });
    const session = (account: typeof ALICE) =>
      openBackend({
        kind: "huaweicloud",
        endpoint: emulator.url,
        account: account.id,
        region: REGION,
        secretId: account.secretId,
        secretKey: account.secretKey,
      });
    alice = await session(ALICE);
    bob = await session(BOB);
    stack = new RecordingPulumiStack(PROGRAM);
    for (const key of Object.keys(stack.env))
      if (/^(TENCENTCLOUD|HUAWEICLOUD|BAIDUCLOUD|BCE)_/.test(key)) delete stack.env[key];
    stack.env.PEERLINK_STATE = join(stack.stateDir, "local-backend-must-stay-unused.db");
    await stack.init();
    await setEmulatorConfig(stack, emulator.url, { alice: ALICE, bob: BOB });
  });

  afterAll(async () => {
    stack?.close();
    await emulator?.close();
  });

  const outputs = async () => (await stack.outputs()) as unknown as Outputs;
  const destinations = async (side: Backend, table: string, peeringId: string) =>
    (await side.listRoutes(table)).map((r) => `${r.destination} via ${r.peeringId === peeringId}`).sort();

  it("up: each account's subnet gets a /64, and both sides route the other's IPv4 and IPv6 blocks", async () => {
    const result = await stack.up(["--json"]);
    expect(result.code, result.output).toBe(0);
    expect(engineRun(result.stdout).summary).toEqual({ create: RESOURCES });
    const out = await outputs();
    expect(out.peeringStatus).toBe("ACTIVE");
    expect(out.aliceIpv6).toMatch(/\/64$/);
    expect(out.bobIpv6).toMatch(/\/64$/);
    expect(out.plannedRoutes).toEqual(
      [
        "alice [main] 10.20.0.0/16 via alice -> bob",
        `alice [main] ${out.bobIpv6} via alice -> bob`,
        "bob [main] 10.10.0.0/16 via alice -> bob",
        `bob [main] ${out.aliceIpv6} via alice -> bob`,
      ].sort(),
    );
    expect(out.reachability).toEqual({ alice: { bob: true }, bob: { alice: true } });
    expect(await destinations(alice, out.aliceRouteTableId, out.peeringId)).toEqual(
      ["10.20.0.0/16 via true", `${out.bobIpv6} via true`].sort(),
    );
    expect(await destinations(bob, out.bobRouteTableId, out.peeringId)).toEqual(
      ["10.10.0.0/16 via true", `${out.aliceIpv6} via true`].sort(),
    );
    const [vpcA] = await alice.listVpcs();
    expect((await alice.listSubnets(vpcA!.id)).map((s) => s.ipv6Cidr)).toEqual([out.aliceIpv6]);
  });

  it("preview shows no changes, and refresh finds no drift", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
    const refreshed = await stack.refresh(["--json"]);
    expect(refreshed.code, refreshed.output).toBe(0);
    expect(engineRun(refreshed.stdout).summary).toEqual({ same: RESOURCES });
  });

  it("destroy leaves neither account any VPC, subnet, live peering or route", async () => {
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
    for (const { args, result } of stack.commands)
      for (const secret of SECRETS)
        expect(result.output.includes(secret), `${secret} in pulumi ${args.join(" ")}`).toBe(false);
  });
});
