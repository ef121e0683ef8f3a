/**
 * Pulumi's secret values on the wire. A provider that tells Configure it accepts secrets receives every secret
 * input as an object carrying this signature and the plain value (@pulumi/pulumi runtime/rpc.js `specialSigKey`,
 * `specialSecretSig`). The runtime works on plain values, so they are unwrapped on the way in; the engine marks an
 * output secret again when the input of the same name was (pulumi sdk/go/common/resource/plugin/provider_plugin.go
 * `annotateSecrets`), so nothing is wrapped on the way out except provider config that must stay secret.
 */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function isSecret(value: unknown): value is { value: unknown } {
  return (
    value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** The value with every secret replaced by its plain value, at any depth. */
export function unwrapSecrets(value: unknown): unknown {
  if (isSecret(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

export function makeSecret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}
