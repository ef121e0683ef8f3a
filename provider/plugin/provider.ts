/**
 * The `pulumi-resource-peerlink` provider object: config, the custom resources (resources.ts) and the
 * components (construct.ts), over the runtime the dynamic providers use.
 */
import type * as provider from "@pulumi/pulumi/provider/index.js";
import { type Connection, connectionSchema } from "../pulumi/runtime/index.js";
import { connectionOfConfig } from "./config.js";
import { loadSchema } from "./get-schema.js";
import { PluginResources } from "./resources.js";
import type { PluginProvider } from "./server.js";

type Props = Record<string, unknown>;

export function makeProvider(version: string): PluginProvider & { connection(): Connection } {
  // Until Configure runs (it always does before a resource call) the runtime's defaults: the local backend.
  let connection: Connection = connectionSchema.parse({});
  const resources = new PluginResources(() => connection);
  return {
    version,
    getSchema: async () => loadSchema(version),
    connection: () => connection,
    configure(config: Props) {
      connection = connectionOfConfig(config);
    },
    check: (urn, olds, news) => resources.check(urn, olds, news),
    diff: (id, urn, olds, news) => resources.diff(id, urn, olds, news),
    create: (urn, inputs) => resources.create(urn, inputs),
    read: (id, urn, props) => resources.read(id, urn, props, undefined) as Promise<provider.ReadResult>,
    readResource: (id, urn, props, inputs) => resources.read(id, urn, props, inputs),
    update: (id, urn, olds, news) => resources.update(id, urn, olds, news),
    delete: (id, urn, props) => resources.delete(id, urn, props),
    // Loaded on the first component: construct.ts brings the whole @pulumi/pulumi SDK and the components (about
    // 0.4 s of module loading), which a program of custom resources only never needs.
    construct: async (...args) => (await import("./construct.js")).construct(...args),
  };
}
