import type { EmulatorRequest } from "./protocol.js";

/** A request's JSON object body (`{}` when empty), or undefined when it is not a JSON object: each protocol answers that with its own error. */
export function jsonObjectBody(request: EmulatorRequest): Record<string, unknown> | undefined {
  if (request.body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(request.body.toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // not JSON at all: same answer as JSON that is not an object
  }
  return undefined;
}
