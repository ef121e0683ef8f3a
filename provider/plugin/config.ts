/**
 * The provider's configuration: `peerlink:backend`, `stateFile`, `account`, `region`, `endpoint`, `projectId`,
 * `secretId`, `secretKey`, from stack config (the default provider) or an explicit `pulumi:providers:peerlink`
 * resource. Both arrive in the Configure call: `args` (the provider's inputs, secrets wrapped) and, for older
 * engines, `variables` keyed `peerlink:config:<key>` with JSON-encoded non-string values. The result is a
 * Connection of the runtime (provider/pulumi/runtime/connection.ts), the same one a dynamic resource carries.
 */
import { PeerlinkError } from "../core/index.js";
import { type Connection, connectionSchema } from "../pulumi/runtime/index.js";
import { makeSecret, unwrapSecrets } from "./secrets.js";

/** Config keys, as `pulumi config set peerlink:<key>` names them, and the Connection field each sets. */
export const CONFIG_KEYS = {
  backend: "kind",
  stateFile: "stateFile",
  account: "account",
  region: "region",
  endpoint: "endpoint",
  projectId: "projectId",
  secretId: "secretId",
  secretKey: "secretKey",
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;

/** Kept secret in the provider's state whatever the stack config says. */
export const SECRET_CONFIG_KEYS: readonly ConfigKey[] = ["secretId", "secretKey"];

const VARIABLE_PREFIX = "peerlink:config:";

/** Config from the Configure call's `variables` map (`peerlink:config:backend` -> "local"). */
export function configFromVariables(variables: ReadonlyMap<string, string> | Iterable<[string, string]>) {
  const config: Record<string, unknown> = {};
  for (const [key, value] of variables) {
    if (!key.startsWith(VARIABLE_PREFIX)) continue;
    config[key.slice(VARIABLE_PREFIX.length)] = value;
  }
  return config;
}

/**
 * The Connection a provider config describes. Unknown keys are refused (a misspelt `peerlink:stateFlie` would
 * otherwise silently use the default state file); the message never carries a credential's value.
 */
export function connectionOfConfig(raw: Record<string, unknown>): Connection {
  const plain = unwrapSecrets(raw) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(plain)) {
    if (value === undefined || value === null || value === "") continue;
    // The engine adds `version` (and `pluginDownloadURL`) to every provider's inputs.
    if (key === "version" || key === "pluginDownloadURL") continue;
    if (!(key in CONFIG_KEYS)) {
      unknown.push(key);
      continue;
    }
    fields[CONFIG_KEYS[key as ConfigKey]] = value;
  }
  if (unknown.length > 0) {
    const fix = `Use one of ${Object.keys(CONFIG_KEYS)
      .map((k) => `peerlink:${k}`)
      .join(", ")}.`;
    throw new PeerlinkError(
      "INVALID_PARAMETER",
      `Unknown provider config ${unknown.map((k) => `peerlink:${k}`).join(", ")}. Fix: ${fix}`,
      {
        resource: "provider peerlink",
        value: unknown.join(", "),
        fix,
      },
    );
  }
  const parsed = connectionSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const key = Object.entries(CONFIG_KEYS).find(([, f]) => f === field)?.[0] ?? field;
    const secret = (SECRET_CONFIG_KEYS as readonly string[]).includes(key);
    const fix = `Correct peerlink:${key} (see the README's "Pulumi provider plugin" section).`;
    throw new PeerlinkError(
      "INVALID_PARAMETER",
      `Provider config peerlink:${key}: ${issue?.message ?? "invalid"}. Fix: ${fix}`,
      { resource: "provider peerlink", value: secret ? "[secret]" : String(plain[key]), fix },
    );
  }
  return parsed.data;
}

/** The config as CheckConfig hands it back to be stored: credentials always wrapped as secrets. */
export function checkedConfig(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const key of SECRET_CONFIG_KEYS) {
    const value = out[key];
    if (value !== undefined && value !== null) out[key] = makeSecret(unwrapSecrets(value));
  }
  return out;
}
