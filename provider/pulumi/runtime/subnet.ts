/**
 * The Subnet resource's provider implementation. A subnet created with `ipv6` gets an IPv6 block the cloud assigns
 * (`ipv6Cidr`; rulebook subnets.ipv6AtCreate): the block a dual-stack DR site's peers route to.
 */
import { z } from "zod";
import type { SubnetInfo } from "../../backends/backend.js";
import { CLOUDS, SUBNET_INVALID, subnetShapeProblems } from "../../core/index.js";
import { connectionSchema, openBackend } from "./connection.js";
import { createIdentitySchema, createTokenOf } from "./create-token.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { type CheckFailure, failure, isUnknown, parseInputs, pickInputs, stripProvider } from "./inputs.js";

export const subnetInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  vpcId: z.string().min(1),
  name: z.string().min(1),
  cidr: z.string().min(1),
  ipv6: z.boolean().optional(),
  cloud: z.enum(CLOUDS).optional(),
  createIdentity: createIdentitySchema,
});
export type SubnetInputs = z.output<typeof subnetInputsSchema>;

export const OUTPUT_KEYS = ["subnetId", "gatewayIp", "ipv6Cidr"];

function outputs(inputs: SubnetInputs, subnet: SubnetInfo) {
  return {
    ...inputs,
    subnetId: subnet.id,
    gatewayIp: subnet.gatewayIp,
    // "" rather than undefined: an IPv4-only subnet's output is known and empty, not missing.
    ipv6Cidr: subnet.ipv6Cidr ?? "",
  };
}

export const subnet = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(subnetInputsSchema, news, "Subnet");
    if (inputs && !unknown.has("cidr") && !unknown.has("ipv6") && !unknown.has("cloud"))
      failures.push(...shapeFailures(inputs));
    return { inputs: inputs && unknown.size === 0 ? inputs : news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // No backend changes a subnet in place through peerlink: everything but the connection and cloud replaces.
    return diffResource(olds, news, ["vpcId", "name", "cidr", "ipv6"], { outputKeys: OUTPUT_KEYS });
  },

  async create(raw: Record<string, unknown>) {
    const inputs = subnetInputsSchema.parse(stripProvider(raw));
    const backend = await openBackend(inputs.connection);
    const request = {
      vpcId: inputs.vpcId,
      name: inputs.name,
      cidr: inputs.cidr,
      ...(inputs.ipv6 ? { ipv6: true } : {}),
    };
    // The same token on a rerun: the subnet a killed run made is returned, not refused as an overlap.
    const clientToken = createTokenOf(inputs.createIdentity, request);
    const created = await backend.createSubnet({ ...request, ...(clientToken ? { clientToken } : {}) });
    return { id: created.id, outs: outputs(inputs, created) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = subnetInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const current = await backend.describeSubnet(id);
      return {
        id,
        props: {
          ...outputs(inputs, current),
          vpcId: current.vpcId,
          name: current.name,
          cidr: current.cidr,
          ...(current.ipv6 || inputs.ipv6 !== undefined ? { ipv6: current.ipv6 } : {}),
        },
      };
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Only the connection or the cloud hint changed (diff): the subnet is as it was.
    const inputs = subnetInputsSchema.parse(stripProvider(news));
    const backend = await openBackend(inputs.connection);
    return { outs: outputs(inputs, await backend.describeSubnet(id)) };
  },

  async delete(id: string, props: Record<string, unknown>) {
    const inputs = subnetInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      await backend.deleteSubnet(id);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  },
};

/**
 * What the core decides without the VPC (subnetShapeProblems: the block, its size on the cloud, IPv6 at creation),
 * so `pulumi preview` fails on it. Without `cloud` only the block itself is judged; the backend judges the rest.
 */
function shapeFailures(inputs: SubnetInputs): CheckFailure[] {
  if (isUnknown(inputs.cidr)) return [];
  const problems = subnetShapeProblems(inputs.cloud, {
    name: inputs.name,
    cidr: inputs.cidr,
    ipv6: inputs.ipv6 ?? false,
  });
  return problems.map((p) => failure(p.field, SUBNET_INVALID, p.message, p.fix));
}
