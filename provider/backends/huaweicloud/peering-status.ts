/**
 * Huawei peering statuses ↔ peerlink's. Huawei's list is PENDING_ACCEPTANCE / REJECTED / EXPIRED / DELETED / ACTIVE
 * (seed 002; VpcPeeringStatusEnum in @huaweicloud/huaweicloud-sdk-vpc v2/model/VpcPeering.d.ts). Huawei has no
 * transient task states: a request being set up shows as PENDING_ACCEPTANCE, one being accepted as ACTIVE.
 */
import type { PeeringStatus } from "../backend.js";

export type HuaweiPeeringStatus = "PENDING_ACCEPTANCE" | "REJECTED" | "EXPIRED" | "DELETED" | "ACTIVE";

const TO_HUAWEI: Readonly<Record<PeeringStatus, HuaweiPeeringStatus>> = {
  CREATING: "PENDING_ACCEPTANCE",
  PENDING: "PENDING_ACCEPTANCE",
  ACCEPTING: "ACTIVE",
  ACTIVE: "ACTIVE",
  REJECTED: "REJECTED",
  EXPIRED: "EXPIRED",
  DELETED: "DELETED",
};

const FROM_HUAWEI: Readonly<Record<HuaweiPeeringStatus, PeeringStatus>> = {
  PENDING_ACCEPTANCE: "PENDING",
  REJECTED: "REJECTED",
  EXPIRED: "EXPIRED",
  DELETED: "DELETED",
  ACTIVE: "ACTIVE",
};

export function toHuaweiStatus(status: PeeringStatus): HuaweiPeeringStatus {
  return TO_HUAWEI[status];
}

/** Undefined for a status Huawei does not document. */
export function fromHuaweiStatus(status: string | undefined): PeeringStatus | undefined {
  return status !== undefined && status in FROM_HUAWEI
    ? FROM_HUAWEI[status as HuaweiPeeringStatus]
    : undefined;
}
