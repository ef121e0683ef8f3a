import type { Cidr } from "./cidr.js";
import type { Vpc } from "./topology.js";

function networkKey(family: 4 | 6, start: number | bigint, prefix: number): string {
  if (family === 4) {
    const size = 2 ** (32 - prefix);
    return `4/${prefix}/${Math.floor((start as number) / size) * size}`;
  }
  const mask = (1n << BigInt(128 - prefix)) - 1n;
  return `6/${prefix}/${(start as bigint) & ~mask}`;
}

/**
 * Finds the VPCs whose CIDRs contain a block. CIDR blocks are either nested or disjoint, so the blocks that
 * contain `x/p` are exactly the networks of `x` at prefixes p, p-1, ..., 0: at most 33 (or 129) hash look-ups,
 * whatever the number of VPCs.
 */
export class VpcCidrIndex {
  readonly #byNetwork = new Map<string, Vpc[]>();

  constructor(vpcs: readonly Vpc[]) {
    for (const vpc of vpcs) {
      for (const cidr of vpc.cidrs) {
        const key = networkKey(cidr.family, cidr.start, cidr.prefix);
        const list = this.#byNetwork.get(key);
        if (list) {
          if (!list.includes(vpc)) list.push(vpc);
        } else this.#byNetwork.set(key, [vpc]);
      }
    }
  }

  /** VPCs with a CIDR that contains `block`, in declaration order, without duplicates. */
  containing(block: Cidr): Vpc[] {
    const found: Vpc[] = [];
    for (let prefix = block.prefix; prefix >= 0; prefix--) {
      const list = this.#byNetwork.get(networkKey(block.family, block.start, prefix));
      if (list) for (const vpc of list) if (!found.includes(vpc)) found.push(vpc);
    }
    return found;
  }
}
