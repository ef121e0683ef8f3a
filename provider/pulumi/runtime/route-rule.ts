/** A route through a peering, in one route table of one VPC. Waits for the peering to be ACTIVE first. */
import { z } from "zod";
import type { RouteInfo } from "../../backends/backend.js";
import { connectionSchema, openBackend } from "./connection.js";
import { createIdentitySchema, createTokenOf } from "./create-token.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { optional, parseInputs, pickInputs, stripProvider } from "./inputs.js";
import { waitForPeering } from "./wait.js";

export const routeRuleInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  vpcId: z.string().min(1),
  /** @default the VPC's main route table */
  routeTableId: z.string().min(1).optional(),
  destination: z.string().min(1),
  peeringId: z.string().min(1),
  description: z.string().optional(),
  createIdentity: createIdentitySchema,
  timeoutSeconds: z.number().positive().default(600),
  /** The account whose own stack accepts the peering (requesterOnly): named by the timeout error. */
  acceptedByAccount: z.string().min(1).optional(),
});
export type RouteRuleInputs = z.output<typeof routeRuleInputsSchema>;

export const OUTPUT_KEYS = ["routeId", "effectiveRouteTableId"];

function outputs(inputs: RouteRuleInputs, route: RouteInfo) {
  return { ...inputs, routeId: route.id, effectiveRouteTableId: route.routeTableId };
}

export const routeRule = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(routeRuleInputsSchema, news, "RouteRule");
    // With unknown values the inputs go back as given: parsed, they would lose those keys or take defaults.
    return { inputs: inputs && unknown.size === 0 ? inputs : news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Routes have no mutable attributes worth an API call: everything but the description replaces.
    return diffResource(olds, news, ["vpcId", "routeTableId", "destination", "peeringId"], {
      outputKeys: OUTPUT_KEYS,
    });
  },

  async create(raw: Record<string, unknown>) {
    const inputs = routeRuleInputsSchema.parse(stripProvider(raw));
    const backend = await openBackend(inputs.connection);
    // Cross-account: the acceptance may still be racing the create. Wait instead of failing ("apply twice").
    await waitForPeering(backend, inputs.peeringId, ["ACTIVE"], {
      timeoutMs: inputs.timeoutSeconds * 1000,
      ...optional({ acceptedByAccount: inputs.acceptedByAccount }),
    });
    const request = {
      vpcId: inputs.vpcId,
      destination: inputs.destination,
      peeringId: inputs.peeringId,
      ...optional({ routeTableId: inputs.routeTableId, description: inputs.description }),
    };
    // The same token on a rerun: the route a killed run made is returned, not refused as ROUTE_CONFLICT.
    const route = await backend.createRoute({
      ...request,
      ...optional({ clientToken: createTokenOf(inputs.createIdentity, request) }),
    });
    return { id: route.id, outs: outputs(inputs, route) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = routeRuleInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const table = String(props.effectiveRouteTableId ?? inputs.routeTableId);
      const route = (await backend.listRoutes(table)).find((r) => r.id === id);
      return route ? { id, props: outputs(inputs, route) } : {};
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const inputs = routeRuleInputsSchema.parse(stripProvider(news));
    return { outs: { ...inputs, routeId: olds.routeId, effectiveRouteTableId: olds.effectiveRouteTableId } };
  },

  async delete(id: string, props: Record<string, unknown>) {
    const inputs = routeRuleInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      await backend.deleteRoute(id);
    } catch (error) {
      // Deleting the peering already removed its routes (seed 000).
      if (!isGone(error)) throw error;
    }
  },
};
