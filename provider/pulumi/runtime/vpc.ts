/** The Vpc resource's provider implementation (so examples and tests are self-contained; adopt with existingId). */
import { z } from "zod";
import type { Backend, VpcInfo } from "../../backends/backend.js";
import { BACKEND_CAPABILITIES } from "../../backends/capabilities.js";
import { canonicalJson } from "../../core/canonical-json.js";
import { CLOUDS, PeerlinkError, validateDocument } from "../../core/index.js";
import { connectionSchema, openBackend } from "./connection.js";
import { createIdentitySchema, createTokenOf } from "./create-token.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { type CheckFailure, failure, isUnknown, parseInputs, pickInputs, stripProvider } from "./inputs.js";

export const vpcInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  name: z.string().min(1),
  region: z.string().min(1),
  cidrs: z.array(z.string()).min(1),
  cloud: z.enum(CLOUDS).optional(),
  routeTables: z.array(z.string().min(1)).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  existingId: z.string().min(1).optional(),
  createIdentity: createIdentitySchema,
});
export type VpcInputs = z.output<typeof vpcInputsSchema>;

const OUTPUT_KEYS = ["vpcId", "account", "mainRouteTableId", "routeTableIds"];

function outputs(inputs: VpcInputs, vpc: VpcInfo) {
  return {
    ...inputs,
    vpcId: vpc.id,
    account: vpc.account,
    mainRouteTableId: vpc.routeTables.find((t) => t.main)?.id ?? "",
    routeTableIds: Object.fromEntries(vpc.routeTables.map((t) => [t.name, t.id])),
  };
}

export const vpc = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(vpcInputsSchema, news, "Vpc");
    if (inputs && !unknown.has("cidrs")) failures.push(...cidrFailures(inputs));
    // With unknown values the inputs go back as given: parsed, they would lose those keys or take defaults.
    return { inputs: inputs && unknown.size === 0 ? inputs : news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Secondary CIDRs change in place where the backend can (a new VPC would take every peering and route of the
    // old one with it); the primary block, the route tables and the rest replace.
    const cidrsInPlace = secondaryOnlyChange(olds, news);
    return diffResource(
      olds,
      news,
      ["name", "region", "cloud", "routeTables", "existingId", ...(cidrsInPlace ? [] : ["cidrs"])],
      { outputKeys: OUTPUT_KEYS },
    );
  },

  async create(raw: Record<string, unknown>) {
    const inputs = vpcInputsSchema.parse(stripProvider(raw));
    const backend = await openBackend(inputs.connection);
    const created = inputs.existingId
      ? assertAdoptable(await backend.describeVpc(inputs.existingId), inputs)
      : await createVpc(backend, inputs);
    return { id: created.id, outs: outputs(inputs, created) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = vpcInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const current = await backend.describeVpc(id);
      return { id, props: { ...outputs(inputs, current), cidrs: [...current.cidrs] } };
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Secondary CIDRs (see diff), tags and credentials reach here; the backends keep VPC tags immutable, so the
    // tags are recorded only.
    const inputs = vpcInputsSchema.parse(stripProvider(news));
    const backend = await openBackend(inputs.connection);
    const before = Array.isArray(olds.cidrs) ? (olds.cidrs as string[]) : [];
    const current =
      canonicalJson(before) === canonicalJson(inputs.cidrs)
        ? await backend.describeVpc(id)
        : await backend.setSecondaryCidrs(id, inputs.cidrs.slice(1));
    return { outs: outputs(inputs, current) };
  },

  async delete(id: string, props: Record<string, unknown>) {
    const inputs = vpcInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    // An adopted VPC is left alone: peerlink did not create it.
    if (inputs.existingId) return;
    const backend = await openBackend(inputs.connection);
    try {
      await backend.deleteVpc(id);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  },
};

/** A new VPC, with the create token of this resource's request (a rerun after a kill gets the same VPC back). */
function createVpc(backend: Backend, inputs: VpcInputs): Promise<VpcInfo> {
  const request = {
    name: inputs.name,
    region: inputs.region,
    cidrs: inputs.cidrs,
    ...(inputs.cloud ? { cloud: inputs.cloud } : {}),
    ...(inputs.routeTables ? { routeTables: inputs.routeTables } : {}),
    ...(inputs.tags ? { tags: inputs.tags } : {}),
  };
  const clientToken = createTokenOf(inputs.createIdentity, request);
  return backend.createVpc({ ...request, ...(clientToken ? { clientToken } : {}) });
}

/**
 * True when only secondary CIDRs change (same primary block, every value known) on a VPC peerlink created, with a
 * backend that changes them in place (capabilities.ts `secondaryCidrs`).
 */
function secondaryOnlyChange(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  const [before, after] = [olds.cidrs, news.cidrs];
  if (!Array.isArray(before) || !Array.isArray(after) || after.length === 0 || after.some(isUnknown))
    return false;
  if (before[0] !== after[0] || olds.existingId !== undefined || news.existingId !== undefined) return false;
  const connection = news.connection;
  if (isUnknown(connection)) return false;
  const kind = (connection as { kind?: unknown } | undefined)?.kind ?? "local";
  return typeof kind === "string" && kind in BACKEND_CAPABILITIES
    ? BACKEND_CAPABILITIES[kind as keyof typeof BACKEND_CAPABILITIES].secondaryCidrs
    : false;
}

/**
 * The VPC's own blocks, checked by the core at plan time (INVALID_CIDR: unparsable, host bits set, or two blocks of
 * the VPC overlapping), so `pulumi preview` fails on them instead of the create. A list with an unknown element
 * waits for the create (without that element the positions in the messages would be wrong).
 */
function cidrFailures(inputs: VpcInputs): CheckFailure[] {
  if (inputs.cidrs.some(isUnknown)) return [];
  const cidrs = inputs.cidrs;
  const { diagnostics } = validateDocument({
    vpcs: [
      { id: inputs.name, cloud: inputs.cloud ?? "tencentcloud", region: inputs.region, account: "0", cidrs },
    ],
  });
  return diagnostics
    .filter((d) => d.code === "INVALID_CIDR")
    .map((d) => failure("cidrs", d.code, `Vpc "${inputs.name}" ${d.message}`, d.fix));
}

/** An adopted VPC must be the one the program declares: other resources plan against `region` and `cidrs`. */
function assertAdoptable(found: VpcInfo, inputs: VpcInputs): VpcInfo {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (found.region !== inputs.region || !same(found.cidrs, inputs.cidrs)) {
    const fix = "Set region and cidrs to the existing VPC's, or point existingId at the VPC you mean.";
    throw new PeerlinkError(
      "INVALID_PARAMETER",
      `existingId "${inputs.existingId}" is a VPC in ${found.region} with ${found.cidrs.join(", ")}, not ${inputs.region} with ${inputs.cidrs.join(", ")}. Fix: ${fix}`,
      { resource: `vpc ${inputs.name}`, value: inputs.existingId, fix },
    );
  }
  return found;
}
