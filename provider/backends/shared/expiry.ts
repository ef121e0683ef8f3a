/** When a PENDING request expires, for answers that do not say: the rulebook's pendingExpiryDays of the cloud. */
import { type Cloud, pendingExpiryDays } from "../../core/index.js";
import type { PeeringStatus } from "../backend.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO time of expiry of a request created at `createdAt`; undefined unless PENDING with a documented expiry. */
export function expiryOf(cloud: Cloud, status: PeeringStatus, createdAt: string): string | undefined {
  const days = pendingExpiryDays(cloud);
  if (status !== "PENDING" || days === undefined) return undefined;
  return new Date(Date.parse(createdAt) + days * DAY_MS).toISOString();
}
