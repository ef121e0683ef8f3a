/**
 * Shared by the engine-path tests: launching the gRPC server the Pulumi engine runs for dynamic providers
 * (@pulumi/pulumi cmd/dynamic-provider) from the repository root, the providers serialized exactly as
 * `new pulumi.dynamic.Resource(...)` serializes them (./serialize-providers.mjs, from the built package), and the
 * Check/Diff/Create/Read/Update/Delete calls through the proto client that ships with @pulumi/pulumi.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  CheckResponse,
  ConfigureResponse,
  CreateResponse,
  DiffResponse,
  ReadResponse,
  UpdateResponse,
} from "@pulumi/pulumi/proto/provider_pb.js";
import { expect } from "vitest";

type ProviderGrpc = typeof import("@pulumi/pulumi/proto/provider_grpc_pb.js");
type ProviderPb = typeof import("@pulumi/pulumi/proto/provider_pb.js");
type StructPb = typeof import("google-protobuf/google/protobuf/struct_pb.js");
type Grpc = typeof import("@grpc/grpc-js");
export type Props = Record<string, unknown>;
type Empty = unknown;
type Client = InstanceType<ProviderGrpc["ResourceProviderClient"]>;

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER = "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
/** Everything from @pulumi/pulumi's own dependency tree, as the engine's server sees it. */
const fromPulumi = createRequire(join(ROOT, "node_modules/@pulumi/pulumi/package.json"));
const grpc = fromPulumi("@grpc/grpc-js") as Grpc;
const { ResourceProviderClient } = fromPulumi("./proto/provider_grpc_pb.js") as ProviderGrpc;
const pb = fromPulumi("./proto/provider_pb.js") as ProviderPb;
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb.js") as StructPb;

export const KINDS = ["vpc", "peering", "peeringAcceptance", "routeRule", "bandwidthPolicy"] as const;
export type Kind = (typeof KINDS)[number];
export const TYPES: Record<Kind, string> = {
  vpc: "Vpc",
  peering: "Peering",
  peeringAcceptance: "PeeringAcceptance",
  routeRule: "RouteRule",
  bandwidthPolicy: "BandwidthPolicy",
};
/** The engine's placeholder for a value not known until apply. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Each provider as `new pulumi.dynamic.Resource(...)` serializes it, computed in a plain Node process. */
export function serializeProviders(): Record<Kind, string> {
  const json = execFileSync(process.execPath, ["test/pulumi/serialize-providers.mjs"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(json) as Record<Kind, string>;
}

/** The first line the server prints is its port; if it dies first, fail with what it said. */
function portOf(child: ChildProcess, log: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(Number(line.trim()));
    });
    child.once("exit", (code) => reject(new Error(`provider server exited (${code}): ${log()}`)));
  });
}

export interface ProviderServer {
  readonly client: Client;
  /** Everything the server wrote to stderr so far. */
  log(): string;
  close(): void;
}

/** Spawns the dynamic-provider server with the repository root as its working directory. */
export async function startProviderServer(env: NodeJS.ProcessEnv): Promise<ProviderServer> {
  let serverLog = "";
  // The engine passes its own address; the dynamic-provider server only needs one argument to be there.
  const server = spawn(process.execPath, [SERVER, "127.0.0.1:1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  const port = await portOf(server, () => serverLog);
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    client,
    log: () => serverLog,
    close() {
      client.close();
      server.kill();
    },
  };
}

export function urn(kind: Kind, name: string): string {
  return `urn:pulumi:test::peerlink::pulumi-nodejs:dynamic/peerlink:${TYPES[kind]}::${name}`;
}

/** One unary call, promisified. */
function call<Res>(
  invoke: (callback: (error: Error | null, response: Res) => void) => unknown,
  onError?: (error: Error) => void,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke((error, response) => {
      if (error) {
        onError?.(error);
        reject(error);
      } else resolve(response);
    });
  });
}

const struct = (value: Props) => Struct.fromJavaScript(value as never);

/**
 * The engine's calls against one server, with the provider text of each kind. `onError` sees every gRPC error
 * (tests check what the messages may not contain).
 */
export function engineCalls(
  server: () => ProviderServer,
  providers: () => Record<Kind, string>,
  onError?: (error: Error) => void,
) {
  const client = () => server().client;
  const invoke = <Res>(run: (cb: (error: Error | null, response: Res) => void) => unknown) =>
    call<Res>(run, onError);

  async function configure() {
    const req = new pb.ConfigureRequest();
    req.setArgs(struct({}));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    return invoke<ConfigureResponse>((cb) => client().configure(req, cb));
  }

  async function check(kind: Kind, name: string, olds: Props, news: Props) {
    const req = new pb.CheckRequest();
    req.setUrn(urn(kind, name));
    req.setOlds(struct(olds));
    req.setNews(struct({ ...news, __provider: providers()[kind] }));
    const res = await invoke<CheckResponse>((cb) => client().check(req, cb));
    return {
      inputs: res.getInputs()?.toJavaScript() as Props,
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async function create(kind: Kind, name: string, properties: Props) {
    const req = new pb.CreateRequest();
    req.setUrn(urn(kind, name));
    req.setProperties(struct(properties));
    const res = await invoke<CreateResponse>((cb) => client().create(req, cb));
    return { id: res.getId(), outs: res.getProperties()?.toJavaScript() as Props };
  }

  /** check with the old inputs, then create with what check returned: the engine's order on `pulumi up`. */
  async function up(kind: Kind, name: string, news: Props, olds: Props = {}) {
    const checked = await check(kind, name, olds, news);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs.__provider).toBe(providers()[kind]);
    return { ...(await create(kind, name, checked.inputs)), inputs: checked.inputs };
  }

  async function diff(kind: Kind, name: string, id: string, olds: Props, news: Props) {
    const req = new pb.DiffRequest();
    req.setUrn(urn(kind, name));
    req.setId(id);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await invoke<DiffResponse>((cb) => client().diff(req, cb));
    const changes = res.getChanges();
    return {
      changes:
        changes === pb.DiffResponse.DiffChanges.DIFF_SOME
          ? "some"
          : changes === pb.DiffResponse.DiffChanges.DIFF_NONE
            ? "none"
            : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  async function read(kind: Kind, name: string, id: string, props: Props) {
    const req = new pb.ReadRequest();
    req.setUrn(urn(kind, name));
    req.setId(id);
    req.setProperties(struct(props));
    const res = await invoke<ReadResponse>((cb) => client().read(req, cb));
    return { id: res.getId(), props: res.getProperties()?.toJavaScript() as Props };
  }

  async function update(kind: Kind, name: string, id: string, olds: Props, news: Props) {
    const req = new pb.UpdateRequest();
    req.setUrn(urn(kind, name));
    req.setId(id);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await invoke<UpdateResponse>((cb) => client().update(req, cb));
    return res.getProperties()?.toJavaScript() as Props;
  }

  async function remove(kind: Kind, name: string, id: string, props: Props): Promise<void> {
    const req = new pb.DeleteRequest();
    req.setUrn(urn(kind, name));
    req.setId(id);
    req.setProperties(struct(props));
    await invoke<Empty>((cb) => client().delete(req, cb));
  }

  return { configure, check, create, up, diff, read, update, remove };
}
