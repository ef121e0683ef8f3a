/**
 * Stack resources as a stack policy receives them from the engine: dynamic resources typed
 * `pulumi-nodejs:dynamic/peerlink:<Class>`, props holding the checked inputs, the outputs known so far and the
 * serialized provider (`__provider`), unknown values as the engine's sentinels, and props wrapped in
 * @pulumi/policy's own unknown-checking proxy (which throws on reading an unknown).
 */
import { unknownCheckingProxy } from "@pulumi/policy";

/** The engine's sentinel for an unknown string (a new resource's id during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const RUNTIME_KIND = {
  Vpc: "vpc",
  Subnet: "subnet",
  Peering: "peering",
  PeeringAcceptance: "peeringAcceptance",
  RouteRule: "routeRule",
  BandwidthPolicy: "bandwidthPolicy",
} as const;
export type Kind = keyof typeof RUNTIME_KIND;

/** What Pulumi's closure serializer makes of dynamicProvider(kind) (abridged). */
export function providerText(kind: Kind): string {
  return `exports.handler = __f0;\n\nfunction __f2() {\n  return (function() {\n    with({ RUNTIME: "peerlink/pulumi/runtime", kind: "${RUNTIME_KIND[kind]}", this: undefined, arguments: undefined }) {\n\nreturn async () => (await import(RUNTIME))[kind];\n\n    }\n  }).apply(undefined, undefined).apply(this, arguments);\n}\n`;
}

export interface FakeResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  readonly propertyDependencies: Record<string, { urn: string }[]>;
  readonly dependencies: unknown[];
}

export function urnOf(
  kind: Kind | string,
  name: string,
  type = `pulumi-nodejs:dynamic/peerlink:${kind}`,
): string {
  return `urn:pulumi:dev::network::${type}::${name}`;
}

export const LOCAL = { kind: "local", account: "100001" };

/** A peerlink resource; `deps` maps an input to the names of the resources its value comes from. */
export function resource(
  kind: Kind,
  name: string,
  props: Record<string, unknown>,
  deps: Record<string, { kind: Kind; name: string }> = {},
  options: { type?: string } = {},
): FakeResource {
  const type = options.type ?? `pulumi-nodejs:dynamic/peerlink:${kind}`;
  return {
    type,
    urn: urnOf(kind, name, type),
    name,
    props: unknownCheckingProxy({ connection: LOCAL, ...props, __provider: providerText(kind) }),
    propertyDependencies: Object.fromEntries(
      Object.entries(deps).map(([key, dep]) => [key, [{ urn: urnOf(dep.kind, dep.name) }]]),
    ),
    dependencies: [],
  };
}

/** A Vpc during the first preview: its id and route tables unknown. */
export function newVpc(name: string, region: string, cidrs: string[]): FakeResource {
  return resource("Vpc", name, {
    name,
    region,
    cidrs,
    vpcId: UNKNOWN,
    account: UNKNOWN,
    mainRouteTableId: UNKNOWN,
    routeTableIds: UNKNOWN,
  });
}

/** A Peering during the first preview, between two new Vpc resources. */
export function newPeering(
  name: string,
  vpc: string,
  peerVpc: string,
  extra: Record<string, unknown> = {},
): FakeResource {
  return resource(
    "Peering",
    name,
    {
      name,
      vpcId: UNKNOWN,
      peerVpcId: UNKNOWN,
      timeoutSeconds: 600,
      peeringId: UNKNOWN,
      status: UNKNOWN,
      ...extra,
    },
    { vpcId: { kind: "Vpc", name: vpc }, peerVpcId: { kind: "Vpc", name: peerVpc } },
  );
}

/** A RouteRule during the first preview, in the main table of a new Vpc, through a new Peering. */
export function newRoute(name: string, vpc: string, destination: string, peering: string): FakeResource {
  return resource(
    "RouteRule",
    name,
    { vpcId: UNKNOWN, destination, peeringId: UNKNOWN, timeoutSeconds: 600, routeId: UNKNOWN },
    { vpcId: { kind: "Vpc", name: vpc }, peeringId: { kind: "Peering", name: peering } },
  );
}

/** args for validateStack, as the policy server builds them. */
export function stackArgs(resources: FakeResource[]) {
  return {
    resources,
    stackTags: new Map<string, string>(),
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}
