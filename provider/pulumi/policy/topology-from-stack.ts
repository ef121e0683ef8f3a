/**
 * The topology of a whole Pulumi stack, built from every peerlink resource in it, for the policy pack. Pure: it
 * takes the resources as a stack policy receives them (`args.resources`: type, urn, name, props,
 * propertyDependencies) and never touches the engine.
 *
 * During `pulumi preview` many values are not known yet (a new VPC's id, a new peering's id); the engine sends
 * them as sentinels, and @pulumi/policy wraps `props` in a proxy that throws on reading one. This module reads
 * the raw props behind that proxy and skips every element that needs an unknown value, never guessing: links
 * between resources whose ids are unknown are followed through `propertyDependencies` instead.
 */
import type {
  BandwidthPolicySpec,
  PeeringSpec,
  RouteSpec,
  SubnetSpec,
  TopologyInput,
  VpcSpec,
} from "../../core/topology-schema.js";

/** The kinds of peerlink resources, as their classes are named. */
export type PeerlinkKind =
  | "Vpc"
  | "Subnet"
  | "Peering"
  | "PeeringAcceptance"
  | "RouteRule"
  | "BandwidthPolicy";

/** What the policy needs of a stack resource (a subset of @pulumi/policy's PolicyResource). */
export interface StackResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  /** Resources each input property depends on (how a link is known while the id is not). */
  readonly propertyDependencies?: Readonly<Record<string, readonly ({ readonly urn: string } | string)[]>>;
}

export interface SkippedResource {
  readonly urn: string;
  readonly reason: string;
}

export interface StackTopology {
  readonly topology: Required<
    Pick<TopologyInput, "vpcs" | "subnets" | "peerings" | "routes" | "bandwidthPolicies">
  >;
  /** The stack resource behind a document element: `vpcs[<id>]`, `peerings[<id>]`, `routes[3]`... -> URN. */
  readonly owners: ReadonlyMap<string, string>;
  /** Peerings some of whose routes or policies were skipped: "missing route" warnings on them are unreliable. */
  readonly incompletePeerings: ReadonlySet<string>;
  readonly skipped: readonly SkippedResource[];
}

/** The engine's unknown sentinels (@pulumi/policy proxy.js; @pulumi/pulumi runtime/rpc.js `unknownValue`). */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** @pulumi/policy's key for the object behind its unknown-checking proxy (proxy.js `getSpecialProxyTarget`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

const RUNTIME_KINDS: Readonly<Record<string, PeerlinkKind>> = {
  vpc: "Vpc",
  subnet: "Subnet",
  peering: "Peering",
  peeringAcceptance: "PeeringAcceptance",
  routeRule: "RouteRule",
  bandwidthPolicy: "BandwidthPolicy",
};

export function isUnknownValue(value: unknown): boolean {
  if (typeof value === "string") return UNKNOWN_SENTINELS.has(value);
  if (Array.isArray(value)) return value.some(isUnknownValue);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknownValue);
  return false;
}

/** The plain props behind @pulumi/policy's proxy (reading through the proxy throws on unknowns). */
export function rawProps(props: Record<string, unknown>): Record<string, unknown> {
  const target = (props as Record<string, unknown>)[PROXY_TARGET];
  return target !== null && typeof target === "object" ? (target as Record<string, unknown>) : props;
}

/**
 * Which peerlink resource this is, or undefined. The SDK registers the classes as
 * `pulumi-nodejs:dynamic/peerlink:<Class>`; anything else with a serialized provider that loads
 * `peerlink/pulumi/runtime` (an older SDK registers every dynamic resource as `pulumi-nodejs:dynamic:Resource`)
 * is recognised by the kind captured in the provider text.
 */
export function peerlinkKind(type: string, props: Record<string, unknown>): PeerlinkKind | undefined {
  const typed =
    /^pulumi-nodejs:dynamic\/peerlink:(Vpc|Subnet|Peering|PeeringAcceptance|RouteRule|BandwidthPolicy)$/.exec(
      type,
    );
  if (typed) return typed[1] as PeerlinkKind;
  const provider = props.__provider;
  if (typeof provider !== "string" || !provider.includes("peerlink/pulumi/runtime")) return undefined;
  const kind =
    /\bkind\s*:\s*["'](\w+)["']/.exec(provider) ?? /dynamicProvider\(\s*["'](\w+)["']\s*\)/.exec(provider);
  return kind ? RUNTIME_KINDS[kind[1]!] : undefined;
}

function knownString(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknownValue(value) && value !== "" ? value : undefined;
}

function knownNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function knownStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || isUnknownValue(value)) return undefined;
  return value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

function connectionAccount(props: Record<string, unknown>): string | undefined {
  const connection = props.connection;
  if (connection === null || typeof connection !== "object") return undefined;
  return knownString((connection as Record<string, unknown>).account);
}

