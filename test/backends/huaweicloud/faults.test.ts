/**
 * Exactly-once creation under injected faults (issue 4), through the huaweicloud backend and the emulator's Huawei
 * protocol: with 30% of requests throttled or answered 5xx, and 10% of the requests that did run losing their
 * answer ("commit, then drop"), 200 creates end with exactly 200 peerings: no duplicate, none lost. Huawei's
 * createVpcPeering has no client token, so this rests on the backend looking a create up by name and VPC pair
 * before retrying it (../../../provider/backends/shared/idempotent-create.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VpcInfo } from "../../../provider/backends/backend.js";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import type { RetryOptions } from "../../../provider/backends/shared/retry.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";

const [A] = TEST_ACCOUNTS as [EmulatorAccount];
const REGION = "cn-north-4";
const VPCS = 40;
/** A circulant graph: VPC i peers with i+1..i+5 (mod 40): 200 distinct pairs, 10 peerings per VPC (the limit). */
const OFFSETS = [1, 2, 3, 4, 5];

describe("huaweicloud backend under injected faults", () => {
  let emulator: RunningEmulator;
  let vpcs: VpcInfo[];
  const backend = (retry?: RetryOptions) =>
    new HuaweiCloudBackend({
      endpoint: emulator.url,
      region: REGION,
      accessKey: A.secretId,
      secretKey: A.secretKey,
      projectId: A.id,
      env: {},
      ...(retry ? { retry } : {}),
    });

  beforeAll(async () => {
    emulator = await startTestEmulator(huaweicloudHandler);
    const setup = backend();
    vpcs = [];
    for (let i = 0; i < VPCS; i++)
      vpcs.push(await setup.createVpc({ name: `mesh-${i}`, region: REGION, cidrs: [`10.${i}.0.0/16`] }));
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
  }, 20_000);
});
