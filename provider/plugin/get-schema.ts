/**
 * What `pulumi package get-schema` returns: `schema.json` at the package root (generated from the zod schemas,
 * provider/plugin/schema/). Until that file exists, a minimal schema naming the package, its resources and its
 * config, so the engine and `pulumi import` know the tokens and which config is secret.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { CONFIG_KEYS, SECRET_CONFIG_KEYS } from "./config.js";
import { COMPONENT_TOKENS, PACKAGE, RESOURCE_TOKENS } from "./tokens.js";

export function minimalSchema(version: string): Record<string, unknown> {
  const variables = Object.fromEntries(
    Object.keys(CONFIG_KEYS).map((key) => [
      key,
      {
        type: "string",
        ...((SECRET_CONFIG_KEYS as readonly string[]).includes(key) ? { secret: true } : {}),
      },
    ]),
  );
  return {
    name: PACKAGE,
    version,
    config: { variables },
    provider: { inputProperties: variables },
    resources: Object.fromEntries([
      ...Object.values(RESOURCE_TOKENS).map((token) => [token, { properties: {}, inputProperties: {} }]),
      ...Object.values(COMPONENT_TOKENS).map((token) => [
        token,
        { isComponent: true, properties: {}, inputProperties: {} },
      ]),
    ]),
  };
}

export function loadSchema(version: string): string {
  const file = join(packageRoot(), "schema.json");
  if (existsSync(file)) return readFileSync(file, "utf8");
  return JSON.stringify(minimalSchema(version));
}
