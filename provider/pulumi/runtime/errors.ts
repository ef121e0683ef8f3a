import { isBackendError } from "../../backends/errors.js";

/** Deleting what is already gone is success (pulumi destroy and replacements converge). */
export function isGone(error: unknown): boolean {
  return isBackendError(error, "NOT_FOUND");
}
