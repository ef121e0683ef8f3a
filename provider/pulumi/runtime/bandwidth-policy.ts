/**
 * A peering's bandwidth and its per-IP outbound limits (seed 000 "对等连接网关流控"). Limits the backend cannot set
 * fail in check with a coded message, never silently dropped.
 */
import { z } from "zod";
import { isLimitMbps } from "../../core/validators/bandwidth-policy.js";
import { connectionSchema, openBackend } from "./connection.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { failure, parseInputs, pickInputs, stripProvider } from "./inputs.js";
import { waitForPeering } from "./wait.js";

const limitSchema = z.strictObject({
  ip: z.string().min(1),
  limitMbps: z.number().refine(isLimitMbps, "must be a positive whole number of Mbps"),
  /** @default the peering's requester VPC */
  vpcId: z.string().min(1).optional(),
});

export const bandwidthPolicyInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  peeringId: z.string().min(1),
  bandwidthMbps: z.number().int().positive().optional(),
  limits: z.array(limitSchema).default([]),
  timeoutSeconds: z.number().positive().default(600),
});
export type BandwidthPolicyInputs = z.output<typeof bandwidthPolicyInputsSchema>;

export const OUTPUT_KEYS = ["appliedLimits"];

async function apply(inputs: BandwidthPolicyInputs, previous: BandwidthPolicyInputs | undefined) {
  const backend = await openBackend(inputs.connection);
  await waitForPeering(backend, inputs.peeringId, ["ACTIVE"], { timeoutMs: inputs.timeoutSeconds * 1000 });
  if (inputs.bandwidthMbps !== undefined) {
    await backend.modifyPeering(inputs.peeringId, { bandwidthMbps: inputs.bandwidthMbps });
  }
  const wanted = new Set(inputs.limits.map((l) => l.ip));
  for (const old of previous?.limits ?? []) {
    if (wanted.has(old.ip)) continue;
    try {
      await backend.removeBandwidthLimit(inputs.peeringId, old.ip);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
  for (const limit of inputs.limits) {
    await backend.setBandwidthLimit(inputs.peeringId, {
      ip: limit.ip,
      limitMbps: limit.limitMbps,
      ...(limit.vpcId ? { vpcId: limit.vpcId } : {}),
    });
  }
  return {
    ...inputs,
    appliedLimits: (await backend.listBandwidthLimits(inputs.peeringId)).map((l) => ({ ...l })),
  };
}

export const bandwidthPolicy = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(bandwidthPolicyInputsSchema, news, "BandwidthPolicy");
    if (!inputs || failures.length > 0 || unknown.size > 0) return { inputs: news, failures };
    const backend = await openBackend(inputs.connection);
    if (inputs.limits.length > 0 && !backend.capabilities().perIpBandwidthLimits) {
      return {
        inputs,
        failures: [
          failure(
            "limits",
            "UNSUPPORTED_OPERATION",
            `The ${backend.kind} backend cannot set per-IP bandwidth limits.`,
            "Remove limits, or limit the peering's bandwidth instead.",
          ),
        ],
      };
    }
    return { inputs, failures: [] };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    return diffResource(olds, news, ["peeringId"], { outputKeys: OUTPUT_KEYS });
  },

  async create(raw: Record<string, unknown>) {
    const inputs = bandwidthPolicyInputsSchema.parse(stripProvider(raw));
    return { id: `${inputs.peeringId}:bandwidth`, outs: await apply(inputs, undefined) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = bandwidthPolicyInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const peering = await backend.describePeering(inputs.peeringId);
      if (peering.status === "DELETED") return {};
      const applied = await backend.listBandwidthLimits(inputs.peeringId);
      const limits = applied.map((l) => ({ ip: l.ip, limitMbps: l.limitMbps, vpcId: l.vpcId }));
      return {
        id,
        props: {
          ...inputs,
          ...(inputs.bandwidthMbps !== undefined ? { bandwidthMbps: peering.bandwidthMbps } : {}),
          limits: inputs.limits.map(
            (want) => limits.find((l) => l.ip === want.ip) ?? { ...want, limitMbps: 0 },
          ),
          appliedLimits: applied.map((l) => ({ ...l })),
        },
      };
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const inputs = bandwidthPolicyInputsSchema.parse(stripProvider(news));
    const previous = bandwidthPolicyInputsSchema.parse(pickInputs(olds, OUTPUT_KEYS));
    return { outs: await apply(inputs, previous) };
  },

  async delete(_id: string, props: Record<string, unknown>) {
    const inputs = bandwidthPolicyInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    for (const limit of inputs.limits) {
      try {
        await backend.removeBandwidthLimit(inputs.peeringId, limit.ip);
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
  },
};
