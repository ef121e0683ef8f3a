/**
 * One VPC of a DR component: the VPC itself (an id, possibly known only at apply, or a `Vpc` resource of the
 * program) plus the plain facts the planner and the validators need at construction (region, CIDRs, cloud,
 * account, route tables). Those facts must be plain values: a component validates the whole topology before it
 * creates anything, and values not known until apply would have to be guessed.
 */
import * as pulumi from "@pulumi/pulumi";
import { planBlocks } from "../../core/dr/deferred-ipv6.js";
import type { DrRouting } from "../../core/dr/routing-policy.js";
import type { DrSite } from "../../core/dr/site.js";
import type { Cloud } from "../../core/topology-schema.js";
import type { ConnectionArgs } from "../connection.js";
import type { Vpc } from "../vpc.js";

export interface DrSiteArgs {
  /** The VPC: its cloud id (`vpc-2ari9m7h`, or an Output of one) or a `Vpc` resource of this program. */
  readonly vpc: pulumi.Input<string> | Vpc;
  /**
   * The VPC's id in the component's topology: validation messages, the reachability matrix and the cost lines
   * name it.
   * @default the VPC id when `vpc` is a plain string, else `<component name>-<role>` (e.g. `payments-dr-primary`)
   */
  readonly name?: string;
  /** The VPC's region, e.g. `ap-guangzhou`. */
  readonly region: string;
  /** Every CIDR block of the VPC, primary first: the peer gets a route to each, and overlaps are refused. */
  readonly cidrs: readonly string[];
  /**
   * The IPv6 blocks the cloud assigned the VPC (Huawei and Tencent assign IPv6 themselves, so it is never in
   * `cidrs`): the peer routes to them too where the cloud documents IPv6 peering routes (Huawei); elsewhere the
   * component is refused with IPV6_PEERING_UNSUPPORTED. A dual-stack `Subnet`'s `ipv6Cidr` output may be given
   * as it is: the number of blocks must be known, their values may come at apply (the routes to a block known only
   * at apply are named by the site and the block's position, `<site>-ipv6-<n>`).
   * @default [] (IPv4 only)
   */
  readonly assignedIpv6Cidrs?: readonly pulumi.Input<string>[];
  /** @default "tencentcloud" */
  readonly cloud?: Cloud;
  /**
   * The account owning the VPC (Tencent uin, Huawei project, Baidu account). Two sites with different accounts
   * get a PeeringAcceptance made with the accepter's connection.
   * @default the connection's `account` when it is a plain string, else stack config `peerlink:account`, else
   * `PEERLINK_ACCOUNT`, else "local" (the local backend's default account)
   */
  readonly account?: string;
  /**
   * Extra route tables (besides the main one) that route to the peer: plain ids, or ids by a name of your choice
   * when they are not known until apply (a `Vpc` resource's `routeTableIds`). `routing` may narrow which get routes.
   * @default [] (the main route table only)
   */
  readonly routeTableIds?: readonly string[] | Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * Least-privilege routes: which destinations this site routes (`routes`: "peer-cidrs", a list of peer subnets,
   * or "none" for a side managed elsewhere), and into which of its tables (`routeTables` by their names in
   * `routeTableIds`, `mainTable`). Planned and checked by the core planner (ROUTING_OUTSIDE_PEER,
   * ROUTING_POLICY_INVALID) before anything is created.
   * @default every CIDR of each peer, in every route table
   */
  readonly routing?: DrRouting;
  /**
   * The backend and account this VPC's side acts with: the requester's makes the peering, the accepter's the
   * acceptance, each side's its own routes.
   * @default stack config `peerlink:*`, then the environment (see ConnectionArgs)
   */
  readonly connection?: ConnectionArgs;
}

/** A site with its defaults applied: the planner's plain view plus what the resources need. */
export interface ResolvedSite {
  /** The role in the component ("primary", "hub", "spoke a"...), for messages. */
  readonly role: string;
  readonly drSite: DrSite;
  /** The cloud VPC id to give the resources. */
  readonly vpcId: pulumi.Input<string>;
  readonly connection: ConnectionArgs | undefined;
  /** Extra route table ids by their name in the topology. */
  readonly routeTableIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** The IPv6 blocks known only at apply, by the placeholder that stands for each in the plan. */
  readonly deferredIpv6: ReadonlyMap<string, DeferredBlock>;
}

export interface DeferredBlock {
  /** The block as the program gave it (an Output of the Subnet's `ipv6Cidr`). */
  readonly input: pulumi.Input<string>;
  /** A name-safe label for resource names and descriptions: `<site>-ipv6-<n>`. */
  readonly label: string;
}

function isVpcResource(vpc: DrSiteArgs["vpc"]): vpc is Vpc {
  return pulumi.CustomResource.isInstance(vpc) && "vpcId" in vpc;
}

/** The account a site acts as when none is given (what the local backend defaults to). */
export function defaultAccount(connection: ConnectionArgs | undefined): string {
  if (typeof connection?.account === "string") return connection.account;
  return new pulumi.Config("peerlink").get("account") ?? process.env.PEERLINK_ACCOUNT ?? "local";
}

/** Extra route tables as [name in the topology, id]. */
export function routeTableEntries(tables: DrSiteArgs["routeTableIds"]): [string, pulumi.Input<string>][] {
  if (tables === undefined) return [];
  if (Array.isArray(tables)) return (tables as readonly string[]).map((id) => [id, id]);
  return Object.entries(tables as Readonly<Record<string, pulumi.Input<string>>>);
}

export function resolveSite(args: DrSiteArgs, role: string, componentName: string): ResolvedSite {
  // The resource id (the same VPC id) rather than the `vpcId` output: an id stays known while `pulumi preview`
  // plans an in-place update of the VPC (new credentials, tags), where a dynamic resource's outputs turn unknown
  // and would make every peering and route of this VPC plan a replacement the update never does.
  const vpcId = isVpcResource(args.vpc) ? args.vpc.id : args.vpc;
  const name = args.name ?? (typeof args.vpc === "string" ? args.vpc : `${componentName}-${role}`);
  const tables = routeTableEntries(args.routeTableIds);
  // An Output stands in the plan as a placeholder (core/dr/deferred-ipv6.ts); its routes are named by a label.
  const given = args.assignedIpv6Cidrs ?? [];
  const planned = planBlocks(role, given, (block) => typeof block !== "string");
  const ipv6 = planned.blocks;
  const deferredIpv6 = new Map<string, DeferredBlock>(
    [...planned.deferred].map(([placeholder, { block, index }]) => [
      placeholder,
      { input: block, label: `${name}-ipv6-${index}` },
    ]),
  );
  return {
    role,
    drSite: {
      vpc: name,
      cloud: args.cloud ?? "tencentcloud",
      region: args.region,
      account: args.account ?? defaultAccount(args.connection),
      cidrs: [...args.cidrs],
      ...(args.assignedIpv6Cidrs !== undefined ? { assignedIpv6Cidrs: ipv6 } : {}),
      routeTables: tables.map(([table]) => table),
      ...(args.routing !== undefined ? { routing: args.routing } : {}),
    },
    vpcId,
    connection: args.connection,
    routeTableIds: new Map(tables),
    deferredIpv6,
  };
}
