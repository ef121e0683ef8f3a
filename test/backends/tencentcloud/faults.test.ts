/**
 * Exactly-once creation under injected faults (issue 4): with 30% of requests throttled or answered 5xx, and 10%
 * of the requests that did run losing their answer ("commit, then drop"), 200 creates through the tencentcloud
 * backend end with exactly 200 peerings: no duplicate, none lost. Tencent's CreateVpcPeeringConnection has no
 * client token, so this rests on the backend looking a create up by name and VPC pair before retrying it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VpcInfo } from "../../../provider/backends/backend.js";
import { ACCOUNTS, startTestEmulator, type TestEmulator } from "./support.js";

const VPCS = 40;
/** A circulant graph: VPC i peers with i+1..i+5 (mod 40): 200 distinct pairs, 10 peerings per VPC (the limit). */
const OFFSETS = [1, 2, 3, 4, 5];

describe("tencentcloud backend under injected faults", () => {
  let t: TestEmulator;
  let vpcs: VpcInfo[];

  beforeAll(async () => {
    t = await startTestEmulator({ rateLimits: false });
    const setup = t.backend(ACCOUNTS[0]!, { pacing: false });
    vpcs = [];
    for (let i = 0; i < VPCS; i++)
      vpcs.push(
        await setup.createVpc({ name: `mesh-${i}`, region: "ap-guangzhou", cidrs: [`10.${i}.0.0/16`] }),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it("creates 200 peerings exactly once through throttling, 5xx and dropped responses", async () => {
    t.emulator.setFaults({ throttleRate: 0.15, serverErrorRate: 0.15, dropRate: 0.1, seed: 4242 });
    const backend = t.backend(ACCOUNTS[0]!, {
      pacing: false,
      retry: { maxAttempts: 40, baseDelayMs: 1, maxDelayMs: 4 },
    });
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
          backend.createPeering({ vpcId: job.vpc.id, peerVpcId: job.peer.id, name: job.name }),
        ),
      );
      created.push(...results.map((p) => p.id));
    }
    const stats = t.emulator.faultStats();
    t.emulator.setFaults({});

    // The faults really happened, in every kind.
    expect(stats.throttled).toBeGreaterThan(20);
    expect(stats.serverErrors).toBeGreaterThan(20);
    expect(stats.dropped).toBeGreaterThan(5);

    const all = await t.backend(ACCOUNTS[0]!, { pacing: false }).listPeerings({}, { limit: 1000 });
    expect(all.total).toBe(200);
    const live = all.items.filter((p) => p.status === "ACTIVE");
    expect(live).toHaveLength(200);
    const pairs = new Set(live.map((p) => [p.vpcId, p.peerVpcId].sort().join("|")));
    expect(pairs.size).toBe(200);
    expect(new Set(live.map((p) => p.name))).toEqual(new Set(jobs.map((j) => j.name)));
    // Every create returned the one peering that exists for its pair.
    expect(new Set(created)).toEqual(new Set(live.map((p) => p.id)));
  });
});
