/**
 * A cloud backend's checks before any call are the core's rules (checkPeeringRequest), never its own: this turns
 * what they find into one BackendError naming every problem, with the code of the first.
 */
import type { Diagnostic } from "../../core/index.js";
import { BackendError } from "../errors.js";

/** Throws when `diagnostics` holds anything; `cloudCode` says the refusal never reached the cloud. */
export function refuseFindings(diagnostics: readonly Diagnostic[], cloudCode: string, value?: string): void {
  const first = diagnostics[0];
  if (!first) return;
  const message =
    diagnostics.length === 1
      ? first.message
      : `${diagnostics.length} problems: ${diagnostics.map((d, i) => `(${i + 1}) ${d.code}: ${d.message}`).join(" ")}`;
  throw new BackendError(first.code, message, {
    cloudCode,
    resource: first.resource,
    fix: first.fix,
    ...(value === undefined ? {} : { value }),
  });
}
