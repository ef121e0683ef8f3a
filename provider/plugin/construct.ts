/**
 * The components `peerlink:index:TwoRegionDr`, `TwoRegionsThreeCenters` and `HubAndSpoke` through `construct`:
 * the TypeScript components themselves (provider/pulumi/components), with children of the plugin's own types
 * (`peerlink:index:Peering`...) instead of dynamic resources, so another language's program gets the same plan,
 * names, plan-time refusals and outputs. A site's `vpc` is a VPC id (a string or another resource's output).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider/index.js";
import { PeerlinkError } from "../core/index.js";
import type { BandwidthPolicy } from "../pulumi/bandwidth-policy.js";
import type { ChildFactory } from "../pulumi/components/child-factory.js";
import { HubAndSpoke, TwoRegionDr, TwoRegionsThreeCenters } from "../pulumi/components/index.js";
import type { Peering } from "../pulumi/peering.js";
import type { PeeringAcceptance } from "../pulumi/peering-acceptance.js";
import type { RouteRule } from "../pulumi/route-rule.js";
import { OUTPUT_KEYS as BANDWIDTH_POLICY_OUTPUTS } from "../pulumi/runtime/bandwidth-policy.js";
import { OUTPUT_KEYS as PEERING_OUTPUTS } from "../pulumi/runtime/peering.js";
import { OUTPUT_KEYS as ACCEPTANCE_OUTPUTS } from "../pulumi/runtime/peering-acceptance.js";
import { OUTPUT_KEYS as ROUTE_RULE_OUTPUTS } from "../pulumi/runtime/route-rule.js";
import { COMPONENT_TOKENS, RESOURCE_TOKENS } from "./tokens.js";

/** A resource of any of the plugin's types, its outputs read by name. */
class PluginResource extends pulumi.CustomResource {}

/** The outputs each child type has (the dynamic classes' declared outputs), registered so they can be read. */
const OUTPUTS = {
  peering: PEERING_OUTPUTS,
  peeringAcceptance: ACCEPTANCE_OUTPUTS,
  routeRule: ROUTE_RULE_OUTPUTS,
  bandwidthPolicy: BANDWIDTH_POLICY_OUTPUTS,
};

function child<T>(
  kind: keyof typeof OUTPUTS,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions,
): T {
  const props: pulumi.Inputs = { ...args };
  for (const key of OUTPUTS[kind]) if (!(key in props)) props[key] = undefined;
  // The same resource, typed as the dynamic class the component declares: only its inputs and outputs are used.
  return new PluginResource(RESOURCE_TOKENS[kind], name, props, opts) as unknown as T;
}

export const pluginChildren: ChildFactory = {
  peering: (name, args, opts) =>
    child<Peering>("peering", name, args, { ...opts, deleteBeforeReplace: true }),
  acceptance: (name, args, opts) => child<PeeringAcceptance>("peeringAcceptance", name, args, opts),
  routeRule: (name, args, opts) => child<RouteRule>("routeRule", name, args, opts),
  bandwidthPolicy: (name, args, opts) => child<BandwidthPolicy>("bandwidthPolicy", name, args, opts),
};

/** Keys whose values may stay unknown until apply (they go to the children as inputs); the rest is planned. */
const DEFERRED = new Set(["vpc", "tags", "timeoutSeconds", "connection", "routeTableIds"]);

/**
 * The inputs as the component needs them: what it plans with (regions, CIDRs, accounts, names) as plain values,
 * what only its children take left as Outputs. A planned value unknown at preview is refused with its path
 * rather than guessed.
 */
export async function plainInputs(value: unknown, path: string): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    const output = value as unknown as {
      promise(withUnknowns?: boolean): Promise<unknown>;
      isKnown: Promise<boolean>;
    };
    if (!(await output.isKnown)) {
      const fix = `Give ${path} as a plain value: the component plans its topology before it creates anything.`;
      throw new PeerlinkError("INVALID_PARAMETER", `${path} is not known until apply. Fix: ${fix}`, {
        resource: path,
        fix,
      });
    }
    return plainInputs(await output.promise(), path);
  }
  if (Array.isArray(value)) return Promise.all(value.map((v, i) => plainInputs(v, `${path}[${i}]`)));
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    out[key] = DEFERRED.has(key)
      ? v
      : key === "assignedIpv6Cidrs"
        ? await blocksList(v, at)
        : await plainInputs(v, at);
  }
  return out;
}

