/**
 * Baidu AI Cloud error codes ↔ peerlink codes: one table, used by the emulator's Baidu handler to render refusals
 * and by the baiducloud backend to parse them back. Baidu answers every error as `{"requestId", "code",
 * "message"}` with the HTTP status (VPC API reference, "Common Headers and Error Responses",
 * intl.cloud.baidu.com/doc/VPC/s/sjwvyuhe7-en).
 *
 * Documented codes used (BCE common error codes, same page and the authentication reference
 * intl.cloud.baidu.com/doc/Reference/s/Bjz3uz3qj-en): AccessDenied 403, InappropriateJSON 400 (a required item
 * missing or of the wrong type), MalformedJSON 400, InternalError 500, InvalidAccessKeyId 403,
 * InvalidHTTPAuthHeader 400, SignatureDoesNotMatch 400, RequestExpired 400, IdempotentParameterMismatch 403, and
 * NoSuchObject 404 (the page's own example). Baidu publishes no VPC-specific catalogue for peer connections and
 * route rules; those codes below are the emulator's own, in the same PascalCase style, and marked so.
 */
import type { BackendCode } from "../errors.js";
import { codeOfAnswer, reverseCodeTable } from "../shared/cloud-codes.js";

export interface BaiduErrorSpec {
  readonly status: number;
  readonly code: string;
}

const bad = (code: string): BaiduErrorSpec => ({ status: 400, code });
const conflict = (code: string): BaiduErrorSpec => ({ status: 409, code });

