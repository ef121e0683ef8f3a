/**
 * Huawei Cloud error codes ↔ peerlink codes: one table, used by the emulator's Huawei handler to render refusals
 * and by the huaweicloud backend to parse them back.
 *
 * Huawei answers in three shapes, by which layer refuses:
 * - the API gateway (signature, throttling): `{"error_msg", "error_code": "APIGW.0301", "request_id"}` (Huawei
 *   "API Request Signing Guide", FAQ "Common Errors Related to IAM Authentication Information": APIGW.0301
 *   "Incorrect IAM authentication information: verify aksk signature fail", HTTP 401; APIGW.0308 "The throttling
 *   threshold has been reached", HTTP 429);
 * - the VPC service's own v1 APIs (`/v1/{project_id}/vpcs`): `{"code": "VPC.0003", "message": "..."}` with the codes
 *   of the VPC API reference, section "Error Codes" (vpc_api_0003; the same table is in opentelekomcloud/docs
 *   doc/source/vpc/api-reference/error-codes.md): VPC.0003 VPC does not exist (404), VPC.0101 Param is invalid
 *   (400), VPC.0114 quota (409), VPC.0007 urlTenantId is not equal tokenTenantId (400), VPC.0111 Database Error
 *   (500);
 * - the Neutron-style v2.0 APIs (`/v2.0/vpc/peerings`, `/v2.0/vpc/routes`): `{"NeutronError": {"type", "message",
 *   "detail"}}`. The VPC error-code page explicitly excludes these ("excluding native OpenStack APIs") and Huawei
 *   publishes no type catalogue for peerings, so the `type` names below are the emulator's own, in Neutron's
 *   `<Resource><Problem>` naming style; the generic ones (NotFound, PolicyNotAuthorized, OverQuota, BadRequest,
 *   HTTPInternalServerError) are the names OpenStack Neutron itself sends;
 * - the v3 APIs (`/v3/{project_id}/vpc/vpcs...`, used for VPC reads and secondary CIDRs): `{"request_id",
 *   "error_msg", "error_code"}`, the error body every v3 page documents (API V3 "Adding a Secondary CIDR Block to a
 *   VPC" vpc_apiv3_0007 and "Removing ..." vpc_apiv3_0008: 400/401/403/404/409/500 answer request_id, error_msg,
 *   error_code). Those pages refer to the common error-code table and list no code of their own for a refused
 *   block, so `v3Code` below (where it differs from `vpcCode`) is the emulator's choice, named after the problem.
 *
 * The backend also understands responses it cannot match exactly, by HTTP status (see `peerlinkCodeOf`).
 */
import type { SubnetRule } from "../../core/subnet-rules.js";
import type { BackendCode } from "../errors.js";
import { codeOfAnswer, reverseCodeTable } from "../shared/cloud-codes.js";

export interface HuaweiErrorSpec {
  readonly status: number;
  /** `NeutronError.type` on the v2.0 APIs. */
  readonly neutronType: string;
  /** `code` on the v1 APIs. */
  readonly vpcCode: string;
  /** `error_code` on the v3 APIs when it must say more than `vpcCode` (the emulator's choice, see above). */
  readonly v3Code?: string;
}

const bad = (neutronType: string): HuaweiErrorSpec => ({ status: 400, neutronType, vpcCode: "VPC.0101" });
const conflict = (neutronType: string): HuaweiErrorSpec => ({
  status: 409,
  neutronType,
  vpcCode: "VPC.0101",
});

