import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Peering } from "../topology.js";
import type { Rule } from "./rule.js";

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** seed 001 "Only one peering connection is allowed between any two VPCs", in either direction. */
export const checkDuplicatePeering: Rule = (topology) => {
  const out: Diagnostic[] = [];
  const first = new Map<string, Peering>();
  for (const peering of topology.peerings) {
    if (peering.vpc === peering.peerVpc) continue;
    const key = pairKey(peering.vpc.id, peering.peerVpc.id);
    const existing = first.get(key);
    if (!existing) {
      first.set(key, peering);
      continue;
    }
    out.push(
      diagnostic(
        "DUPLICATE_PEERING",
        peering.ref,
        `Peering "${peering.id}" joins VPCs "${peering.vpc.id}" and "${peering.peerVpc.id}", which peering "${existing.id}" already joins.`,
        `Remove "${peering.id}" and point its routes at "${existing.id}"; one peering carries all CIDRs of both VPCs.`,
      ),
    );
  }
  return out;
};
