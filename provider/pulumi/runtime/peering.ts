/**
 * The Peering resource's provider implementation. Lives apart from the serialized provider object, which only
 * loads this module by package name (so `__provider` stays a few hundred bytes).
 */
import { z } from "zod";
import {
  type Backend,
  type CreatePeeringInput,
  isLivePeering,
  isTerminalPeering,
  type PeeringInfo,
  type PeeringStatus,
} from "../../backends/backend.js";
import { isBackendError } from "../../backends/errors.js";
import {
  CHARGE_TYPES,
  checkPeeringCandidate,
  type Diagnostic,
  type DiagnosticCode,
  type PeeringSpec,
  PeerlinkError,
  SERVICE_LEVELS,
  type VpcSpec,
} from "../../core/index.js";
import { connectionSchema, openBackend } from "./connection.js";
import { createIdentitySchema, createTokenOf } from "./create-token.js";
import { diffResource } from "./diff.js";
import { isGone } from "./errors.js";
import { type CheckFailure, failure, optional, parseInputs, pickInputs, stripProvider } from "./inputs.js";
import { waitForPeering } from "./wait.js";

export const peeringInputsSchema = z.strictObject({
  connection: connectionSchema.default({ kind: "local" }),
  vpcId: z.string().min(1),
  peerVpcId: z.string().min(1),
  peerRegion: z.string().min(1).optional(),
  peerAccount: z.string().min(1).optional(),
  name: z.string(),
  description: z.string().optional(),
  bandwidthMbps: z.number().int().positive().optional(),
  chargeType: z.enum(CHARGE_TYPES).optional(),
  serviceLevel: z.enum(SERVICE_LEVELS).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  /** The peer VPC's CIDRs, for plan-time checks when the peer VPC belongs to another account (not visible). */
  peerVpcCidrs: z.array(z.string()).optional(),
  /** Adopt this existing peering instead of creating one (dynamic providers cannot `pulumi import`). */
  existingId: z.string().min(1).optional(),
  createIdentity: createIdentitySchema,
  timeoutSeconds: z.number().positive().default(600),
});
export type PeeringInputs = z.output<typeof peeringInputsSchema>;

const REPLACE_KEYS = ["vpcId", "peerVpcId", "peerRegion", "peerAccount", "serviceLevel", "existingId"];
export const OUTPUT_KEYS = [
  "peeringId",
  "status",
  "account",
  "region",
  "accepterAccount",
  "accepterRegion",
  "crossRegion",
  "crossAccount",
];

/** Which input a refusal is about, so Pulumi prints it against the right property. */
/**
 * The input a failure names. First by code, where the input to change is not the field the core points at (a
 * cross-region refusal is the peer's region; an overlap is the peer's blocks; a limit is the VPC's), then by the
 * field at fault that the core names (`Diagnostic.field`: `serviceLevel`, `bandwidthMbps`), then the name.
 */
const PROPERTY_OF: Partial<Record<DiagnosticCode, string>> = {
  DUPLICATE_PEERING: "peerVpcId",
  CROSS_REGION_UNSUPPORTED: "peerRegion",
  CIDR_OVERLAP: "peerVpcId",
  PEER_CIDR_CONFLICT: "peerVpcId",
  PEERING_LIMIT_EXCEEDED: "vpcId",
  INVALID_CIDR: "peerVpcCidrs",
};

/** The Peering input that holds a field of the peering's document entry. */
const INPUT_OF_FIELD: Readonly<Record<string, string>> = {
  vpc: "vpcId",
  peerVpc: "peerVpcId",
  bandwidthMbps: "bandwidthMbps",
  chargeType: "chargeType",
  serviceLevel: "serviceLevel",
  name: "name",
};

function propertyOf(d: Diagnostic): string {
  const field = d.ref.kind === "peerings" && d.field ? INPUT_OF_FIELD[String(d.field[0])] : undefined;
  return PROPERTY_OF[d.code] ?? field ?? "name";
}

const PLACEHOLDER_PREFIX = "fd00:706c:";

/**
 * A VPC the caller cannot see (another account's) still counts for the per-VPC limit: it gets a unique CIDR from
 * the IPv6 unique-local range, which overlaps nothing a user declares.
 */
