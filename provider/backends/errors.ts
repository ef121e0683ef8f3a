/**
 * Backend errors: one class, a stable peerlink `code` (documented in the README) plus the cloud's own error code
 * (`cloudCode`), so that a caller can branch on either and a user can search the cloud's docs for the latter.
 */
import { type Diagnostic, type DiagnosticCode, PeerlinkError } from "../core/index.js";

/** Codes only backends raise (the refusals that mirror a plan-time rule reuse its diagnostic code). */
export const BACKEND_ERROR_CODES = {
  NOT_FOUND: "The VPC, route table, peering, route or limit does not exist, or the caller cannot see it.",
  PERMISSION_DENIED: "The caller's account may not do this (not a side of the peering, or not the accepter).",
  INVALID_STATE_TRANSITION:
    "The peering's state does not allow the operation (e.g. accepting an ACTIVE one).",
  PEERING_NOT_ACTIVE: "A route or limit needs an ACTIVE peering.",
  VPC_IN_USE: "A VPC cannot be deleted while it is a side of a live peering or holds subnets.",
  SUBNET_INVALID:
    "A subnet's block is no IPv4 block, lies outside its VPC, overlaps another subnet or is too small, or the subnet asks for IPv6 where the cloud assigns none at creation.",
  IDEMPOTENCY_CONFLICT: "A client token was reused with different parameters.",
  INVALID_PARAMETER: "A parameter is malformed or out of range.",
  UNSUPPORTED_OPERATION: "The backend or cloud does not offer this operation.",
  AUTH_FAILED: "The credentials were refused.",
  THROTTLED: "The cloud's rate limit was hit (retried with backoff before surfacing).",
  BACKEND_UNAVAILABLE: "The backend failed or could not be reached (retried before surfacing).",
  TIMEOUT: "Waiting for a target state took longer than the timeout.",
  READ_ONLY: "A write was asked of a read-only session (discover, audit); nothing was sent to the cloud.",
} as const;
export type BackendErrorCode = keyof typeof BACKEND_ERROR_CODES;

/** Every code a backend error may carry. */
export type BackendCode = BackendErrorCode | DiagnosticCode;

export interface BackendErrorOptions {
  readonly cloudCode: string;
  readonly resource?: string;
  readonly value?: string;
  readonly fix?: string;
  readonly cause?: unknown;
  /** Throttling and transient server errors; never client errors. */
  readonly retryable?: boolean;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** Every problem a refusal found, when the core's rules found several (the code is the first one's). */
  readonly problems?: readonly Diagnostic[];
}

export class BackendError extends PeerlinkError {
  override readonly name = "BackendError";
  declare readonly code: BackendCode;
  readonly cloudCode: string;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  /** Every problem found (at least this error's own code); several when one request broke several rules. */
  readonly problems: readonly Diagnostic[];

  constructor(code: BackendCode, message: string, options: BackendErrorOptions) {
    super(code, options.fix ? `${message} Fix: ${options.fix}` : message, options);
    this.cloudCode = options.cloudCode;
    this.retryable = options.retryable ?? false;
    this.requestId = options.requestId;
    this.httpStatus = options.httpStatus;
    this.problems = options.problems ?? [];
  }
}

/**
 * A refusal from the wire said again by a backend that learned more once the cloud refused (which rule it was,
 * which resource already holds the place): what the wire gave (the cloud code, the request id, the HTTP status)
 * is kept, and the refusal itself is the cause.
 */
export function restated(
  error: BackendError,
  code: BackendCode,
  message: string,
  options: Omit<BackendErrorOptions, "cloudCode" | "requestId" | "httpStatus" | "cause">,
): BackendError {
  return new BackendError(code, message, {
    cloudCode: error.cloudCode,
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    cause: error,
    ...options,
  });
}

export function isBackendError(error: unknown, code?: BackendCode): error is BackendError {
  return error instanceof BackendError && (code === undefined || error.code === code);
}

/**
 * The cloud code the local backend reports for each peerlink code. The local engine speaks Tencent Cloud API 3.0
 * names (the richest catalogue, and the one the clouds' Terraform users search for); the emulator's Huawei and
 * Baidu handlers translate onto their own. Names are from the official SDK's list (tencentcloud-sdk-python-vpc
 * 3.1.193, tencentcloud/vpc/v20170312/errorcodes.py).
 */
