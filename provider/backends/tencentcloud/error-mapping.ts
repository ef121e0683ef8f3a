/**
 * Tencent Cloud API 3.0 error codes onto peerlink codes: the inverse of TENCENT_CLOUD_CODES (../errors.ts), with
 * the common codes (AuthFailure.*, RequestLimitExceeded, InternalError, MissingParameter...) added. Where one
 * Tencent code stands for several peerlink codes, the action decides (InvalidParameterValue.Range is a bad
 * bandwidth on a peering call, a bad paging range elsewhere); otherwise the most general code wins.
 */
import { type BackendCode, TENCENT_CLOUD_CODES } from "../errors.js";

const EXACT: Readonly<Record<string, BackendCode>> = {
  ResourceNotFound: "NOT_FOUND",
  "InvalidRouteTableId.NotFound": "NOT_FOUND",
  "InvalidRouteId.NotFound": "NOT_FOUND",
  "InvalidVpcId.NotFound": "NOT_FOUND",
  "InvalidParameterValue.ResourceNotFound": "NOT_FOUND",
  ResourceInUse: "VPC_IN_USE",
  // CreateSubnet: "CIDR与同一个私有网络内的另一个子网发生重叠。" (errorcodes.py); SubnetRange, "子网CIDR不合法。", is
  // SUBNET_INVALID's own code (TENCENT_CLOUD_CODES), found by the inverse table.
  "InvalidParameterValue.SubnetOverlap": "SUBNET_INVALID",
  InvalidParameterValue: "INVALID_PARAMETER",
  // A block Tencent refuses: unparsable (INVALID_CIDR) or outside its VPC ranges (CIDR_NOT_ALLOWED) share this
  // code; the general one wins.
  "InvalidParameterValue.Malformed": "INVALID_CIDR",
  InvalidParameter: "INVALID_PARAMETER",
  MissingParameter: "INVALID_PARAMETER",
  UnknownParameter: "INVALID_PARAMETER",
  InvalidAction: "UNSUPPORTED_OPERATION",
  NoSuchVersion: "UNSUPPORTED_OPERATION",
  UnsupportedOperation: "UNSUPPORTED_OPERATION",
  UnauthorizedOperation: "PERMISSION_DENIED",
  "InvalidParameterValue.VpcCidrConflict": "ROUTE_CONFLICT",
  "UnsupportedOperation.EcmpWithUserRoute": "ROUTE_CONFLICT",
  "InvalidParameterValue.CidrNotInPeerVpc": "ROUTE_DESTINATION_NOT_IN_PEER",
  InternalServerError: "BACKEND_UNAVAILABLE",
  ServiceUnavailable: "BACKEND_UNAVAILABLE",
  ResourceUnavailable: "BACKEND_UNAVAILABLE",
};

/** The unambiguous entries of TENCENT_CLOUD_CODES, inverted (a cloud code used by one peerlink code only). */
const INVERSE: ReadonlyMap<string, BackendCode> = (() => {
  const uses = new Map<string, BackendCode[]>();
  for (const [code, cloud] of Object.entries(TENCENT_CLOUD_CODES) as [BackendCode, string][])
    uses.set(cloud, [...(uses.get(cloud) ?? []), code]);
  return new Map(
    [...uses].filter(([, codes]) => codes.length === 1).map(([cloud, [code]]) => [cloud, code!]),
  );
})();

const PEERING_WRITES = new Set(["CreateVpcPeeringConnection", "ModifyVpcPeeringConnection"]);

/**
 * CreateAssistantCidr's refusals of a block (tencentcloud-sdk-go vpc/v20170312/client.go lists VpcCidrConflict,
 * Duplicate, SubnetConflict, SubnetOverlapAssistCidr, SubnetRange): the block clashes with the VPC's own blocks or
 * subnets, so it is a bad CIDR, not the route clash VpcCidrConflict and Duplicate mean on CreateRoutes.
 */
const ASSISTANT_CIDR_CONFLICTS = new Set([
  "InvalidParameterValue.VpcCidrConflict",
  "InvalidParameterValue.Duplicate",
  "InvalidParameterValue.SubnetConflict",
  "InvalidParameterValue.SubnetOverlapAssistCidr",
  "InvalidParameterValue.SubnetRange",
]);

export function peerlinkCodeOf(cloudCode: string, action: string): BackendCode {
  if (cloudCode.startsWith("RequestLimitExceeded")) return "THROTTLED";
  if (cloudCode.startsWith("InternalError")) return "BACKEND_UNAVAILABLE";
  if (cloudCode.startsWith("AuthFailure")) return "AUTH_FAILED";
  if (action === "CreateAssistantCidr" && ASSISTANT_CIDR_CONFLICTS.has(cloudCode)) return "INVALID_CIDR";
  if (cloudCode === "InvalidParameterValue.Range")
    return PEERING_WRITES.has(action) ? "INVALID_BANDWIDTH" : "INVALID_PARAMETER";
  if (cloudCode === "InvalidParameterValue.Duplicate")
    return action === "CreateRoutes" ? "ROUTE_CONFLICT" : "INVALID_PARAMETER";
  if (cloudCode === "InvalidParameterValue.Empty")
    return PEERING_WRITES.has(action) ? "INVALID_NAME" : "INVALID_PARAMETER";
  const exact = EXACT[cloudCode] ?? INVERSE.get(cloudCode);
  if (exact) return exact;
  if (cloudCode.endsWith(".NotFound")) return "NOT_FOUND";
  if (cloudCode.startsWith("LimitExceeded.VpcPeer")) return "PEERING_LIMIT_EXCEEDED";
  if (cloudCode.startsWith("InvalidParameter")) return "INVALID_PARAMETER";
  if (cloudCode.startsWith("UnauthorizedOperation")) return "PERMISSION_DENIED";
  if (cloudCode.startsWith("UnsupportedOperation")) return "UNSUPPORTED_OPERATION";
  return "INVALID_PARAMETER";
}

/** Throttling and transient server errors are retried; nothing else is. */
export function isRetryableCode(code: BackendCode): boolean {
  return code === "THROTTLED" || code === "BACKEND_UNAVAILABLE";
}
