/**
 * The Pulumi resources' waits: a create waits until the peering is usable, an acceptance until it is ACTIVE, a
 * route until its peering is ACTIVE. The loop is the backends' shared one; what is Pulumi's own is the advice.
 */
import type { Backend, PeeringInfo, PeeringStatus } from "../../backends/backend.js";
import { BackendError, TENCENT_CLOUD_CODES } from "../../backends/errors.js";
import { waitForPeering as waitForState } from "../../backends/shared/wait-for-peering.js";
import { PeerlinkError } from "../../core/errors.js";

export interface WaitOptions {
  readonly timeoutMs: number;
  /** @default 250 ms, growing to 5 s */
  readonly intervalMs?: number;
  /**
   * The account whose own stack accepts the peering (a requester-only peering): a wait that times out while the
   * peering is still PENDING then says that stack has not accepted it, not "add a PeeringAcceptance" here.
   */
  readonly acceptedByAccount?: string;
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

/**
 * Polls until the peering is in one of `targets`; fails at once on a state that cannot lead there. With
 * `acceptedByAccount`, a timeout on a PENDING peering is PEERING_NOT_ACCEPTED: the other account's stack has not
 * accepted it (a cross-account peering works only once the other account accepts it, seed 000
 * "与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效").
 */
export async function waitForPeering(
  backend: Backend,
  id: string,
  targets: readonly PeeringStatus[],
  options: WaitOptions,
): Promise<PeeringInfo> {
  try {
    return await waitForState(backend, id, targets, {
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs ?? 250,
      maxIntervalMs: 5000,
      failCloudCode: TENCENT_CLOUD_CODES.INVALID_STATE_TRANSITION,
      fix,
    });
  } catch (error) {
    const account = options.acceptedByAccount;
    if (account === undefined || !(error instanceof BackendError)) throw error;
    if (error.code !== "TIMEOUT" || error.value !== "PENDING") throw error;
    throw new PeeringNotAcceptedError(id, account, options.timeoutMs, error);
  }
}

/**
 * PEERING_NOT_ACCEPTED: a requester-only peering is still PENDING when its route's wait ends. Not a backend
 * error (the cloud answered fine); the cause is the TIMEOUT BackendError the wait raised.
 */
export class PeeringNotAcceptedError extends PeerlinkError {
  override readonly name = "PeeringNotAcceptedError";
  declare readonly code: "PEERING_NOT_ACCEPTED";
  /** The account whose stack is expected to accept. */
  readonly accepterAccount: string;

  constructor(id: string, account: string, timeoutMs: number, cause: BackendError) {
    const seconds = Math.round(timeoutMs / 1000);
    const fix = `Accept peering ${id} in account ${account}'s stack (TwoRegionDr existingPeeringId: "${id}", or a PeeringAcceptance with that account's connection), then run \`pulumi up --refresh\` here; or raise timeoutSeconds to wait longer.`;
    super(
      "PEERING_NOT_ACCEPTED",
      `Peering ${id} is still PENDING after ${seconds} s: this stack only requested it (requesterOnly), and account ${account}'s own stack has not accepted yet. Fix: ${fix}`,
      { resource: `peering ${id}`, value: "PENDING", fix, cause },
    );
    this.accepterAccount = account;
  }
}
