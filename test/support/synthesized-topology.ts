/**
 * The equivalence helper: reads the peerings and routes back out of a synthesized stack (any of the three
 * clouds' resources) and describes them the way provider/core/dr describes a planner's fragment, so that a test
 * can assert "the constructs synthesized exactly the planned topology". The Pulumi components will compare their
 * resources against the same `describeTopology` output.
 */
import {
  describeRoute,
  peeringPair,
  type TopologyDescription,
} from "../../provider/core/dr/describe-plan.js";
import type { SynthesizedJson } from "./cdktf-matchers.js";

/** What the JSON alone cannot say: which VPC a cloud VPC id and a route table id belong to. */
export interface SiteIndex {
  /** Cloud VPC id -> topology id (the VpcSite's name, or the id itself). */
  readonly vpcs: ReadonlyMap<string, string>;
  /** Route table id -> [topology VPC id, table name in the topology ("main" for the main table)]. */
  readonly tables: ReadonlyMap<string, readonly [string, string | undefined]>;
}

export function siteIndex(
  sites: readonly {
    vpcId: string;
    name?: string;
    mainRouteTableId?: string;
    routeTableIds?: readonly string[];
  }[],
): SiteIndex {
  const vpcs = new Map<string, string>();
  const tables = new Map<string, readonly [string, string | undefined]>();
  for (const s of sites) {
    const id = s.name ?? s.vpcId;
    vpcs.set(s.vpcId, id);
    if (s.mainRouteTableId) tables.set(s.mainRouteTableId, [id, undefined]);
    for (const t of s.routeTableIds ?? []) tables.set(t, [id, t]);
  }
  return { vpcs, tables };
}

interface ReadPeering {
  readonly vpc: unknown;
  readonly peerVpc: unknown;
  readonly bandwidthMbps?: unknown;
  readonly chargeType?: unknown;
  readonly serviceLevel?: string | undefined;
}

const PEERING_TYPES: Record<string, (r: Record<string, unknown>) => ReadPeering> = {
  tencentcloud_vpc_peer_connect_manager: (r) => ({
    vpc: r.source_vpc_id,
    peerVpc: r.destination_vpc_id,
    bandwidthMbps: r.bandwidth,
    chargeType: r.charge_type,
    serviceLevel: ({ PT: "platinum", AU: "gold", AG: "silver" } as Record<string, string>)[
      r.qos_level as string
    ],
  }),
  huaweicloud_vpc_peering_connection: (r) => ({ vpc: r.vpc_id, peerVpc: r.peer_vpc_id }),
  baiducloud_peer_conn: (r) => ({
    vpc: r.local_vpc_id,
    peerVpc: r.peer_vpc_id,
    bandwidthMbps: r.bandwidth_in_mbps,
    chargeType: (r.billing as { payment_timing?: string } | undefined)?.payment_timing,
  }),
};

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`synthesized topology: ${what}`);
  return value;
}

/**
 * Describes the synthesized peerings and routes. Baidu's billing default (Postpaid) is reported only when the
 * plan would have it: pass `omitDefaultBilling` to drop it when the plan left chargeType unset.
 */
export function describeSynthesized(
  json: SynthesizedJson,
  index: SiteIndex,
  options: { omitDefaultBilling?: boolean } = {},
): TopologyDescription {
  const pairByRef = new Map<string, string>();
  const peerings: TopologyDescription["peerings"] = [];
  for (const [type, read] of Object.entries(PEERING_TYPES)) {
    for (const [name, resource] of Object.entries(json.resource?.[type] ?? {})) {
      const p = read(resource);
      const pair = peeringPair(
        must(index.vpcs.get(p.vpc as string), `unknown VPC ${String(p.vpc)}`),
        must(index.vpcs.get(p.peerVpc as string), `unknown VPC ${String(p.peerVpc)}`),
      );
      pairByRef.set(`\${${type}.${name}.id}`, pair);
      const chargeType =
        options.omitDefaultBilling && type === "baiducloud_peer_conn" && p.chargeType === "Postpaid"
          ? undefined
          : p.chargeType;
      peerings.push({
        pair,
        ...(p.bandwidthMbps !== undefined ? { bandwidthMbps: p.bandwidthMbps as number } : {}),
        ...(chargeType !== undefined ? { chargeType: chargeType as string } : {}),
        ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
      });
    }
  }
  const routes: string[] = [];
  const route = (
    tableId: string | undefined,
    vpcId: string | undefined,
    destination: unknown,
    hop: unknown,
  ) => {
    const pair = must(
      pairByRef.get(hop as string),
      `route next hop ${String(hop)} is no synthesized peering`,
    );
    if (tableId !== undefined) {
      const [vpc, table] = must(index.tables.get(tableId), `unknown route table ${tableId}`);
      routes.push(describeRoute(vpc, table, destination as string, pair));
    } else {
      routes.push(
        describeRoute(
          must(index.vpcs.get(vpcId!), `unknown VPC ${vpcId}`),
          undefined,
          destination as string,
          pair,
        ),
      );
    }
  };
  for (const r of Object.values(json.resource?.tencentcloud_route_table_entry ?? {}))
    route(r.route_table_id as string, undefined, r.destination_cidr_block, r.next_hub);
  for (const r of Object.values(json.resource?.huaweicloud_vpc_route ?? {}))
    route(r.route_table_id as string | undefined, r.vpc_id as string, r.destination, r.nexthop);
  for (const r of Object.values(json.resource?.baiducloud_route_rule ?? {}))
    route(r.route_table_id as string, undefined, r.destination_address, r.next_hop_id);
  peerings.sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
  routes.sort();
  return { peerings, routes };
}
