/**
 * The VPC actions of API version 2017-03-12 the emulator speaks, each a thin mapping: read the parameters
 * (names from tencentcloud-sdk-python-vpc 3.1.193 models.py, e.g. CreateVpcPeeringConnectionRequest), call the
 * account's Backend session of the local state engine (which enforces every peering and route rule and already
 * answers with Tencent's codes), render the response model.
 *
 * Regions: as on Tencent Cloud, VPCs and route tables live in one region and are only visible to requests made
 * in that region (X-TC-Region). Peerings are reachable from either side's region, which is what a cross-region
 * accept (made in the accepter's region) needs.
 */

import type {
  Backend,
  PeeringFilter,
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../../backends/backend.js";
import { isBackendError } from "../../backends/errors.js";
import type { LocalBackend } from "../../backends/local/local-backend.js";
import { parseCidr } from "../../core/cidr.js";
import type { ChargeType, ServiceLevel } from "../../core/index.js";
import { TencentApiError } from "./api-error.js";
import type { Params, TencentFilter } from "./params.js";
import {
  assistantCidrWire,
  peeringWire,
  QOS_LEVELS,
  routeIdNumber,
  routeTableWire,
  routeWire,
  subnetExtrasOf,
  subnetExtrasText,
  subnetWire,
  vpcWire,
  WIRE_STATE,
} from "./wire.js";

export interface ActionContext {
  /** The account's session of the local engine (a LocalBackend: subnet descriptions are read through it). */
  readonly session: LocalBackend;
  readonly region: string;
  readonly account: string;
}

export interface TencentAction {
  /** Top-level request parameters (models.py <Action>Request). */
  readonly parameters: readonly string[];
  run(params: Params, context: ActionContext): Promise<Record<string, unknown>>;
}

const CLOUD = "tencentcloud";

function notFound(kind: string, id: string, code = "ResourceNotFound"): TencentApiError {
  return new TencentApiError(code, `The ${kind} \`${id}\` does not exist.`);
}

/** A Tencent VPC of the caller in the request's region. */
async function regionalVpc(context: ActionContext, id: string): Promise<VpcInfo> {
  const vpc = await context.session.describeVpc(id);
  if (vpc.cloud !== CLOUD || vpc.region !== context.region) throw notFound("VPC", id);
  return vpc;
}

async function regionalVpcs(context: ActionContext): Promise<VpcInfo[]> {
  return (await context.session.listVpcs()).filter((v) => v.cloud === CLOUD && v.region === context.region);
}

/** `find` of something of the caller's in the request's region; undefined when it is not there for this caller. */
async function orUndefined<T>(find: () => Promise<T>): Promise<T | undefined> {
  try {
    return await find();
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND") || error instanceof TencentApiError) return undefined;
    throw error;
  }
}

/**
 * The VPCs a request's vpc-id filter can match, in creation order: one value is read by id (a listing of one VPC's
 * tables or subnets then costs that VPC, not the account's every VPC); none or several, the region's VPCs, which
 * the filter then narrows.
 */
async function candidateVpcs(
  context: ActionContext,
  vpcIds: readonly string[] | undefined,
): Promise<VpcInfo[]> {
  if (vpcIds === undefined || new Set(vpcIds).size !== 1) return regionalVpcs(context);
  const vpc = await orUndefined(() => regionalVpc(context, vpcIds[0]!));
  return vpc ? [vpc] : [];
}

/** The caller's route table `id` in the request's region with its VPC, read by id; else undefined. */
async function findRegionalTable(
  context: ActionContext,
  id: string,
): Promise<{ vpc: VpcInfo; table: RouteTableInfo } | undefined> {
  return orUndefined(async () => {
    const table = await context.session.describeRouteTable(id);
    return { vpc: await regionalVpc(context, table.vpcId), table };
  });
}

async function regionalTable(
  context: ActionContext,
  id: string,
): Promise<{ vpc: VpcInfo; table: RouteTableInfo }> {
  const found = await findRegionalTable(context, id);
  if (!found) throw notFound("route table", id, "InvalidRouteTableId.NotFound");
  return found;
}

/**
 * The route tables a DescribeRouteTables may answer, in VPC then table order. One id (RouteTableIds, the way a
 * backend reads one table's routes) is read by id; otherwise the candidate VPCs' tables, which the filters narrow.
 */
async function candidateTables(
  context: ActionContext,
  ids: readonly string[] | undefined,
  vpcIds: readonly string[] | undefined,
): Promise<{ vpc: VpcInfo; table: RouteTableInfo }[]> {
  if (ids !== undefined && new Set(ids).size === 1) {
    const found = await findRegionalTable(context, ids[0]!);
    return found ? [found] : [];
  }
  const tables = (await candidateVpcs(context, vpcIds)).flatMap((vpc) =>
    vpc.routeTables.map((table) => ({ vpc, table })),
  );
  return ids === undefined ? tables : tables.filter(({ table }) => ids.includes(table.id));
}

async function tencentPeering(context: ActionContext, id: string): Promise<PeeringInfo> {
  const peering = await context.session.describePeering(id);
  if (peering.cloud !== CLOUD) throw notFound("peering connection", id);
  return peering;
}

function applyPage<T>(items: readonly T[], params: Params): { total: number; page: T[] } {
  const { offset, limit } = params.page();
  return { total: items.length, page: items.slice(offset, offset + limit) };
}

function matchesAll<T>(
  filters: readonly TencentFilter[],
  item: T,
  test: (name: string, value: string, item: T) => boolean,
): boolean {
  // Filters are ANDed, the values of one filter ORed (models.py Filter doc).
  return filters.every((f) => f.values.some((value) => test(f.name, value, item)));
}

function exclusive(params: Params, ids: string, filters = "Filters"): void {
  if (params.has(ids) && params.has(filters))
    throw new TencentApiError(
      "InvalidParameter.Coexist",
      `\`${ids}\` and \`${filters}\` cannot be given together.`,
    );
}

const SERVICE_LEVEL_OF: Readonly<Record<string, ServiceLevel>> = Object.fromEntries(
  Object.entries(QOS_LEVELS).map(([level, wire]) => [wire, level as ServiceLevel]),
);

function serviceLevel(params: Params): ServiceLevel | undefined {
  const wire = params.string("QosLevel");
  if (wire === undefined || wire === "") return undefined;
  const level = SERVICE_LEVEL_OF[wire];
  if (!level)
    throw new TencentApiError("InvalidParameterValue", `QosLevel \`${wire}\` is not one of PT, AU, AG.`);
  return level;
}

const STATES_OF_WIRE = (wire: string): PeeringStatus[] =>
  (Object.entries(WIRE_STATE) as [PeeringStatus, string][]).filter(([, w]) => w === wire).map(([s]) => s);

async function allPeerings(session: Backend): Promise<PeeringInfo[]> {
  const items: PeeringInfo[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await session.listPeerings({}, { offset, limit: 1000 });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/**
 * The Tencent filters as the engine's PeeringFilter, when they fit one (at most one VPC and one name; the state
 * values ORed, the state filters ANDed, as matchesAll reads them), so the engine filters and pages in its query.
 * Undefined when they do not fit: the action then filters the account's whole list itself.
 */
function engineFilter(filters: readonly TencentFilter[]): PeeringFilter | undefined {
  let vpcId: string | undefined;
  let name: string | undefined;
  let status: PeeringStatus[] | undefined;
  for (const f of filters) {
    if (f.name === "state") {
      const allowed = f.values.flatMap((v) => STATES_OF_WIRE(v.toUpperCase()));
      status = status === undefined ? allowed : status.filter((s) => allowed.includes(s));
    } else if (f.values.length !== 1) return undefined;
    else if (f.name === "vpc-id" && vpcId === undefined) vpcId = f.values[0];
    else if (f.name === "peering-connection-name" && name === undefined) name = f.values[0];
    else return undefined;
  }
  return {
    cloud: CLOUD,
    ...(vpcId === undefined ? {} : { vpcId }),
    ...(name === undefined ? {} : { name }),
    ...(status === undefined ? {} : { status }),
  };
}

/**
 * One page in creation order, read by the engine's query. Descending: the same window counted from the end
 * (the count first), reversed.
 */
async function enginePage(
  session: Backend,
  filter: PeeringFilter,
  { offset, limit }: { offset: number; limit: number },
  descending: boolean,
): Promise<{ total: number; page: readonly PeeringInfo[] }> {
  if (!descending) {
    const listed = await session.listPeerings(filter, { offset, limit: Math.max(limit, 1) });
    return { total: listed.total, page: limit === 0 ? [] : listed.items };
  }
  const { total } = await session.listPeerings(filter, { limit: 1 });
  const end = total - offset;
  const start = Math.max(end - limit, 0);
  if (end <= 0 || limit === 0) return { total, page: [] };
  const listed = await session.listPeerings(filter, { offset: start, limit: end - start });
  return { total, page: [...listed.items].reverse() };
}

/** A block's canonical text ("10.1.0.0/16"), or the text itself when it does not parse. */
function canonical(block: string): string {
  const parsed = parseCidr(block);
  return parsed.ok ? parsed.cidr.text : block.trim();
}

/**
 * CreateAssistantCidrRequest / DeleteAssistantCidrRequest.CidrBlocks: "CIDR数组，格式如["10.0.0.0/16",
 * "172.16.0.0/16"]", required and non-empty. A block listed twice is InvalidParameterValue.Duplicate, a code of
 * both actions' published error lists (tencentcloud-sdk-go vpc/v20170312/client.go).
 */
function cidrBlocks(params: Params): string[] {
  const blocks = params.stringList("CidrBlocks");
  if (!blocks || blocks.length === 0)
    throw new TencentApiError(
      "MissingParameter",
      "The request is missing a required parameter `CidrBlocks`.",
    );
  const seen = new Set<string>();
  for (const block of blocks) {
    if (seen.has(canonical(block)))
      throw new TencentApiError(
        "InvalidParameterValue.Duplicate",
        `CidrBlocks lists \`${block}\` more than once; list each block once.`,
      );
    seen.add(canonical(block));
  }
  return blocks;
}

/**
 * The secondary CIDR of `vpc` that DeleteAssistantCidr may remove for `block`. Refusals use codes of
 * DeleteAssistantCidr's published list (InvalidParameter, InvalidParameterValue.Malformed, ResourceNotFound): the
 * primary CIDR is not an assistant CIDR and can never be removed; a block the VPC does not have is not found.
 */
function deletableBlock(vpc: VpcInfo, block: string): string {
  if (!parseCidr(block).ok)
    throw new TencentApiError(
      "InvalidParameterValue.Malformed",
      `CidrBlocks: \`${block}\` is not a CIDR block (write it as address/prefix, e.g. 10.1.0.0/16).`,
    );
  const [primary = "", ...secondary] = vpc.cidrs;
  if (canonical(primary) === canonical(block))
    throw new TencentApiError(
      "InvalidParameter",
      `\`${block}\` is the primary CIDR of VPC \`${vpc.id}\`, which cannot be deleted; DeleteAssistantCidr removes secondary CIDRs only.`,
    );
  const found = secondary.find((cidr) => canonical(cidr) === canonical(block));
  if (found === undefined)
    throw new TencentApiError(
      "ResourceNotFound",
      `VPC \`${vpc.id}\` has no secondary CIDR \`${block}\` (its secondary CIDRs: ${secondary.join(", ") || "none"}).`,
    );
  return found;
}

// ---------------------------------------------------------------- subnets

/**
 * CreateSubnetRequest parameters of the SDK the emulator keeps nothing for: refused when given, rather than dropped
 * (a CDC subnet, an IPv6 or dual-stack subnet: Tencent assigns IPv6 to a subnet later, AssignIpv6SubnetCidrBlock,
 * rulebook subnets.ipv6AtCreate).
 */
const SUBNET_PARAMETERS_NOT_EMULATED = ["CdcId", "StackType", "Ipv6CidrBlock"] as const;

function refuseNotEmulated(params: Params, names: readonly string[], action: string): void {
  for (const name of names)
    if (params.has(name) && params.string(name) !== "")
      throw new TencentApiError(
        "UnsupportedOperation",
        `${action}: the parameter \`${name}\` is not supported by this emulator; omit it.`,
      );
}

/**
 * CreateSubnetRequest.Zone, "子网所在的可用区ID" (required): a zone of the request's region, written
 * `<region>-<n>` as Tencent names them (ap-guangzhou-3). The emulator knows no zone list, so any number is taken;
 * a zone of another region is InvalidParameterValue.UnavailableZone ("该可用区不可用", errorcodes.py).
 */
function zoneOf(params: Params, region: string): string {
  const zone = params.requiredString("Zone");
  const suffix = zone.startsWith(`${region}-`) ? zone.slice(region.length + 1) : "";
  if (!/^\d+$/.test(suffix))
    throw new TencentApiError(
      "InvalidParameterValue.UnavailableZone",
      `Zone \`${zone}\` is not a zone of region \`${region}\`; use one like \`${region}-1\`.`,
    );
  return zone;
}

/**
 * The subnets of the caller's Tencent VPCs of the request's region that a vpc-id filter can match (candidateVpcs),
 * with their VPC, in VPC then creation order.
 */
async function regionalSubnets(
  context: ActionContext,
  vpcIds?: readonly string[],
): Promise<{ vpc: VpcInfo; subnet: SubnetInfo }[]> {
  const all: { vpc: VpcInfo; subnet: SubnetInfo }[] = [];
  for (const vpc of await candidateVpcs(context, vpcIds))
    for (const subnet of await context.session.listSubnets(vpc.id)) all.push({ vpc, subnet });
  return all;
}

/** The caller's subnet of a Tencent VPC in the request's region, else ResourceNotFound. */
async function regionalSubnet(context: ActionContext, id: string): Promise<SubnetInfo> {
  let subnet: SubnetInfo;
  try {
    subnet = await context.session.describeSubnet(id);
  } catch (error) {
    if (isBackendError(error, "NOT_FOUND")) throw notFound("subnet", id);
    throw error;
  }
  // A subnet of another cloud's VPC, or of a VPC of another region, is not visible here.
  const vpc = await context.session.describeVpc(subnet.vpcId);
  if (vpc.cloud !== CLOUD || vpc.region !== context.region) throw notFound("subnet", id);
  return subnet;
}

async function renderSubnet(context: ActionContext, vpc: VpcInfo, subnet: SubnetInfo) {
  return subnetWire(subnet, vpc, subnetExtrasOf(await context.session.subnetDescription(subnet.id)));
}

export const ACTIONS: Readonly<Record<string, TencentAction>> = {
  // ---------------------------------------------------------------- VPCs
  CreateVpc: {
    parameters: [
      "VpcName",
      "CidrBlock",
      "StackType",
      "Ipv6CidrBlock",
      "AddressType",
      "EnableMulticast",
      "DnsServers",
      "DomainName",
      "Tags",
      "EnableRouteVpcPublish",
      "EnableRouteVpcPublishIpv6",
    ],
    async run(params, context) {
      const name = params.requiredString("VpcName");
      // CreateVpcRequest.VpcName: "最大长度不能超过60个字节" (at most 60 bytes).
      if (Buffer.byteLength(name) > 60)
        throw new TencentApiError("InvalidParameterValue.TooLong", "VpcName is longer than 60 bytes.");
      const vpc = await context.session.createVpc({
        name,
        region: context.region,
        cidrs: [params.requiredString("CidrBlock")],
        cloud: CLOUD,
        tags: params.tags() ?? {},
      });
      return { Vpc: vpcWire(vpc) };
    },
  },

  DescribeVpcs: {
    parameters: ["VpcIds", "Filters", "Offset", "Limit"],
    async run(params, context) {
      exclusive(params, "VpcIds");
      const ids = params.stringList("VpcIds");
      const filters = params.filters(["vpc-name", "is-default", "vpc-id", "cidr-block", "tag-key"], ["tag:"]);
      let vpcs = await regionalVpcs(context);
      if (ids) vpcs = vpcs.filter((v) => ids.includes(v.id));
      vpcs = vpcs.filter((vpc) =>
        matchesAll(filters, vpc, (name, value) => {
          if (name === "vpc-name") return vpc.name.includes(value); // "支持模糊查询" (substring match)
          if (name === "vpc-id") return vpc.id === value;
          if (name === "cidr-block") return vpc.cidrs[0] === value;
          if (name === "is-default") return value.toLowerCase() === "false";
          if (name === "tag-key") return value in vpc.tags;
          return vpc.tags[name.slice("tag:".length)] === value;
        }),
      );
      const { total, page } = applyPage(vpcs, params);
      return { TotalCount: total, VpcSet: page.map(vpcWire) };
    },
  },

  DeleteVpc: {
    parameters: ["VpcId"],
    async run(params, context) {
      const vpc = await regionalVpc(context, params.requiredString("VpcId"));
      await context.session.deleteVpc(vpc.id);
      return {};
    },
  },

  // ---------------------------------------------------------------- secondary CIDRs
  // CreateAssistantCidrRequest / DeleteAssistantCidrRequest (models.py): VpcId, CidrBlocks. The local engine's
  // setSecondaryCidrs enforces the rules (own-block overlap: InvalidParameterValue.VpcCidrConflict; live peers:
  // UnsupportedOperation.VpcPeerCidrConflict / UnauthorizedOperation.VpcPeerCidrConflict) and changes nothing
  // when it refuses, so each call is all-or-nothing. Reading the VPC's blocks and writing the new list back cannot
  // interleave with another request: the emulator's engine has no latency, so neither call yields to I/O.
  CreateAssistantCidr: {
    parameters: ["VpcId", "CidrBlocks"],
    async run(params, context) {
      const vpc = await regionalVpc(context, params.requiredString("VpcId"));
      const blocks = cidrBlocks(params);
      // A block the VPC already has overlaps itself: the engine refuses it (VpcCidrConflict).
      const now = await context.session.setSecondaryCidrs(vpc.id, [...vpc.cidrs.slice(1), ...blocks]);
      // CreateAssistantCidrResponse.AssistantCidrSet: the blocks created, as stored (the engine appends them,
      // normalised, after the VPC's other blocks).
      return {
        AssistantCidrSet: now.cidrs.slice(-blocks.length).map((cidr) => assistantCidrWire(vpc.id, cidr)),
      };
    },
  },

  DeleteAssistantCidr: {
    parameters: ["VpcId", "CidrBlocks"],
    async run(params, context) {
      const vpc = await regionalVpc(context, params.requiredString("VpcId"));
      const doomed = new Set(cidrBlocks(params).map((block) => deletableBlock(vpc, block)));
      await context.session.setSecondaryCidrs(
        vpc.id,
        vpc.cidrs.slice(1).filter((cidr) => !doomed.has(cidr)),
      );
      // DeleteAssistantCidrResponse: RequestId only.
      return {};
    },
  },

  // ---------------------------------------------------------------- subnets
  /**
   * CreateSubnet (腾讯云 私有网络 API: 创建子网, https://cloud.tencent.com/document/api/215/15782): "子网网段必须在
   * VPC 网段内", the smallest block a /28, "同一个 VPC 内,多个子网的网段不能重叠。" The engine judges those (core
   * subnetProblems from the rulebook) and refuses with Tencent's codes (errorcodes.py): a block outside the VPC or
   * too small is InvalidParameterValue.SubnetRange ("子网CIDR不合法。"), an overlap
   * InvalidParameterValue.SubnetOverlap ("CIDR与同一个私有网络内的另一个子网发生重叠。"). An unknown VPC is
   * ResourceNotFound, as for every action here. Answers CreateSubnetResponse.Subnet.
   */
  CreateSubnet: {
    parameters: ["VpcId", "SubnetName", "CidrBlock", "Zone", "Tags", ...SUBNET_PARAMETERS_NOT_EMULATED],
    async run(params, context) {
      refuseNotEmulated(params, SUBNET_PARAMETERS_NOT_EMULATED, "CreateSubnet");
      const name = params.requiredString("SubnetName");
      // CreateSubnetRequest.SubnetName: "子网名称，最大长度不能超过60个字节。"
      if (Buffer.byteLength(name) > 60)
        throw new TencentApiError("InvalidParameterValue.TooLong", "SubnetName is longer than 60 bytes.");
      const cidr = params.requiredString("CidrBlock");
      const zone = zoneOf(params, context.region);
      const tags = params.tags() ?? {};
      const vpc = await regionalVpc(context, params.requiredString("VpcId"));
      const subnet = await context.session.createSubnet({
        vpcId: vpc.id,
        name,
        cidr,
        description: subnetExtrasText({ zone, tags }),
      });
      return { Subnet: subnetWire(subnet, vpc, { zone, tags }) };
    },
  },

  /**
   * DescribeSubnets (腾讯云 私有网络 API: 查询子网列表, https://cloud.tencent.com/document/api/215/15784):
   * SubnetIds or Filters ("参数不支持同时指定SubnetIds和Filters"), Offset and Limit (strings in models.py; default 20,
   * at most 100). Filters: subnet-id, vpc-id, subnet-name, cidr-block, zone, is-default, tag-key, tag:<key>.
   * MaxResults / NextToken paging is not emulated (refused when given). An id that is not found is left out of the
   * set, as DescribeVpcs does here.
   */
  DescribeSubnets: {
    parameters: ["SubnetIds", "Filters", "Offset", "Limit", "MaxResults", "NextToken"],
    async run(params, context) {
      exclusive(params, "SubnetIds");
      for (const name of ["MaxResults", "NextToken"])
        if (params.has(name))
          throw new TencentApiError(
            "UnsupportedOperation",
            `DescribeSubnets: \`${name}\` paging is not supported by this emulator; page with Offset and Limit.`,
          );
      const ids = params.stringList("SubnetIds");
      const filters = params.filters(
        ["subnet-id", "vpc-id", "subnet-name", "cidr-block", "zone", "is-default", "tag-key"],
        ["tag:"],
      );
      const rendered: Record<string, unknown>[] = [];
      const byVpc = filters.find((f) => f.name === "vpc-id")?.values;
      for (const { vpc, subnet } of await regionalSubnets(context, byVpc)) {
        if (ids && !ids.includes(subnet.id)) continue;
        rendered.push(await renderSubnet(context, vpc, subnet));
      }
      const matching = rendered.filter((wire) =>
        matchesAll(filters, wire, (name, value) => {
          const tags = wire.TagSet as { Key: string; Value: string }[];
          if (name === "subnet-id") return wire.SubnetId === value;
          if (name === "vpc-id") return wire.VpcId === value;
          if (name === "subnet-name") return wire.SubnetName === value;
          // The documented example gives the network address alone ("172.16.16.0").
          if (name === "cidr-block")
            return wire.CidrBlock === value || String(wire.CidrBlock).split("/")[0] === value;
          if (name === "zone") return wire.Zone === value;
          if (name === "is-default") return value.toLowerCase() === "false";
          if (name === "tag-key") return tags.some((t) => t.Key === value);
          return tags.some((t) => t.Key === name.slice("tag:".length) && t.Value === value);
        }),
      );
      const { total, page } = applyPage(matching, params);
      return { TotalCount: total, SubnetSet: page };
    },
  },

  /**
   * DeleteSubnet (腾讯云 私有网络 API: 删除子网, https://cloud.tencent.com/document/api/215/15783): "删除子网前,请清理该
   * 子网下所有资源" (the emulator's subnets hold no instances, so nothing stops the delete). An unknown subnet (also a
   * second delete) is ResourceNotFound. Answers the RequestId only.
   */
  DeleteSubnet: {
    parameters: ["SubnetId"],
    async run(params, context) {
      const subnet = await regionalSubnet(context, params.requiredString("SubnetId"));
      await context.session.deleteSubnet(subnet.id);
      return {};
    },
  },

  // ---------------------------------------------------------------- route tables and routes
  CreateRouteTable: {
    parameters: ["VpcId", "RouteTableName", "Tags"],
    async run(params, context) {
      const vpc = await regionalVpc(context, params.requiredString("VpcId"));
      const table = await context.session.createRouteTable(vpc.id, params.requiredString("RouteTableName"));
      return { RouteTable: routeTableWire(table, vpc, []) };
    },
  },

  DescribeRouteTables: {
    parameters: ["Filters", "RouteTableIds", "Offset", "Limit", "NeedRouterInfo"],
    async run(params, context) {
      exclusive(params, "RouteTableIds");
      const ids = params.stringList("RouteTableIds");
      const filters = params.filters(["route-table-id", "route-table-name", "vpc-id", "association.main"]);
      const byVpc = filters.find((f) => f.name === "vpc-id")?.values;
      const tables = (await candidateTables(context, ids, byVpc)).filter(({ table }) =>
        matchesAll(filters, table, (name, value) => {
          if (name === "route-table-id") return table.id === value;
          if (name === "route-table-name") return table.name === value;
          if (name === "vpc-id") return table.vpcId === value;
          return String(table.main) === value.toLowerCase();
        }),
      );
      const { total, page } = applyPage(tables, params);
      const rendered = [];
      for (const { vpc, table } of page)
        rendered.push(routeTableWire(table, vpc, await context.session.listRoutes(table.id)));
      return { TotalCount: total, RouteTableSet: rendered };
    },
  },

  CreateRoutes: {
    parameters: ["RouteTableId", "Routes"],
    async run(params, context) {
      const { vpc, table } = await regionalTable(context, params.requiredString("RouteTableId"));
      const routes = params.objectList("Routes");
      if (!routes || routes.length === 0)
        throw new TencentApiError(
          "MissingParameter",
          "The request is missing a required parameter `Routes`.",
        );
      const created: RouteInfo[] = [];
      try {
        for (const [i, route] of routes.entries()) {
          const destination = route.DestinationCidrBlock || route.DestinationIpv6CidrBlock;
          if (typeof destination !== "string" || destination === "")
            throw new TencentApiError("MissingParameter", `Routes.${i}.DestinationCidrBlock is missing.`);
          if (route.GatewayType !== "PEERCONNECTION")
            throw new TencentApiError(
              "UnsupportedOperation",
              `Routes.${i}.GatewayType \`${String(route.GatewayType)}\`: the emulator routes through peering connections only (PEERCONNECTION).`,
            );
          if (typeof route.GatewayId !== "string" || route.GatewayId === "")
            throw new TencentApiError("MissingParameter", `Routes.${i}.GatewayId is missing.`);
          const peering = await context.session.describePeering(route.GatewayId).catch((error: unknown) => {
            throw isBackendError(error, "NOT_FOUND")
              ? notFound("peering connection", String(route.GatewayId))
              : error;
          });
          created.push(
            await context.session.createRoute({
              vpcId: vpc.id,
              routeTableId: table.id,
              destination,
              peeringId: peering.id,
              description: typeof route.RouteDescription === "string" ? route.RouteDescription : "",
            }),
          );
        }
      } catch (error) {
        // One call, one outcome: routes of a refused batch are not left behind.
        for (const route of created) await context.session.deleteRoute(route.id).catch(() => undefined);
        throw error;
      }
      const all = await context.session.listRoutes(table.id);
      return { TotalCount: created.length, RouteTableSet: [routeTableWire(table, vpc, all)] };
    },
  },

  DeleteRoutes: {
    parameters: ["RouteTableId", "Routes"],
    async run(params, context) {
      const { table } = await regionalTable(context, params.requiredString("RouteTableId"));
      const wanted = params.objectList("Routes");
      if (!wanted || wanted.length === 0)
        throw new TencentApiError(
          "MissingParameter",
          "The request is missing a required parameter `Routes`.",
        );
      const existing = await context.session.listRoutes(table.id);
      // DeleteRoutesRequest.Routes: "仅需使用Route的RouteId字段"; Route.RouteItemId is the recommended string id.
      const doomed = wanted.map((w, i) => {
        // A GET or form request carries RouteId as text ("Routes.0.RouteId=12").
        const routeId =
          typeof w.RouteId === "string" && /^\d+$/.test(w.RouteId) ? Number(w.RouteId) : w.RouteId;
        const found = existing.find(
          (r) =>
            (typeof w.RouteItemId === "string" && r.id === w.RouteItemId) ||
            (typeof routeId === "number" && routeId !== 0 && routeIdNumber(r.id) === routeId),
        );
        if (!found)
          throw new TencentApiError(
            "InvalidRouteId.NotFound",
            `Routes.${i}: no route ${String(w.RouteItemId ?? w.RouteId)} in route table \`${table.id}\`.`,
          );
        return found;
      });
      for (const route of doomed) await context.session.deleteRoute(route.id);
      return { RouteSet: doomed.map(routeWire) };
    },
  },

  // ---------------------------------------------------------------- peering connections
  CreateVpcPeeringConnection: {
    parameters: [
      "SourceVpcId",
      "PeeringConnectionName",
      "DestinationVpcId",
      "DestinationUin",
      "DestinationRegion",
      "Bandwidth",
      "Type",
      "ChargeType",
      "QosLevel",
      "Tags",
    ],
    async run(params, context) {
      const source = await regionalVpc(context, params.requiredString("SourceVpcId"));
      const type = params.string("Type");
      if (type !== undefined && type !== "VPC_PEER")
        throw new TencentApiError(
          "UnsupportedOperation",
          `Type \`${type}\`: the emulator supports VPC_PEER only.`,
        );
      const name = params.string("PeeringConnectionName");
      if (name === undefined)
        throw new TencentApiError(
          "MissingParameter",
          "The request is missing a required parameter `PeeringConnectionName`.",
        );
      const peerAccount = params.string("DestinationUin");
      const peerRegion = params.string("DestinationRegion");
      const bandwidth = params.int("Bandwidth");
      const chargeType = params.string("ChargeType");
      const level = serviceLevel(params);
      const tags = params.tags();
      const peering = await context.session.createPeering({
        vpcId: source.id,
        peerVpcId: params.requiredString("DestinationVpcId"),
        name,
        ...(peerAccount ? { peerAccount } : {}),
        ...(peerRegion ? { peerRegion } : {}),
        ...(bandwidth !== undefined ? { bandwidthMbps: bandwidth } : {}),
        ...(chargeType ? { chargeType: chargeType as ChargeType } : {}),
        ...(level ? { serviceLevel: level } : {}),
        ...(tags ? { tags } : {}),
      });
      return { PeeringConnectionId: peering.id };
    },
  },

  AcceptVpcPeeringConnection: {
    parameters: ["PeeringConnectionId"],
    async run(params, context) {
      const peering = await tencentPeering(context, params.requiredString("PeeringConnectionId"));
      await context.session.acceptPeering(peering.id);
      return {};
    },
  },

  RejectVpcPeeringConnection: {
    parameters: ["PeeringConnectionId"],
    async run(params, context) {
      const peering = await tencentPeering(context, params.requiredString("PeeringConnectionId"));
      await context.session.rejectPeering(peering.id);
      return {};
    },
  },

  ModifyVpcPeeringConnection: {
    parameters: ["PeeringConnectionId", "PeeringConnectionName", "Bandwidth", "ChargeType"],
    async run(params, context) {
      const peering = await tencentPeering(context, params.requiredString("PeeringConnectionId"));
      const name = params.string("PeeringConnectionName");
      const bandwidth = params.int("Bandwidth");
      const chargeType = params.string("ChargeType");
      await context.session.modifyPeering(peering.id, {
        ...(name !== undefined ? { name } : {}),
        ...(bandwidth !== undefined ? { bandwidthMbps: bandwidth } : {}),
        ...(chargeType ? { chargeType: chargeType as ChargeType } : {}),
      });
      return {};
    },
  },

  DeleteVpcPeeringConnection: {
    parameters: ["PeeringConnectionId"],
    async run(params, context) {
      const peering = await tencentPeering(context, params.requiredString("PeeringConnectionId"));
      await context.session.deletePeering(peering.id);
      return {};
    },
  },

  DescribeVpcPeeringConnections: {
    parameters: ["PeeringConnectionIds", "Filters", "Offset", "Limit", "OrderField", "OrderDirection"],
    async run(params, context) {
      exclusive(params, "PeeringConnectionIds");
      const ids = params.stringList("PeeringConnectionIds");
      const filters = params.filters(["vpc-id", "state", "peering-connection-name"]);
      const orderField = params.string("OrderField") ?? "CreatedTime";
      const direction = params.string("OrderDirection") ?? "ASC";
      if (
        !["CreatedTime", "PeeringConnectionName"].includes(orderField) ||
        !["ASC", "DESC"].includes(direction)
      )
        throw new TencentApiError(
          "InvalidParameterValue",
          "OrderField is CreatedTime or PeeringConnectionName; OrderDirection is ASC or DESC.",
        );
      const pushed = ids === undefined ? engineFilter(filters) : undefined;
      if (pushed !== undefined && orderField === "CreatedTime") {
        const { total, page } = await enginePage(
          context.session,
          pushed,
          params.page(),
          direction === "DESC",
        );
        return { TotalCount: total, PeerConnectionSet: page.map(peeringWire) };
      }
      let peerings: PeeringInfo[] = ids
        ? [...(await context.session.listPeerings({ ids }, { limit: 1000 })).items]
        : await allPeerings(context.session);
      peerings = peerings.filter((p) => p.cloud === CLOUD);
      peerings = peerings.filter((p) =>
        matchesAll(filters, p, (name, value) => {
          if (name === "vpc-id") return p.vpcId === value || p.peerVpcId === value;
          if (name === "state") return STATES_OF_WIRE(value.toUpperCase()).includes(p.status);
          return p.name === value;
        }),
      );
      if (orderField === "PeeringConnectionName")
        peerings.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (direction === "DESC") peerings.reverse();
      const { total, page } = applyPage(peerings, params);
      return { TotalCount: total, PeerConnectionSet: page.map(peeringWire) };
    },
  },
};
