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
  /** The two VPCs' ids, where the caller has them: one VPC on both sides in one region is SELF_PEERING. */
  readonly vpcId?: string | undefined;
  readonly peerVpcId?: string | undefined;
}

/** The rules a request can be judged by without the VPCs' CIDRs (the sides, region, name, bandwidth, billing). */
const REQUEST_CODES: ReadonlySet<DiagnosticCode> = new Set([
  "SELF_PEERING",
  "CROSS_REGION_UNSUPPORTED",
  "INVALID_NAME",
  "INVALID_BANDWIDTH",
  "BANDWIDTH_NOT_SETTABLE",
  "INVALID_CHARGE_TYPE",
]);

/**
 * A cloud backend's client-side check: the core's request-level rules on the request alone, errors and warnings
 * (a backend cannot send a value its API has no field for, so it refuses BANDWIDTH_NOT_SETTABLE too). The VPCs
 * are stand-ins with disjoint documentation blocks (RFC 5737), so that no CIDR rule fires; given both VPC ids, one
 * VPC on both sides is one stand-in peered with itself.
 */
export function checkPeeringRequest(request: PeeringRequest): Diagnostic[] {
  const side = (id: string, region: string, cidr: string): VpcSpec => ({
    id,
    cloud: request.cloud,
    region,
    account: "requester",
    cidrs: [cidr],
  });
  const peerRegion = request.peerRegion ?? request.region;
  const self =
    request.vpcId !== undefined && request.vpcId === request.peerVpcId && peerRegion === request.region;
  // Named as the caller names them where it can, so that a message says which VPCs and which peering.
  const vpcId = request.vpcId ?? "vpc";
  // One id on both sides in two regions names two VPCs to the request rules, which need two distinct stand-ins.
  const peerVpcId = self
    ? vpcId
    : request.peerVpcId === undefined
      ? "peer-vpc"
      : request.peerVpcId === vpcId
        ? `${vpcId} (${peerRegion})`
        : request.peerVpcId;
  const named = request.name.length > 64 ? `${request.name.slice(0, 24)}…` : request.name;
  const spec: PeeringSpec = { id: named || "request", name: request.name, vpc: vpcId, peerVpc: peerVpcId };
  if (request.bandwidthMbps !== undefined) spec.bandwidthMbps = request.bandwidthMbps;
  if (request.chargeType !== undefined) spec.chargeType = request.chargeType;
  if (request.serviceLevel !== undefined) spec.serviceLevel = request.serviceLevel;
  const document: TopologyDocument = {
    vpcs: [
      side(vpcId, request.region, "192.0.2.0/24"),
      ...(self ? [] : [side(peerVpcId, peerRegion, "198.51.100.0/24")]),
    ],
    peerings: [spec],
    routes: [],
    bandwidthPolicies: [],
  };
  return sortDiagnostics(validateTopology(document).diagnostics.filter((d) => REQUEST_CODES.has(d.code)));
}

/**
 * A cloud backend's client-side check of a new VPC's blocks: the rulebook's block rules (CIDR_NOT_ALLOWED) on every
 * block, and the core's form rules (INVALID_CIDR: unparsable, not canonical, host bits set) on the primary block,
 * which the create call carries, so a backend whose cloud answers one code for every bad parameter (Huawei's v1
 * CreateVpc: VPC.0101 "Param is invalid") still reports the core's code, as every other layer does. The secondary
 * blocks go by calls of their own whose refusals say which (Tencent CreateAssistantCidr, Huawei add-extend-cidr),
 * and the backends check their form before creating anything (shared/secondary-cidrs.ts).
 */
export function checkVpcRequest(request: {
  readonly cloud: Cloud;
  readonly region: string;
  readonly name: string;
  readonly cidrs: readonly string[];
}): Diagnostic[] {
  const documentOf = (cidrs: readonly string[]): TopologyDocument => ({
    vpcs: [
      {
        id: request.name,
        cloud: request.cloud,
        region: request.region,
        account: "requester",
        cidrs: [...cidrs],
      },
    ],
    peerings: [],
    routes: [],
    bandwidthPolicies: [],
  });
  const notAllowed = validateTopology(documentOf(request.cidrs)).diagnostics.filter(
    (d) => d.code === "CIDR_NOT_ALLOWED",
  );
  const primary = request.cidrs.slice(0, 1);
  const form = validateTopology(documentOf(primary)).diagnostics.filter((d) => d.code === "INVALID_CIDR");
  return sortDiagnostics([...form, ...notAllowed]);
}
