import { describe, expect, it } from "vitest";
import { type BackendCode, TENCENT_CLOUD_CODES } from "../../../provider/backends/errors.js";
import { isRetryableCode, peerlinkCodeOf } from "../../../provider/backends/tencentcloud/error-mapping.js";

describe("Tencent error codes onto peerlink codes", () => {
  it.each([
    ["RequestLimitExceeded", "CreateVpc", "THROTTLED"],
    ["RequestLimitExceeded.UinLimitExceeded", "CreateVpc", "THROTTLED"],
    ["InternalError", "CreateVpc", "BACKEND_UNAVAILABLE"],
    ["AuthFailure.SignatureFailure", "DescribeVpcs", "AUTH_FAILED"],
    ["AuthFailure.SignatureExpire", "DescribeVpcs", "AUTH_FAILED"],
    ["ResourceNotFound", "DeleteVpc", "NOT_FOUND"],
    ["InvalidRouteTableId.NotFound", "CreateRoutes", "NOT_FOUND"],
    ["InvalidRouteId.NotFound", "DeleteRoutes", "NOT_FOUND"],
    ["ResourceInUse", "DeleteVpc", "VPC_IN_USE"],
    ["UnsupportedOperation.VpcPeerCidrConflict", "CreateVpcPeeringConnection", "CIDR_OVERLAP"],
    ["UnauthorizedOperation.VpcPeerCidrConflict", "CreateVpcPeeringConnection", "PEER_CIDR_CONFLICT"],
    ["UnsupportedOperation.VpcPeerAlreadyExist", "CreateVpcPeeringConnection", "DUPLICATE_PEERING"],
    ["LimitExceeded.VpcPeerTotalLimitExceeded", "CreateVpcPeeringConnection", "PEERING_LIMIT_EXCEEDED"],
    ["LimitExceeded.VpcPeerAvaLimitExceeded", "CreateVpcPeeringConnection", "PEERING_LIMIT_EXCEEDED"],
    [
      "UnsupportedOperation.VpcPeerInvalidStateChange",
      "AcceptVpcPeeringConnection",
      "INVALID_STATE_TRANSITION",
    ],
    ["UnsupportedOperation.VpcPeerPurviewError", "AcceptVpcPeeringConnection", "PERMISSION_DENIED"],
    ["UnsupportedOperation.InvalidState", "CreateRoutes", "PEERING_NOT_ACTIVE"],
    ["InvalidParameterValue.CidrNotInPeerVpc", "CreateRoutes", "ROUTE_DESTINATION_NOT_IN_PEER"],
    ["InvalidParameterValue.Duplicate", "CreateRoutes", "ROUTE_CONFLICT"],
    ["InvalidParameterValue.Duplicate", "CreateRouteTable", "INVALID_PARAMETER"],
    ["InvalidParameterValue.VpcCidrConflict", "CreateRoutes", "ROUTE_CONFLICT"],
    ["UnsupportedOperation.EcmpWithUserRoute", "CreateRoutes", "ROUTE_CONFLICT"],
    ["InvalidParameterValue.Range", "ModifyVpcPeeringConnection", "INVALID_BANDWIDTH"],
    ["InvalidParameterValue.Range", "DescribeVpcPeeringConnections", "INVALID_PARAMETER"],
    ["InvalidParameterValue.TooLong", "CreateVpcPeeringConnection", "INVALID_NAME"],
    ["InvalidParameterValue.Malformed", "CreateVpc", "INVALID_CIDR"],
    ["InvalidParameterConflict", "CreateVpcPeeringConnection", "IDEMPOTENCY_CONFLICT"],
    ["MissingParameter", "CreateVpc", "INVALID_PARAMETER"],
    ["UnknownParameter", "CreateVpc", "INVALID_PARAMETER"],
    ["InvalidAction", "RunInstances", "UNSUPPORTED_OPERATION"],
    ["UnsupportedOperation", "CreateRoutes", "UNSUPPORTED_OPERATION"],
    ["SomethingNew.Entirely", "CreateVpc", "INVALID_PARAMETER"],
  ])("%s (%s) -> %s", (cloudCode, action, code) => {
    expect(peerlinkCodeOf(cloudCode, action)).toBe(code);
  });

  it("inverts TENCENT_CLOUD_CODES: every cloud code maps back to a peerlink code with that same cloud code", () => {
    // Except "InvalidParameter" (INVALID_DOCUMENT for the local engine): from a cloud it means a malformed request.
    expect(peerlinkCodeOf("InvalidParameter", "CreateVpc")).toBe("INVALID_PARAMETER");
    for (const [code, cloudCode] of Object.entries(TENCENT_CLOUD_CODES) as [BackendCode, string][]) {
      if (cloudCode === "InvalidParameter") continue;
      const back = peerlinkCodeOf(
        cloudCode,
        code === "INVALID_BANDWIDTH" ? "CreateVpcPeeringConnection" : "CreateRoutes",
      );
      expect([cloudCode, TENCENT_CLOUD_CODES[back]]).toEqual([cloudCode, cloudCode]);
    }
  });

  it("retries only throttling and transient failures", () => {
    expect(isRetryableCode("THROTTLED")).toBe(true);
    expect(isRetryableCode("BACKEND_UNAVAILABLE")).toBe(true);
    for (const code of ["CIDR_OVERLAP", "AUTH_FAILED", "NOT_FOUND", "INVALID_PARAMETER"] as const)
      expect(isRetryableCode(code)).toBe(false);
  });
});