export const BAIDU_ERRORS: Readonly<Record<BackendCode, BaiduErrorSpec>> = {
  NOT_FOUND: { status: 404, code: "NoSuchObject" },
  PERMISSION_DENIED: { status: 403, code: "AccessDenied" },
  IDEMPOTENCY_CONFLICT: { status: 403, code: "IdempotentParameterMismatch" },
  INVALID_PARAMETER: bad("InappropriateJSON"),
  INVALID_DOCUMENT: bad("InappropriateJSON"),
  AUTH_FAILED: { status: 400, code: "SignatureDoesNotMatch" },
  BACKEND_UNAVAILABLE: { status: 500, code: "InternalError" },
  // Emulator-chosen (see the file comment).
  THROTTLED: { status: 429, code: "TooManyRequests" },
  TIMEOUT: { status: 504, code: "GatewayTimeout" },
  UNSUPPORTED_OPERATION: bad("UnsupportedOperation"),
  INVALID_STATE_TRANSITION: conflict("PeerConnStatusConflict"),
  PEERING_NOT_ACTIVE: conflict("PeerConnNotActive"),
  VPC_IN_USE: conflict("VpcInUse"),
  // Emulator-chosen: the VPC API's error page (intl.cloud.baidu.com/doc/VPC/s/sjwvyuhe7-en, "Public Header and
  // Error Return") lists only the BCE common codes, and 创建子网 (cloud.baidu.com/doc/VPC/s/Yjwvyu8o1) names no
  // error code; no documented code for a subnet outside its VPC was found (searched 2026-12).
  SUBNET_INVALID: bad("SubnetInvalidCidr"),
  INVALID_CIDR: bad("InvalidCidr"),
  CIDR_NOT_ALLOWED: bad("InvalidCidr"),
  UNKNOWN_REFERENCE: { status: 404, code: "NoSuchObject" },
  SELF_PEERING: bad("PeerConnSameVpc"),
  DUPLICATE_PEERING: conflict("PeerConnAlreadyExists"),
  CROSS_CLOUD_PEERING: bad("PeerConnCrossCloud"),
  // Baidu peerings may cross regions (rulebook); the code exists only to complete the table.
  CROSS_REGION_UNSUPPORTED: bad("PeerConnCrossRegion"),
  // A planner refusal, never sent to a cloud: here to complete the table.
  INVALID_SPOKE_KEY: bad("InvalidParameter"),
  ROUTING_OUTSIDE_PEER: bad("InvalidParameter"),
  ROUTING_POLICY_INVALID: bad("InvalidParameter"),
  EXTERNAL_PEERING_INVALID: bad("InvalidParameter"),
  // A front end's argument check, never sent to a cloud either.
  INVALID_ARGUMENT: bad("InvalidParameter"),
  // A route rule with an IPv6 destination through a peer connection (rulebook ipv6PeeringRoutes: none documented).
  IPV6_PEERING_UNSUPPORTED: bad("RouteRuleIpv6Unsupported"),
  CIDR_OVERLAP: bad("PeerConnCidrConflict"),
  PEER_CIDR_CONFLICT: bad("PeerConnPeerCidrConflict"),
  PEERING_LIMIT_EXCEEDED: conflict("PeerConnQuotaExceeded"),
  INVALID_BANDWIDTH: bad("PeerConnInvalidBandwidth"),
  BANDWIDTH_NOT_SETTABLE: bad("PeerConnBandwidthNotSettable"),
  INVALID_CHARGE_TYPE: bad("InvalidPaymentTiming"),
  INVALID_NAME: bad("InvalidName"),
  ROUTE_NOT_ON_PEERING: bad("RouteRuleNotOnPeerConn"),
  TRANSITIVE_ROUTE: bad("RouteRuleTransitive"),
  ROUTE_DESTINATION_NOT_IN_PEER: bad("RouteRuleDestinationNotInPeer"),
  ROUTE_CONFLICT: conflict("RouteRuleConflict"),
  ROUTE_LIMIT_EXCEEDED: conflict("RouteRuleQuotaExceeded"),
  BANDWIDTH_POLICY_INVALID: bad("InappropriateJSON"),
  MISSING_RETURN_ROUTE: bad("InappropriateJSON"),
  PEERING_UNUSED: bad("InappropriateJSON"),
  // Raised before any request (backends/read-only.ts); the generic code completes the table.
  READ_ONLY: bad("UnsupportedOperation"),
  // The audit's findings on a discovered estate: no cloud refuses a call with them; the generic code completes the table.
  ROUTE_PEERING_NOT_ACTIVE: bad("InvalidParameter"),
  PEERING_PENDING: bad("InvalidParameter"),
  PEERING_LEFTOVER: bad("InvalidParameter"),
  PEER_NOT_VISIBLE: bad("InvalidParameter"),
  DRIFT_MISSING: bad("InvalidParameter"),
  DRIFT_EXTRA: bad("InvalidParameter"),
  DRIFT_CHANGED: bad("InvalidParameter"),
};

/** Codes several peerlink codes share, or that only the gateway sends: parsed back to the general one. */
const PREFERRED: Readonly<Record<string, BackendCode>> = {
  NoSuchObject: "NOT_FOUND",
  InappropriateJSON: "INVALID_PARAMETER",
  // The planners' and the audit's codes share it: a generic refusal, never one of theirs.
  InvalidParameter: "INVALID_PARAMETER",
  MalformedJSON: "INVALID_PARAMETER",
  InvalidURI: "INVALID_PARAMETER",
  InvalidHTTPRequest: "INVALID_PARAMETER",
  InvalidAccessKeyId: "AUTH_FAILED",
  InvalidHTTPAuthHeader: "AUTH_FAILED",
  SignatureDoesNotMatch: "AUTH_FAILED",
  RequestExpired: "AUTH_FAILED",
  QualifyNotPass: "PERMISSION_DENIED",
  OptInRequired: "PERMISSION_DENIED",
};

const REVERSE = reverseCodeTable(
  (Object.entries(BAIDU_ERRORS) as [BackendCode, BaiduErrorSpec][]).map(([code, spec]) => [
    code,
    [spec.code],
  ]),
  PREFERRED,
);

/** The peerlink code for a Baidu cloud code, falling back on the HTTP status. */
export function peerlinkCodeOf(cloudCode: string | undefined, httpStatus: number): BackendCode {
  return codeOfAnswer(REVERSE, cloudCode, httpStatus);
}
