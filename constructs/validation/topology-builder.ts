/**
 * Builds the one topology of a stack from its peerlink constructs, remembering which construct each document
 * element came from so that diagnostics can be reported at the construct's path. Values that are unresolved
 * tokens are never guessed: the element that needs them, and everything that depends on it, is left out.
 */
import { Token } from "cdktf";
import type { IConstruct } from "constructs";
import { planBlocks } from "../../provider/core/dr/deferred-ipv6.js";
import type { DrExternalPeering } from "../../provider/core/dr/external-peering.js";
import type { ResourceRef } from "../../provider/core/resource-ref.js";
import type {
  BandwidthPolicySpec,
  PeeringSpec,
  RouteSpec,
  SubnetSpec,
  TopologyInput,
  VpcSpec,
} from "../../provider/core/topology-schema.js";
import type { ConstructProblem } from "../errors.js";
import { type VpcSite, vpcTopologyId } from "../vpc-site.js";

/** What the builder needs from a construct: where to report, and how to add itself. */
export interface TopologyMember extends IConstruct {
  /** Adds this construct's element(s) to the topology. */
  contribute(builder: TopologyBuilder): void;
  /** Problems found while building (reported at this construct's path). */
  addSynthProblem(problem: ConstructProblem): void;
}

const MEMBER = Symbol.for("peerlink.cdktf.TopologyMember");

export function markMember(construct: TopologyMember): void {
  Object.defineProperty(construct, MEMBER, { value: true });
}

export function isMember(x: unknown): x is TopologyMember {
  return typeof x === "object" && x !== null && MEMBER in x;
}

/** Names of the fields whose values are unresolved tokens. */
export function unresolvedFields(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && Token.isUnresolved(value))
    .map(([name]) => name);
}

export interface Skipped {
  readonly member: TopologyMember;
  readonly reason: string;
}

export class TopologyBuilder {
  readonly #vpcs: VpcSpec[] = [];
  readonly #vpcById = new Map<string, VpcSpec>();
  /** Site objects already added: the usual case (one VpcSite per VPC, shared by many constructs) is a look-up. */
  readonly #siteIds = new Map<VpcSite, string | undefined>();
  readonly #vpcOwner = new Map<string, TopologyMember>();
  /** A site's `vpcId` (a cloud id, or a token string) -> its topology id: how a subnet finds its VPC. */
  readonly #topologyIdByVpcId = new Map<string, string>();
  readonly #subnets: SubnetSpec[] = [];
  readonly #subnetOwner = new Map<string, TopologyMember>();
  /** VPC ids left out because a value was unresolved (their peerings and routes are left out too). */
  readonly #unknownVpcs = new Set<string>();
  /** A site's IPv6 block known only at apply (a token) -> the placeholder it is validated as. */
  readonly #deferredIpv6 = new Map<string, string>();
  readonly #peerings: PeeringSpec[] = [];
  readonly #peeringOwner: TopologyMember[] = [];
  readonly #peeringIds = new Map<TopologyMember, string>();
  readonly #routes: RouteSpec[] = [];
  readonly #routeOwner: TopologyMember[] = [];
  readonly #policies: BandwidthPolicySpec[] = [];
  readonly #policyOwner: TopologyMember[] = [];
  /** Peerings some of whose routes or policies were left out: their "missing route" warnings are unreliable. */
  readonly incompletePeerings = new Set<string>();
  /** Peerings requested outside the stack (ExistingPeering), by topology id: their billing is not this stack's. */
  readonly externalPeerings: Record<string, DrExternalPeering> = {};
  readonly skipped: Skipped[] = [];

  skip(member: TopologyMember, reason: string): void {
    this.skipped.push({ member, reason });
  }