interface Entry {
  readonly resource: StackResource;
  readonly kind: PeerlinkKind;
  readonly props: Record<string, unknown>;
}

export function topologyFromStack(resources: readonly StackResource[]): StackTopology {
  const entries: Entry[] = [];
  for (const resource of resources) {
    const props = rawProps(resource.props ?? {});
    const kind = peerlinkKind(resource.type, props);
    if (kind) entries.push({ resource, kind, props });
  }
  const vpcs: VpcSpec[] = [];
  const vpcById = new Map<string, VpcSpec>();
  const vpcIdByUrn = new Map<string, string>();
  /** Cloud VPC id -> topology id (they differ only for a Vpc resource whose id is not known yet). */
  const mainTable = new Map<string, string>();
  const owners = new Map<string, string>();
  const skipped: SkippedResource[] = [];
  const skip = (entry: Entry, reason: string) => skipped.push({ urn: entry.resource.urn, reason });

  const addVpc = (spec: VpcSpec, urn: string) => {
    if (vpcById.has(spec.id)) return;
    vpcs.push(spec);
    vpcById.set(spec.id, spec);
    owners.set(`vpcs[${spec.id}]`, urn);
  };

  /** The topology id a resource's VPC-valued input refers to: by value when known, else by dependency. */
  const refer = (entry: Entry, key: string, byUrn: ReadonlyMap<string, string>): string | undefined => {
    const value = knownString(entry.props[key]);
    if (value !== undefined) return value;
    for (const dep of entry.resource.propertyDependencies?.[key] ?? []) {
      const id = byUrn.get(typeof dep === "string" ? dep : dep.urn);
      if (id !== undefined) return id;
    }
    return undefined;
  };

  // 1. Vpc resources: the fullest descriptions.
  for (const entry of entries.filter((e) => e.kind === "Vpc")) {
    const { props, resource } = entry;
    const cidrs = knownStrings(props.cidrs);
    const region = knownString(props.region);
    if (!cidrs || !region) {
      skip(entry, "Vpc cidrs or region not known until apply");
      continue;
    }
    const id = knownString(props.vpcId) ?? resource.name;
    vpcIdByUrn.set(resource.urn, id);
    const main = knownString(props.mainRouteTableId);
    if (main) mainTable.set(id, main);
    addVpc(
      {
        id,
        cloud: (knownString(props.cloud) ?? "tencentcloud") as VpcSpec["cloud"],
        region,
        account: knownString(props.account) ?? connectionAccount(props) ?? "local",
        cidrs,
      },
      resource.urn,
    );
  }

  // 2. Peer VPCs described by the peerings that name their CIDRs (another account's VPC, or one adopted by id).
  const peeringEntries = entries.filter((e) => e.kind === "Peering");
  for (const entry of peeringEntries) {
    const { props } = entry;
    const vpc = refer(entry, "vpcId", vpcIdByUrn);
    const peer = refer(entry, "peerVpcId", vpcIdByUrn);
    const cidrs = knownStrings(props.peerVpcCidrs);
    const requester = vpc === undefined ? undefined : vpcById.get(vpc);
    if (peer === undefined || vpcById.has(peer) || !cidrs || cidrs.length === 0) continue;
    const region = knownString(props.peerRegion) ?? knownString(props.accepterRegion) ?? requester?.region;
    const account =
      knownString(props.peerAccount) ??
      knownString(props.accepterAccount) ??
      (requester ? String(requester.account) : undefined);
    if (!region || !account) continue;
    addVpc(
      { id: peer, cloud: requester?.cloud ?? "tencentcloud", region, account, cidrs },
      entry.resource.urn,
    );
  }

  // 3. Peerings.
  const peerings: PeeringSpec[] = [];
  const peeringIdByUrn = new Map<string, string>();
  for (const entry of peeringEntries) {
    const { props, resource } = entry;
    const vpc = refer(entry, "vpcId", vpcIdByUrn);
    const peer = refer(entry, "peerVpcId", vpcIdByUrn);
    if (vpc === undefined || peer === undefined) {
      skip(entry, "Peering vpcId or peerVpcId not known until apply");
      continue;
    }
    const missing = [vpc, peer].filter((v) => !vpcById.has(v));
    if (missing.length > 0) {
      skip(
        entry,
        `VPC ${missing.join(", ")} is not described in the stack (no Vpc resource, no peerVpcCidrs)`,
      );
      continue;
    }
    const id = knownString(props.peeringId) ?? resource.name;
    peeringIdByUrn.set(resource.urn, id);
    const name = knownString(props.name);
    const bandwidthMbps = knownNumber(props.bandwidthMbps);
    const chargeType = knownString(props.chargeType) as PeeringSpec["chargeType"];
    const serviceLevel = knownString(props.serviceLevel) as PeeringSpec["serviceLevel"];
    peerings.push({
      id,
      ...(name !== undefined && name !== id ? { name } : {}),
      vpc,
      peerVpc: peer,
      ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
      ...(chargeType !== undefined ? { chargeType } : {}),
      ...(serviceLevel !== undefined ? { serviceLevel } : {}),
    });
    owners.set(`peerings[${id}]`, resource.urn);
  }
  const peeringById = new Map(peerings.map((p) => [p.id, p]));
  const incompletePeerings = new Set<string>();
  const markIncomplete = (entry: Entry) => {
    const peering = refer(entry, "peeringId", peeringIdByUrn);
    if (peering !== undefined) incompletePeerings.add(peering);
  };

  // 4. Routes, in their VPC's route table (table ids are the table names; the main table's id is "main").
  const routes: RouteSpec[] = [];
  for (const entry of entries.filter((e) => e.kind === "RouteRule")) {
    const { props, resource } = entry;
    const vpc = refer(entry, "vpcId", vpcIdByUrn);
    const peering = refer(entry, "peeringId", peeringIdByUrn);
    const destination = knownString(props.destination);
    const tableValue = props.routeTableId;
    const table = tableValue === undefined || tableValue === null ? undefined : knownString(tableValue);
    if (
      vpc === undefined ||
      peering === undefined ||
      destination === undefined ||
      (tableValue != null && !table)
    ) {
      skip(entry, "RouteRule vpcId, peeringId, destination or routeTableId not known until apply");
      markIncomplete(entry);
      continue;
    }
    if (!vpcById.has(vpc) || !peeringById.has(peering)) {
      skip(entry, `its ${vpcById.has(vpc) ? "peering" : "VPC"} is not described in the stack`);
      markIncomplete(entry);
      continue;
    }
    const spec = vpcById.get(vpc)!;
    const extra = table !== undefined && table !== mainTable.get(vpc) ? table : undefined;
    if (extra !== undefined && !(spec.routeTables ?? []).includes(extra))
      spec.routeTables = [...(spec.routeTables ?? []), extra];
    owners.set(`routes[${routes.length}]`, resource.urn);
    routes.push({ vpc, ...(extra !== undefined ? { routeTable: extra } : {}), destination, peering });
  }

  // 5. Per-IP limits.
  const bandwidthPolicies: BandwidthPolicySpec[] = [];
  for (const entry of entries.filter((e) => e.kind === "BandwidthPolicy")) {
    const { props, resource } = entry;
    const peering = refer(entry, "peeringId", peeringIdByUrn);
    const limits = props.limits;
    if (
      peering === undefined ||
      !peeringById.has(peering) ||
      (limits !== undefined && isUnknownValue(limits))
    ) {
      skip(entry, "BandwidthPolicy peeringId or limits not known until apply");
      continue;
    }
    for (const limit of Array.isArray(limits) ? (limits as Record<string, unknown>[]) : []) {
      const ip = knownString(limit.ip);
      const limitMbps = knownNumber(limit.limitMbps);
      const vpc = knownString(limit.vpcId);
      if (ip === undefined || limitMbps === undefined) continue;
      owners.set(`bandwidthPolicies[${bandwidthPolicies.length}]`, resource.urn);
      bandwidthPolicies.push({
        peering,
        ...(vpc !== undefined && vpcById.has(vpc) ? { vpc } : {}),
        ip,
        limitMbps,
      });
    }
  }

  // 6. Subnets, in stack order (the core judges each against the subnets of its VPC before it, as a cloud does): the
  // Subnet resource's own check cannot see its siblings or its VPC's blocks, the stack can.
  const subnets: SubnetSpec[] = [];
  for (const entry of entries.filter((e) => e.kind === "Subnet")) {
    const { props, resource } = entry;
    const vpc = refer(entry, "vpcId", vpcIdByUrn);
    const cidr = knownString(props.cidr);
    const name = knownString(props.name);
    if (vpc === undefined || cidr === undefined || name === undefined || isUnknownValue(props.ipv6)) {
      skip(entry, "Subnet vpcId, name, cidr or ipv6 not known until apply");
      continue;
    }
    if (!vpcById.has(vpc)) {
      skip(entry, `VPC ${vpc} is not described in the stack (no Vpc resource)`);
      continue;
    }
    const id = knownString(props.subnetId) ?? resource.name;
    if (owners.has(`subnets[${id}]`)) continue;
    owners.set(`subnets[${id}]`, resource.urn);
    subnets.push({ id, vpc, cidr, name, ...(props.ipv6 === true ? { ipv6: true } : {}) });
  }

  return {
    topology: { vpcs, subnets, peerings, routes, bandwidthPolicies },
    owners,
    incompletePeerings,
    skipped,
  };
}
