/**
 * A request the accepter has just accepted, known from the peering as the caller last read it, for a cloud whose
 * accept answers nothing (Tencent AcceptVpcPeeringConnection: RequestId only, cloud.tencent.com/document/api/215/
 * 15792; Baidu "Accept Peer Connection Request": no body): the backend returns it without reading it back.
 */
import { ACCEPTED_STATUS, type PeeringInfo } from "../backend.js";

/** `known` accepted at `now` (ms), or undefined when `known` is not the PENDING request `id`: then read it. */
export function acceptedPeering(
  id: string,
  known: PeeringInfo | undefined,
  now: number,
): PeeringInfo | undefined {
  if (known?.id !== id || known.status !== "PENDING") return undefined;
  const updatedAt = new Date(Math.floor(now / 1000) * 1000).toISOString();
  // An accepted request no longer expires (seed 000: only a request waiting for its answer expires after 7 days).
  return { ...known, status: ACCEPTED_STATUS, updatedAt, expiresAt: undefined };
}
