/**
 * The one request pipeline every protocol goes through, written once (moto's `BaseResponse.dispatch`): recognise the
 * call and name its action, verify the signature and resolve the signing account, find the action, rate limit it
 * per account and action, run it on the account's engine session, render the answer, and render any refusal in
 * the cloud's own error format. The server (./server.ts) owns what comes before: sockets, bodies, and injected
 * faults (rendered by the protocol's `faultResponse`).
 *
 * A protocol is then two small things: a `Protocol` object that knows its wire (how a request of its cloud looks,
 * its signature scheme, its error bodies), and a table of thin actions, one per cloud API action: read the
 * parameters, call the engine session, return what to render. The engine raises peerlink codes (BackendError
 * code/cloudCode); the protocol's `renderError` maps them onto its cloud's error body.
 */
import type { LocalBackend } from "../backends/local/local-backend.js";
import type { Cloud } from "../core/index.js";
import type {
  EmulatorAccount,
  EmulatorContext,
  EmulatorRequest,
  EmulatorResponse,
  ProtocolHandler,
} from "./protocol.js";

/** What a protocol reads from a request before anything else: the action it names. */
export interface RecognisedCall {
  /** The key of the protocol's action table (a cloud API action name). */
  readonly action: string;
  /** The rate limiter's name of the action when it is not `action` (two API versions of one SDK method). */
  readonly limitAs?: string;
}

/** What an action runs with. */
export interface ActionInput<C extends RecognisedCall> {
  readonly request: EmulatorRequest;
  readonly call: C;
  /** The signing account's session of the state engine. */
  readonly session: LocalBackend;
  readonly account: string;
  readonly requestId: string;
}

/** One cloud API action: read the parameters, call the engine, return what the protocol renders. */
export type Action<C extends RecognisedCall, R> = (input: ActionInput<C>) => Promise<R>;

export interface Protocol<C extends RecognisedCall, R> {
  readonly cloud: Cloud;
  /** True when the request (head only: the body is not read yet) belongs to this protocol. */
  matches(request: EmulatorRequest): boolean;
  /** The call a request of this protocol makes; throws the protocol's error when it is malformed. */
  recognise(request: EmulatorRequest): C;
  /** Verifies the signature and returns the signing account; throws the protocol's refusal. */
  authenticate(request: EmulatorRequest, call: C, context: EmulatorContext): EmulatorAccount;
  /** One entry per cloud API action. */
  readonly actions: Readonly<Record<string, Action<C, R>>>;
  /** The refusal of a call naming no action of the table. */
  unknownAction(call: C, request: EmulatorRequest): Error;
  /** Checks made once the action is known, before it is rate limited (Tencent: the region is required). */
  ready?(call: C): void;
  /** The refusal of a call over the account's rate for its action. */
  throttled(call: C, action: string): Error;
  /** The answer of an action that succeeded. */
  render(result: R, call: C, request: EmulatorRequest, requestId: string): EmulatorResponse;
  /**
   * Any refusal in the cloud's format: the protocol's own errors, the engine's BackendError (peerlink code and the
   * cloud's code), and anything else as the cloud's internal error. `call` is undefined when recognising failed.
   */
  renderError(
    error: unknown,
    call: C | undefined,
    request: EmulatorRequest,
    requestId: string,
  ): EmulatorResponse;
  /** A new request id in the cloud's format. */
  requestId(): string;
  faultResponse: ProtocolHandler["faultResponse"];
  readonly maxBodyBytes?: number;
  bodyTooLarge?: ProtocolHandler["bodyTooLarge"];
}

/** The server's handler of a protocol: the pipeline around its actions. */
export function pipelineHandler<C extends RecognisedCall, R>(protocol: Protocol<C, R>): ProtocolHandler {
  const { cloud, actions } = protocol;
  // Sessions are small, but one a request adds up; the engine outlives the handler's contexts, so they are kept
  // per engine and account.
  const sessions = new WeakMap<EmulatorContext["engine"], Map<string, LocalBackend>>();
  const sessionOf = (context: EmulatorContext, account: string): LocalBackend => {
    let byAccount = sessions.get(context.engine);
    if (!byAccount) {
      byAccount = new Map();
      sessions.set(context.engine, byAccount);
    }
    let session = byAccount.get(account);
    if (!session) {
      session = context.engine.session(account);
      byAccount.set(account, session);
    }
    return session;
  };
  const handler: ProtocolHandler = {
    cloud,
    matches: (request) => protocol.matches(request),
    async handle(request, context) {
      const requestId = protocol.requestId();
      let call: C | undefined;
      try {
        call = protocol.recognise(request);
        const account = protocol.authenticate(request, call, context);
        const action = Object.hasOwn(actions, call.action) ? actions[call.action] : undefined;
        if (!action) throw protocol.unknownAction(call, request);
        protocol.ready?.(call);
        const limitAs = call.limitAs ?? call.action;
        if (!context.rateLimiter.admit(cloud, account.id, limitAs)) throw protocol.throttled(call, limitAs);
        const result = await action({
          request,
          call,
          session: sessionOf(context, account.id),
          account: account.id,
          requestId,
        });
        return protocol.render(result, call, request, requestId);
      } catch (error) {
        return protocol.renderError(error, call, request, requestId);
      }
    },
    faultResponse: (kind, request) => protocol.faultResponse(kind, request),
  };
  if (protocol.maxBodyBytes !== undefined) Object.assign(handler, { maxBodyBytes: protocol.maxBodyBytes });
  if (protocol.bodyTooLarge) Object.assign(handler, { bodyTooLarge: protocol.bodyTooLarge });
  return handler;
}
