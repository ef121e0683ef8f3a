import * as pulumi from "@pulumi/pulumi";

/**
 * Which backend and account a resource uses. Omitted fields come from stack config (`peerlink:backend`,
 * `peerlink:stateFile`, `peerlink:account`, `peerlink:region`, `peerlink:endpoint`, `peerlink:secretId`,
 * `peerlink:secretKey`) and then from the clouds' usual environment variables, read in the provider process
 * (TENCENTCLOUD_SECRET_ID/KEY, HUAWEICLOUD_SDK_AK/SK, BCE_ACCESS_KEY_ID/SECRET...), which never reach the state.
 */
export interface ConnectionArgs {
  /** @default "local" */
  readonly kind?: pulumi.Input<"local" | "tencentcloud" | "huaweicloud" | "baiducloud">;
  /** local: the state file. @default `PEERLINK_STATE`, else `.peerlink/state.db` in the program directory */
  readonly stateFile?: pulumi.Input<string>;
  /** local: the account to act as. @default `PEERLINK_ACCOUNT`, else "local" */
  readonly account?: pulumi.Input<string>;
  readonly region?: pulumi.Input<string>;
  /** The API endpoint (the emulator: http://127.0.0.1:4566). @default the cloud's public endpoint */
  readonly endpoint?: pulumi.Input<string>;
  readonly projectId?: pulumi.Input<string>;
  /** Stored as a Pulumi secret. */
  readonly secretId?: pulumi.Input<string>;
  /** Stored as a Pulumi secret. */
  readonly secretKey?: pulumi.Input<string>;
}

/** The connection with stack-config defaults applied and the credentials wrapped as secrets. */
export function resolveConnection(args: ConnectionArgs | undefined): pulumi.Input<Record<string, unknown>> {
  const config = new pulumi.Config("peerlink");
  const pick = <T>(value: T | undefined, key: string) => value ?? config.get(key);
  const secret = (value: pulumi.Input<string> | undefined, key: string) => {
    const chosen = value ?? config.getSecret(key);
    return chosen === undefined ? undefined : pulumi.secret(chosen);
  };
  const connection: Record<string, unknown> = {
    kind: pick(args?.kind, "backend") ?? "local",
    stateFile: pick(args?.stateFile, "stateFile"),
    account: pick(args?.account, "account"),
    region: pick(args?.region, "region"),
    endpoint: pick(args?.endpoint, "endpoint"),
    projectId: pick(args?.projectId, "projectId"),
    secretId: secret(args?.secretId, "secretId"),
    secretKey: secret(args?.secretKey, "secretKey"),
  };
  for (const key of Object.keys(connection)) if (connection[key] === undefined) delete connection[key];
  return connection;
}