export const HUAWEI_ERRORS: Readonly<Record<BackendCode, HuaweiErrorSpec>> = {
  NOT_FOUND: { status: 404, neutronType: "NotFound", vpcCode: "VPC.0003" },
  PERMISSION_DENIED: { status: 403, neutronType: "PolicyNotAuthorized", vpcCode: "VPC.2701" },
  INVALID_STATE_TRANSITION: conflict("PeeringStatusConflict"),
  PEERING_NOT_ACTIVE: conflict("PeeringNotActive"),
  // Huawei documents 409 refusals for a VPC that still contains things (VPC.0104 subnets ... VPC.0120 extension
  // routes); it has none for peerings, so the emulator answers 409 with the extension-routes code (a peering's
  // routes are the VPC's extra routes).
  VPC_IN_USE: { status: 409, neutronType: "VpcInUse", vpcCode: "VPC.0120" },
  // The v1 subnet API's general code for a bad block (error codes page vpc_api_0003, "Creating a subnet": 400
  // VPC.0212 "Invalid subnet CIDR block." / "The subnet cidr is not valid."); the finer codes per problem are
  // HUAWEI_SUBNET_CODES below. Subnets have no Neutron-style API here, so `neutronType` is the emulator's own name.
  SUBNET_INVALID: { status: 400, neutronType: "SubnetInvalid", vpcCode: "VPC.0212" },
  IDEMPOTENCY_CONFLICT: conflict("IdempotencyConflict"),
  INVALID_PARAMETER: bad("BadRequest"),
  UNSUPPORTED_OPERATION: bad("NotSupported"),
  AUTH_FAILED: { status: 401, neutronType: "NotAuthenticated", vpcCode: "APIGW.0301" },
  THROTTLED: { status: 429, neutronType: "OverLimit", vpcCode: "APIGW.0308" },
  BACKEND_UNAVAILABLE: { status: 500, neutronType: "HTTPInternalServerError", vpcCode: "VPC.0111" },
  TIMEOUT: { status: 504, neutronType: "Timeout", vpcCode: "VPC.0111" },
  INVALID_DOCUMENT: bad("BadRequest"),
  // The v3 secondary-CIDR refusals need their own codes: VPC.0101 alone would read back as INVALID_PARAMETER.
  INVALID_CIDR: { ...bad("InvalidCidr"), v3Code: "VPC.ExtendCidrInvalid" },
  CIDR_NOT_ALLOWED: bad("InvalidCidr"),
  UNKNOWN_REFERENCE: { status: 404, neutronType: "NotFound", vpcCode: "VPC.0003" },
  SELF_PEERING: bad("PeeringSameVpc"),
  DUPLICATE_PEERING: conflict("PeeringExists"),
  CROSS_CLOUD_PEERING: bad("PeeringCrossCloud"),
  // Huawei documents no code for a cross-region request (its API has no peer-region field): the emulator's own
  // Neutron-style name, as for the other peering refusals above.
  CROSS_REGION_UNSUPPORTED: bad("PeeringCrossRegion"),
  // A planner refusal, never sent to a cloud: here to complete the table.
  INVALID_SPOKE_KEY: bad("BadRequest"),
  ROUTING_OUTSIDE_PEER: bad("BadRequest"),
  ROUTING_POLICY_INVALID: bad("BadRequest"),
  EXTERNAL_PEERING_INVALID: bad("BadRequest"),
  // A front end's argument check, never sent to a cloud either.
  INVALID_ARGUMENT: bad("BadRequest"),
  // Huawei documents IPv6 peering routes (rulebook), so the engine never raises it here: its own name anyway.
  IPV6_PEERING_UNSUPPORTED: bad("RouteIpv6Unsupported"),
  CIDR_OVERLAP: { ...bad("PeeringCidrOverlap"), v3Code: "VPC.ExtendCidrOverlapsPeer" },
  PEER_CIDR_CONFLICT: { ...bad("PeeringPeerCidrConflict"), v3Code: "VPC.ExtendCidrPeerConflict" },
  // Neutron's quota refusal: "Quota exceeded for resources: ['peering']" (VPC.0114 uses the same wording for VPCs).
  PEERING_LIMIT_EXCEEDED: { status: 409, neutronType: "OverQuota", vpcCode: "VPC.0114" },
  INVALID_BANDWIDTH: bad("InvalidBandwidth"),
  BANDWIDTH_NOT_SETTABLE: bad("BandwidthNotSettable"),
  INVALID_CHARGE_TYPE: bad("InvalidChargeType"),
  INVALID_NAME: bad("InvalidName"),
  ROUTE_NOT_ON_PEERING: bad("RouteNotOnPeering"),
  TRANSITIVE_ROUTE: bad("RouteTransitive"),
  ROUTE_DESTINATION_NOT_IN_PEER: bad("RouteDestinationNotInPeer"),
  ROUTE_CONFLICT: conflict("RouteConflict"),
  // Neutron's own refusal of one route too many (neutron_lib extraroute RoutesExhausted, a BadRequest: "The number
  // of routes exceeds the maximum %(quota)s."); the VPC error-code page lists no route-quota code for the v1 API.
  ROUTE_LIMIT_EXCEEDED: { status: 400, neutronType: "RoutesExhausted", vpcCode: "VPC.0101" },
  BANDWIDTH_POLICY_INVALID: bad("BandwidthPolicyInvalid"),
  MISSING_RETURN_ROUTE: bad("MissingReturnRoute"),
  PEERING_UNUSED: bad("PeeringUnused"),
  // Raised before any request (backends/read-only.ts); the generic code completes the table.
  READ_ONLY: bad("NotSupported"),
  // The audit's findings on a discovered estate: no cloud refuses a call with them; the generic code completes the table.
  ROUTE_PEERING_NOT_ACTIVE: bad("BadRequest"),
  PEERING_PENDING: bad("BadRequest"),
  PEERING_LEFTOVER: bad("BadRequest"),
  PEER_NOT_VISIBLE: bad("BadRequest"),
  DRIFT_MISSING: bad("BadRequest"),
  DRIFT_EXTRA: bad("BadRequest"),
  DRIFT_CHANGED: bad("BadRequest"),
};

