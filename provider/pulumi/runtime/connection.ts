/**
 * Which backend and account a resource talks to, as the provider process receives it (plain values; the
 * credentials arrive as Pulumi secrets and are stored encrypted). Resolved into a Backend session per call;
 * local state engines are cached per file so a provider process opens each state file once.
 */
import { z } from "zod";
import type { Backend } from "../../backends/backend.js";
import { BackendError } from "../../backends/errors.js";
import { LocalStateEngine } from "../../backends/local/local-backend.js";
import { resolveStatePath } from "../../backends/local/state-path.js";

export const BACKEND_KINDS = ["local", "tencentcloud", "huaweicloud", "baiducloud"] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

export const connectionSchema = z.strictObject({
  kind: z.enum(BACKEND_KINDS).default("local"),
  /** local: the state file. */
  stateFile: z.string().min(1).optional(),
  /** local: the account to act as; clouds: derived from the credentials. */
  account: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  endpoint: z.string().url().optional(),
  secretId: z.string().min(1).optional(),
  secretKey: z.string().min(1).optional(),
  projectId: z.string().min(1).optional(),
});
export type Connection = z.output<typeof connectionSchema>;

/** Default account of the local backend when neither the connection nor PEERLINK_ACCOUNT names one. */
export const LOCAL_DEFAULT_ACCOUNT = "local";

const engines = new Map<string, LocalStateEngine>();

/** For tests and long-lived processes: close every cached state file. */
export function closeCachedEngines(): void {
  for (const engine of engines.values()) engine.close();
  engines.clear();
}

export function localEngine(stateFile: string | undefined): LocalStateEngine {
  const file = resolveStatePath(stateFile);
  let engine = engines.get(file);
  if (!engine) {
    engine = LocalStateEngine.open({ file });
    engines.set(file, engine);
  }
  return engine;
}

/** The Backend session a connection describes. Errors never include the credentials. */
export async function openBackend(connection: Connection): Promise<Backend> {
  switch (connection.kind) {
    case "local":
      return localEngine(connection.stateFile).session(
        connection.account ?? process.env.PEERLINK_ACCOUNT ?? LOCAL_DEFAULT_ACCOUNT,
      );
    default: {
      const factory = await cloudBackendFactory(connection.kind);
      return factory(connection);
    }
  }
}

type CloudFactory = (connection: Connection) => Backend | Promise<Backend>;

/** Cloud backends load on demand, so the local path never pays for the cloud SDKs. */
async function cloudBackendFactory(kind: Exclude<BackendKind, "local">): Promise<CloudFactory> {
  const modules: Record<typeof kind, string> = {
    tencentcloud: "../../backends/tencentcloud/index.js",
    huaweicloud: "../../backends/huaweicloud/index.js",
    baiducloud: "../../backends/baiducloud/index.js",
  };
  let loaded: { backendFromConnection?: CloudFactory };
  try {
    loaded = (await import(modules[kind])) as { backendFromConnection?: CloudFactory };
  } catch (cause) {
    throw new BackendError("UNSUPPORTED_OPERATION", `The ${kind} backend is not available in this build.`, {
      cloudCode: "UnsupportedOperation",
      fix: 'Use connection kind "local", or upgrade peerlink.',
      cause,
    });
  }
  if (!loaded.backendFromConnection) {
    throw new BackendError(
      "UNSUPPORTED_OPERATION",
      `The ${kind} backend does not accept Pulumi connections yet.`,
      {
        cloudCode: "UnsupportedOperation",
        fix: 'Use connection kind "local".',
      },
    );
  }
  return loaded.backendFromConnection;
}
