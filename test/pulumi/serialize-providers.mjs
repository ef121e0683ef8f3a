/**
 * Serializes each peerlink dynamic provider exactly as `new pulumi.dynamic.Resource(...)` does, in a plain Node
 * process (no test-runner transforms), from the built package: prints `{ kind: text }` as JSON.
 * Run with the repository root as the working directory.
 */
import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "../../dist/provider/pulumi/dynamic-provider.js";

const kinds = ["vpc", "peering", "peeringAcceptance", "routeRule", "bandwidthPolicy"];
const out = {};
for (const kind of kinds) {
  const provider = dynamicProvider(kind);
  // @pulumi/pulumi dynamic/index.js serializeFunctionMaybeSecret: the same call, the same options.
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  out[kind] = serialized.text;
}
process.stdout.write(JSON.stringify(out));