function placeholderVpc(id: string, index: number, like: VpcSpec): VpcSpec {
  return { ...like, id, cidrs: [`${PLACEHOLDER_PREFIX}${index.toString(16)}::/64`], routeTables: [] };
}

async function visibleVpc(backend: Backend, id: string): Promise<VpcSpec | undefined> {
  try {
    const vpc = await backend.describeVpc(id);
    return { id: vpc.id, cloud: vpc.cloud, region: vpc.region, account: vpc.account, cidrs: [...vpc.cidrs] };
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}

/**
 * Which live peering this resource already is, so that checking an update does not count it twice. The engine
 * hands `check` the old *inputs*, never the outputs: the id is unknown there, but the old VPC pair names it.
 */
/** The create request of a Peering's inputs (its hash is the create token, see create-token.ts). */
function peeringRequest(inputs: PeeringInputs): CreatePeeringInput {
  return {
    vpcId: inputs.vpcId,
    peerVpcId: inputs.peerVpcId,
    name: inputs.name,
    ...optional({
      peerAccount: inputs.peerAccount,
      peerRegion: inputs.peerRegion,
      description: inputs.description,
      bandwidthMbps: inputs.bandwidthMbps,
      chargeType: inputs.chargeType,
      serviceLevel: inputs.serviceLevel,
      tags: inputs.tags,
    }),
  };
}

export interface PeeringSelf {
  /** The adopted peering (existingId), or the id when a caller knows it. */
  readonly id?: string | undefined;
  /** The VPC pair of the previous inputs: the live peering joining it is this resource's. */
  readonly pair?: readonly [string, string] | undefined;
}

function joins(p: PeeringInfo, pair: readonly [string, string]): boolean {
  return (p.vpcId === pair[0] && p.peerVpcId === pair[1]) || (p.vpcId === pair[1] && p.peerVpcId === pair[0]);
}

/** The PeeringSelf of a check: `olds` are the previous inputs (empty on create). */
function selfOf(olds: Record<string, unknown>, inputs: PeeringInputs): PeeringSelf {
  if (inputs.existingId) return { id: inputs.existingId };
  if (typeof olds.peeringId === "string") return { id: olds.peeringId };
  if (typeof olds.vpcId === "string" && typeof olds.peerVpcId === "string") {
    return { pair: [olds.vpcId, olds.peerVpcId] };
  }
  return {};
}

/**
 * The core validators against the live backend: the VPC as it is, its other live peerings, the peer's CIDRs (from
 * the backend when visible, else from `peerVpcCidrs`), and this peering added last. Only problems concerning
 * this peering (or the per-VPC limit of its two VPCs) become failures.
 */
export async function liveCheck(inputs: PeeringInputs, self: PeeringSelf = {}): Promise<CheckFailure[]> {
  const backend = await openBackend(inputs.connection);
  const vpc = await visibleVpc(backend, inputs.vpcId);
  if (!vpc) {
    return [
      failure(
        "vpcId",
        "NOT_FOUND",
        `VPC "${inputs.vpcId}" does not exist in account "${backend.account}".`,
        "Check vpcId and the connection's account.",
      ),
    ];
  }
  const peerAccount = inputs.peerAccount ?? backend.account;
  // A cloud session reads one region (Tencent's and Huawei's APIs are regional): the peer of a cross-region peering
  // is read in its own region, with the same credentials (and only when it is this account's to read).
  const peerSide = async (): Promise<Backend> =>
    inputs.peerRegion !== undefined && inputs.peerRegion !== vpc.region && inputs.connection.kind !== "local"
      ? openBackend({ ...inputs.connection, region: inputs.peerRegion })
      : backend;
  let peer =
    peerAccount === backend.account ? await visibleVpc(await peerSide(), inputs.peerVpcId) : undefined;
  if (!peer && inputs.peerVpcCidrs) {
    peer = {
      id: inputs.peerVpcId,
      cloud: vpc.cloud,
      region: inputs.peerRegion ?? vpc.region,
      account: peerAccount,
      cidrs: inputs.peerVpcCidrs,
    };
  }
  if (!peer && peerAccount === backend.account) {
    return [
      failure(
        "peerVpcId",
        "NOT_FOUND",
        `Peer VPC "${inputs.peerVpcId}" does not exist in account "${peerAccount}".`,
        "Check peerVpcId; for another account's VPC also set peerAccount.",
      ),
    ];
  }
  const known = new Map<string, VpcSpec>([[vpc.id, vpc]]);
  if (peer) known.set(peer.id, peer);
  const existing = await backend.listPeerings({ vpcId: vpc.id }, { limit: 1000 });
  const alive = existing.items.filter((p: PeeringInfo) => isLivePeering(p.status));
  const pair = self.pair;
  // A peering this very request made in a run that was killed before Pulumi recorded it (it carries this
  // request's create token) is this resource's, not a duplicate: the create adopts it (issue 17).
  const token =
    self.id === undefined ? createTokenOf(inputs.createIdentity, peeringRequest(inputs)) : undefined;
  const orphan = token === undefined ? undefined : alive.find((p) => p.createToken === token)?.id;
  const replacing = self.id ?? orphan ?? (pair ? alive.find((p) => joins(p, pair))?.id : undefined);
  const live = alive.filter((p) => p.id !== replacing);
  for (const p of live) {
    const otherId = p.vpcId === vpc.id ? p.peerVpcId : p.vpcId;
    if (!known.has(otherId)) {
      const seen = await visibleVpc(backend, otherId);
      known.set(otherId, seen ?? placeholderVpc(otherId, known.size, vpc));
    }
  }
  // Without the peer's CIDRs only the requester-side rules can run: the peer is a placeholder.
  const vpcs = [...known.values()];
  if (!peer) vpcs.push(placeholderVpc(inputs.peerVpcId, known.size + 1, { ...vpc, account: peerAccount }));
  const candidateId = replacing ?? "(new peering)";
  const own = `peerings[${candidateId}]`;
  return checkPeeringCandidate(
    { vpcs, peerings: live.map((p) => specOf(p.id, p.name, p.vpcId, p.peerVpcId, p)) },
    specOf(candidateId, inputs.name, vpc.id, inputs.peerVpcId, inputs),
  ).map((d) =>
    failure(
      propertyOf(d),
      d.code,
      d.message.replaceAll(own, "this peering"),
      d.code === "DUPLICATE_PEERING" ? (adoptionFix(live, vpc.id, inputs.peerVpcId) ?? d.fix) : d.fix,
    ),
  );
}

/**
 * The fix of a live duplicate: a peering of the pair this resource did not make (it carries no create token of
 * this request), so the way on is to adopt it or to remove it, never a second one.
 */
function adoptionFix(live: readonly PeeringInfo[], vpcId: string, peerVpcId: string): string | undefined {
  const existing = live.find((p) => joins(p, [vpcId, peerVpcId]));
  if (existing === undefined) return undefined;
  return `Peering "${existing.id}" (${existing.status}) already joins these VPCs and was not made by this resource: adopt it with existingId: "${existing.id}" on this Peering, or delete it first.`;
}

function specOf(
  id: string,
  name: string,
  vpc: string,
  peerVpc: string,
  values: {
    bandwidthMbps?: number | undefined;
    chargeType?: PeeringSpec["chargeType"];
    serviceLevel?: PeeringSpec["serviceLevel"];
  },
): PeeringSpec {
  const spec: PeeringSpec = { id, name, vpc, peerVpc };
  if (values.bandwidthMbps !== undefined) spec.bandwidthMbps = values.bandwidthMbps;
  if (values.chargeType !== undefined) spec.chargeType = values.chargeType;
  if (values.serviceLevel !== undefined) spec.serviceLevel = values.serviceLevel;
  return spec;
}

function outputs(inputs: PeeringInputs, peering: PeeringInfo) {
  return {
    ...inputs,
    peeringId: peering.id,
    status: peering.status,
    account: peering.account,
    region: peering.region,
    accepterAccount: peering.peerAccount,
    accepterRegion: peering.peerRegion,
    crossRegion: peering.region !== peering.peerRegion,
    crossAccount: peering.account !== peering.peerAccount,
  };
}

export const peering = {
  async check(olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { inputs, failures, unknown } = parseInputs(peeringInputsSchema, news, "Peering");
    if (!inputs || failures.length > 0 || unknown.size > 0) return { inputs: news, failures };
    return { inputs, failures: await liveCheck(inputs, selfOf(olds, inputs)) };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // The billing is optional and the cloud's own when unset (Terraform's Optional + Computed): a program that
    // leaves it out keeps what the peering has, so the Baidu default an import records ("Postpaid") or a charge
    // type dropped from a program plans no update. Setting it again is a change as usual.
    const declared =
      news.chargeType === undefined && olds.chargeType !== undefined
        ? { ...news, chargeType: olds.chargeType }
        : news;
    const result = diffResource(olds, declared, REPLACE_KEYS, {
      deleteBeforeReplace: true,
      outputKeys: OUTPUT_KEYS,
    });
    // A peering rejected, expired or deleted out of band (seen by refresh) can only be requested anew.
    const dead = isTerminalPeering(olds.status as PeeringStatus);
    if (dead)
      return {
        ...result,
        changes: true,
        replaces: [...result.replaces, "status"],
        deleteBeforeReplace: true,
      };
    return result;
  },

  async create(raw: Record<string, unknown>) {
    const inputs = peeringInputsSchema.parse(stripProvider(raw));
    const backend = await openBackend(inputs.connection);
    let created: PeeringInfo;
    if (inputs.existingId) {
      created = await backend.describePeering(inputs.existingId);
      assertAdoptable(created, inputs);
    } else {
      const request = peeringRequest(inputs);
      created = await backend.createPeering({
        ...request,
        ...optional({ clientToken: createTokenOf(inputs.createIdentity, request) }),
      });
    }
    // Same account: ACTIVE. Cross account: PENDING until the PeeringAcceptance (another resource) accepts it.
    const settled = await waitForPeering(backend, created.id, ["PENDING", "ACTIVE"], {
      timeoutMs: inputs.timeoutSeconds * 1000,
    });
    return { id: settled.id, outs: outputs(inputs, settled) };
  },

  async read(id: string, props: Record<string, unknown>) {
    const inputs = peeringInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      const current = await backend.describePeering(id);
      if (current.status === "DELETED") return {};
      return {
        id,
        props: {
          ...outputs(inputs, current),
          name: current.name,
          bandwidthMbps: current.bandwidthMbps,
          // Unset, the billing is the cloud's default, which Baidu reads back (paymentTiming "Postpaid") and
          // Tencent does not: reporting it would show a refresh right after `up` as drift, and plan an update.
          ...(inputs.chargeType !== undefined ? { chargeType: current.chargeType } : {}),
        },
      };
    } catch (error) {
      if (isGone(error)) return {};
      throw error;
    }
  },

  async update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    const inputs = peeringInputsSchema.parse(stripProvider(news));
    const backend = await openBackend(inputs.connection);
    const updated = await backend.modifyPeering(id, {
      name: inputs.name,
      ...optional({
        description: inputs.description,
        bandwidthMbps: inputs.bandwidthMbps,
        chargeType: inputs.chargeType,
        tags: inputs.tags,
      }),
    });
    return { outs: outputs(inputs, updated) };
  },

  async delete(id: string, props: Record<string, unknown>) {
    const inputs = peeringInputsSchema.parse(pickInputs(props, OUTPUT_KEYS));
    const backend = await openBackend(inputs.connection);
    try {
      await backend.deletePeering(id);
    } catch (error) {
      if (isGone(error) || isBackendError(error, "INVALID_STATE_TRANSITION")) return;
      throw error;
    }
  },
};

function assertAdoptable(found: PeeringInfo, inputs: PeeringInputs): void {
  const pair = new Set([found.vpcId, found.peerVpcId]);
  if (!pair.has(inputs.vpcId) || !pair.has(inputs.peerVpcId) || found.status === "DELETED") {
    const fix = "Set existingId to the peering that joins these VPCs, or drop it to create one.";
    throw new PeerlinkError(
      "INVALID_PARAMETER",
      `existingId "${inputs.existingId}" is peering ${found.vpcId} ↔ ${found.peerVpcId} (${found.status}), not ${inputs.vpcId} ↔ ${inputs.peerVpcId}. Fix: ${fix}`,
      { resource: `peering ${inputs.name}`, value: inputs.existingId, fix },
    );
  }
}
