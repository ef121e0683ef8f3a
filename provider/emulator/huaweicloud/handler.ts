/**
 * The Huawei Cloud VPC protocol over the local state engine: the v1 VPC APIs (`/v1/{project_id}/vpcs`, route tables
 * `/v1/{project_id}/routetables`, subnets `/v1/{project_id}/subnets` and `.../vpcs/{vpc_id}/subnets/{subnet_id}`), the Neutron-style v2.0 peering and route APIs (`/v2.0/vpc/peerings`,
 * `/v2.0/vpc/routes`) and the v3 VPC reads and secondary CIDRs (`GET /v3/{project_id}/vpc/vpcs[/{vpc_id}]`,
 * `PUT .../{vpc_id}/add-extend-cidr` and `.../remove-extend-cidr`), as the official SDK calls them
 * (@huaweicloud/huaweicloud-sdk-vpc 3.1.173, v2/VpcClient.js and v3/VpcClient.js: paths, methods, bodies) and as the
 * API reference answers (seed 004 for POST /v2.0/vpc/peerings: same tenant ACTIVE
 * at once, cross tenant PENDING_ACCEPTANCE; opentelekomcloud/docs doc/source/vpc/api-reference/*: 201 for the
 * Neutron-style creates, 200 for v1 creates and PUTs, 204 for deletes; accept and reject answer the peering object
 * unwrapped, as AcceptVpcPeeringResponse models it).
 *
 * Every request is signed (SDK-HMAC-SHA256, ./sdk-hmac-sha256.ts); the signing AK selects the account, which is
 * the Huawei project (tenant) id. A `project_id` in the path or an X-Project-Id header naming another project is
 * refused with VPC.0007 "urlTenantId is not equal tokenTenantId".
 *
 * This is the protocol object of the shared pipeline (../pipeline.ts): which request names which action, the
 * signature, the project check and the error bodies; the actions are the table of ./actions.ts.
 */
import { randomUUID } from "node:crypto";
import { BackendError } from "../../backends/errors.js";
import { type Protocol, pipelineHandler } from "../pipeline.js";
import type { EmulatorRequest, EmulatorResponse, ProtocolHandler } from "../protocol.js";
import { ACTIONS, type HuaweiAnswer, type HuaweiCall } from "./actions.js";
import {
  type ApiFamily,
  apiError,
  gatewayError,
  HuaweiApiError,
  HuaweiGatewayError,
  HuaweiTenantMismatch,
  renderBackendError,
  tenantMismatch,
} from "./errors.js";
import { verifyRequest } from "./sdk-hmac-sha256.js";

/** The region a request is served in: from a real endpoint's host name, else this default. */
export const HUAWEI_DEFAULT_REGION = "cn-north-4";

const V1 = /^\/v1\/([^/]+)\/(vpcs|routetables|subnets)(?:\/([^/]+))?\/?$/;
/** DeleteSubnet's path names the VPC too: `DELETE /v1/{project_id}/vpcs/{vpc_id}/subnets/{subnet_id}`. */
const V1_VPC_SUBNET = /^\/v1\/([^/]+)\/vpcs\/([^/]+)\/subnets\/([^/]+)\/?$/;
const PEERINGS = /^\/v2\.0\/vpc\/peerings(?:\/([^/]+)(?:\/(accept|reject))?)?\/?$/;
const ROUTES = /^\/v2\.0\/vpc\/routes(?:\/([^/]+))?\/?$/;
const V3_VPCS = /^\/v3\/([^/]+)\/vpc\/vpcs(?:\/([^/]+)(?:\/(add-extend-cidr|remove-extend-cidr))?)?\/?$/;

function regionOf(request: EmulatorRequest): string {
  const host = (request.headers.host ?? "").split(":")[0] ?? "";
  const m = /^vpc\.([a-z]{2}-[a-z]+-\d+)\.myhuaweicloud\.com$/.exec(host);
  return m?.[1] ?? HUAWEI_DEFAULT_REGION;
}

