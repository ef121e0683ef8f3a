/**
 * A deterministic generator of large, VALID topology documents for the benchmarks.
 *
 * Shape for N VPCs (N >= 5):
 * - N tencentcloud VPCs `v<i>` in 20 regions (`ap-region-0` .. `ap-region-19`, by i mod 20) and 2 accounts,
 *   each with one distinct IPv4 /26 block and one extra route table `rt`. The blocks are the first N /26s of
 *   10.0.0.0/8 (room for 262,144), handed out to the VPCs in a seeded random order, so the intervals are not
 *   already sorted when a validator meets them.
 * - 2N peerings: VPC i with i+1 and with i+2 (mod N), so every VPC has exactly 4 peerings (the limit is 10).
 *   Consecutive VPCs are in different regions, so (almost) every peering is cross-region and gets
 *   bandwidthMbps 100, a Tencent tier; a same-region pair (only possible at the wrap-around) gets none.
 * - 8N routes: per peering, in each of its two VPCs, the main table and `rt` route to the peer's CIDR.
 *
 * No Math.random: the only randomness is a seeded PRNG (mulberry32), so a given (n, seed) always gives the
 * same document.
 */

import { seededRandom } from "../provider/backends/shared/seeded-random.js";
import type { PeeringSpec, RouteSpec, TopologyDocument, VpcSpec } from "../provider/core/topology-schema.js";

export const REGION_COUNT = 20;
export const ACCOUNTS = ["100000000001", "100000000002"] as const;
export const EXTRA_ROUTE_TABLE = "rt";
/** /26 blocks: 64 addresses each, 2^18 of them in 10.0.0.0/8. */
export const BLOCK_PREFIX = 26;
export const MAX_VPCS = 2 ** (BLOCK_PREFIX - 8);
const BASE = 10 * 2 ** 24;

function blockText(block: number): string {
  const value = BASE + block * 2 ** (32 - BLOCK_PREFIX);
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}/${BLOCK_PREFIX}`;
}

export interface GeneratedTopology {
  readonly document: TopologyDocument;
  readonly counts: { readonly vpcs: number; readonly peerings: number; readonly routes: number };
}

export function generateTopology(n: number, seed = 1): GeneratedTopology {
  if (!Number.isInteger(n) || n < 5) throw new RangeError(`n must be an integer >= 5, got ${n}`);
  if (n > MAX_VPCS) throw new RangeError(`n must be at most ${MAX_VPCS} (the /26 blocks of 10.0.0.0/8)`);

  // Fisher-Yates over the block numbers 0..n-1.
  const random = seededRandom(seed);
  const blocks = new Uint32Array(n);
  for (let i = 0; i < n; i++) blocks[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = blocks[i]!;
    blocks[i] = blocks[j]!;
    blocks[j] = t;
  }

  const ids: string[] = new Array(n);
  const cidrs: string[] = new Array(n);
  const regions: string[] = new Array(n);
  const vpcs: VpcSpec[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = `v${i}`;
    cidrs[i] = blockText(blocks[i]!);
    regions[i] = `ap-region-${i % REGION_COUNT}`;
    vpcs[i] = {
      id: ids[i]!,
      cloud: "tencentcloud",
      region: regions[i]!,
      account: ACCOUNTS[i % ACCOUNTS.length]!,
      cidrs: [cidrs[i]!],
      routeTables: [EXTRA_ROUTE_TABLE],
    };
  }

  const peerings: PeeringSpec[] = [];
  const routes: RouteSpec[] = [];
  for (let i = 0; i < n; i++) {
    for (const step of [1, 2]) {
      const j = (i + step) % n;
      const id = `p${i}-${step}`;
      const peering: PeeringSpec = { id, vpc: ids[i]!, peerVpc: ids[j]! };
      if (regions[i] !== regions[j]) peering.bandwidthMbps = 100;
      peerings.push(peering);
      for (const [from, to] of [
        [i, j],
        [j, i],
      ] as const) {
        routes.push({ vpc: ids[from]!, destination: cidrs[to]!, peering: id });
        routes.push({ vpc: ids[from]!, routeTable: EXTRA_ROUTE_TABLE, destination: cidrs[to]!, peering: id });
      }
    }
  }

  return {
    document: { vpcs, peerings, routes, bandwidthPolicies: [] },
    counts: { vpcs: vpcs.length, peerings: peerings.length, routes: routes.length },
  };
}
