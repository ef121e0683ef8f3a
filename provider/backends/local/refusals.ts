/**
 * How the local backend says no without the core validators (those refusals are built in rules.ts): a
 * BackendError with our code and the cloud's, the not-found answer that hides other accounts' resources, and what
 * to do about a peering in the wrong state.
 */
import type { Cloud } from "../../core/index.js";
import type { PeeringStatus } from "../backend.js";
import { cloudCodeOf } from "../cloud-error-codes.js";
import { type BackendCode, BackendError } from "../errors.js";

export interface FailDetails {
  readonly resource?: string;
  readonly value?: string;
  readonly fix?: string;
  /** The cloud of the VPC or peering refused: its own error code goes on the refusal. @default "tencentcloud" */
  readonly cloud?: Cloud;
  /** Tencent's finer code for this case (e.g. InvalidParameterValue.VpcCidrConflict), used on Tencent VPCs only. */
  readonly tencentCode?: string;
  /**
   * Huawei's v1 code for this case (e.g. VPC.0203 for a subnet outside its VPC), used on Huawei VPCs only: the
   * subnet APIs are v1 APIs, whose `code` the emulator then answers (huaweicloud/errors.ts renderBackendError).
   */
  readonly huaweiCode?: string;
}

/** The cloud's code for a refusal of a VPC or peering of `cloud`. */
export function refusalCloudCode(
  code: BackendCode,
  cloud: Cloud = "tencentcloud",
  tencentCode?: string,
  huaweiCode?: string,
): string {
  if (cloud === "tencentcloud" && tencentCode !== undefined) return tencentCode;
  if (cloud === "huaweicloud" && huaweiCode !== undefined) return huaweiCode;
  return cloudCodeOf(cloud, code);
}

export function fail(code: BackendCode, message: string, extra: FailDetails = {}): never {
  const { cloud, tencentCode, huaweiCode, ...rest } = extra;
  throw new BackendError(code, message, {
    cloudCode: refusalCloudCode(code, cloud, tencentCode, huaweiCode),
    ...rest,
  });
}

/** A resource that does not exist, or that `account` may not see: the clouds answer both the same way. */
export function notFound(account: string, kind: string, id: string): never {
  fail("NOT_FOUND", `No ${kind} "${id}" is visible to account "${account}".`, {
    resource: `${kind} ${id}`,
    value: id,
    fix: `Check the ${kind} id and the account the credentials belong to.`,
  });
}

export const STATE_FIX: Partial<Record<PeeringStatus, string>> = {
  ACTIVE: "The peering is already active; nothing to do.",
  EXPIRED:
    "The request expired after 7 days; the requester can re-enable it (enablePeering) or create a new one.",
  REJECTED: "The accepter rejected it; delete it and create a new request if the accepter agrees.",
  DELETED: "The peering was deleted; create a new one.",
  CREATING: "The peering is still being created; wait until it is PENDING or ACTIVE.",
  ACCEPTING: "The peering is being accepted; wait until it is ACTIVE.",
  PENDING: "Wait for the accepter to accept it.",
};
