/**
 * Journey 1: a warm standby in Beijing for production in Guangzhou, on the local backend (no cloud account
 * needed). The state lives in `peerlink:stateFile` (stack config), else `PEERLINK_STATE`, else
 * `.peerlink/state.db` next to the program.
 *
 *   pulumi preview   # the peering, the routes on both sides, the estimated cost, the reachability both ways
 *   pulumi up        # ends with the peering ACTIVE; a second `pulumi up` changes nothing
 */
import { TwoRegionDr, Vpc } from "peerlink/pulumi";

const guangzhou = new Vpc("payments-gz", {
  name: "payments-gz",
  region: "ap-guangzhou",
  cidrs: ["10.0.0.0/16"],
  routeTables: ["app"],
});

const beijing = new Vpc("payments-bj", {
  name: "payments-bj",
  region: "ap-beijing",
  cidrs: ["10.1.0.0/16"],
});

const dr = new TwoRegionDr("payments-dr", {
  primary: {
    vpc: guangzhou,
    name: "payments-gz",
    region: "ap-guangzhou",
    cidrs: ["10.0.0.0/16"],
    // The extra table's id is known only once the VPC exists: pass it by a name of your choice.
    routeTableIds: { app: guangzhou.routeTableIds.apply((tables) => tables.app ?? "") },
  },
  standby: { vpc: beijing, name: "payments-bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"] },
  bandwidthMbps: 200,
  chargeType: "POSTPAID_BY_MONTH_95",
});

export const peeringId = dr.peeringId;
export const peeringStatus = dr.status;
/** `<vpc> [<table>] <destination> via <requester> -> <accepter>`, one per route. */
export const routes = dr.description.routes;
export const reachability = dr.reachabilityMatrix;
export const estimatedDailyCostCny = dr.estimatedDailyCost;
export const costBreakdown = dr.costEstimate;
