import { computeReachability } from "../../core/reachability.js";
import { EXIT } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { type CommandContext, commandContext } from "../io.js";
import { checkedTopology } from "./checked-topology.js";

export interface ReachabilityOptions {
  readonly format: "text" | "json";
}

/** `peerlink reachability FILE`: per peering and direction, what is routed and whether replies come back. */
export function runReachability(
  file: string,
  options: ReachabilityOptions,
  ctx: CommandContext = commandContext(),
): number {
  const reachability = computeReachability(checkedTopology(file, ctx));
  if (options.format === "json") {
    ctx.io.stdout.write(`${JSON.stringify(reachability, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = reachability.entries.map((e) => [
    e.from,
    e.to,
    e.peering,
    e.destinations.join(", ") || "(no route)",
    e.returnPath ? "yes" : "no",
    e.flows ? "yes" : "no",
  ]);
  const flowing = reachability.entries.filter((e) => e.flows).length;
  // Routed into a peering but not held by the peer: said apart, or the table would show them as "(no route)" only.
  const dropped = reachability.entries
    .filter((e) => e.dropped.length > 0)
    .map(
      (e) =>
        `${e.from} → ${e.to} via ${e.peering}: ${e.dropped.join(", ")} routed into the peering but not in ${e.to}, which drops it (run \`peerlink validate\` for the fix).\n`,
    );
  ctx.io.stdout.write(
    `${formatTable(["from", "to", "via", "destinations", "return", "flows"], rows)}\n\n` +
      `${flowing} of ${reachability.entries.length} directions carry traffic. ` +
      "VPC pairs not listed have no peering: peering is never transitive.\n" +
      (dropped.length > 0 ? `\n${dropped.join("")}` : ""),
  );
  return EXIT.ok;
}
