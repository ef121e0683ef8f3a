/**
 * What a change does to traffic: for each ordered VPC pair, whether traffic flows before and after (a route there
 * and one back, over any peering between them), which destination blocks the routes of `from` deliver into
 * `to`, and which they send into a peering with `to` that `to` drops (it does not hold them: peering is never
 * transitive). Built on computeReachability, so the rules are the reachability table's own. Pure.
 */
import { compareCidrs, parseCidr } from "../cidr.js";
import type { Reachability } from "../reachability.js";

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

interface PairView {
  readonly flows: boolean;
  readonly via: readonly string[];
  readonly destinations: ReadonlySet<string>;
  readonly dropped: ReadonlySet<string>;
}

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

function pairs(reachability: Reachability): Map<string, PairView & { from: string; to: string }> {
  const out = new Map<
    string,
    {
      from: string;
      to: string;
      flows: boolean;
      via: string[];
      destinations: Set<string>;
      dropped: Set<string>;
    }
  >();
  for (const e of reachability.entries) {
    const key = pairKey(e.from, e.to);
    let view = out.get(key);
    if (!view) {
      view = { from: e.from, to: e.to, flows: false, via: [], destinations: new Set(), dropped: new Set() };
      out.set(key, view);
    }
    if (e.flows) {
      view.flows = true;
      view.via.push(e.peering);
    }
    for (const d of e.destinations) view.destinations.add(d);
    for (const d of e.dropped) view.dropped.add(d);
  }
  return out;
}

/** Numeric order; the blocks come from resolved routes, so each parses (text order is the fallback). */
function sortedBlocks(blocks: Iterable<string>): string[] {
  const parsed = [...blocks].map((text) => ({ text, result: parseCidr(text) }));
  return parsed
    .sort((a, b) =>
      a.result.ok && b.result.ok ? compareCidrs(a.result.cidr, b.result.cidr) : a.text < b.text ? -1 : 1,
    )
    .map((p) => p.text);
}

const NONE: PairView = { flows: false, via: [], destinations: new Set(), dropped: new Set() };

/** What `a` holds and `b` does not, numerically sorted. */
const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  sortedBlocks([...a].filter((x) => !b.has(x)));

/** The VPC pairs whose traffic or delivered blocks differ, in the head's order, then the base's pairs that are gone. */
export function flowChanges(base: Reachability, head: Reachability): FlowChange[] {
  const before = pairs(base);
  const after = pairs(head);
  const keys = [...new Set([...after.keys(), ...before.keys()])];
  const out: FlowChange[] = [];
  for (const key of keys) {
    const b = before.get(key) ?? NONE;
    const a = after.get(key) ?? NONE;
    const added = minus(a.destinations, b.destinations);
    const removed = minus(b.destinations, a.destinations);
    const droppedAdded = minus(a.dropped, b.dropped);
    const droppedRemoved = minus(b.dropped, a.dropped);
    if (
      a.flows === b.flows &&
      added.length + removed.length + droppedAdded.length + droppedRemoved.length === 0
    )
      continue;
    const [from, to] = key.split("\u0000") as [string, string];
    out.push({
      from,
      to,
      flowed: b.flows,
      flows: a.flows,
      via: a.flows ? a.via : b.via,
      destinationsAdded: added,
      destinationsRemoved: removed,
      droppedAdded,
      droppedRemoved,
    });
  }
  return out;
}
