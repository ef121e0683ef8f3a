/**
 * How the local backend says no without the core validators (those refusals are built in rules.ts): a
 * BackendError with our code and the cloud's, the not-found answer that hides other accounts' resources, and what
 * to do about a peering in the wrong state.
 */
import type { PeeringStatus } from "../backend.js";
import { type BackendCode, BackendError, TENCENT_CLOUD_CODES } from "../errors.js";

export function fail(
  code: BackendCode,
  message: string,
  extra: { resource?: string; value?: string; fix?: string; cloudCode?: string } = {},
): never {
  throw new BackendError(code, message, {
    cloudCode: extra.cloudCode ?? TENCENT_CLOUD_CODES[code],
    ...extra,
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
