/**
 * A least-privilege two-region DR on the local backend (no cloud account needed). Security teams audit peering
 * routes whose destination is the whole peer VPC (CIS AWS Foundations 5.5; Prowler
 * `vpc_peering_routing_tables_with_least_privilege`), so each side routes only the subnets it needs:
 *
 * - production's app tier (its `app` route table only, not the main one) reaches the standby's database
 *   replica subnet 10.1.20.0/24;
 * - the standby's main table routes back to production's app subnet 10.0.10.0/24 and nothing else.
 *
 *   pulumi preview   # two routes, each a /24; the reachability matrix both ways
 *   pulumi up        # ends with the peering ACTIVE
 */
import { TwoRegionDr, Vpc } from "peerlink/pulumi";

const guangzhou = new Vpc("orders-gz", {
  name: "orders-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
  routeTables: ["app"],
});

const beijing = new Vpc("orders-bj", {
  name: "orders-bj",
  region: "ap-beijing",
  cidrs: ["10.1.0.0/16"],
});

const dr = new TwoRegionDr("orders-dr", {
  primary: {
    vpc: guangzhou,
    name: "orders-gz",
    region: "ap-guangzhou",
    cidrs: ["10.0.0.0/16"],
    routeTableIds: { app: guangzhou.routeTableIds.apply((tables) => tables.app ?? "") },
    // The database replica subnet of the standby, from the app route table only.
    routing: { routes: ["10.1.20.0/24"], routeTables: ["app"], mainTable: false },
  },
  standby: {
    vpc: beijing,
    name: "orders-bj",
    region: "ap-beijing",
    cidrs: ["10.1.0.0/16"],
    // Replies and replication go back to production's app subnet only.
    routing: { routes: ["10.0.10.0/24"] },
  },
  bandwidthMbps: 100,
});

export const peeringId = dr.peeringId;
export const peeringStatus = dr.status;
/** `<vpc> [<table>] <destination> via <requester> -> <accepter>`, one per route. */
export const routes = dr.description.routes;
export const reachability = dr.reachabilityMatrix;
export const estimatedDailyCostCny = dr.estimatedDailyCost;
