/**
 * Which accounts `peerlink discover` reads, and how: a connection is a backend kind, its regions, an optional
 * endpoint and the account's credentials. Credentials come from the environment (the cloud's usual variables,
 * or variables the profile names) or from the profile file itself, never from the command line, where they would
 * sit in the shell history and the process list. Every session is opened read-only (../read-only.ts).
 */
import { z } from "zod";
import type { Backend } from "../backend.js";
import { BAIDU_RATE_PER_SECOND, BaiduCloudBackend } from "../baiducloud/baiducloud-backend.js";
import { BackendError } from "../errors.js";
import { HuaweiCloudBackend } from "../huaweicloud/huaweicloud-backend.js";
import { huaweiRateOf } from "../huaweicloud/rate-limits.js";
import { readOnlyBackend } from "../read-only.js";
import { Pacer } from "../shared/pacer.js";
import { tencentRateOf } from "../tencentcloud/rate-limits.js";
import { TencentCloudBackend } from "../tencentcloud/tencentcloud-backend.js";

export const DISCOVER_BACKENDS = ["tencentcloud", "huaweicloud", "baiducloud"] as const;
export type DiscoverBackend = (typeof DISCOVER_BACKENDS)[number];

const credentialsSchema = z.union([
  z.strictObject({
    /** Names of environment variables holding the key id and the secret key. */
    secretIdEnv: z.string().min(1),
    secretKeyEnv: z.string().min(1),
  }),
  z.strictObject({ secretId: z.string().min(1), secretKey: z.string().min(1) }),
]);

export const connectionSchema = z.strictObject({
  /** A name for progress lines and errors. @default "<backend>:<account>" */
  name: z.string().min(1).optional(),
  backend: z.enum(DISCOVER_BACKENDS),
  /** The account (Tencent uin, Huawei project id, Baidu account id). @default the backend's environment variable */
  account: z
    .union([z.string().min(1), z.number().int().nonnegative()])
    .transform(String)
    .optional(),
  regions: z.array(z.string().min(1)).min(1, "a connection needs at least one region"),
  /** @default the cloud's public endpoint for each region */
  endpoint: z.string().min(1).optional(),
  /** @default the backend's environment variables (TENCENTCLOUD_SECRET_ID, HUAWEICLOUD_SDK_AK, BAIDUCLOUD_ACCESS_KEY...) */
  credentials: credentialsSchema.optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

/** The profile file: `{"connections": [...]}`. */
export const profileSchema = z.strictObject({ connections: z.array(connectionSchema).min(1) });

/** One backend session: one account in one region. */
export interface DiscoverySession {
  readonly name: string;
  readonly region: string;
  readonly backend: Backend;
}

type Env = Readonly<Record<string, string | undefined>>;

function credentialsOf(connection: Connection, env: Env): { id?: string; key?: string } {
  const c = connection.credentials;
  if (c === undefined) return {};
  if ("secretId" in c) return { id: c.secretId, key: c.secretKey };
  const id = env[c.secretIdEnv];
  const key = env[c.secretKeyEnv];
  if (!id || !key)
    throw new BackendError(
      "AUTH_FAILED",
      `Connection ${connectionName(connection)}: environment variable ${!id ? c.secretIdEnv : c.secretKeyEnv} is not set.`,
      {
        cloudCode: "AuthFailure",
        fix: `Set ${c.secretIdEnv} and ${c.secretKeyEnv} before running peerlink.`,
      },
    );
  return { id, key };
}

export function connectionName(connection: Connection): string {
  return connection.name ?? `${connection.backend}:${connection.account ?? "default"}`;
}

/**
 * The clouds' limits are per account and action, whatever the region (Tencent "默认接口请求频率限制：20次/秒",
 * tencentcloud/rate-limits.ts; Huawei and Baidu likewise in their rate-limits): the sessions of one connection
 * share one pacer, so ten regions read at once still send 20 requests/s per action in all.
 */
function pacerFor(backend: DiscoverBackend): Pacer {
  switch (backend) {
    case "tencentcloud":
      return new Pacer({ rateOf: tencentRateOf });
    case "huaweicloud":
      return new Pacer({ rateOf: huaweiRateOf });
    case "baiducloud":
      return new Pacer({ rateOf: () => BAIDU_RATE_PER_SECOND });
  }
}

function open(connection: Connection, region: string, env: Env, pacer: Pacer): Backend {
  const { id, key } = credentialsOf(connection, env);
  const endpoint = connection.endpoint === undefined ? {} : { endpoint: connection.endpoint };
  switch (connection.backend) {
    case "tencentcloud": {
      const account = connection.account ?? env.TENCENTCLOUD_ACCOUNT;
      if (!account)
        throw new BackendError(
          "INVALID_PARAMETER",
          `Connection ${connectionName(connection)} has no account.`,
          {
            cloudCode: "InvalidParameter",
            fix: "Give the connection's account (the uin), or set TENCENTCLOUD_ACCOUNT.",
          },
        );
      return new TencentCloudBackend({
        account,
        region,
        secretId: id,
        secretKey: key,
        env,
        pacer,
        ...endpoint,
      });
    }
    case "huaweicloud":
      return new HuaweiCloudBackend({
        region,
        pacer,
        accessKey: id,
        secretKey: key,
        ...(connection.account === undefined ? {} : { projectId: connection.account }),
        env,
        ...endpoint,
      });
    case "baiducloud":
      return new BaiduCloudBackend({
        region,
        pacer,
        accessKey: id,
        secretKey: key,
        ...(connection.account === undefined ? {} : { accountId: connection.account }),
        env,
        ...endpoint,
      });
  }
}

/** A read-only session per connection and region. */
export function openSessions(connections: readonly Connection[], env: Env = process.env): DiscoverySession[] {
  return connections.flatMap((connection) => {
    const pacer = pacerFor(connection.backend);
    return connection.regions.map((region) => ({
      name: connectionName(connection),
      region,
      backend: readOnlyBackend(open(connection, region, env, pacer)),
    }));
  });
}
