/**
 * Serving the plugin with @pulumi/pulumi's provider server (`provider.main`, 3.248), with the handlers it gets
 * wrong for peerlink replaced on the service it registers:
 * - `configure` answers without reading the request, so the provider config (stack config or an explicit
 *   provider's inputs) never reached a provider: here it is read from `args` (typed, secrets wrapped), else from
 *   the `peerlink:config:*` variables, and handed to the provider before any resource call.
 * - `checkConfig` and `diffConfig` are unimplemented: here a bad config fails the preview with its field, the
 *   credentials are stored as secrets, and a move to another backend, account, region or state file replaces
 *   the provider (so its resources) while new credentials update it in place, as runtime/diff.ts does for a
 *   dynamic resource's connection.
 * - `read` calls `getProperties().toJavaScript()`, which throws on an import (no properties), and drops the old
 *   inputs: here both are optional and passed on.
 * The rest (check, diff, create, update, delete, construct, getSchema) is the stock server's.
 */
import { createRequire } from "node:module";
import type * as grpc from "@grpc/grpc-js";
import type * as provider from "@pulumi/pulumi/provider/index.js";
import { canonicalJson } from "../core/canonical-json.js";
import { withCode } from "../pulumi/runtime/inputs.js";
import { checkedConfig, configFromVariables, connectionOfConfig } from "./config.js";
import type { ReadResult } from "./resources.js";
import { unwrapSecrets } from "./secrets.js";

/** What the plugin adds to the stock Provider interface. */
export interface PluginProvider extends provider.Provider {
  configure(config: Record<string, unknown>): void;
  readResource(
    id: string,
    urn: string,
    props: Record<string, unknown> | undefined,
    inputs: Record<string, unknown> | undefined,
  ): Promise<ReadResult>;
}

// The stock server's own modules, resolved from @pulumi/pulumi so the messages are the classes it serializes.
const pulumiRequire = createRequire(createRequire(import.meta.url).resolve("@pulumi/pulumi"));
const grpcJs = pulumiRequire("@grpc/grpc-js") as typeof grpc;
const provproto = pulumiRequire("./proto/provider_pb.js");
const structproto = pulumiRequire("google-protobuf/google/protobuf/struct_pb.js");
const providerModule = pulumiRequire("./provider/index.js") as typeof provider;

// biome-ignore lint/suspicious/noExplicitAny: the generated request classes (proto/provider_pb) are untyped here.
type Call = { request: any };
type Callback = (error: unknown, value?: unknown) => void;
type Handler = (call: Call, callback: Callback) => void;

function toJs(
  struct: { toJavaScript(): Record<string, unknown> } | undefined,
): Record<string, unknown> | undefined {
  return struct === undefined ? undefined : struct.toJavaScript();
}

/** The message with its stable code in front (`INVALID_PARAMETER: ...`), as the runtime's errors carry it. */
function messageOf(error: unknown): string {
  const coded = withCode(error);
  return coded instanceof Error ? coded.message : String(coded);
}

function grpcError(error: unknown): { code: number; details: string; message: string } {
  const message = messageOf(error);
  return { code: grpcJs.status.UNKNOWN, details: message, message };
}

/** Provider config keys whose change makes a new provider (and so new resources): its identity. */
const IDENTITY_KEYS = ["backend", "stateFile", "account", "region", "endpoint", "projectId"];

export function handlers(target: PluginProvider): Record<string, Handler> {
  return {
    configure(call, callback) {
      try {
        const req = call.request;
        const args = toJs(req.getArgs());
        const config =
          args !== undefined && Object.keys(args).length > 0
            ? args
            : configFromVariables(req.getVariablesMap().entries());
        target.configure(config);
        const resp = new provproto.ConfigureResponse();
        resp.setAcceptsecrets(true);
        resp.setAcceptresources(true);
        resp.setAcceptoutputs(true);
        callback(undefined, resp);
      } catch (error) {
        callback(grpcError(error));
      }
    },

    checkConfig(call, callback) {
      try {
        const news = toJs(call.request.getNews()) ?? {};
        const resp = new provproto.CheckResponse();
        try {
          connectionOfConfig(news);
        } catch (error) {
          const failure = new provproto.CheckFailure();
          failure.setProperty("");
          failure.setReason(messageOf(error));
          resp.setFailuresList([failure]);
        }
        resp.setInputs(structproto.Struct.fromJavaScript(checkedConfig(news)));
        callback(undefined, resp);
      } catch (error) {
        callback(grpcError(error));
      }
    },

    diffConfig(call, callback) {
      try {
        const olds = (unwrapSecrets(toJs(call.request.getOlds()) ?? {}) ?? {}) as Record<string, unknown>;
        const news = (unwrapSecrets(toJs(call.request.getNews()) ?? {}) ?? {}) as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
          (k) => k !== "version",
        );
        const changed = keys.filter((k) => canonicalJson(olds[k] ?? null) !== canonicalJson(news[k] ?? null));
        const resp = new provproto.DiffResponse();
        resp.setChanges(
          changed.length > 0
            ? provproto.DiffResponse.DiffChanges.DIFF_SOME
            : provproto.DiffResponse.DiffChanges.DIFF_NONE,
        );
        const replaces = changed.filter((k) => IDENTITY_KEYS.includes(k));
        if (replaces.length > 0) resp.setReplacesList(replaces);
        resp.setDiffsList(changed);
        callback(undefined, resp);
      } catch (error) {
        callback(grpcError(error));
      }
    },

    read(call, callback) {
      const req = call.request;
      target
        .readResource(req.getId(), req.getUrn(), toJs(req.getProperties()), toJs(req.getInputs()))
        .then((result) => {
          const resp = new provproto.ReadResponse();
          resp.setId(result.id ?? "");
          if (result.id) resp.setProperties(structproto.Struct.fromJavaScript(result.props ?? {}));
          if (result.id && result.inputs) resp.setInputs(structproto.Struct.fromJavaScript(result.inputs));
          callback(undefined, resp);
        })
        .catch((error: unknown) => callback(grpcError(error)));
    },
  };
}

/**
 * Starts the gRPC server and prints its port (the plugin handshake). The stock `main` builds its service object
 * inside; the handlers above are laid over it as it is registered.
 */
export async function serve(target: PluginProvider, args: string[]): Promise<void> {
  const proto = grpcJs.Server.prototype as unknown as {
    addService(service: unknown, implementation: Record<string, unknown>): void;
  };
  const addService = proto.addService;
  const own = handlers(target);
  proto.addService = function (this: unknown, service, implementation) {
    // The implementation is a class instance: its methods are on the prototype, so copy them onto a plain object.
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(service as object)) {
      const method = (implementation as Record<string, unknown>)[key];
      merged[key] = typeof method === "function" ? method.bind(implementation) : method;
    }
    Object.assign(merged, own);
    return addService.call(this, service, merged);
  };
  try {
    await providerModule.main(target, args);
  } finally {
    proto.addService = addService;
  }
}
