/**
 * The Pulumi resources' waits: a create waits until the peering is usable, an acceptance until it is ACTIVE, a
 * route until its peering is ACTIVE. The loop is the backends' shared one; what is Pulumi's own is the advice.
 */
import type { Backend, PeeringInfo, PeeringStatus } from "../../backends/backend.js";
import { TENCENT_CLOUD_CODES } from "../../backends/errors.js";
import { waitForPeering as waitForState } from "../../backends/shared/wait-for-peering.js";

export interface WaitOptions {
  readonly timeoutMs: number;
  /** @default 250 ms, growing to 5 s */
  readonly intervalMs?: number;
}

function fix(state: PeeringStatus, outcome: "failed" | "timeout"): string {
  if (outcome === "failed") {
    return state === "REJECTED"
      ? "The accepter rejected the request; agree with the accepter's team, then run `pulumi up` again to request a new peering."
      : "Run `pulumi up` again to request a new peering.";
  }
  return state === "PENDING"
    ? "The accepter account has not accepted yet: add a PeeringAcceptance with the accepter's connection, or raise timeoutSeconds."
    : "Raise timeoutSeconds, or check the cloud console.";
}

/** Polls until the peering is in one of `targets`; fails at once on a state that cannot lead there. */
export function waitForPeering(
  backend: Backend,
  id: string,
  targets: readonly PeeringStatus[],
  options: WaitOptions,
): Promise<PeeringInfo> {
  return waitForState(backend, id, targets, {
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 250,
    maxIntervalMs: 5000,
    failCloudCode: TENCENT_CLOUD_CODES.INVALID_STATE_TRANSITION,
    fix,
  });
}