  /** Adds (once) the VPC described by `site`; returns its topology id, or undefined when it is left out. */
  vpc(member: TopologyMember, site: VpcSite, role: string): string | undefined {
    if (this.#siteIds.has(site)) return this.#siteIds.get(site);
    const id = this.#addVpc(member, site, role);
    this.#siteIds.set(site, id);
    return id;
  }

  #addVpc(member: TopologyMember, site: VpcSite, role: string): string | undefined {
    const id = vpcTopologyId(site);
    if (this.#unknownVpcs.has(id)) return undefined;
    const unresolved = unresolvedFields({
      cloud: site.cloud,
      region: site.region,
      account: site.account,
      ...Object.fromEntries(site.cidrs.map((c, i) => [`cidrs[${i}]`, c])),
    });
    if (Token.isUnresolved(site.cidrs)) unresolved.push("cidrs");
    // A token among the assigned IPv6 blocks (a subnet's `ipv6_cidr`) is validated as its placeholder, as the DR
    // planner plans it (core/dr/deferred-ipv6.ts); a route to that token is checked as a route to the placeholder.
    const ipv6 = planBlocks(id, site.assignedIpv6Cidrs ?? [], (block) => Token.isUnresolved(block));
    for (const [placeholder, { block }] of ipv6.deferred) this.#deferredIpv6.set(block, placeholder);
    if (unresolved.length > 0) {
      this.#unknownVpcs.add(id);
      this.skip(member, `${role} ${unresolved.join(", ")} not known until apply`);
      return undefined;
    }
    const spec: VpcSpec = {
      id,
      cloud: site.cloud,
      region: site.region,
      account: site.account,
      cidrs: [...site.cidrs],
      ...(ipv6.blocks.length > 0 ? { assignedIpv6Cidrs: ipv6.blocks } : {}),
      ...(site.routeTableIds && site.routeTableIds.length > 0
        ? { routeTables: [...site.routeTableIds] }
        : {}),
    };
    const known = this.#vpcById.get(id);
    if (!this.#topologyIdByVpcId.has(site.vpcId)) this.#topologyIdByVpcId.set(site.vpcId, id);
    if (!known) {
      this.#vpcs.push(spec);
      this.#vpcById.set(id, spec);
      this.#vpcOwner.set(id, member);
      return id;
    }
    if (JSON.stringify(known) !== JSON.stringify(spec)) {
      const owner = this.#vpcOwner.get(id)!;
      member.addSynthProblem({
        code: "VPC_DECLARATION_CONFLICT",
        message: `VPC "${id}" (${role}) is described as ${JSON.stringify(spec)}, but ${owner.node.path} describes it as ${JSON.stringify(known)}.`,
        fix: "Describe each VPC once (one VpcSite object) and use it everywhere, or give different VPCs different names.",
      });
    }
    return id;
  }

  peering(member: TopologyMember, spec: PeeringSpec, unresolved: readonly string[]): void {
    if (unresolved.length > 0) {
      this.skip(member, `${unresolved.join(", ")} not known until apply`);
      return;
    }
    this.#peerings.push(spec);
    this.#peeringOwner.push(member);
    this.#peeringIds.set(member, spec.id);
  }

  /** Marks an added peering as one the stack accepts but did not request (`peeringId`: its id on the cloud). */
  existing(member: TopologyMember, peeringId: string): void {
    const id = this.#peeringIds.get(member);
    if (id !== undefined) this.externalPeerings[id] = { mode: "accept-existing", peeringId };
  }

  /** The topology id of a peering construct that was added, or undefined when it was left out. */
  peeringIdOf(member: TopologyMember): string | undefined {
    return this.#peeringIds.get(member);
  }

  /** Marks a peering whose route or policy was left out. */
  incomplete(peeringMember: TopologyMember): void {
    const id = this.#peeringIds.get(peeringMember);
    if (id !== undefined) this.incompletePeerings.add(id);
  }

  /** The placeholder a token destination stands for, when it is a site's deferred IPv6 block. */
  deferredDestination(destination: string): string | undefined {
    return this.#deferredIpv6.get(destination);
  }

  /** The topology id of the VPC a site with this `vpcId` described, when one was added. */
  vpcOfId(vpcId: string): string | undefined {
    return this.#topologyIdByVpcId.get(vpcId);
  }

  /** Adds a subnet of a VPC already described (vpcOfId), in construct order. */
  subnet(member: TopologyMember, spec: SubnetSpec): void {
    if (this.#subnetOwner.has(spec.id)) return;
    this.#subnets.push(spec);
    this.#subnetOwner.set(spec.id, member);
  }

  route(member: TopologyMember, spec: RouteSpec): void {
    this.#routes.push(spec);
    this.#routeOwner.push(member);
  }

  policy(member: TopologyMember, spec: BandwidthPolicySpec): void {
    this.#policies.push(spec);
    this.#policyOwner.push(member);
  }

  document(): TopologyInput {
    return {
      vpcs: this.#vpcs,
      subnets: this.#subnets,
      peerings: this.#peerings,
      routes: this.#routes,
      bandwidthPolicies: this.#policies,
    };
  }

  /**
   * The construct behind a diagnostic's resource: `vpcs[id]`, `peerings[id]`, `routes[3]`,
   * `bandwidthPolicies[0]`, or a schema path such as `peerings[2].name`.
   */
  ownerOf(ref: ResourceRef): TopologyMember | undefined {
    const { kind, key } = ref;
    if (key === undefined) return undefined;
    // Schema errors name a resource by its position; rule diagnostics name VPCs and peerings by id.
    const index = typeof key === "number" ? key : undefined;
    switch (kind) {
      case "vpcs":
        return index === undefined
          ? this.#vpcOwner.get(key as string)
          : this.#vpcOwner.get(this.#vpcs[index]?.id ?? "");
      case "peerings": {
        const at = index ?? this.#peerings.findIndex((p) => p.id === key);
        return this.#peeringOwner[at];
      }
      case "subnets":
        return index === undefined
          ? this.#subnetOwner.get(key as string)
          : this.#subnetOwner.get(this.#subnets[index]?.id ?? "");
      case "routes":
        return index === undefined ? undefined : this.#routeOwner[index];
      case "bandwidthPolicies":
        return index === undefined ? undefined : this.#policyOwner[index];
      default:
        return undefined;
    }
  }
}
