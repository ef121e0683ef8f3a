/**
 * The Baidu AI Cloud VPC protocol (BCE v1 REST) over the local state engine:
 * - VPC: POST /v1/vpc?clientToken, GET /v1/vpc, GET and DELETE /v1/vpc/{vpcId} ("VPC-Related Interfaces");
 * - subnets: POST /v1/subnet?clientToken (创建子网, cloud.baidu.com/doc/VPC/s/Yjwvyu8o1), GET /v1/subnet?marker&maxKeys
 *   &vpcId&zoneName&subnetType (查询子网列表), GET /v1/subnet/{subnetId} (查询指定子网), DELETE
 *   /v1/subnet/{subnetId}?clientToken (删除子网); the paths and fields bce-python-sdk 0.9.79 subnet_client.py sends;
 * - peer connections: POST /v1/peerconn?clientToken (body of seed 001 createPeerConn and "Create peering
 *   connections": bandwidthInMbps, localVpcId, peerVpcId, peerRegion, peerAccountId, localIfName, description,
 *   billing.paymentTiming; answer {"peerConnId"}), GET /v1/peerconn?vpcId&marker&maxKeys, GET /v1/peerconn/{id}?role,
 *   PUT /v1/peerconn/{id}?accept | ?reject ("Process Peer Connection Application", acceptor only), ?resize (body
 *   newBandwidthInMbps), and with no action flag, only `?clientToken` or nothing, the update of the interface
 *   name and description ("Update the Local Interface Name and Comments of Peer Connection",
 *   cloud.baidu.com/doc/VPC/s/1jwvyufpd: body localIfId, description, localIfName; as bce-python-sdk 0.9.79
 *   peerconn_client.py `update_peerconn`, bce-sdk-go services/vpc/peerconn.go `UpdatePeerConn` and bce-sdk-java
 *   PeerConnClient `modifyPeerConn` send it), DELETE /v1/peerconn/{id} (release). The Java SDK sends a JSON body
 *   with accept, reject and release too; it is not read;
 * - routes: GET /v1/route?vpcId|routeTableId (the VPC's route table), POST /v1/route/rule?clientToken (nexthopType
 *   peerConn), GET /v1/route/rule?routeTableId, DELETE /v1/route/rule/{routeRuleId}.
 * Lists page with marker / maxKeys and answer {marker, isTruncated, nextMarker, maxKeys}. Every request is signed
 * with bce-auth-v1 (./bce-auth-v1.ts); the signing AK selects the account.
 *
 *
 * This is the protocol object of the shared pipeline (../pipeline.ts): which request names which action, the
 * signature and the error bodies; the actions are the table of ./actions.ts.
 */
import { randomUUID } from "node:crypto";
import { BackendError } from "../../backends/errors.js";
import { type Protocol, pipelineHandler } from "../pipeline.js";
import type { EmulatorRequest, EmulatorResponse, ProtocolHandler } from "../protocol.js";
import { ACTIONS, type BaiduAnswer, type BaiduCall } from "./actions.js";
import { verifyBceRequest } from "./bce-auth-v1.js";
import { BaiduError, BaiduRequestError, baiduError, baiduErrorOf, baiduResponse } from "./errors.js";

/** The region a request is served in: from a real endpoint's host (bcc.bj.baidubce.com), else this default. */
export const BAIDU_DEFAULT_REGION = "bj";

const PATHS = /^\/v1\/(vpc|subnet|peerconn|route\/rule|route)(?:\/([^/]+))?\/?$/;

function regionOf(request: EmulatorRequest): string {
  const host = (request.headers.host ?? "").split(":")[0] ?? "";
  return /^(?:bcc|vpc)\.([a-z]+)\.baidubce\.com$/.exec(host)?.[1] ?? BAIDU_DEFAULT_REGION;
}

/** The flag of a PUT on a peer connection; none is the update of its name and description. */
function peerConnAction(query: URLSearchParams): string {
  if (query.has("accept")) return "AcceptPeerConn";
  if (query.has("reject")) return "RejectPeerConn";
  if (query.has("resize")) return "ResizePeerConn";
  return "UpdatePeerConn";
}

/**
 * The API a method names on a resource, by the shapes Baidu's reference gives (a collection or one item); ""
 * (no action: 405) for a method the shape does not take. `/v1/route` is the route table whatever the method.
 */
