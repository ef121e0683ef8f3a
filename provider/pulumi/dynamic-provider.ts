/**
 * The provider objects Pulumi serializes into every dynamic resource's state (`__provider`). They capture two
 * strings and load the implementation by package name inside each method, so the serialized text stays a few
 * hundred bytes and carries no credentials, clients or state handles (see pulumi/pulumi#3550 for why dynamic
 * providers must be written this way).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The package path of the implementation; resolved in the provider process from the program's node_modules. */
const RUNTIME = "peerlink/pulumi/runtime";

export type ResourceKind = "vpc" | "peering" | "peeringAcceptance" | "routeRule" | "bandwidthPolicy";

type Runtime = typeof import("./runtime/index.js");

export function dynamicProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const load = async () => ((await import(RUNTIME)) as Runtime)[kind];
  return {
    check: async (olds, news) => (await load()).check(olds, news),
    diff: async (id, olds, news) => (await load()).diff(id, olds, news),
    create: async (inputs) => (await load()).create(inputs),
    read: async (id, props) => (await load()).read(id, props ?? {}),
    update: async (id, olds, news) => (await load()).update(id, olds, news),
    delete: async (id, props) => (await load()).delete(id, props),
  };
}
