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

type CloudFactory = (connection: Connection) => Backend;

/**
 * Cloud backends load on demand, so the local path never pays for the cloud SDKs. Fields the connection leaves out
 * fall back to each backend's own environment variables (TENCENTCLOUD_*, HUAWEICLOUD_SDK_* and BAIDUCLOUD_* or BCE_*).
 */
async function cloudBackendFactory(kind: Exclude<BackendKind, "local">): Promise<CloudFactory> {
  const defined = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (kind) {
    case "tencentcloud": {
      const { openTencentCloudBackend } = await import("../../backends/tencentcloud/index.js");
      return (c) => {
        const account = c.account ?? process.env.TENCENTCLOUD_UIN;
        if (!account) {
          throw new BackendError(
            "AUTH_FAILED",
            "A tencentcloud connection needs the account (uin) its credentials belong to.",
            {
              cloudCode: "AuthFailure",
              fix: "Set connection.account (or stack config peerlink:account, or TENCENTCLOUD_UIN).",
            },
          );
        }
        return openTencentCloudBackend(
          defined({
            account,
            region: c.region,
            endpoint: c.endpoint,
            secretId: c.secretId,
            secretKey: c.secretKey,
          }),
        );
      };
    }
    case "huaweicloud": {
      const { openHuaweiCloudBackend } = await import("../../backends/huaweicloud/index.js");
      return (c) =>
        openHuaweiCloudBackend(
          defined({
            region: c.region,
            endpoint: c.endpoint,
            accessKey: c.secretId,
            secretKey: c.secretKey,
            projectId: c.projectId ?? c.account,
          }),
        );
    }
    case "baiducloud": {
      const { openBaiduCloudBackend } = await import("../../backends/baiducloud/index.js");
      return (c) =>
        openBaiduCloudBackend(
          defined({
            region: c.region,
            endpoint: c.endpoint,
            accessKey: c.secretId,
            secretKey: c.secretKey,
            accountId: c.account,
          }),
        );
    }
  }
}
