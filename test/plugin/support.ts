/**
 * The plugin as the engine sees it: `pulumi-resource-peerlink` started as its own process (from source, through
 * tsx), its port read from stdout, and a gRPC client of the ResourceProvider service built from @pulumi/pulumi's
 * generated protos. Requests are built as the engine builds them (Struct inputs, secrets wrapped).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalStateEngine } from "../../provider/backends/index.js";
import { SECRET_SIG, SIG_KEY } from "../../provider/plugin/secrets.js";

const require = createRequire(import.meta.url);
const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = pulumiRequire("@grpc/grpc-js");
// biome-ignore lint/suspicious/noExplicitAny: generated protobuf classes without typings on this path.
export const proto: any = pulumiRequire("./proto/provider_pb.js");
const services = pulumiRequire("./proto/provider_grpc_pb.js");
// biome-ignore lint/suspicious/noExplicitAny: as above.
export const struct: any = pulumiRequire("google-protobuf/google/protobuf/struct_pb.js");
const plugproto = pulumiRequire("./proto/plugin_pb.js");
const emptyproto = pulumiRequire("google-protobuf/google/protobuf/empty_pb.js");

const ROOT = join(import.meta.dirname, "..", "..");
export const STACK = "dev";
export const PROJECT = "plugin-test";

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

export function secret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

type Props = Record<string, unknown>;

export interface Plugin {
  /** `method` of the ResourceProvider service; rejects with the gRPC error (its `details` is the message). */
  // biome-ignore lint/suspicious/noExplicitAny: responses are generated protobuf messages.
  call(method: string, request: unknown): Promise<any>;
  /** The plugin's stderr so far (what the engine would log). */
  stderr(): string;
  close(): Promise<void>;
}

export async function startPlugin(): Promise<Plugin> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "provider/plugin/main.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(line.trim());
    });
    child.on("exit", (code) => reject(new Error(`plugin exited with ${code}: ${err}`)));
  });
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    call: (method, request) =>
      new Promise((resolve, reject) => {
        client[method](request, (error: unknown, response: unknown) =>
          error ? reject(error) : resolve(response),
        );
      }),
    stderr: () => err,
    close: async () => {
      client.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

export function toStruct(value: Props): unknown {
  return struct.Struct.fromJavaScript(value);
}

export function configureRequest(args: Props | undefined, variables: Record<string, string> = {}): unknown {
  const req = new proto.ConfigureRequest();
  if (args !== undefined) req.setArgs(toStruct(args));
  const map = req.getVariablesMap();
  for (const [k, v] of Object.entries(variables)) map.set(k, v);
  req.setAcceptsecrets(true);
  req.setAcceptresources(true);
  return req;
}

export function checkRequest(urn: string, olds: Props, news: Props): unknown {
  const req = new proto.CheckRequest();
  req.setUrn(urn);
  req.setOlds(toStruct(olds));
  req.setNews(toStruct(news));
  return req;
}

export function createRequest(urn: string, props: Props): unknown {
  const req = new proto.CreateRequest();
  req.setUrn(urn);
  req.setProperties(toStruct(props));
  return req;
}

export function diffRequest(id: string, urn: string, olds: Props, news: Props): unknown {
  const req = new proto.DiffRequest();
  req.setId(id);
  req.setUrn(urn);
  req.setOlds(toStruct(olds));
  req.setNews(toStruct(news));
  return req;
}

/** A Read as `pulumi refresh` sends it (props and inputs), or as `pulumi import` does (the id only). */
export function readRequest(id: string, urn: string, props?: Props, inputs?: Props): unknown {
  const req = new proto.ReadRequest();
  req.setId(id);
  req.setUrn(urn);
  if (props !== undefined) req.setProperties(toStruct(props));
  if (inputs !== undefined) req.setInputs(toStruct(inputs));
  return req;
}

export function deleteRequest(id: string, urn: string, props: Props): unknown {
  const req = new proto.DeleteRequest();
  req.setId(id);
  req.setUrn(urn);
  req.setProperties(toStruct(props));
  return req;
}

export function schemaRequest(): unknown {
  return new proto.GetSchemaRequest();
}

export function pluginInfoRequest(): unknown {
  return new emptyproto.Empty();
}

export { plugproto };

export interface Scratch {
  readonly file: string;
  readonly engine: LocalStateEngine;
  close(): void;
}

export function scratchState(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-plugin-"));
  const file = join(dir, "state.db");
  const engine = LocalStateEngine.open({ file });
  return {
    file,
    engine,
    close() {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