const ACTION_NAMES: Readonly<Record<string, string>> = {
  "POST vpcs": "CreateVpc",
  "GET vpcs": "ListVpcs",
  "GET vpcs/id": "ShowVpc",
  "DELETE vpcs/id": "DeleteVpc",
  "POST routetables": "CreateRouteTable",
  "GET routetables": "ListRouteTables",
  "GET routetables/id": "ShowRouteTable",
  "PUT routetables/id": "UpdateRouteTable",
  // v1 subnets (v2/VpcClient.js createSubnet, listSubnets, showSubnet, deleteSubnet; API reference
  // vpc_subnet01_0001 / 0003 / 0002 / 0005).
  "POST subnets": "CreateSubnet",
  "GET subnets": "ListSubnets",
  "GET subnets/id": "ShowSubnet",
  "DELETE vpcs/id/subnets/id": "DeleteSubnet",
  "POST peerings": "CreateVpcPeering",
  "GET peerings": "ListVpcPeerings",
  "GET peerings/id": "ShowVpcPeering",
  "PUT peerings/id": "UpdateVpcPeering",
  "DELETE peerings/id": "DeleteVpcPeering",
  "PUT peerings/id/accept": "AcceptVpcPeering",
  "PUT peerings/id/reject": "RejectVpcPeering",
  "POST routes": "CreateVpcRoute",
  "GET routes": "ListVpcRoutes",
  "GET routes/id": "ShowVpcRoute",
  "DELETE routes/id": "DeleteVpcRoute",
  // v3 (v3/VpcClient.js); its listVpcs / showVpc are rate limited as the v1 names above, as their SDK methods are
  // named alike.
  "v3 GET vpcs": "v3.ListVpcs",
  "v3 GET vpcs/id": "v3.ShowVpc",
  "v3 PUT vpcs/id/add-extend-cidr": "AddVpcExtendCidr",
  "v3 PUT vpcs/id/remove-extend-cidr": "RemoveVpcExtendCidr",
};

/** The action a method names on a path shape; "" (no action: 405) for a method the path does not take. */
function actionName(
  prefix: "" | "v3 ",
  method: string,
  resource: string,
  id: string | undefined,
  sub?: string,
): string {
  const key = `${prefix}${method} ${resource}${id === undefined ? "" : "/id"}${sub === undefined ? "" : `/${sub}`}`;
  return ACTION_NAMES[key] ?? "";
}

/** The call of a request's method and path, or undefined when no Huawei API has that path. */
function route(request: EmulatorRequest): HuaweiCall | undefined {
  const { method, path } = request;
  const call = (
    family: ApiFamily,
    action: string,
    projectInPath: string | undefined,
    id: string | undefined,
    vpcInPath?: string,
  ) => ({
    family,
    action,
    ...(action === "v3.ListVpcs" || action === "v3.ShowVpc" ? { limitAs: action.slice(3) } : {}),
    projectInPath,
    id,
    vpcInPath,
    region: regionOf(request),
  });
  const vpcSubnet = V1_VPC_SUBNET.exec(path);
  if (vpcSubnet) {
    const [, project, vpcId, subnetId] = vpcSubnet;
    const action = ACTION_NAMES[`${method} vpcs/id/subnets/id`] ?? "";
    return call("v1", action, project, subnetId, vpcId);
  }
  const v1 = V1.exec(path);
  if (v1) {
    const [, project, resource, id] = v1;
    return call("v1", actionName("", method, resource as string, id), project, id);
  }
  const v3 = V3_VPCS.exec(path);
  if (v3) {
    const [, project, id, sub] = v3;
    return call("v3", actionName("v3 ", method, "vpcs", id, sub), project, id);
  }
  const p = PEERINGS.exec(path);
  if (p) {
    const [, id, sub] = p;
    return call("v2.0", actionName("", method, "peerings", id, sub), undefined, id);
  }
  const r = ROUTES.exec(path);
  if (r) {
    const [, id] = r;
    return call("v2.0", actionName("", method, "routes", id), undefined, id);
  }
  return undefined;
}

