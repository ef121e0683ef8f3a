/**
 * Exactly-once creation under injected faults (issue 4), shared by the cloud backends: with throttling, 5xx and
 * "commit, then drop the answer" on, 200 creates through the backend end with exactly 200 peerings, no duplicate,
 * none lost. What makes that hold differs per cloud (a client token, or a look-up before retrying); the run and
 * its assertions are the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend, VpcInfo } from "../../../provider/backends/backend.js";
import type { RetryOptions } from "../../../provider/backends/shared/retry.js";
import type { EmulatorAccount, ProtocolHandler } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";

const VPCS = 40;
/** A circulant graph: VPC i peers with i+1..i+5 (mod 40): 200 distinct pairs, 10 peerings per VPC (the limit). */
const OFFSETS = [1, 2, 3, 4, 5];

export interface FaultRunOptions {
  readonly name: string;
  readonly handler: ProtocolHandler;
  readonly region: string;
  /** A backend acting as `account` against `endpoint`, with `retry` when given. */
  readonly backend: (endpoint: string, account: EmulatorAccount, retry?: RetryOptions) => Backend;
}

export function describeFaultRun(options: FaultRunOptions): void {
  const [A] = TEST_ACCOUNTS as [EmulatorAccount];
  const { region } = options;

  describe(`${options.name} backend under injected faults`, () => {
    let emulator: RunningEmulator;
    let vpcs: VpcInfo[];
    const backend = (retry?: RetryOptions) => options.backend(emulator.url, A, retry);

    beforeAll(async () => {
      emulator = await startTestEmulator(options.handler);
      const setup = backend();
      vpcs = [];
      for (let i = 0; i < VPCS; i++)
        vpcs.push(await setup.createVpc({ name: `mesh-${i}`, region, cidrs: [`10.${i}.0.0/16`] }));
    });
    afterAll(async () => {
      await emulator.close();
    });

    it("creates 200 peerings exactly once through throttling, 5xx and dropped responses", async () => {
      emulator.setFaults({ throttleRate: 0.15, serverErrorRate: 0.15, dropRate: 0.1, seed: 4242 });
      const faulty = backend({ maxAttempts: 40, baseDelayMs: 1, maxDelayMs: 4 });
      const jobs = vpcs.flatMap((vpc, i) =>
        OFFSETS.map((k) => ({ vpc, peer: vpcs[(i + k) % VPCS]!, name: `p-${i}-${(i + k) % VPCS}` })),
      );
      expect(jobs).toHaveLength(200);
      // Eight at a time, as an apply would run them.
      const created: string[] = [];
      for (let i = 0; i < jobs.length; i += 8) {
        const batch = jobs.slice(i, i + 8);
        const results = await Promise.all(
          batch.map((job) =>
            faulty.createPeering({ vpcId: job.vpc.id, peerVpcId: job.peer.id, name: job.name }),
          ),
        );
        created.push(...results.map((p) => p.id));
      }
      const stats = emulator.faultStats();
      emulator.setFaults({});

      // The faults really happened, in every kind.
      expect(stats.throttled).toBeGreaterThan(20);
      expect(stats.serverErrors).toBeGreaterThan(20);
      expect(stats.dropped).toBeGreaterThan(5);

      const all = await backend().listPeerings({}, { limit: 1000 });
      expect(all.total).toBe(200);
      const live = all.items.filter((p) => p.status === "ACTIVE");
      expect(live).toHaveLength(200);
      const pairs = new Set(live.map((p) => [p.vpcId, p.peerVpcId].sort().join("|")));
      expect(pairs.size).toBe(200);
      expect(new Set(live.map((p) => p.name))).toEqual(new Set(jobs.map((j) => j.name)));
      // Every create returned the one peering that exists for its pair.
      expect(new Set(created)).toEqual(new Set(live.map((p) => p.id)));
    }, 60_000);

    it("a create that gives up leaves what it made adoptable: the same tokens from a new session end with one of each (issue 17)", async () => {
      // One attempt per call: a dropped answer (committed, then lost) or a 5xx ends the create, as retries that
      // ran out would. Then a new session (the next `pulumi up`) repeats every create with the same token.
      const N = 24;
      const vpcInputs = Array.from({ length: N }, (_, i) => ({
        name: `tok-${i}`,
        region,
        cidrs: [`10.${100 + i}.0.0/16`],
        clientToken: `${options.name}-tok-vpc-${i}`,
      }));
      emulator.setFaults({ throttleRate: 0.1, serverErrorRate: 0.1, dropRate: 0.15, seed: 1717 });
      const once = backend({ maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 });
      const firstVpcs = await Promise.allSettled(vpcInputs.map((input) => once.createVpc(input)));
      emulator.setFaults({});
      const gaveUp = firstVpcs.filter((r) => r.status === "rejected").length;
      expect(gaveUp, "the faults made some creates give up").toBeGreaterThan(0);
      const leftBehind = (await backend().listVpcs()).filter((v) => v.name.startsWith("tok-")).length;
      const succeeded = N - gaveUp;
      expect(leftBehind, "some that gave up had in fact created their VPC").toBeGreaterThan(succeeded);

      const again = backend();
      const vpcs: VpcInfo[] = [];
      for (const input of vpcInputs) vpcs.push(await again.createVpc(input));
      const named = (await again.listVpcs()).filter((v) => v.name.startsWith("tok-"));
      expect(named).toHaveLength(N);
      expect(new Set(vpcs.map((v) => v.id))).toEqual(new Set(named.map((v) => v.id)));

      const peeringInputs = Array.from({ length: N / 2 }, (_, i) => ({
        vpcId: vpcs[2 * i]!.id,
        peerVpcId: vpcs[2 * i + 1]!.id,
        name: `tok-p-${i}`,
        clientToken: `${options.name}-tok-p-${i}`,
      }));
      emulator.setFaults({ throttleRate: 0.1, serverErrorRate: 0.1, dropRate: 0.2, seed: 1718 });
      await Promise.allSettled(peeringInputs.map((input) => once.createPeering(input)));
      emulator.setFaults({});
      const peerings: string[] = [];
      for (const input of peeringInputs) peerings.push((await again.createPeering(input)).id);
      const live = (await again.listPeerings({}, { limit: 1000 })).items.filter(
        (p) => p.name.startsWith("tok-p-") && p.status !== "DELETED",
      );
      expect(live).toHaveLength(N / 2);
      expect(new Set(peerings)).toEqual(new Set(live.map((p) => p.id)));
    }, 30_000);
  });
}
