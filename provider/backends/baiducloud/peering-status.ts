/**
 * Baidu peer connection statuses ↔ peerlink's. Baidu's PeerConnStatus values: creating, consulting,
 * consult_failed, active, down, starting, stopping, deleting, deleted, expired, error, updating (bce-sdk-go
 * services/vpc/model.go PEERCONN_STATUS_*). The API reference ("Process Peer Connection Application",
 * intl.cloud.baidu.com/doc/VPC/s/wjwvyud6p-en) says both a rejected request and one unanswered for 7 days end
 * "Consultation Failed" (consult_failed); Baidu's own `expired` is the end of a prepaid term. So REJECTED and
 * EXPIRED both render as consult_failed, and consult_failed reads back as REJECTED.
 */
import type { PeeringStatus } from "../backend.js";

const TO_BAIDU: Readonly<Record<PeeringStatus, string>> = {
  CREATING: "creating",
  PENDING: "consulting",
  ACCEPTING: "starting",
  ACTIVE: "active",
  REJECTED: "consult_failed",
  EXPIRED: "consult_failed",
  DELETED: "deleted",
};

const FROM_BAIDU: Readonly<Record<string, PeeringStatus>> = {
  creating: "CREATING",
  consulting: "PENDING",
  consult_failed: "REJECTED",
  starting: "ACCEPTING",
  updating: "ACTIVE",
  active: "ACTIVE",
  deleting: "DELETED",
  deleted: "DELETED",
  // A prepaid term that ran out, a stopped or failed connection: no traffic, nothing to accept.
  expired: "EXPIRED",
  down: "EXPIRED",
  stopping: "EXPIRED",
  error: "EXPIRED",
};

export function toBaiduStatus(status: PeeringStatus): string {
  return TO_BAIDU[status];
}

export function fromBaiduStatus(status: string | undefined): PeeringStatus | undefined {
  return status === undefined ? undefined : FROM_BAIDU[status];
}
