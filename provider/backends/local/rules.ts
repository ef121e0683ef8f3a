/**
 * The local backend refuses what the clouds refuse by running the core validators on the neighbourhood of the
 * change (the VPCs and peerings it touches), never by re-implementing a rule. A refusal becomes a BackendError
 * with the diagnostic's code, the cloud's code, and every problem found, not only the first.
 */

import type { Cloud } from "../../core/index.js";
import {
  type Diagnostic,
  type PeeringSpec,
  type TopologyDocument,
  type VpcSpec,
  validateTopology,
} from "../../core/index.js";
import { BackendError } from "../errors.js";
import { refusalCloudCode } from "./refusals.js";
import type { PeeringRow, RouteTableRow, VpcRow } from "./rows.js";

/** `assignedIpv6`: the IPv6 blocks the engine assigned the VPC's subnets (subnets.ts). */
export function vpcSpecOf(
  row: VpcRow,
  tables: readonly RouteTableRow[],
  assignedIpv6: readonly string[] = [],
): VpcSpec {
  return {
    id: row.id,
    cloud: row.cloud,
    region: row.region,
    account: row.account,
    cidrs: JSON.parse(row.cidrs) as string[],
    // The core counts them among the VPC's blocks for routes and overlaps, not as declared blocks (topology.ts).
    ...(assignedIpv6.length > 0 ? { assignedIpv6Cidrs: [...assignedIpv6] } : {}),
    routeTables: tables.filter((t) => t.main === 0 && t.vpc_id === row.id).map((t) => t.id),
  };
}

type PeeringFields = Pick<
  PeeringRow,
  "id" | "name" | "vpc_id" | "peer_vpc_id" | "bandwidth_mbps" | "charge_type" | "service_level"
>;

export function peeringSpecOf(row: PeeringFields): PeeringSpec {
  const spec: PeeringSpec = { id: row.id, name: row.name, vpc: row.vpc_id, peerVpc: row.peer_vpc_id };
  if (row.bandwidth_mbps !== null) spec.bandwidthMbps = row.bandwidth_mbps;
  if (row.charge_type !== null) spec.chargeType = row.charge_type;
  if (row.service_level !== null) spec.serviceLevel = row.service_level;
  return spec;
}

export function emptyDocument(): TopologyDocument {
  return { vpcs: [], peerings: [], routes: [], bandwidthPolicies: [] };
}

/**
 * Validates `document` and turns the errors `concerns` selects into one BackendError (undefined when there are
 * none), with the code of `cloud` (the cloud of the VPC or peering acted on). Warnings never refuse an operation.
 */
export function refusal(
  document: TopologyDocument,
  concerns: (diagnostic: Diagnostic) => boolean,
  cloud: Cloud,
  tencentCode?: (diagnostic: Diagnostic) => string | undefined,
): BackendError | undefined {
  return refusalOf(
    validateTopology(document).diagnostics.filter((d) => d.severity === "error" && concerns(d)),
    cloud,
    tencentCode,
  );
}

/** Every problem in one BackendError: the first one's code, all of them in the message and in `problems`. */
export function refusalOf(
  errors: readonly Diagnostic[],
  cloud: Cloud,
  tencentCode?: (diagnostic: Diagnostic) => string | undefined,
): BackendError | undefined {
  const first = errors[0];
  if (!first) return undefined;
  const message =
    errors.length === 1
      ? first.message
      : `${errors.length} problems: ${errors.map((e, i) => `(${i + 1}) ${e.code}: ${e.message}`).join(" ")}`;
  return new BackendError(first.code, message, {
    cloudCode: refusalCloudCode(first.code, cloud, tencentCode?.(first)),
    resource: first.resource,
    fix: first.fix,
    problems: errors,
  });
}
