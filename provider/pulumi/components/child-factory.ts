/**
 * What a DR component creates its children with. In a TypeScript program: the dynamic-provider classes of
 * `peerlink/pulumi`. Inside the provider plugin's `construct` (provider/plugin/construct.ts): custom resources of
 * the plugin's own types (`peerlink:index:Peering`...), with the same inputs and outputs. The component's plan,
 * names and wiring are the same either way; only the resource type of each child differs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BandwidthPolicy, type BandwidthPolicyArgs } from "../bandwidth-policy.js";
import { Peering, type PeeringArgs } from "../peering.js";
import { PeeringAcceptance, type PeeringAcceptanceArgs } from "../peering-acceptance.js";
import { RouteRule, type RouteRuleArgs } from "../route-rule.js";

export interface ChildFactory {
  peering(name: string, args: PeeringArgs, opts: pulumi.CustomResourceOptions): Peering;
  acceptance(
    name: string,
    args: PeeringAcceptanceArgs,
    opts: pulumi.CustomResourceOptions,
  ): PeeringAcceptance;
  routeRule(name: string, args: RouteRuleArgs, opts: pulumi.CustomResourceOptions): RouteRule;
  bandwidthPolicy(
    name: string,
    args: BandwidthPolicyArgs,
    opts: pulumi.CustomResourceOptions,
  ): BandwidthPolicy;
}

/** The TypeScript program's children: dynamic resources (zero install). */
export const dynamicChildren: ChildFactory = {
  peering: (name, args, opts) => new Peering(name, args, opts),
  acceptance: (name, args, opts) => new PeeringAcceptance(name, args, opts),
  routeRule: (name, args, opts) => new RouteRule(name, args, opts),
  bandwidthPolicy: (name, args, opts) => new BandwidthPolicy(name, args, opts),
};