/**
 * A site's assigned IPv6 blocks: the list must be known (the component plans a route per block), a block may
 * not be (a dual-stack Subnet's `ipv6Cidr` before it exists; components/deferred-ipv6.ts). Every block goes on as
 * an Output, known or not: the engine sends a block unknown on the first run and plain on the next, and a plain
 * block would name its routes by its value where the unknown one named them by the site's label, which would
 * replace them.
 */
async function blocksList(value: unknown, path: string): Promise<unknown> {
  const list = pulumi.Output.isInstance(value) ? await plainInputs(value, path) : value;
  if (!Array.isArray(list)) return list;
  return list.map((block) => (pulumi.Output.isInstance(block) ? block : pulumi.output(block)));
}

/** The outputs every DR component registers (build-dr.ts `commonOutputs`), from the component's fields. */
function common(c: TwoRegionDr | TwoRegionsThreeCenters | HubAndSpoke): pulumi.Inputs {
  return {
    reachability: c.reachability,
    reachabilityMatrix: c.reachabilityMatrix,
    costEstimate: c.costEstimate,
    estimatedDailyCost: c.estimatedDailyCost,
    routes: c.plannedRoutes,
  };
}

/**
 * The top-level inputs that are one unknown value as a whole (not an object with unknown fields): the Go SDK
 * sends a struct input holding an unknown field, such as a site whose `vpc` is a VPC not made yet, as one unknown
 * value, where the Node, Python and YAML SDKs send the object with that one field unknown.
 */
export async function wholeUnknowns(inputs: pulumi.Inputs): Promise<string[]> {
  const out: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (DEFERRED.has(key) || !pulumi.Output.isInstance(value)) continue;
    if (!(await (value as unknown as { isKnown: Promise<boolean> }).isKnown)) out.push(key);
  }
  return out;
}

export async function construct(
  name: string,
  type: string,
  inputs: pulumi.Inputs,
  options: pulumi.ComponentResourceOptions,
): Promise<provider.ConstructResult> {
  // At preview, such an input cannot be planned and is not the program's mistake: the component is shown on its
  // own, and its topology is planned, checked and created at apply, when the value is known. At apply an unknown
  // planned value is refused (plainInputs).
  const unknown = pulumi.runtime.isDryRun() ? await wholeUnknowns(inputs) : [];
  if (unknown.length > 0) {
    const c = new pulumi.ComponentResource(type, name, {}, options);
    await pulumi.log.warn(
      `${unknown.join(", ")} not known until apply (a value of a resource not made yet), so this preview does not show the component's peerings and routes: they are planned, checked and created at apply.`,
      c,
    );
    return { urn: c.urn, state: {} };
  }
  const args = (await plainInputs(inputs, "")) as never;
  switch (type) {
    case COMPONENT_TOKENS.twoRegionDr: {
      const c = new TwoRegionDr(name, args, options, pluginChildren);
      return { urn: c.urn, state: { peeringId: c.peeringId, status: c.status, ...common(c) } };
    }
    case COMPONENT_TOKENS.twoRegionsThreeCenters: {
      const c = new TwoRegionsThreeCenters(name, args, options, pluginChildren);
      return { urn: c.urn, state: { peeringIds: c.peeringIds, statuses: c.statuses, ...common(c) } };
    }
    case COMPONENT_TOKENS.hubAndSpoke: {
      const c = new HubAndSpoke(name, args, options, pluginChildren);
      return { urn: c.urn, state: { peeringIds: c.peeringIds, statuses: c.statuses, ...common(c) } };
    }
    default:
      throw new Error(
        `peerlink: unknown component type "${type}". Fix: use ${Object.values(COMPONENT_TOKENS).join(", ")}.`,
      );
  }
}
