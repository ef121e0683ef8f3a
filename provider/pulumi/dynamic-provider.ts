/**
 * The provider objects Pulumi serializes into every dynamic resource's state (`__provider`). They capture two
 * strings and load the implementation by package name inside each method, so the serialized text stays under
 * 2 KB (about 1.9 KB, measured per resource type by test/pulumi/engine-path.test.ts) and carries no credentials,
 * clients or state handles (see pulumi/pulumi#3550 for why dynamic providers must be written this way).
 *
 * Pulumi's closure serializer wraps every function in ~170 bytes of scaffolding, so the six methods are one-line
 * arrows over a single shared loader (`run`): the text grows with the number of functions, not with the runtime.
 * The serializer stores the source as the module loader left it: load this file as built JavaScript (a program
 * importing `peerlink/pulumi` does); a test runner that rewrites `import()` (vitest's
 * `__vite_ssr_dynamic_import__`) yields a provider that cannot be serialized.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The package path of the implementation; resolved in the provider process from the program's node_modules. */
const RUNTIME = "peerlink/pulumi/runtime";

export type ResourceKind =
  | "vpc"
  | "subnet"
  | "peering"
  | "peeringAcceptance"
  | "routeRule"
  | "bandwidthPolicy";

type Runtime = typeof import("./runtime/index.js");
type Method = "check" | "diff" | "create" | "read" | "update" | "delete";
// biome-ignore lint/suspicious/noExplicitAny: each method's result type is checked by the ResourceProvider contract.
type AnyMethod = (...args: unknown[]) => Promise<any>;

/**
 * One provider object per kind, shared by every resource of that kind: @pulumi/pulumi caches the serialized text
 * per provider object (a WeakMap), so a new object per resource would serialize it again for every resource
 * (closure serialization goes through the V8 inspector: it was most of peerlink's per-resource cost in
 * `bench/pulumi-engine.bench.ts`).
 */
const providers = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

export function dynamicProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(kind);
  if (provider === undefined) {
    provider = makeProvider(kind);
    providers.set(kind, provider);
  }
  return provider;
}

function makeProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const run = async (method: Method, args: unknown[]) =>
    (((await import(RUNTIME)) as Runtime)[kind] as Record<Method, AnyMethod>)[method](...args);
  return {
    check: (...a) => run("check", a),
    diff: (...a) => run("diff", a),
    create: (...a) => run("create", a),
    read: (...a) => run("read", a),
    update: (...a) => run("update", a),
    delete: (...a) => run("delete", a),
  };
}