function requestIdOf(): string {
  return randomUUID().replaceAll("-", "");
}

class NoSuchApi extends Error {}

export const huaweicloudProtocol: Protocol<HuaweiCall, HuaweiAnswer> = {
  cloud: "huaweicloud",

  matches: (request) => route(request) !== undefined,

  recognise(request) {
    const call = route(request);
    if (!call) throw new NoSuchApi(`No API at ${request.method} ${request.path}.`);
    return call;
  },

  authenticate(request, call, context) {
    const verified = verifyRequest(request, {
      secretKeyOf: (ak) => context.accountByKey(ak)?.secretKey,
      now: context.clock.now(),
      maxSkewMs: context.maxSkewMs,
    });
    if (!verified.ok)
      throw new HuaweiGatewayError("AUTH", `Incorrect IAM authentication information: ${verified.reason}`);
    const account = context.accountByKey(verified.accessKey);
    if (!account)
      throw new HuaweiGatewayError("AUTH", "Incorrect IAM authentication information: ak not exist");
    for (const project of [call.projectInPath, request.headers["x-project-id"]]) {
      if (project !== undefined && project !== account.id) throw new HuaweiTenantMismatch();
    }
    return account;
  },

  actions: ACTIONS,

  unknownAction: (_call, request) =>
    new HuaweiApiError("INVALID_PARAMETER", `${request.method} is not supported here.`, 405),

  throttled: (_call, action) =>
    new HuaweiGatewayError(
      "THROTTLE",
      `The throttling threshold has been reached: policy user over ratelimit, action ${action}`,
    ),

  render: (answer, _call, _request, requestId) => ok(answer, requestId),

  renderError(error, call, _request, requestId) {
    const family = call?.family ?? "v2.0";
    if (error instanceof NoSuchApi) return apiError("v2.0", "NOT_FOUND", error.message, requestId);
    if (error instanceof HuaweiGatewayError) return gatewayError(error.kind, error.message, requestId);
    if (error instanceof HuaweiTenantMismatch) return tenantMismatch(family, requestId);
    if (error instanceof HuaweiApiError)
      return apiError(family, error.code, error.message, requestId, error.status, error.wireCode);
    if (error instanceof BackendError) return renderBackendError(family, error, requestId);
    return apiError(family, "BACKEND_UNAVAILABLE", "Internal server error.", requestId);
  },

  requestId: requestIdOf,

  // "APIG forwards only API requests whose body is no larger than 12 MB and rejects requests with a larger body."
  // (API Gateway FAQ, support.huaweicloud.com/intl/en-us/apig_faq/apig-faq-180606013.html)
  maxBodyBytes: 12 * 1024 * 1024,
  bodyTooLarge(): EmulatorResponse {
    return gatewayError("BODY_TOO_LARGE", "Request entity too large", requestIdOf());
  },
  faultResponse(kind, request): EmulatorResponse {
    const requestId = requestIdOf();
    if (kind === "throttle") {
      return gatewayError(
        "THROTTLE",
        "The throttling threshold has been reached: policy user over ratelimit",
        requestId,
      );
    }
    const family = route(request)?.family ?? "v2.0";
    // A real Neutron 500: {"NeutronError": {"type": "HTTPInternalServerError", "message": "Request Failed: internal
    // server error while processing your request.", "detail": ""}}; the v1 (and here v3) APIs answer VPC.0111
    // "Database Error.".
    return apiError(
      family,
      "BACKEND_UNAVAILABLE",
      family === "v2.0"
        ? "Request Failed: internal server error while processing your request."
        : "Database Error.",
      requestId,
    );
  },
};

function ok(answer: HuaweiAnswer, requestId: string): EmulatorResponse {
  return {
    status: answer.status,
    headers: { "content-type": "application/json;charset=UTF-8", "x-request-id": requestId },
    body: answer.body === undefined ? "" : JSON.stringify(answer.body),
  };
}

export const huaweicloudHandler: ProtocolHandler = pipelineHandler(huaweicloudProtocol);