export const TENCENT_CLOUD_CODES: Record<BackendCode, string> = {
  NOT_FOUND: "ResourceNotFound",
  PERMISSION_DENIED: "UnsupportedOperation.VpcPeerPurviewError",
  INVALID_STATE_TRANSITION: "UnsupportedOperation.VpcPeerInvalidStateChange",
  PEERING_NOT_ACTIVE: "UnsupportedOperation.InvalidState",
  VPC_IN_USE: "ResourceInUse",
  // errorcodes.py: "# 子网CIDR不合法。 INVALIDPARAMETERVALUE_SUBNETRANGE = 'InvalidParameterValue.SubnetRange'".
  SUBNET_INVALID: "InvalidParameterValue.SubnetRange",
  IDEMPOTENCY_CONFLICT: "InvalidParameterConflict",
  INVALID_PARAMETER: "InvalidParameterValue",
  UNSUPPORTED_OPERATION: "UnsupportedOperation",
  AUTH_FAILED: "AuthFailure",
  THROTTLED: "RequestLimitExceeded",
  BACKEND_UNAVAILABLE: "InternalError",
  TIMEOUT: "Timeout",
  INVALID_DOCUMENT: "InvalidParameter",
  INVALID_CIDR: "InvalidParameterValue.Malformed",
  CIDR_NOT_ALLOWED: "InvalidParameterValue.Malformed",
  UNKNOWN_REFERENCE: "ResourceNotFound",
  // Tencent documents no code for a VPC peered with itself: the generic one, which the tencentcloud backend reads
  // back through the core's request rules (checkPeeringRequest with the two VPC ids).
  SELF_PEERING: "InvalidParameterValue",
  DUPLICATE_PEERING: "UnsupportedOperation.VpcPeerAlreadyExist",
  CROSS_CLOUD_PEERING: "UnsupportedOperation",
  CROSS_REGION_UNSUPPORTED: "UnsupportedOperation",
  // A planner refusal, never sent to a cloud: here to complete the table.
  INVALID_SPOKE_KEY: "InvalidParameterValue",
  ROUTING_OUTSIDE_PEER: "InvalidParameterValue",
  ROUTING_POLICY_INVALID: "InvalidParameterValue",
  EXTERNAL_PEERING_INVALID: "InvalidParameterValue",
  // A front end's argument check, never sent to a cloud either.
  INVALID_ARGUMENT: "InvalidParameterValue",
  // A route through a peering with an IPv6 destination (rulebook ipv6PeeringRoutes: Tencent documents none).
  // tencentcloud-sdk-python vpc/v20170312/errorcodes.py: "# 不支持IPV6。 UNSUPPORTEDOPERATION_IPV6NOTSUPPORT =
  // 'UnsupportedOperation.Ipv6NotSupport'".
  IPV6_PEERING_UNSUPPORTED: "UnsupportedOperation.Ipv6NotSupport",
  CIDR_OVERLAP: "UnsupportedOperation.VpcPeerCidrConflict",
  // "对等连接本端VPC与对端VPC存在CIDR冲突,或一端与已建立的对等连接某一端冲突" (errorcodes.py).
  PEER_CIDR_CONFLICT: "UnauthorizedOperation.VpcPeerCidrConflict",
  PEERING_LIMIT_EXCEEDED: "LimitExceeded.VpcPeerTotalLimitExceeded",
  INVALID_BANDWIDTH: "InvalidParameterValue.Range",
  BANDWIDTH_NOT_SETTABLE: "InvalidParameterValue",
  INVALID_CHARGE_TYPE: "InvalidParameterValue",
  INVALID_NAME: "InvalidParameterValue.TooLong",
  // A next hop that is no peering of the route's VPC. Tencent documents no code for it in particular; the nearest
  // is the bad-next-hop one, tencentcloud-sdk-python vpc/v20170312/errorcodes.py: "# 自定义路由的下一跳参数不正确。
  // INVALIDPARAMETERVALUE_ROUTENEXTHOPINVALID = 'InvalidParameterValue.RouteNextHopInvalid'" (a peering of two
  // other VPCs is a wrong next hop for this table), and unlike the bare InvalidParameterValue it reads back as this
  // code alone.
  ROUTE_NOT_ON_PEERING: "InvalidParameterValue.RouteNextHopInvalid",
  // Tencent answers one code for both (a destination outside the peer VPC, wherever it lies): the tencentcloud
  // backend tells them apart on the refusal by asking the core about what it can read (shared/route-refusal.ts).
  TRANSITIVE_ROUTE: "InvalidParameterValue.CidrNotInPeerVpc",
  ROUTE_DESTINATION_NOT_IN_PEER: "InvalidParameterValue.CidrNotInPeerVpc",
  // Refined per case by the route code: VpcCidrConflict (own CIDR), Duplicate, EcmpWithUserRoute.
  ROUTE_CONFLICT: "InvalidParameterValue.Duplicate",
  // Tencent's per-table quota is open in the rulebook, so no layer raises this on a Tencent VPC; the common quota
  // code completes the table.
  ROUTE_LIMIT_EXCEEDED: "LimitExceeded",
  BANDWIDTH_POLICY_INVALID: "InvalidParameterValue",
  MISSING_RETURN_ROUTE: "InvalidParameterValue",
  PEERING_UNUSED: "InvalidParameterValue",
  // Raised before any request (backends/read-only.ts); the generic code completes the table.
  READ_ONLY: "UnsupportedOperation",
  // The audit's findings on a discovered estate: no cloud refuses a call with them; the generic code completes the table.
  ROUTE_PEERING_NOT_ACTIVE: "InvalidParameterValue",
  PEERING_PENDING: "InvalidParameterValue",
  PEERING_LEFTOVER: "InvalidParameterValue",
  PEER_NOT_VISIBLE: "InvalidParameterValue",
  DRIFT_MISSING: "InvalidParameterValue",
  DRIFT_EXTRA: "InvalidParameterValue",
  DRIFT_CHANGED: "InvalidParameterValue",
};
