/**
 * A cloud's protocol handler, wrapped to record what it answers and to lose answers on demand: `kind` names each
 * request (an action, a write, or undefined for requests not worth recording), and a kind added to `lose` has its
 * next request carried out but answered with a server error, the lost answer a blind retry gets wrong.
 */
import type { EmulatorRequest, ProtocolHandler } from "../../../provider/emulator/protocol.js";

export interface RecordingHandler {
  readonly handler: ProtocolHandler;
  /** The kinds of the requests answered so far, in order. */
  readonly seen: string[];
  readonly lose: Set<string>;
}

export function recordingHandler(
  inner: ProtocolHandler,
  kind: (request: EmulatorRequest) => string | undefined,
): RecordingHandler {
  const seen: string[] = [];
  const lose = new Set<string>();
  const handler: ProtocolHandler = {
    cloud: inner.cloud,
    matches: (request) => inner.matches(request),
    async handle(request, context) {
      const k = kind(request);
      if (k !== undefined) seen.push(k);
      const response = await inner.handle(request, context);
      // Committed, but the caller only sees a server error.
      if (k !== undefined && lose.delete(k)) return inner.faultResponse("server-error", request);
      return response;
    },
    faultResponse: (k, request) => inner.faultResponse(k, request),
  };
  return { handler, seen, lose };
}
