/**
 * Waiting for a peering to reach a state, on any Backend: the cloud backends' own waits and the Pulumi resources
 * (so that nobody needs to "apply twice") share this one loop. REJECTED, DELETED and EXPIRED never lead anywhere
 * else, so the wait stops at once on them unless they are the target.
 */
import { type Backend, type PeeringInfo, type PeeringStatus, TERMINAL_PEERING_STATUSES } from "../backend.js";
import { type WaitForOptions, waitFor } from "./wait-for.js";

export type WaitForPeeringOptions = Omit<
  WaitForOptions<PeeringStatus>,
  "failOn" | "description" | "resource"
>;

/** Polls `describePeering` until the peering is in one of `targets`; returns what the last describe saw. */
export async function waitForPeering(
  backend: Pick<Backend, "describePeering">,
  id: string,
  targets: PeeringStatus | readonly PeeringStatus[],
  options: WaitForPeeringOptions,
): Promise<PeeringInfo> {
  const wanted: readonly PeeringStatus[] = typeof targets === "string" ? [targets] : targets;
  let last: PeeringInfo | undefined;
  await waitFor(
    async () => {
      last = await backend.describePeering(id);
      return last.status;
    },
    wanted,
    {
      ...options,
      failOn: TERMINAL_PEERING_STATUSES.filter((s) => !wanted.includes(s)),
      description: `peering ${id} to be ${wanted.join(" or ")}`,
      resource: `peering ${id}`,
    },
  );
  return last!;
}