/**
 * Huawei's v1 codes for a refused subnet, by the rule it breaks (core SubnetProblem.rule), as the VPC API
 * reference's "Error Codes" page (vpc_api_0003; opentelekomcloud/docs doc/source/vpc/api-reference/error-codes.md)
 * lists them under "Creating a subnet", all HTTP 400: VPC.0201 "Incorrect subnet parameters." ("Subnet name is
 * invalid."), VPC.0203 "The CIDR block of the subnet is not in the range of the VPC." ("Subnet is not in the range
 * of VPC."), VPC.0204 "The CIDR block of the subnet already exists in the VPC." ("The subnet has already existed in
 * the VPC, or has been in conflict with the VPC subnet."), VPC.0212 "Invalid subnet CIDR block." ("The subnet cidr
 * is not valid."). A gateway outside the block is a parameter of the subnet: VPC.0201. The block's size is no rule
 * of its own there: VPC.0212, as a block the reference's mask constraint refuses.
 */
export const HUAWEI_SUBNET_CODES = {
  name: "VPC.0201",
  gateway: "VPC.0201",
  withinVpc: "VPC.0203",
  disjoint: "VPC.0204",
  block: "VPC.0212",
  ipv4MaxPrefix: "VPC.0212",
  ipv6AtCreate: "VPC.0212",
} as const satisfies Record<SubnetRule, string>;

/**
 * The same page, "Deleting a VPC": 409 VPC.0104 "The VPC cannot be deleted because it contains subnets." ("Router
 * contains subnets, please delete subnet first."): the engine's VPC_IN_USE for a VPC holding subnets.
 */
export const HUAWEI_VPC_HAS_SUBNETS = "VPC.0104";

/** The API gateway's own codes (see the file comment). */
export const HUAWEI_GATEWAY = {
  AUTH: { status: 401, code: "APIGW.0301" },
  THROTTLE: { status: 429, code: "APIGW.0308" },
} as const;

/** Codes several peerlink codes share; parsing them back picks the general one. */
const PREFERRED: Readonly<Record<string, BackendCode>> = {
  NotFound: "NOT_FOUND",
  BadRequest: "INVALID_PARAMETER",
  "VPC.0003": "NOT_FOUND",
  "VPC.0101": "INVALID_PARAMETER",
  "VPC.0111": "BACKEND_UNAVAILABLE",
  "VPC.0007": "PERMISSION_DENIED",
  "APIGW.0301": "AUTH_FAILED",
  "APIGW.0308": "THROTTLED",
  // The finer subnet codes (HUAWEI_SUBNET_CODES, HUAWEI_VPC_HAS_SUBNETS); VPC.0201 stays INVALID_PARAMETER, since
  // show and delete answer it for a malformed subnet id too ("Querying a subnet": "Subnet ID is invalid.").
  "VPC.0203": "SUBNET_INVALID",
  "VPC.0204": "SUBNET_INVALID",
  "VPC.0104": "VPC_IN_USE",
  "VPC.0201": "INVALID_PARAMETER",
  // VPC.0202 is left to the HTTP status: the page gives it 404/500 for "Query subnet fail." and 500 for "Create
  // subnet failed.", so 404 reads as NOT_FOUND and 500 as BACKEND_UNAVAILABLE (retried).
  // Generic Neutron names a real endpoint may send.
  Conflict: "INVALID_STATE_TRANSITION",
  InUse: "VPC_IN_USE",
  InvalidInput: "INVALID_PARAMETER",
  NotAuthorized: "PERMISSION_DENIED",
};

const REVERSE = reverseCodeTable(
  (Object.entries(HUAWEI_ERRORS) as [BackendCode, HuaweiErrorSpec][]).map(([code, spec]) => [
    code,
    [spec.neutronType, spec.vpcCode, spec.v3Code],
  ]),
  PREFERRED,
);

/** The peerlink code for a Huawei cloud code, falling back on the HTTP status. */
export function peerlinkCodeOf(cloudCode: string | undefined, httpStatus: number): BackendCode {
  return codeOfAnswer(REVERSE, cloudCode, httpStatus);
}
