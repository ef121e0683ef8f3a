/**
 * Waiting for a peering to reach a state, so that nobody needs to "apply twice": a create waits until the peering
 * is usable, an acceptance until it is ACTIVE, a route until its peering is ACTIVE.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Backend, PeeringInfo, PeeringStatus } from "../../backends/backend.js";
import { BackendError } from "../../backends/errors.js";

export interface WaitOptions {
  readonly timeoutMs: number;
  /** @default 250 ms, growing to 5 s */
  readonly intervalMs?: number;
}

/** Polls until the peering is in one of `targets`; fails at once on a state that cannot lead there. */
export async function waitForPeering(
  backend: Backend,
  id: string,
  targets: readonly PeeringStatus[],
  options: WaitOptions,
): Promise<PeeringInfo> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.intervalMs ?? 250;
  for (;;) {
    const peering = await backend.describePeering(id);
    if (targets.includes(peering.status)) return peering;
    if (peering.status === "REJECTED" || peering.status === "DELETED" || peering.status === "EXPIRED") {
      throw new BackendError(
        "INVALID_STATE_TRANSITION",
        `Peering "${id}" became ${peering.status} while waiting for ${targets.join(" or ")}.`,
        {
          cloudCode: "UnsupportedOperation.VpcPeerInvalidStateChange",
          resource: `peering ${id}`,
          fix:
            peering.status === "REJECTED"
              ? "The accepter rejected the request; agree with the accepter's team, then run `pulumi up` again to request a new peering."
              : "Run `pulumi up` again to request a new peering.",
        },
      );
    }
    if (Date.now() >= deadline) {
      throw new BackendError(
        "TIMEOUT",
        `Peering "${id}" is still ${peering.status} after ${Math.round(options.timeoutMs / 1000)} s; expected ${targets.join(" or ")}.`,
        {
          cloudCode: "Timeout",
          resource: `peering ${id}`,
          fix:
            peering.status === "PENDING"
              ? "The accepter account has not accepted yet: add a PeeringAcceptance with the accepter's connection, or raise timeoutSeconds."
              : "Raise timeoutSeconds, or check the cloud console.",
        },
      );
    }
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
    interval = Math.min(interval * 2, 5000);
  }
}
