/**
 * Credentials for the cloud backends: from the options, else from the clouds' usual environment variables
 * (Tencent TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY as tccli and the Terraform provider read them;
 * Huawei and Baidu likewise, named by their backends). The secret key is kept out of every string form of the
 * object (JSON, util.inspect, template literals) and out of error messages (`redactSecrets`).
 */
import { inspect } from "node:util";
import { BackendError } from "../errors.js";

export class CloudCredentials {
  /** The access key id (Tencent SecretId, Huawei/Baidu AK); shown masked. */
  readonly secretId: string;
  readonly #secretKey: string;

  constructor(secretId: string, secretKey: string) {
    this.secretId = secretId;
    this.#secretKey = secretKey;
  }

  /** The secret key, for the signer only. A method, not a field, so no serialisation ever sees it. */
  secretKey(): string {
    return this.#secretKey;
  }

  toJSON(): Record<string, string> {
    return { secretId: maskId(this.secretId), secretKey: "[redacted]" };
  }

  toString(): string {
    return `CloudCredentials(${maskId(this.secretId)})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }

  /** Removes both halves from `text` (error messages from SDKs, URLs, bodies). */
  redact(text: string): string {
    return redactSecrets(text, [this.#secretKey, this.secretId]);
  }
}

/** "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE" -> "AKID…MPLE": enough to tell keys apart, not to use one. */
export function maskId(id: string): string {
  return id.length <= 8 ? "****" : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out;
}

export interface ResolveCredentialsOptions {
  /** Explicit credentials win over the environment. */
  readonly secretId?: string | undefined;
  readonly secretKey?: string | undefined;
  /** The environment variables to read, in order of preference. */
  readonly idVariables: readonly string[];
  readonly keyVariables: readonly string[];
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For the message: "Tencent Cloud". */
  readonly cloudName: string;
  /** The cloud's code for refused credentials. @default "AuthFailure" */
  readonly cloudCode?: string;
}

export function resolveCredentials(options: ResolveCredentialsOptions): CloudCredentials {
  const env = options.env ?? process.env;
  const pick = (given: string | undefined, names: readonly string[]) =>
    given || names.map((name) => env[name]).find((value) => value !== undefined && value !== "");
  const secretId = pick(options.secretId, options.idVariables);
  const secretKey = pick(options.secretKey, options.keyVariables);
  if (!secretId || !secretKey) {
    const missing = [!secretId && "the key id", !secretKey && "the secret key"].filter(Boolean).join(" and ");
    throw new BackendError("AUTH_FAILED", `No ${options.cloudName} credentials: ${missing} is missing.`, {
      cloudCode: options.cloudCode ?? "AuthFailure",
      fix: `Pass secretId and secretKey in the backend options, or set ${options.idVariables[0]} and ${options.keyVariables[0]}.`,
    });
  }
  return new CloudCredentials(secretId, secretKey);
}
