/**
 * What a change does to traffic: for each ordered VPC pair, whether traffic flows before and after (a route there
 * and one back, over any peering between them), which destination blocks the routes of `from` deliver into
 * `to`, and which they send into a peering with `to` that `to` drops (it does not hold them: peering is never
 * transitive). Built on computeReachability, so the rules are the reachability table's own. Pure.
 */
import { compareCidrs, parseCidr } from "../cidr.js";
import type { Reachability, ReachabilityEntry } from "../reachability.js";

export interface FlowChange {
  readonly from: string;
  readonly to: string;
  /** Traffic flowed from `from` to `to` in the base. */
  readonly flowed: boolean;
  /** Traffic flows in the head. */
  readonly flows: boolean;
  /** The peerings traffic flows over in the head (in the base, when it no longer flows). */
  readonly via: readonly string[];
  /** Blocks of `to` the head's routes of `from` deliver that the base's did not, numerically sorted. */
  readonly destinationsAdded: readonly string[];
  /** Blocks the base's routes delivered that the head's do not. */
  readonly destinationsRemoved: readonly string[];
  /** Blocks the head's routes of `from` send into a peering with `to` although `to` does not hold them (dropped). */
  readonly droppedAdded: readonly string[];
  /** Dropped blocks of the base that the head no longer sends. */
  readonly droppedRemoved: readonly string[];
}

type Pairs = Map<string, Map<string, ReachabilityEntry[]>>;

/**
 * The entries of each ordered VPC pair, `from` then `to` (one per peering between them, usually one). Nested maps
 * on the ids the entries already hold: a joined key per entry was a quarter of the diff's time at 100k VPCs.
 */
function pairs(reachability: Reachability): Pairs {
  const out: Pairs = new Map();
  for (const e of reachability.entries) {
    let inner = out.get(e.from);
    if (!inner) {
      inner = new Map();
      out.set(e.from, inner);
    }
    const list = inner.get(e.to);
    if (list) list.push(e);
    else inner.set(e.to, [e]);
  }
  return out;
}

const sameBlocks = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Same peerings, same traffic, same blocks: the common case, settled without building any set. */
function unchanged(a: readonly ReachabilityEntry[], b: readonly ReachabilityEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => {
      const o = b[i]!;
      return (
        e.peering === o.peering &&
        e.flows === o.flows &&
        sameBlocks(e.destinations, o.destinations) &&
        sameBlocks(e.dropped, o.dropped)
      );
    })
  );
}

const blocksOf = (entries: readonly ReachabilityEntry[], field: "destinations" | "dropped") =>
  new Set(entries.flatMap((e) => e[field]));

/** Numeric order; the blocks come from resolved routes, so each parses (text order is the fallback). */
function sortedBlocks(blocks: Iterable<string>): string[] {
  const parsed = [...blocks].map((text) => ({ text, result: parseCidr(text) }));
  return parsed
    .sort((a, b) =>
      a.result.ok && b.result.ok ? compareCidrs(a.result.cidr, b.result.cidr) : a.text < b.text ? -1 : 1,
    )
    .map((p) => p.text);
}

/** What `a` holds and `b` does not, numerically sorted. */
const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  sortedBlocks([...a].filter((x) => !b.has(x)));

/** The change of one ordered pair, or undefined when it carries the same traffic and blocks. */
function pairChange(
  from: string,
  to: string,
  a: readonly ReachabilityEntry[],
  b: readonly ReachabilityEntry[],
): FlowChange | undefined {
  if (unchanged(a, b)) return undefined;
  const [aFlows, bFlows] = [a.some((e) => e.flows), b.some((e) => e.flows)];
  const [aDest, bDest] = [blocksOf(a, "destinations"), blocksOf(b, "destinations")];
  const [aDrop, bDrop] = [blocksOf(a, "dropped"), blocksOf(b, "dropped")];
  const added = minus(aDest, bDest);
  const removed = minus(bDest, aDest);
  const droppedAdded = minus(aDrop, bDrop);
  const droppedRemoved = minus(bDrop, aDrop);
  if (aFlows === bFlows && added.length + removed.length + droppedAdded.length + droppedRemoved.length === 0)
    return undefined;
  const via = (entries: readonly ReachabilityEntry[]) => entries.filter((e) => e.flows).map((e) => e.peering);
  return {
    from,
    to,
    flowed: bFlows,
    flows: aFlows,
    via: aFlows ? via(a) : via(b),
    destinationsAdded: added,
    destinationsRemoved: removed,
    droppedAdded,
    droppedRemoved,
  };
}

/**
 * The VPC pairs whose traffic or delivered blocks differ: by source VPC in the order the head's reachability first
 * names it, then the base's pairs that are gone.
 */
export function flowChanges(base: Reachability, head: Reachability): FlowChange[] {
  const before = pairs(base);
  const out: FlowChange[] = [];
  for (const [from, inner] of pairs(head))
    for (const [to, a] of inner) {
      const held = before.get(from);
      const b = held?.get(to) ?? [];
      held?.delete(to);
      const change = pairChange(from, to, a, b);
      if (change) out.push(change);
    }
  for (const [from, inner] of before)
    for (const [to, b] of inner) {
      const change = pairChange(from, to, [], b);
      if (change) out.push(change);
    }
  return out;
}
