/**
 * The accepter side of a cross-account peering, with the accepter account's connection. Create accepts (or finds
 * it already accepted) and waits for ACTIVE; delete leaves the peering alone (deleting the Peering removes it).
 */
import { z } from "zod";
import type { PeeringInfo } from "../../backends/backend.js";
import { connectionSchema, openBackend } from "./connection.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { parseInputs, pickInputs, stripProvider } from "./inputs.js";
import { waitForPeering } from "./wait.js";

export const acceptanceInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  peeringId: z.string().min(1),
  timeoutSeconds: z.number().positive().default(600),
});
export type AcceptanceInputs = z.output<typeof acceptanceInputsSchema>;

export const OUTPUT_KEYS = ["status", "vpcId", "peerVpcId"];

function outputs(inputs: AcceptanceInputs, peering: PeeringInfo) {
  return { ...inputs, status: peering.status, vpcId: peering.vpcId, peerVpcId: peering.peerVpcId };
}

export const peeringAcceptance = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(acceptanceInputsSchema, news, "PeeringAcceptance");
    // With unknown values the inputs go back as given: parsed, they would lose those keys or take defaults.
    return { inputs: inputs && unknown.size === 0 ? inputs : news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const result = diffResource(olds, news, ["peeringId"], { outputKeys: OUTPUT_KEYS });
    if (olds.status !== "ACTIVE" && olds.status !== undefined) {
      return { ...result, changes: true, replaces: [...result.replaces, "status"] };
    }
    return result;
  },

  async create(raw: Record<string, unknown>) {
    const inputs = acceptanceInputsSchema.parse(stripProvider(raw));
    const backend = await openBackend(inputs.connection);
    // The request may still be in its CREATING phase: wait until it can be accepted.
    const current = await waitForPeering(backend, inputs.peeringId, ["PENDING", "ACTIVE", "ACCEPTING"], {
      timeoutMs: inputs.timeoutSeconds * 1000,
    });
    if (current.status === "PENDING") await backend.acceptPeering(inputs.peeringId, current);
    const active = await waitForPeering(backend, inputs.peeringId, ["ACTIVE"], {
      timeoutMs: inputs.timeoutSeconds * 1000,
    });
    return { id: `${inputs.peeringId}:accept`, outs: outputs(inputs, active) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = acceptanceInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const current = await backend.describePeering(inputs.peeringId);
      if (current.status === "DELETED") return {};
      return { id, props: outputs(inputs, current) };
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    const inputs = acceptanceInputsSchema.parse(stripProvider(news));
    const backend = await openBackend(inputs.connection);
    return { outs: outputs(inputs, await backend.describePeering(inputs.peeringId)) };
  },

  async delete() {
    // Deleting an acceptance leaves the peering alone (the contract; the Peering owns its lifetime).
  },
};
