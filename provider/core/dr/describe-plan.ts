/**
 * A canonical description of a topology's peerings and routes, independent of ids and order: what two front
 * ends must agree on when they describe "the same topology" (the CDKTF constructs and the Pulumi components
 * built from one planner). Peerings are named by their VPC pair, routes by VPC, table, destination and the
 * pair of the peering they use.
 */
import type { TopologyInput } from "../topology-schema.js";

export interface DescribedPeering {
  /** "requester -> accepter" */
  readonly pair: string;
  readonly bandwidthMbps?: number;
  readonly chargeType?: string;
  readonly serviceLevel?: string;
}

export interface TopologyDescription {
  readonly peerings: DescribedPeering[];
  /** "vpc [table] destination via requester -> accepter"; table is "main" for the main route table. */
  readonly routes: string[];
}

export function peeringPair(vpc: string, peerVpc: string): string {
  return `${vpc} -> ${peerVpc}`;
}

export function describeRoute(
  vpc: string,
  table: string | undefined,
  destination: string,
  pair: string,
): string {
  return `${vpc} [${table ?? "main"}] ${destination} via ${pair}`;
}

export function describeTopology(topology: Pick<TopologyInput, "peerings" | "routes">): TopologyDescription {
  const pairs = new Map<string, string>();
  const peerings: DescribedPeering[] = [];
  for (const p of topology.peerings ?? []) {
    const pair = peeringPair(p.vpc, p.peerVpc);
    pairs.set(p.id, pair);
    peerings.push({
      pair,
      ...(p.bandwidthMbps !== undefined ? { bandwidthMbps: p.bandwidthMbps } : {}),
      ...(p.chargeType !== undefined ? { chargeType: p.chargeType } : {}),
      ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
    });
  }
  const routes = (topology.routes ?? []).map((r) =>
    describeRoute(r.vpc, r.routeTable, r.destination, pairs.get(r.peering) ?? `unknown peering ${r.peering}`),
  );
  peerings.sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
  routes.sort();
  return { peerings, routes };
}