function actionOf(request: EmulatorRequest, resource: string, id: string | undefined): string {
  const m = request.method;
  if (resource === "route") return "GetRouteTable";
  const shape = `${m} ${id === undefined ? "list" : "item"}`;
  if (resource === "vpc")
    return (
      { "POST list": "CreateVpc", "GET list": "ListVpcs", "GET item": "GetVpc", "DELETE item": "DeleteVpc" }[
        shape
      ] ?? ""
    );
  if (resource === "subnet")
    return (
      {
        "POST list": "CreateSubnet",
        "GET list": "ListSubnets",
        "GET item": "GetSubnet",
        "DELETE item": "DeleteSubnet",
      }[shape] ?? ""
    );
  if (resource === "peerconn") {
    if (shape === "PUT item") return peerConnAction(request.query);
    return (
      {
        "POST list": "CreatePeerConn",
        "GET list": "ListPeerConns",
        "GET item": "GetPeerConn",
        "DELETE item": "ReleasePeerConn",
      }[shape] ?? ""
    );
  }
  return (
    { "POST list": "CreateRouteRule", "GET list": "ListRouteRules", "DELETE item": "DeleteRouteRule" }[
      shape
    ] ?? ""
  );
}

function requestIdOf(): string {
  return randomUUID();
}

/** An account over its rate for an action (Baidu's THROTTLED answer). */
class BaiduRequestThrottled extends Error {}

const INTERNAL = "We encountered an internal error. Please try again.";

export const baiducloudProtocol: Protocol<BaiduCall, BaiduAnswer> = {
  cloud: "baiducloud",

  matches: (request) => PATHS.test(request.path),

  recognise(request) {
    const m = PATHS.exec(request.path);
    if (!m) throw new BaiduError(400, "InvalidURI", "Could not parse the specified URI.");
    const [, resource, id] = m as unknown as [string, string, string | undefined];
    return { action: actionOf(request, resource, id), id, region: regionOf(request) };
  },

  authenticate(request, _call, context) {
    const verified = verifyBceRequest(request, {
      secretKeyOf: (ak) => context.accountByKey(ak)?.secretKey,
      now: context.clock.now(),
      maxSkewMs: context.maxSkewMs,
    });
    if (!verified.ok)
      throw new BaiduError(
        verified.code === "InvalidAccessKeyId" ? 403 : 400,
        verified.code,
        verified.message,
      );
    const account = context.accountByKey(verified.accessKey);
    if (!account)
      throw new BaiduError(
        403,
        "InvalidAccessKeyId",
        "The Access Key ID you provided does not exist in our records.",
      );
    return account;
  },

  actions: ACTIONS,

  unknownAction: (_call, request) =>
    new BaiduError(405, "InvalidHTTPRequest", `${request.method} is not supported here.`),

  throttled: (_call, action) => new BaiduRequestThrottled(`Request rate of ${action} exceeded the limit.`),

  render: (answer, _call, _request, requestId) => baiduResponse(200, answer, requestId),

  renderError(error, _call, _request, rid) {
    if (error instanceof BaiduError) return baiduError(error.status, error.code, error.message, rid);
    if (error instanceof BaiduRequestThrottled) return baiduErrorOf("THROTTLED", error.message, rid);
    if (error instanceof BaiduRequestError) {
      return error.cloudCode
        ? baiduError(400, error.cloudCode, error.message, rid)
        : baiduErrorOf(error.code, error.message, rid);
    }
    if (error instanceof BackendError) return baiduErrorOf(error.code, error.message, rid);
    return baiduErrorOf("BACKEND_UNAVAILABLE", INTERNAL, rid);
  },

  requestId: requestIdOf,

  /**
   * No Baidu page found states a body limit for the VPC API or a code for an oversized body: the emulator keeps its
   * own 1 MiB (the VPC bodies are a few KB) and answers Baidu's error body with HTTP 413 and the name
   * RequestEntityTooLarge, the emulator's, like the peering codes of ../../backends/baiducloud/error-codes.ts.
   */
  maxBodyBytes: 1024 * 1024,
  bodyTooLarge(_request, limit, received): EmulatorResponse {
    return baiduError(
      413,
      "RequestEntityTooLarge",
      `The request body is ${received} bytes, over the ${limit}-byte limit.`,
      requestIdOf(),
    );
  },
  faultResponse(kind): EmulatorResponse {
    const rid = requestIdOf();
    return kind === "throttle"
      ? baiduErrorOf("THROTTLED", "Request rate exceeded the limit.", rid)
      : baiduErrorOf("BACKEND_UNAVAILABLE", INTERNAL, rid);
  },
};

export const baiducloudHandler: ProtocolHandler = pipelineHandler(baiducloudProtocol);
