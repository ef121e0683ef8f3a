/**
 * Waiting for a target state (a peering ACTIVE after the accept, a transient CREATING phase over): poll
 * `getState` every `intervalMs` until it returns a target, a failure state, or `timeoutMs` has passed (a
 * TIMEOUT BackendError naming the last state seen). Clock and sleep are injectable: tests move a manual clock.
 */
import { type Clock, systemClock } from "../clock.js";
import { BackendError } from "../errors.js";
import { realSleep, type Sleep } from "./sleep.js";

export interface WaitForOptions<S> {
  readonly timeoutMs: number;
  /** @default 1000 */
  readonly intervalMs?: number;
  /** When above `intervalMs`, each wait doubles up to this (fewer calls on long waits). @default intervalMs */
  readonly maxIntervalMs?: number;
  /** States that will never reach the target (e.g. REJECTED when waiting for ACTIVE): stop at once. */
  readonly failOn?: readonly S[];
  /** What is waited for, for the messages ("peering pcx-1 to be ACTIVE"). */
  readonly description?: string;
  /** The cloud's code for the timeout. @default "Timeout" */
  readonly cloudCode?: string;
  /** The cloud's code when a `failOn` state is reached. @default cloudCode */
  readonly failCloudCode?: string;
  /** The resource waited on, named in the error. */
  readonly resource?: string;
  /** What to do, by the state the wait ended in. @default generic advice */
  readonly fix?: (state: S, outcome: "failed" | "timeout") => string;
  /** @default the system clock */
  readonly clock?: Clock;
  /** @default a real timer */
  readonly sleep?: Sleep;
}

export async function waitFor<S>(
  getState: () => Promise<S>,
  target: S | readonly S[] | ((state: S) => boolean),
  options: WaitForOptions<S>,
): Promise<S> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  let interval = Math.max(1, options.intervalMs ?? 1000);
  const maxInterval = Math.max(interval, options.maxIntervalMs ?? interval);
  const reached =
    typeof target === "function"
      ? (target as (state: S) => boolean)
      : Array.isArray(target)
        ? (state: S) => (target as readonly S[]).includes(state)
        : (state: S) => state === target;
  const what = options.description ?? "the target state";
  const start = clock.now();
  for (;;) {
    const state = await getState();
    if (reached(state)) return state;
    if (options.failOn?.includes(state)) {
      throw new BackendError(
        "INVALID_STATE_TRANSITION",
        `Waiting for ${what}: it is ${String(state)}, which never leads there.`,
        {
          cloudCode: options.failCloudCode ?? options.cloudCode ?? "Timeout",
          value: String(state),
          ...(options.resource === undefined ? {} : { resource: options.resource }),
          fix:
            options.fix?.(state, "failed") ??
            "Check why it reached that state; waiting longer will not help.",
        },
      );
    }
    const elapsed = clock.now() - start;
    if (elapsed >= options.timeoutMs) {
      throw new BackendError(
        "TIMEOUT",
        `Waited ${Math.round(elapsed)} ms for ${what}; it is still ${String(state)}.`,
        {
          cloudCode: options.cloudCode ?? "Timeout",
          value: String(state),
          ...(options.resource === undefined ? {} : { resource: options.resource }),
          fix:
            options.fix?.(state, "timeout") ??
            "Retry later, or raise the timeout if the cloud is known to be slow.",
        },
      );
    }
    await sleep(Math.min(interval, options.timeoutMs - elapsed));
    interval = Math.min(interval * 2, maxInterval);
  }
}
