/**
 * One decision for a new (or changed) peering against its live neighbourhood: the Pulumi check and the local
 * engine both call it, so `pulumi preview` refuses exactly what the engine would (the awsx
 * `validateAndNormalizeSubnetInputs` shape: every problem collected, reported together).
 */
import { type Diagnostic, type DiagnosticCode, sortDiagnostics } from "./diagnostics.js";
import { isResource } from "./resource-ref.js";
import type {
  BandwidthPolicySpec,
  Cloud,
  PeeringSpec,
  TopologyDocument,
  VpcSpec,
} from "./topology-schema.js";
import { validateTopology } from "./validate.js";

export interface PeeringNeighbourhood {
  /** The two sides and the VPCs of their live peerings (placeholders where a VPC cannot be seen). */
  readonly vpcs: readonly VpcSpec[];
  /** The two sides' live peerings, without the candidate and without the peering it replaces. */
  readonly peerings: readonly PeeringSpec[];
  /** When a peering is changed in place: its per-IP limits, which must still fit. */
  readonly bandwidthPolicies?: readonly BandwidthPolicySpec[];
}

/**
 * Every error the candidate brings: its own (overlap, duplicate pair, region, name, bandwidth, charge type...),
 * the per-VPC limit on either side, and (for a change in place) the peering's own per-IP limits. Problems already
 * there between other peerings are not the candidate's and are left out.
 */
export function checkPeeringCandidate(
  neighbourhood: PeeringNeighbourhood,
  candidate: PeeringSpec,
): Diagnostic[] {
  const document: TopologyDocument = {
    vpcs: [...neighbourhood.vpcs],
    peerings: [...neighbourhood.peerings, candidate],
    routes: [],
    bandwidthPolicies: [...(neighbourhood.bandwidthPolicies ?? [])],
  };
  const isSide = (key: string | number | undefined) => key === candidate.vpc || key === candidate.peerVpc;
  const replacing = (neighbourhood.bandwidthPolicies ?? []).length > 0;
  return sortDiagnostics(
    validateTopology(document).diagnostics.filter(
      (d) =>
        d.severity === "error" &&
        (isResource(d.ref, "peerings", candidate.id) ||
          (d.code === "PEERING_LIMIT_EXCEEDED" && d.ref.kind === "vpcs" && isSide(d.ref.key)) ||
          (d.code === "BANDWIDTH_POLICY_INVALID" && replacing)),
    ),
  );
}

/** A peering request as a cloud backend sees it before any call: the sides' cloud and regions, no CIDRs. */
export interface PeeringRequest {
  readonly cloud: Cloud;
  readonly region: string;
  /** @default `region` */
  readonly peerRegion?: string | undefined;
  readonly name: string;
  readonly bandwidthMbps?: number | undefined;
  readonly chargeType?: PeeringSpec["chargeType"];
  readonly serviceLevel?: PeeringSpec["serviceLevel"];
}

/** The rules a request can be judged by without the VPCs' CIDRs (region, name, bandwidth, billing). */
const REQUEST_CODES: ReadonlySet<DiagnosticCode> = new Set([
  "CROSS_REGION_UNSUPPORTED",
  "INVALID_NAME",
  "INVALID_BANDWIDTH",
  "BANDWIDTH_NOT_SETTABLE",
  "INVALID_CHARGE_TYPE",
]);

/**
 * A cloud backend's client-side check: the core's request-level rules on the request alone, errors and warnings
 * (a backend cannot send a value its API has no field for, so it refuses BANDWIDTH_NOT_SETTABLE too). The VPCs
 * are stand-ins with disjoint documentation blocks (RFC 5737), so that no CIDR rule fires.
 */
export function checkPeeringRequest(request: PeeringRequest): Diagnostic[] {
  const side = (id: string, region: string, cidr: string): VpcSpec => ({
    id,
    cloud: request.cloud,
    region,
    account: "requester",
    cidrs: [cidr],
  });
  const spec: PeeringSpec = { id: "request", name: request.name, vpc: "vpc", peerVpc: "peer-vpc" };
  if (request.bandwidthMbps !== undefined) spec.bandwidthMbps = request.bandwidthMbps;
  if (request.chargeType !== undefined) spec.chargeType = request.chargeType;
  if (request.serviceLevel !== undefined) spec.serviceLevel = request.serviceLevel;
  const document: TopologyDocument = {
    vpcs: [
      side("vpc", request.region, "192.0.2.0/24"),
      side("peer-vpc", request.peerRegion ?? request.region, "198.51.100.0/24"),
    ],
    peerings: [spec],
    routes: [],
    bandwidthPolicies: [],
  };
  return sortDiagnostics(validateTopology(document).diagnostics.filter((d) => REQUEST_CODES.has(d.code)));
}

/**
 * A cloud backend's client-side check of a new VPC's blocks: the rulebook's block rules (CIDR_NOT_ALLOWED), so a
 * backend whose cloud answers one code for every bad block still reports the core's code, as every other layer
 * does. Unparsable blocks stay the cloud's to refuse (INVALID_CIDR either way).
 */
export function checkVpcRequest(request: {
  readonly cloud: Cloud;
  readonly region: string;
  readonly name: string;
  readonly cidrs: readonly string[];
}): Diagnostic[] {
  const document: TopologyDocument = {
    vpcs: [
      {
        id: request.name,
        cloud: request.cloud,
        region: request.region,
        account: "requester",
        cidrs: [...request.cidrs],
      },
    ],
    peerings: [],
    routes: [],
    bandwidthPolicies: [],
  };
  return sortDiagnostics(validateTopology(document).diagnostics.filter((d) => d.code === "CIDR_NOT_ALLOWED"));
}
