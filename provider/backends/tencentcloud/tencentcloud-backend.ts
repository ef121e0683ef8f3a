/**
 * The `tencentcloud` backend: the Backend interface over the Tencent Cloud VPC API (version 2017-03-12, API 3.0,
 * TC3-HMAC-SHA256) through the official CommonClient. Every call is paced at Tencent's documented rate, retried
 * with backoff when throttled or transiently failed, and creates are idempotent across lost responses (Tencent's
 * CreateVpc, CreateVpcPeeringConnection and CreateRoutes take no client token, so a create whose outcome is
 * unknown is looked up by name / VPC pair / destination before it is retried).
 *
 * Across processes (issue 17): a create with `clientToken` keeps the token on what it makes
 * (../shared/create-marker.ts: the tag `peerlink-create-token` in CreateVpc / CreateVpcPeeringConnection `Tags`,
 * a suffix of the route's RouteDescription), and first looks for a resource carrying it (DescribeVpcs by the `tag:` filter; the VPC's
 * DescribeVpcPeeringConnections; DescribeRouteTables of the table), which it adopts when it is the same request and
 * refuses with IDEMPOTENCY_CONFLICT when not. A resource of the same pair or destination without the token is
 * someone else's: refused as before (DUPLICATE_PEERING / ROUTE_CONFLICT), with its id and how to adopt it
 * (`existingId`). The marker is stripped from everything read back (./convert.ts).
 *
 * Regions: Tencent VPCs and route tables are regional, and Describe calls only see the region they are made in.
 * The backend remembers the region of every VPC and route table it has seen, and otherwise searches `region`
 * and then `regions`.
 *
 * Actions used: CreateVpc, DescribeVpcs, DeleteVpc, CreateAssistantCidr, DeleteAssistantCidr, CreateRouteTable,
 * DescribeRouteTables, CreateRoutes, DeleteRoutes, CreateVpcPeeringConnection, AcceptVpcPeeringConnection,
 * RejectVpcPeeringConnection, ModifyVpcPeeringConnection, DeleteVpcPeeringConnection,
 * DescribeVpcPeeringConnections, CreateSubnet, DescribeSubnets, DeleteSubnet (the list ./rate-limits.ts paces). A
 * VPC's secondary CIDRs are changed in place with CreateAssistantCidr / DeleteAssistantCidr (`setSecondaryCidrs`).
 * Subnets are IPv4-only at creation (CreateSubnet; IPv6 comes later through AssignIpv6SubnetCidrBlock, which
 * peerlink does not call: rulebook subnets.ipv6AtCreate), their create token the tag `peerlink-create-token`.
 *
 * Not offered by this API version (capabilities say so, calls fail with UNSUPPORTED_OPERATION): per-IP bandwidth
 * limits, re-enabling an expired peering (no EnableVpcPeeringConnection action in tencentcloud-sdk-python-vpc
 * 3.1.193), descriptions and tag changes on peerings (PeerConnection has no description; tags go through the tag
 * service), client tokens on the wire (kept on the resource instead, above). CreateVpc takes one CidrBlock:
 * `createVpc` adds the other blocks with CreateAssistantCidr once the VPC exists, and deletes the VPC again if they
 * are refused.
 */

import { canonicalCidrText } from "../../core/cidr.js";
import { checkPeeringRequest, checkVpcRequest } from "../../core/peering-candidate.js";
import { defaultGateway } from "../../core/subnet-rules.js";
import type {
  Backend,
  BackendCapabilities,
  BandwidthLimitInfo,
  CreatePeeringInput,
  CreateRouteInput,
  CreateSubnetInput,
  CreateVpcInput,
  ModifyPeeringInput,
  Page,
  PageResult,
  PeeringFilter,
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../backend.js";
import { ACCEPTED_STATUS, isLivePeering } from "../backend.js";
import { BACKEND_CAPABILITIES } from "../capabilities.js";
import { BackendError, isBackendError, restated, TENCENT_CLOUD_CODES } from "../errors.js";
import { acceptedPeering } from "../shared/accepted-peering.js";
import { refuseFindings, refuseSubnetShape } from "../shared/client-checks.js";
import { CREATE_TOKEN_TAG, markDescription, markTags } from "../shared/create-marker.js";
import { createdPeering } from "../shared/created-peering.js";
import { type CloudCredentials, resolveCredentials } from "../shared/credentials.js";
import { createIdempotently } from "../shared/idempotent-create.js";
import { NO_PACING, Pacer, type PacerOptions } from "../shared/pacer.js";
import { type RetryOptions, retryWrite, withRetry } from "../shared/retry.js";
import { transitiveRouteOf } from "../shared/route-refusal.js";
import { planSecondaryChange, type SecondaryRules, wantedSecondary } from "../shared/secondary-cidrs.js";
import { type WaitForPeeringOptions, waitForPeering } from "../shared/wait-for-peering.js";
import { TENCENT_VPC_ENDPOINT, TencentApiClient } from "./api-client.js";
import {
  peeringOf,
  QOS_LEVEL,
  routeOf,
  routeTableOf,
  routeTokenOf,
  subnetOf,
  tagTokenOf,
  vpcOf,
  wireStatesOf,
  wireTagsOf,
} from "./convert.js";
import { tencentRateOf } from "./rate-limits.js";
import type {
  CreateRoutesResponse,
  CreateSubnetResponse,
  DescribeRouteTablesResponse,
  DescribeSubnetsResponse,
  DescribeVpcPeeringConnectionsResponse,
  DescribeVpcsResponse,
  WirePeerConnection,
  WireRoute,
  WireRouteTable,
  WireSubnet,
  WireVpc,
} from "./wire-types.js";

export interface TencentCloudBackendOptions {
  /** The uin the credentials belong to (every call is made as this account). */
  readonly account: string;
  /** The default region: where VPCs are looked for first. @default TENCENTCLOUD_REGION */
  readonly region?: string;
  /** Further regions to search for VPCs and route tables not created through this object. */
  readonly regions?: readonly string[];
  /** @default TENCENTCLOUD_SECRET_ID */
  readonly secretId?: string;
  /** @default TENCENTCLOUD_SECRET_KEY */
  readonly secretKey?: string;
  /** "vpc.tencentcloudapi.com" (HTTPS) or a URL, e.g. "http://127.0.0.1:4566" for the emulator. @default TENCENTCLOUD_VPC_ENDPOINT, else "vpc.tencentcloudapi.com" */
  readonly endpoint?: string;
  /** @default 6 attempts, 200 ms base, 10 s cap, full jitter */
  readonly retry?: RetryOptions;
  /** Client-side pacing at 20 requests/s per action; `false` turns it off. @default true */
  readonly pacing?: boolean | Omit<PacerOptions, "rateOf">;
  /**
   * A pacer of the caller's own, instead of `pacing`: one shared by the sessions of one account in several regions
   * (the limit is per account and action, not per region), as `peerlink discover` opens them.
   */
  readonly pacer?: Pacer;
  /** @default 30 */
  readonly requestTimeoutSeconds?: number;
  /**
   * The availability zone CreateSubnet places subnets in (CreateSubnetRequest.Zone is required, "子网所在的可用区ID").
   * The Backend's CreateSubnetInput names no zone, so one zone serves every subnet this object creates in its
   * default region; in another region, that region's `-1` zone. Set it on the real cloud: which zones a region
   * still sells is not a rule (many regions' `-1` zones are closed), and the VPC API has no call that lists them.
   * @default TENCENTCLOUD_ZONE, else `${region}-1`
   */
  readonly zone?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** DescribeVpcs / DescribeRouteTables / DescribeVpcPeeringConnections return at most 100 per page. */
const PAGE = 100;
const CLOUD_NOT_FOUND = "ResourceNotFound";

function unsupported(what: string, fix: string): never {
  throw new BackendError("UNSUPPORTED_OPERATION", `Tencent Cloud: ${what}.`, {
    cloudCode: "UnsupportedOperation",
    fix,
  });
}

function notFound(kind: string, id: string, account: string): BackendError {
  return new BackendError("NOT_FOUND", `No ${kind} "${id}" is visible to account "${account}".`, {
    cloudCode: CLOUD_NOT_FOUND,
    resource: `${kind} ${id}`,
    value: id,
    fix: `Check the ${kind} id, the account the credentials belong to, and the regions searched.`,
  });
}

/**
 * The create token as the resource can carry it: a Tencent tag value and a description suffix
 * (../shared/create-marker.ts) hold 1-64 printable ASCII characters without spaces or square brackets.
 */
const CLIENT_TOKEN = /^[\x21-\x5a\x5c\x5e-\x7e]{1,64}$/;

function clientTokenOf(token: string | undefined, resource: string): string | undefined {
  if (token === undefined || CLIENT_TOKEN.test(token)) return token;
  throw new BackendError(
    "INVALID_PARAMETER",
    `clientToken "${token.slice(0, 80)}" is not 1-64 printable ASCII characters without spaces or brackets.`,
    {
      cloudCode: "InvalidParameterValue",
      resource,
      value: token,
      fix: "Use a token of letters, digits and - (a UUID works).",
    },
  );
}

/** The token of an earlier create, found on `id`, sent again with another request. */
function idempotencyConflict(
  kind: string,
  id: string,
  token: string,
  differences: readonly string[],
): BackendError {
  return new BackendError(
    "IDEMPOTENCY_CONFLICT",
    `clientToken "${token}" was already used for ${kind} "${id}", a different request (${differences.join("; ")}).`,
    {
      cloudCode: TENCENT_CLOUD_CODES.IDEMPOTENCY_CONFLICT,
      resource: `${kind} ${id}`,
      value: token,
      fix: `Use a new client token for a different request, or delete ${kind} "${id}" first.`,
    },
  );
}

/** How an earlier create's peering differs from a request: the VPC pair, the peer account, the peer region. */
function peeringDifferences(
  earlier: PeeringInfo,
  input: CreatePeeringInput,
  peerAccount: string,
  peerRegion: string | undefined,
): string[] {
  const differs: string[] = [];
  if (earlier.vpcId !== input.vpcId || earlier.peerVpcId !== input.peerVpcId)
    differs.push(`VPCs ${earlier.vpcId} -> ${earlier.peerVpcId}, not ${input.vpcId} -> ${input.peerVpcId}`);
  if (earlier.peerAccount !== peerAccount)
    differs.push(`peer account ${earlier.peerAccount}, not ${peerAccount}`);
  if (peerRegion !== undefined && earlier.peerRegion !== "" && earlier.peerRegion !== peerRegion)
    differs.push(`peer region ${earlier.peerRegion}, not ${peerRegion}`);
  return differs;
}

/** The secondary CIDRs a described VPC has now (Vpc.AssistantCidrSet), canonical. */
function secondaryOf(vpc: WireVpc): string[] {
  return (vpc.AssistantCidrSet ?? [])
    .map((c) => c.CidrBlock)
    .filter((c) => c !== "")
    .map(canonicalCidrText);
}

/** Tencent's codes for what CreateAssistantCidr would refuse (tencentcloud-sdk-go vpc/v20170312 error list). */
const SECONDARY_RULES: SecondaryRules = {
  malformedCode: "InvalidParameterValue.Malformed",
  duplicateCode: "InvalidParameterValue.Duplicate",
  conflictCode: "InvalidParameterValue.VpcCidrConflict",
};

export class TencentCloudBackend implements Backend {
  readonly kind = "tencentcloud";
  readonly account: string;
  readonly region: string;
  readonly #regions: string[];
  readonly #api: TencentApiClient;
  readonly #retry: RetryOptions;
  readonly #vpcRegion = new Map<string, string>();
  readonly #tableRegion = new Map<string, { region: string; vpcId: string }>();
  readonly #routeTable = new Map<string, { tableId: string; routeId: number | undefined }>();
  readonly #subnetRegion = new Map<string, string>();
  readonly #zone: string | undefined;

  constructor(options: TencentCloudBackendOptions) {
    const env = options.env ?? process.env;
    const credentials: CloudCredentials = resolveCredentials({
      secretId: options.secretId,
      secretKey: options.secretKey,
      idVariables: ["TENCENTCLOUD_SECRET_ID"],
      keyVariables: ["TENCENTCLOUD_SECRET_KEY"],
      env,
      cloudName: "Tencent Cloud",
    });
    const region = options.region ?? env.TENCENTCLOUD_REGION;
    if (!options.account || !region)
      throw new BackendError(
        "INVALID_PARAMETER",
        "The tencentcloud backend needs an account (uin) and a region.",
        {
          cloudCode: "MissingParameter",
          fix: "Pass { account, region } (or set TENCENTCLOUD_REGION).",
        },
      );
    this.account = options.account;
    this.region = region;
    this.#regions = [...new Set([region, ...(options.regions ?? [])])];
    this.#retry = options.retry ?? {};
    this.#zone = options.zone ?? env.TENCENTCLOUD_ZONE;
    const pacing = options.pacing ?? true;
    this.#api = new TencentApiClient({
      credentials,
      endpoint: options.endpoint ?? env.TENCENTCLOUD_VPC_ENDPOINT ?? TENCENT_VPC_ENDPOINT,
      pacer:
        options.pacer ??
        (pacing === false
          ? NO_PACING
          : new Pacer({ ...(pacing === true ? {} : pacing), rateOf: tencentRateOf })),
      ...(options.requestTimeoutSeconds !== undefined
        ? { requestTimeoutSeconds: options.requestTimeoutSeconds }
        : {}),
    });
  }

  capabilities(): BackendCapabilities {
    return BACKEND_CAPABILITIES.tencentcloud;
  }

  async close(): Promise<void> {
    this.#api.close();
  }

  // ---------------------------------------------------------------- plumbing

  /** A call that is safe to repeat (reads, and writes whose repetition is detected by `done`). */
  #call<T>(action: string, params: Record<string, unknown>, region: string): Promise<T> {
    return withRetry(() => this.#api.call<T>(action, params, region), this.#retry);
  }

  /** A write whose repetition after a lost answer is recognised by `alreadyDone` (../shared/retry.ts retryWrite). */
  #write(
    action: string,
    params: Record<string, unknown>,
    region: string,
    alreadyDone: (error: BackendError) => Promise<boolean>,
  ): Promise<void> {
    return retryWrite(() => this.#api.call(action, params, region), alreadyDone, this.#retry);
  }

  #searchRegions(): string[] {
    return [...new Set([...this.#regions, ...this.#vpcRegion.values()])];
  }

  async #describeVpcIn(region: string, id: string): Promise<WireVpc | undefined> {
    const response = await this.#call<DescribeVpcsResponse>("DescribeVpcs", { VpcIds: [id] }, region);
    return response.VpcSet.find((v) => v.VpcId === id);
  }

  async #locateVpc(id: string): Promise<{ region: string; vpc: WireVpc }> {
    const known = this.#vpcRegion.get(id);
    const regions = known
      ? [known, ...this.#searchRegions().filter((r) => r !== known)]
      : this.#searchRegions();
    for (const region of regions) {
      const vpc = await this.#describeVpcIn(region, id);
      if (vpc) {
        this.#vpcRegion.set(id, region);
        return { region, vpc };
      }
    }
    throw notFound("VPC", id, this.account);
  }

  /** The VPC's region: remembered (no call), else looked up. Calls spent on look-ups count against the limit. */
  async #regionOfVpc(id: string): Promise<string> {
    return this.#vpcRegion.get(id) ?? (await this.#locateVpc(id)).region;
  }

  async #tables(
    region: string,
    filters: { Name: string; Values: string[] }[] = [],
    ids?: string[],
  ): Promise<WireRouteTable[]> {
    const tables: WireRouteTable[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const response = await this.#call<DescribeRouteTablesResponse>(
        "DescribeRouteTables",
        {
          ...(ids ? { RouteTableIds: ids } : filters.length > 0 ? { Filters: filters } : {}),
          Offset: String(offset),
          Limit: String(PAGE),
        },
        region,
      );
      tables.push(...response.RouteTableSet);
      if (tables.length >= response.TotalCount || response.RouteTableSet.length === 0) break;
    }
    for (const table of tables) this.#rememberTable(table, region);
    return tables;
  }

  #rememberTable(table: WireRouteTable, region: string): void {
    this.#tableRegion.set(table.RouteTableId, { region, vpcId: table.VpcId });
    for (const route of table.RouteSet ?? [])
      this.#routeTable.set(route.RouteItemId, { tableId: table.RouteTableId, routeId: route.RouteId });
  }

  async #locateTable(id: string): Promise<{ region: string; table: WireRouteTable }> {
    const known = this.#tableRegion.get(id)?.region;
    const regions = known
      ? [known, ...this.#searchRegions().filter((r) => r !== known)]
      : this.#searchRegions();
    for (const region of regions) {
      const table = (await this.#tables(region, [], [id])).find((t) => t.RouteTableId === id);
      if (table) return { region, table };
    }
    throw notFound("route table", id, this.account);
  }

  async #vpcInfo(vpc: WireVpc, region: string): Promise<VpcInfo> {
    const tables = await this.#tables(region, [{ Name: "vpc-id", Values: [vpc.VpcId] }]);
    return vpcOf(vpc, region, this.account, tables);
  }

  // ---------------------------------------------------------------- VPCs and route tables

  async createVpc(input: CreateVpcInput): Promise<VpcInfo> {
    if (input.cloud !== undefined && input.cloud !== "tencentcloud")
      throw new BackendError(
        "INVALID_PARAMETER",
        `The tencentcloud backend cannot create a ${input.cloud} VPC.`,
        {
          cloudCode: "InvalidParameterValue",
          fix: "Use the backend of that cloud.",
        },
      );
    const [cidr, ...secondary] = input.cidrs;
    if (cidr === undefined)
      throw new BackendError("INVALID_PARAMETER", `VPC "${input.name}" has no CIDR block.`, {
        cloudCode: "MissingParameter",
        resource: `vpc ${input.name}`,
        fix: "Give the primary CIDR first, e.g. 10.0.0.0/16, then any secondary CIDRs.",
      });
    // CreateVpc takes one CidrBlock; the others are added with CreateAssistantCidr once the VPC exists. Blocks that
    // cannot be sent are refused before anything is created.
    if (secondary.length > 0) wantedSecondary(input.name, secondary, SECONDARY_RULES);
    // Tencent answers InvalidParameterValue.Malformed for an unparsable block and for one outside its VPC ranges
    // alike: the rulebook's block rule is asked first, so the refusal carries the core's code (CIDR_NOT_ALLOWED).
    refuseFindings(checkVpcRequest({ cloud: "tencentcloud", ...input }), "ClientValidation");
    const region = input.region;
    const token = clientTokenOf(input.clientToken, `vpc ${input.name}`);
    // A create repeated by another process (a `pulumi up` after a killed one): what the first one made carries the
    // token, and is adopted when it is the same request.
    if (token !== undefined) {
      const earlier = await withRetry(() => this.#vpcByToken(region, token), this.#retry);
      if (earlier !== undefined) return this.#adoptVpc(earlier, input, region, token);
    }
    const tags = wireTagsOf(markTags(input.tags, token));
    const vpc = await createIdempotently<WireVpc>({
      create: async () =>
        (
          await this.#api.call<{ Vpc: WireVpc }>(
            "CreateVpc",
            { VpcName: input.name, CidrBlock: cidr, ...(tags.length > 0 ? { Tags: tags } : {}) },
            region,
          )
        ).Vpc,
      // A lost CreateVpc answer: the VPC carrying the token, else the VPC with this name and CIDR, if it was made.
      findExisting: async () => {
        if (token !== undefined) return this.#vpcByToken(region, token);
        const response = await this.#api.call<DescribeVpcsResponse>(
          "DescribeVpcs",
          { Filters: [{ Name: "vpc-name", Values: [input.name] }], Limit: String(PAGE) },
          region,
        );
        return response.VpcSet.find((v) => v.VpcName === input.name && v.CidrBlock === cidr);
      },
      retry: this.#retry,
    });
    this.#vpcRegion.set(vpc.VpcId, region);
    if (secondary.length > 0) await this.#addSecondaryOrUndo(vpc.VpcId, secondary);
    for (const name of input.routeTables ?? []) await this.#createRouteTableIn(region, vpc.VpcId, name);
    return secondary.length > 0 ? this.describeVpc(vpc.VpcId) : this.#vpcInfo(vpc, region);
  }

  /**
   * The VPC of `region` carrying create token `token`: one DescribeVpcs with the documented tag filter
   * (DescribeVpcsRequest.Filters "tag:tag-key：按照标签键值对进行过滤", vpc_models.ts), then its TagSet checked.
   * One attempt (callers retry).
   */
  async #vpcByToken(region: string, token: string): Promise<WireVpc | undefined> {
    const response = await this.#api.call<DescribeVpcsResponse>(
      "DescribeVpcs",
      { Filters: [{ Name: `tag:${CREATE_TOKEN_TAG}`, Values: [token] }], Limit: String(PAGE) },
      region,
    );
    return response.VpcSet.find((v) => tagTokenOf(v.TagSet) === token);
  }

  /**
   * An earlier create's VPC found by its token: the same request when the name and the primary CIDR match (else
   * IDEMPOTENCY_CONFLICT). What the earlier create may not have finished (its secondary CIDRs, its extra route
   * tables) is finished here.
   */
  async #adoptVpc(vpc: WireVpc, input: CreateVpcInput, region: string, token: string): Promise<VpcInfo> {
    const [cidr = "", ...secondary] = input.cidrs;
    const differs = [
      ...(vpc.VpcName !== input.name ? [`name "${vpc.VpcName}", not "${input.name}"`] : []),
      ...(canonicalCidrText(vpc.CidrBlock) !== canonicalCidrText(cidr)
        ? [`CIDR ${vpc.CidrBlock}, not ${cidr}`]
        : []),
    ];
    if (differs.length > 0) throw idempotencyConflict("VPC", vpc.VpcId, token, differs);
    this.#vpcRegion.set(vpc.VpcId, region);
    const now = secondaryOf(vpc);
    const wanted = secondary.map(canonicalCidrText);
    if (secondary.length > 0 && !wanted.every((block) => now.includes(block)))
      await this.setSecondaryCidrs(vpc.VpcId, secondary);
    const tables = await this.#tables(region, [{ Name: "vpc-id", Values: [vpc.VpcId] }]);
    for (const name of input.routeTables ?? [])
      if (!tables.some((t) => t.RouteTableName === name))
        await this.#createRouteTableIn(region, vpc.VpcId, name);
    return this.describeVpc(vpc.VpcId);
  }

  /**
   * The secondary CIDRs of a VPC just created; when Tencent refuses them (e.g. one overlaps the primary), the VPC is
   * deleted again so that a failed create leaves nothing behind, and the refusal is what the caller sees.
   */
  async #addSecondaryOrUndo(vpcId: string, secondary: readonly string[]): Promise<void> {
    try {
      await this.setSecondaryCidrs(vpcId, secondary);
    } catch (error) {
      await this.deleteVpc(vpcId).catch(() => undefined);
      throw error;
    }
  }

  async describeVpc(id: string): Promise<VpcInfo> {
    const { region, vpc } = await this.#locateVpc(id);
    return this.#vpcInfo(vpc, region);
  }

  async listVpcs(): Promise<readonly VpcInfo[]> {
    const result: VpcInfo[] = [];
    for (const region of this.#searchRegions()) {
      const vpcs: WireVpc[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const response = await this.#call<DescribeVpcsResponse>(
          "DescribeVpcs",
          { Offset: String(offset), Limit: String(PAGE) },
          region,
        );
        vpcs.push(...response.VpcSet);
        if (vpcs.length >= response.TotalCount || response.VpcSet.length === 0) break;
      }
      if (vpcs.length === 0) continue;
      const tables = await this.#tables(region);
      for (const vpc of vpcs) {
        this.#vpcRegion.set(vpc.VpcId, region);
        result.push(
          vpcOf(
            vpc,
            region,
            this.account,
            tables.filter((t) => t.VpcId === vpc.VpcId),
          ),
        );
      }
    }
    return result;
  }

  /**
   * One CreateAssistantCidr with every block to add, then one DeleteAssistantCidr with every block to remove (both
   * take a list, CreateAssistantCidrRequest / DeleteAssistantCidrRequest.CidrBlocks); a call with nothing to do is
   * skipped, so asking for the current list describes the VPC and writes nothing.
   *
   * Add first, then delete. The refusals the Backend interface documents (a block overlapping the VPC's own blocks
   * or a live peer's, or making two peers overlap) all come from the add, which runs before anything changed, so a
   * refused call changes nothing. If the delete fails after the add (throttled past the retries, or ResourceInUse
   * for a block that still has subnets), the VPC holds the old blocks and the new ones: a superset, so no route or
   * peer loses a block it relies on, and calling again finishes the change (the add is then skipped). Deleting first
   * would, on a refused add, leave the VPC without blocks that routes point into. The price: a block cannot be
   * swapped for an overlapping one in one call (planSecondaryChange).
   */
  async setSecondaryCidrs(vpcId: string, secondary: readonly string[]): Promise<VpcInfo> {
    const wanted = wantedSecondary(vpcId, secondary, SECONDARY_RULES);
    const { region, vpc } = await this.#locateVpc(vpcId);
    const { add, remove } = planSecondaryChange(vpcId, secondaryOf(vpc), wanted, SECONDARY_RULES);
    if (add.length === 0 && remove.length === 0) return this.#vpcInfo(vpc, region);
    if (add.length > 0)
      await this.#changeSecondary("CreateAssistantCidr", region, vpcId, add, (now) =>
        add.every((block) => now.includes(block)),
      );
    if (remove.length > 0)
      await this.#changeSecondary("DeleteAssistantCidr", region, vpcId, remove, (now) =>
        remove.every((block) => !now.includes(block)),
      );
    const after = await this.#describeVpcIn(region, vpcId);
    if (!after) throw notFound("VPC", vpcId, this.account);
    return this.#vpcInfo(after, region);
  }

  /**
   * One secondary-CIDR write, retried like every call. Neither action takes a client token: a retry that is refused
   * because the first attempt (whose answer was lost) already did the change is recognised on the VPC's blocks.
   */
  async #changeSecondary(
    action: "CreateAssistantCidr" | "DeleteAssistantCidr",
    region: string,
    vpcId: string,
    blocks: readonly string[],
    reached: (secondary: readonly string[]) => boolean,
  ): Promise<void> {
    // The answers (AssistantCidrSet / nothing) are not read: the VPC is described again afterwards.
    await this.#write(action, { VpcId: vpcId, CidrBlocks: [...blocks] }, region, async () => {
      const now = await this.#describeVpcIn(region, vpcId).catch(() => undefined);
      return now !== undefined && reached(secondaryOf(now));
    });
  }

  async deleteVpc(id: string): Promise<void> {
    const { region } = await this.#locateVpc(id);
    await this.#write("DeleteVpc", { VpcId: id }, region, async (error) => error.code === "NOT_FOUND");
    this.#vpcRegion.delete(id);
  }

  async #createRouteTableIn(region: string, vpcId: string, name: string): Promise<RouteTableInfo> {
    const findExisting = async () =>
      (
        await this.#tables(region, [
          { Name: "vpc-id", Values: [vpcId] },
          { Name: "route-table-name", Values: [name] },
        ])
      )[0];
    const table = await createIdempotently<WireRouteTable>({
      create: async () =>
        (
          await this.#api.call<{ RouteTable: WireRouteTable }>(
            "CreateRouteTable",
            { VpcId: vpcId, RouteTableName: name },
            region,
          )
        ).RouteTable,
      findExisting,
      retry: this.#retry,
    });
    this.#rememberTable(table, region);
    return routeTableOf(table);
  }

  // ---------------------------------------------------------------- subnets

  /** CreateSubnetRequest.Zone for `region`: see TencentCloudBackendOptions.zone. */
  #zoneOf(region: string): string {
    return region === this.region && this.#zone !== undefined ? this.#zone : `${region}-1`;
  }

  /**
   * CreateSubnet (腾讯云 私有网络 API: 创建子网, https://cloud.tencent.com/document/api/215/15782): VpcId, SubnetName,
   * CidrBlock, Zone, Tags; answers the Subnet, so a create costs one request. The core's shape rules (name, an IPv4
   * block of at most /28, no IPv6 at creation on Tencent) are checked first and nothing is sent on a problem; what
   * needs the VPC (inside its blocks, clear of its other subnets) is the cloud's to refuse, with
   * InvalidParameterValue.SubnetRange / SubnetOverlap (both SUBNET_INVALID, ./error-mapping.ts).
   *
   * CreateSubnet takes no client token: a token rides in Tags (../shared/create-marker.ts), so a rerun of a killed
   * create finds its subnet among the VPC's (DescribeSubnets by vpc-id, each TagSet read) and adopts it when it has
   * the same name and block, else IDEMPOTENCY_CONFLICT; a create whose answer was lost is looked up the same way
   * (by token, else by name and block) before it is retried.
   */
  async createSubnet(input: CreateSubnetInput): Promise<SubnetInfo> {
    refuseSubnetShape("tencentcloud", input);
    const cidr = canonicalCidrText(input.cidr);
    // CreateSubnetRequest has no gateway: a subnet's is taken as its block's first host (./convert.ts subnetOf), so
    // only that one can be honoured.
    if (input.gatewayIp !== undefined && input.gatewayIp !== defaultGateway(cidr))
      unsupported(
        `CreateSubnet takes no gateway, so subnet "${input.name}" cannot have gatewayIp "${input.gatewayIp}"`,
        `Leave gatewayIp out on Tencent (or give ${defaultGateway(cidr)}, the block's first host).`,
      );
    const token = clientTokenOf(input.clientToken, `subnet ${input.name}`);
    const region = await this.#regionOfVpc(input.vpcId);
    if (token !== undefined) {
      const earlier = (await withRetry(() => this.#subnetsOfVpc(region, input.vpcId), this.#retry)).find(
        (s) => tagTokenOf(s.TagSet) === token,
      );
      if (earlier !== undefined) return this.#adoptSubnet(earlier, input.name, cidr, token, region);
    }
    const tags = wireTagsOf(markTags(undefined, token));
    const created = await createIdempotently<WireSubnet>({
      create: async () =>
        (
          await this.#api.call<CreateSubnetResponse>(
            "CreateSubnet",
            {
              VpcId: input.vpcId,
              SubnetName: input.name,
              CidrBlock: cidr,
              Zone: this.#zoneOf(region),
              ...(tags.length > 0 ? { Tags: tags } : {}),
            },
            region,
          )
        ).Subnet,
      findExisting: async () =>
        (await this.#subnetsOfVpc(region, input.vpcId)).find((s) =>
          token !== undefined
            ? tagTokenOf(s.TagSet) === token
            : s.SubnetName === input.name && canonicalCidrText(s.CidrBlock) === cidr,
        ),
      retry: this.#retry,
    });
    this.#subnetRegion.set(created.SubnetId, region);
    return subnetOf(created);
  }

  /** The subnet an earlier create with this token made, when it is what this request asks for. */
  #adoptSubnet(earlier: WireSubnet, name: string, cidr: string, token: string, region: string): SubnetInfo {
    const differs = [
      ...(earlier.SubnetName !== name ? [`name "${earlier.SubnetName}", not "${name}"`] : []),
      ...(canonicalCidrText(earlier.CidrBlock) !== cidr ? [`CIDR ${earlier.CidrBlock}, not ${cidr}`] : []),
    ];
    if (differs.length > 0) throw idempotencyConflict("subnet", earlier.SubnetId, token, differs);
    this.#subnetRegion.set(earlier.SubnetId, region);
    return subnetOf(earlier);
  }

  /** The VPC's subnets: DescribeSubnets with the vpc-id filter, 100 a page. One pass of calls (callers retry). */
  async #subnetsOfVpc(region: string, vpcId: string): Promise<WireSubnet[]> {
    const all: WireSubnet[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const response = await this.#api.call<DescribeSubnetsResponse>(
        "DescribeSubnets",
        { Filters: [{ Name: "vpc-id", Values: [vpcId] }], Offset: String(offset), Limit: String(PAGE) },
        region,
      );
      all.push(...response.SubnetSet);
      if (all.length >= response.TotalCount || response.SubnetSet.length === 0) break;
    }
    for (const subnet of all) this.#subnetRegion.set(subnet.SubnetId, region);
    return all;
  }

  /** DescribeSubnets by SubnetIds in the subnet's remembered region, else in each region searched. */
  async #locateSubnet(id: string): Promise<{ region: string; subnet: WireSubnet }> {
    const known = this.#subnetRegion.get(id);
    const regions = known
      ? [known, ...this.#searchRegions().filter((r) => r !== known)]
      : this.#searchRegions();
    for (const region of regions) {
      const response = await this.#call<DescribeSubnetsResponse>(
        "DescribeSubnets",
        { SubnetIds: [id] },
        region,
      );
      const subnet = response.SubnetSet.find((s) => s.SubnetId === id);
      if (subnet) {
        this.#subnetRegion.set(id, region);
        return { region, subnet };
      }
    }
    this.#subnetRegion.delete(id);
    throw notFound("subnet", id, this.account);
  }

  async describeSubnet(id: string): Promise<SubnetInfo> {
    return subnetOf((await this.#locateSubnet(id)).subnet);
  }

  /**
   * The VPC's subnets in creation order. An unknown VPC is NOT_FOUND, as on the other backends: DescribeSubnets'
   * vpc-id filter answers an empty set for a VPC that does not exist, so an empty answer is checked against the VPC
   * (one DescribeVpcs; a VPC whose region is not remembered is looked up first anyway).
   */
  async listSubnets(vpcId: string): Promise<readonly SubnetInfo[]> {
    const region = await this.#regionOfVpc(vpcId);
    const subnets = await withRetry(() => this.#subnetsOfVpc(region, vpcId), this.#retry);
    if (subnets.length === 0 && (await this.#describeVpcIn(region, vpcId)) === undefined) {
      this.#vpcRegion.delete(vpcId);
      throw notFound("VPC", vpcId, this.account);
    }
    return subnets.map(subnetOf);
  }

  /**
   * DeleteSubnet (https://cloud.tencent.com/document/api/215/15783): SubnetId; answers the RequestId only. The
   * subnet is looked up first, so a subnet already gone is NOT_FOUND; a retry whose first attempt's answer was lost
   * and that then finds nothing (ResourceNotFound) is done.
   */
  async deleteSubnet(id: string): Promise<void> {
    const { region } = await this.#locateSubnet(id);
    await this.#write("DeleteSubnet", { SubnetId: id }, region, async (error) => error.code === "NOT_FOUND");
    this.#subnetRegion.delete(id);
  }

  async createRouteTable(vpcId: string, name: string): Promise<RouteTableInfo> {
    const region = await this.#regionOfVpc(vpcId);
    return this.#createRouteTableIn(region, vpcId, name);
  }

  async listRouteTables(vpcId: string): Promise<readonly RouteTableInfo[]> {
    const { region } = await this.#locateVpc(vpcId);
    return (await this.#tables(region, [{ Name: "vpc-id", Values: [vpcId] }])).map(routeTableOf);
  }

  // ---------------------------------------------------------------- peerings

  async #findPeerings(
    params: Record<string, unknown>,
    region = this.region,
  ): Promise<DescribeVpcPeeringConnectionsResponse> {
    return this.#call<DescribeVpcPeeringConnectionsResponse>("DescribeVpcPeeringConnections", params, region);
  }

  async createPeering(input: CreatePeeringInput): Promise<PeeringInfo> {
    const region = await this.#regionOfVpc(input.vpcId);
    const peerAccount = input.peerAccount ?? this.account;
    let peerRegion = input.peerRegion;
    if (peerRegion === undefined && peerAccount === this.account)
      peerRegion = await this.#regionOfVpc(input.peerVpcId);
    if (input.description)
      unsupported("peering connections have no description", "Leave description empty for Tencent peerings.");
    // No client-side rule check here: every field can be sent, and the cloud (or the emulator's engine, which runs
    // the core's checkPeeringCandidate) judges the request against what only it can see, reporting every problem
    // at once. Huawei and Baidu check first only what their APIs cannot carry (checkPeeringRequest).
    const token = clientTokenOf(input.clientToken, `peering ${input.name}`);
    if (token !== undefined) {
      const earlier = await withRetry(() => this.#peeringByToken(region, input.vpcId, token), this.#retry);
      if (earlier !== undefined) {
        const differs = peeringDifferences(earlier, input, peerAccount, peerRegion);
        if (differs.length > 0) throw idempotencyConflict("peering", earlier.id, token, differs);
        return earlier;
      }
    }
    const tags = wireTagsOf(markTags(input.tags, token));
    // CreateVpcPeeringConnectionRequest (vpc_models.ts of tencentcloud-sdk-nodejs; models.py of the Python SDK):
    // SourceVpcId, PeeringConnectionName, DestinationVpcId, DestinationUin, DestinationRegion, Bandwidth, Type,
    // ChargeType, QosLevel, Tags (Array<Tags {Key, Value}>). No client token: the token rides in Tags.
    const params: Record<string, unknown> = {
      SourceVpcId: input.vpcId,
      PeeringConnectionName: input.name,
      DestinationVpcId: input.peerVpcId,
      DestinationUin: peerAccount,
      ...(input.bandwidthMbps !== undefined ? { Bandwidth: input.bandwidthMbps } : {}),
      ...(input.chargeType !== undefined ? { ChargeType: input.chargeType } : {}),
      ...(input.serviceLevel !== undefined ? { QosLevel: QOS_LEVEL[input.serviceLevel] } : {}),
      ...(tags.length > 0 ? { Tags: tags } : {}),
      Type: "VPC_PEER",
    };
    // DestinationRegion is required (CreateVpcPeeringConnection, cloud.tencent.com/document/api/215/96025: "对端地域"
    // 必选): a request that names none is a same-region one.
    const destinationRegion = peerRegion ?? region;
    params.DestinationRegion = destinationRegion;
    const crossRegion = destinationRegion !== region;
    let created: PeeringInfo;
    try {
      created = await createIdempotently<PeeringInfo>({
        create: async () => {
          const { PeeringConnectionId: id } = await this.#api.call<{ PeeringConnectionId: string }>(
            "CreateVpcPeeringConnection",
            params,
            region,
          );
          return crossRegion
            ? // A cross-region create runs as a task (seed 003: CreateVpcPeeringConnectionEx answers a taskId): the
              // state it is in now is only known by asking.
              this.#describePeeringIn(id, region)
            : this.#createdPeering(id, input, region, peerAccount, destinationRegion, token);
        },
        // A lost answer: the peering carrying the token, else the live peering of this VPC pair with this name.
        findExisting: async () => {
          if (token !== undefined) return this.#peeringByToken(region, input.vpcId, token);
          const response = await this.#api.call<DescribeVpcPeeringConnectionsResponse>(
            "DescribeVpcPeeringConnections",
            {
              Filters: [
                { Name: "vpc-id", Values: [input.vpcId] },
                { Name: "peering-connection-name", Values: [input.name] },
              ],
              Offset: 0,
              Limit: PAGE,
            },
            region,
          );
          return response.PeerConnectionSet.map(peeringOf).find(
            (p) =>
              p.vpcId === input.vpcId &&
              p.peerVpcId === input.peerVpcId &&
              p.name === input.name &&
              isLivePeering(p.status),
          );
        },
        retry: this.#retry,
      });
    } catch (error) {
      if (isBackendError(error, "DUPLICATE_PEERING"))
        throw await this.#duplicatePeering(error, input, region);
      // Tencent's generic code also stands for a VPC peered with itself (../errors.ts SELF_PEERING): the core's
      // request rules say whether that is what was refused.
      if (isBackendError(error, "INVALID_PARAMETER"))
        refuseFindings(
          checkPeeringRequest({
            cloud: "tencentcloud",
            region,
            peerRegion: destinationRegion,
            name: input.name,
            vpcId: input.vpcId,
            peerVpcId: input.peerVpcId,
          }).filter((d) => d.code === "SELF_PEERING"),
          error.cloudCode ?? TENCENT_CLOUD_CODES.SELF_PEERING,
        );
      throw error;
    }
    return created;
  }

  /**
   * A same-region peering just created, from the request and the id CreateVpcPeeringConnection answers (its only
   * output, cloud.tencent.com/document/api/215/96025), without a DescribeVpcPeeringConnections (../shared/created-peering.ts
   * has the state it starts in). A same-region peering has the bandwidth and charge type the request gave, none
   * otherwise (seed 000: "同地域对等连接无带宽上限", "同地域对等连接：免费"), and the API reports no expiry (./convert.ts
   * peeringOf).
   */
  #createdPeering(
    id: string,
    input: CreatePeeringInput,
    region: string,
    peerAccount: string,
    peerRegion: string,
    token: string | undefined,
  ): PeeringInfo {
    return createdPeering(id, input, {
      cloud: "tencentcloud",
      account: this.account,
      region,
      peerAccount,
      peerRegion,
      bandwidthMbps: input.bandwidthMbps,
      chargeType: input.chargeType,
      serviceLevel: input.serviceLevel,
      description: "",
      tags: { ...(input.tags ?? {}) },
      now: Date.now(),
      reportsExpiry: false,
      ...(token === undefined ? {} : { createToken: token }),
    });
  }

  /**
   * The not-DELETED peering of `vpcId` carrying create token `token`. DescribeVpcPeeringConnections has no tag
   * filter (DescribeVpcPeeringConnectionsRequest.Filters: vpc-id, state, peering-connection-name), so the VPC's
   * peerings are paged through and each PeerConnection.TagSet read. One pass of calls (callers retry).
   */
  async #peeringByToken(region: string, vpcId: string, token: string): Promise<PeeringInfo | undefined> {
    for (const wire of await this.#peeringsOfVpc(region, vpcId)) {
      if (tagTokenOf(wire.TagSet) !== token) continue;
      const peering = peeringOf(wire);
      if (peering.status !== "DELETED") return peering;
    }
    return undefined;
  }

  async #peeringsOfVpc(region: string, vpcId: string): Promise<WirePeerConnection[]> {
    const all: WirePeerConnection[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const response = await this.#api.call<DescribeVpcPeeringConnectionsResponse>(
        "DescribeVpcPeeringConnections",
        { Filters: [{ Name: "vpc-id", Values: [vpcId] }], Offset: offset, Limit: PAGE },
        region,
      );
      all.push(...response.PeerConnectionSet);
      if (all.length >= response.TotalCount || response.PeerConnectionSet.length === 0) return all;
    }
  }

  /**
   * DUPLICATE_PEERING as the cloud said it, with the live peering that holds the pair named and the way to adopt
   * it: it does not carry this create's token, so it is someone else's (or made outside this program) and is not
   * taken over silently.
   */
  async #duplicatePeering(
    error: BackendError,
    input: CreatePeeringInput,
    region: string,
  ): Promise<BackendError> {
    const holder = await withRetry(() => this.#peeringsOfVpc(region, input.vpcId), this.#retry)
      .then((all) =>
        all
          .map(peeringOf)
          .find(
            (p) =>
              isLivePeering(p.status) &&
              ((p.vpcId === input.vpcId && p.peerVpcId === input.peerVpcId) ||
                (p.vpcId === input.peerVpcId && p.peerVpcId === input.vpcId)),
          ),
      )
      .catch(() => undefined);
    const which = holder ? `peering "${holder.id}"` : "a live peering";
    return restated(
      error,
      "DUPLICATE_PEERING",
      `VPCs "${input.vpcId}" and "${input.peerVpcId}" already have ${which}, not created by this request (it does not carry its clientToken).`,
      {
        resource: `peering ${input.name}`,
        ...(holder ? { value: holder.id } : {}),
        fix: `To manage the existing peering with peerlink, adopt it: set existingId: "${holder?.id ?? "<its id>"}" on the peerlink peering resource. Otherwise delete it first, or peer other VPCs.`,
        problems: error.problems,
      },
    );
  }

  async #describePeeringIn(id: string, region: string): Promise<PeeringInfo> {
    const response = await this.#findPeerings({ PeeringConnectionIds: [id] }, region);
    const found = response.PeerConnectionSet.find((p: WirePeerConnection) => p.PeeringConnectionId === id);
    if (!found) throw notFound("peering", id, this.account);
    return peeringOf(found);
  }

  describePeering(id: string): Promise<PeeringInfo> {
    return this.#describePeeringIn(id, this.region);
  }

  async listPeerings(filter: PeeringFilter = {}, page: Page = {}): Promise<PageResult<PeeringInfo>> {
    const offset = page.offset ?? 0;
    const limit = page.limit ?? 100;
    if (filter.ids !== undefined) {
      // PeeringConnectionIds and Filters cannot be combined (DescribeVpcPeeringConnectionsRequest doc): filter here.
      if (filter.ids.length === 0) return { items: [], total: 0 };
      const found: PeeringInfo[] = [];
      for (let i = 0; i < filter.ids.length; i += PAGE) {
        const response = await this.#findPeerings({
          PeeringConnectionIds: filter.ids.slice(i, i + PAGE),
          Limit: PAGE,
        });
        found.push(...response.PeerConnectionSet.map(peeringOf));
      }
      const wanted = found.filter(
        (p) =>
          (filter.vpcId === undefined || p.vpcId === filter.vpcId || p.peerVpcId === filter.vpcId) &&
          (filter.name === undefined || p.name === filter.name) &&
          (filter.status === undefined || filter.status.includes(p.status)),
      );
      return { items: wanted.slice(offset, offset + limit), total: wanted.length };
    }
    const filters = [
      ...(filter.vpcId !== undefined ? [{ Name: "vpc-id", Values: [filter.vpcId] }] : []),
      ...(filter.status !== undefined ? [{ Name: "state", Values: wireStatesOf(filter.status) }] : []),
      ...(filter.name !== undefined ? [{ Name: "peering-connection-name", Values: [filter.name] }] : []),
    ];
    const items: PeeringInfo[] = [];
    let total = 0;
    for (let at = offset; items.length < limit; ) {
      const response = await this.#findPeerings({
        ...(filters.length > 0 ? { Filters: filters } : {}),
        Offset: at,
        Limit: Math.min(PAGE, limit - items.length),
      });
      total = response.TotalCount;
      items.push(...response.PeerConnectionSet.map(peeringOf));
      at += response.PeerConnectionSet.length;
      if (response.PeerConnectionSet.length === 0 || at >= total) break;
    }
    return { items, total };
  }

  /**
   * A state change whose repetition (after a lost answer) is recognised by the state it leads to; the peering is
   * read only then. AcceptVpcPeeringConnection, RejectVpcPeeringConnection and DeleteVpcPeeringConnection answer
   * nothing but the RequestId.
   */
  async #transition(action: string, id: string, reached: PeeringStatus): Promise<void> {
    await this.#write(action, { PeeringConnectionId: id }, this.region, async (error) => {
      if (error.code !== "INVALID_STATE_TRANSITION" && error.code !== "NOT_FOUND") return false;
      const now = await this.describePeering(id).catch(() => undefined);
      return now?.status === reached;
    });
  }

  /**
   * The accept's answer is empty: the caller's `known` peering, accepted, is the answer (../shared/accepted-peering.ts);
   * without one, the peering is described once afterwards.
   */
  async acceptPeering(id: string, known?: PeeringInfo): Promise<PeeringInfo> {
    await this.#transition("AcceptVpcPeeringConnection", id, ACCEPTED_STATUS);
    return acceptedPeering(id, known, Date.now()) ?? this.describePeering(id);
  }

  async rejectPeering(id: string): Promise<PeeringInfo> {
    await this.#transition("RejectVpcPeeringConnection", id, "REJECTED");
    return this.describePeering(id);
  }

  async modifyPeering(id: string, changes: ModifyPeeringInput): Promise<PeeringInfo> {
    if (changes.description !== undefined || changes.tags !== undefined)
      unsupported(
        "ModifyVpcPeeringConnection changes only the name, bandwidth and charge type",
        "Change tags with the Tencent tag service; peerings have no description.",
      );
    // ModifyVpcPeeringConnectionRequest: PeeringConnectionId, PeeringConnectionName, Bandwidth, ChargeType.
    await this.#call(
      "ModifyVpcPeeringConnection",
      {
        PeeringConnectionId: id,
        ...(changes.name !== undefined ? { PeeringConnectionName: changes.name } : {}),
        ...(changes.bandwidthMbps !== undefined ? { Bandwidth: changes.bandwidthMbps } : {}),
        ...(changes.chargeType !== undefined ? { ChargeType: changes.chargeType } : {}),
      },
      this.region,
    );
    return this.describePeering(id);
  }

  async enablePeering(id: string): Promise<PeeringInfo> {
    unsupported(
      `re-enabling expired peering "${id}" (the VPC API 2017-03-12 has no EnableVpcPeeringConnection action)`,
      "Delete the expired peering and create a new one.",
    );
  }

  async deletePeering(id: string): Promise<void> {
    // The cloud removes the routes through the peering on both sides; cached route locations that are now
    // stale only make a later deleteRoute answer NOT_FOUND, which is the truth. Nothing is read afterwards: the
    // deletion takes effect at once (seed 000: "对等连接删除后立即失效。对等连接删除后将一同删除路由表中包含此对等连接的路由项").
    await this.#transition("DeleteVpcPeeringConnection", id, "DELETED");
  }

  /** Polls until the peering reaches `target` (e.g. ACTIVE after the accepter's accept). */
  async waitForPeering(
    id: string,
    target: PeeringStatus | readonly PeeringStatus[],
    options: WaitForPeeringOptions = { timeoutMs: 60_000 },
  ): Promise<PeeringStatus> {
    return (await waitForPeering(this, id, target, options)).status;
  }

  // ---------------------------------------------------------------- routes

  async createRoute(input: CreateRouteInput): Promise<RouteInfo> {
    const [route] = await this.createRoutes([input]);
    return route!;
  }

  /**
   * Creates many routes with one CreateRoutes call per route table (the API takes a list of routes of one table,
   * CreateRoutesRequest.Routes), so that a mesh's routes cost one call per table instead of one per route. Each
   * table's batch is all-or-nothing. Returns the routes in the order of `inputs`.
   */
  async createRoutes(inputs: readonly CreateRouteInput[]): Promise<readonly RouteInfo[]> {
    const groups = new Map<string, { vpcId: string; routeTableId: string | undefined; indexes: number[] }>();
    inputs.forEach((input, index) => {
      const key = `${input.vpcId}\u0000${input.routeTableId ?? ""}`;
      const group = groups.get(key) ?? { vpcId: input.vpcId, routeTableId: input.routeTableId, indexes: [] };
      group.indexes.push(index);
      groups.set(key, group);
    });
    const results: RouteInfo[] = new Array(inputs.length);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const region = await this.#regionOfVpc(group.vpcId);
        const tableId = group.routeTableId ?? (await this.#mainTable(region, group.vpcId)).RouteTableId;
        const batch = group.indexes.map((i) => inputs[i]!);
        const routes = await this.#createRoutesIn(region, group.vpcId, tableId, batch);
        group.indexes.forEach((inputIndex, k) => {
          results[inputIndex] = routes[k]!;
        });
      }),
    );
    return results;
  }

  async #mainTable(region: string, vpcId: string): Promise<WireRouteTable> {
    const tables = await this.#tables(region, [
      { Name: "vpc-id", Values: [vpcId] },
      { Name: "association.main", Values: ["true"] },
    ]);
    const main = tables.find((t) => t.Main);
    if (!main) throw notFound("main route table of VPC", vpcId, this.account);
    return main;
  }

  /**
   * One route table's batch. Inputs with a clientToken are first looked up in the table (DescribeRouteTables, then
   * each Route.RouteDescription's token suffix): a route an earlier create (of any process) made with the token is
   * adopted when it has the same destination and next hop, else IDEMPOTENCY_CONFLICT. The others are created in one
   * CreateRoutes call, each token kept as a suffix of its RouteDescription (Route has no tag and CreateRoutesRequest
   * no client token, vpc_models.ts).
   */
  async #createRoutesIn(
    region: string,
    vpcId: string,
    tableId: string,
    batch: readonly CreateRouteInput[],
  ): Promise<RouteInfo[]> {
    const tokens = batch.map((input) => clientTokenOf(input.clientToken, `route ${input.destination}`));
    const results: (RouteInfo | undefined)[] = new Array(batch.length).fill(undefined);
    if (tokens.some((token) => token !== undefined)) {
      // #tables retries each call.
      const table = (await this.#tables(region, [], [tableId]))[0];
      const existing = table?.RouteSet ?? [];
      tokens.forEach((token, i) => {
        if (token === undefined) return;
        const earlier = existing.find((r) => routeTokenOf(r) === token);
        if (earlier === undefined) return;
        const input = batch[i]!;
        const route = routeOf(earlier, vpcId);
        const differs = [
          ...(route.destination !== input.destination
            ? [`destination ${route.destination}, not ${input.destination}`]
            : []),
          ...(route.peeringId !== input.peeringId
            ? [`next hop ${route.peeringId}, not ${input.peeringId}`]
            : []),
        ];
        if (differs.length > 0) throw idempotencyConflict("route", route.id, token, differs);
        results[i] = route;
      });
    }
    const todo = batch.flatMap((input, i) => (results[i] === undefined ? [{ input, token: tokens[i] }] : []));
    if (todo.length > 0) {
      const created = await this.#createRoutesCall(region, vpcId, tableId, todo);
      let k = 0;
      for (let i = 0; i < batch.length; i++) if (results[i] === undefined) results[i] = created[k++]!;
    }
    return results as RouteInfo[];
  }

  async #createRoutesCall(
    region: string,
    vpcId: string,
    tableId: string,
    batch: readonly { readonly input: CreateRouteInput; readonly token: string | undefined }[],
  ): Promise<RouteInfo[]> {
    const pick = (routes: readonly WireRoute[]): RouteInfo[] | undefined => {
      const picked: RouteInfo[] = [];
      for (const { input, token } of batch) {
        const route = routes.find(
          (r) =>
            (r.DestinationCidrBlock === input.destination ||
              r.DestinationIpv6CidrBlock === input.destination) &&
            r.GatewayId === input.peeringId &&
            // With a token, the route that carries it (another route to the same place is not this create's).
            (token === undefined || routeTokenOf(r) === token),
        );
        if (!route) return undefined;
        picked.push(routeOf(route, vpcId));
      }
      return picked;
    };
    // CreateRoutesRequest: RouteTableId, Routes [Route {DestinationCidrBlock, GatewayType, GatewayId, RouteDescription}].
    const routes = batch.map(({ input, token }) => {
      const description = markDescription(input.description || undefined, token);
      return {
        ...(input.destination.includes(":")
          ? { DestinationIpv6CidrBlock: input.destination }
          : { DestinationCidrBlock: input.destination }),
        GatewayType: "PEERCONNECTION",
        GatewayId: input.peeringId,
        ...(description ? { RouteDescription: description } : {}),
      };
    });
    try {
      return await createIdempotently<RouteInfo[]>({
        create: async () => {
          const response = await this.#api.call<CreateRoutesResponse>(
            "CreateRoutes",
            { RouteTableId: tableId, Routes: routes },
            region,
          );
          const table = response.RouteTableSet.find((t) => t.RouteTableId === tableId);
          if (table) this.#rememberTable(table, region);
          const picked = table && pick(table.RouteSet ?? []);
          if (!picked)
            throw new BackendError(
              "BACKEND_UNAVAILABLE",
              "CreateRoutes answered without the routes it created.",
              {
                cloudCode: "InternalError",
                retryable: true,
              },
            );
          return picked;
        },
        // A lost answer: the batch is all-or-nothing, so either every route is in the table or none is (found by
        // its token where it has one).
        findExisting: async () => {
          const table = (await this.#tables(region, [], [tableId]))[0];
          return table ? pick(table.RouteSet ?? []) : undefined;
        },
        retry: this.#retry,
      });
    } catch (error) {
      if (isBackendError(error, "ROUTE_CONFLICT"))
        throw await this.#routeConflict(
          error,
          region,
          tableId,
          batch.map((b) => b.input),
        );
      if (isBackendError(error, "ROUTE_DESTINATION_NOT_IN_PEER")) throw await this.#outsidePeer(error, batch);
      throw error;
    }
  }

  /**
   * CidrNotInPeerVpc stands for TRANSITIVE_ROUTE too (../errors.ts): the first route of the batch the core finds
   * transitive on what this account can read (../shared/route-refusal.ts), else the cloud's refusal as it was.
   */
  async #outsidePeer(
    error: BackendError,
    batch: readonly { readonly input: CreateRouteInput }[],
  ): Promise<BackendError> {
    for (const { input } of batch) {
      const found = await transitiveRouteOf(this, input);
      if (found === undefined) continue;
      return restated(error, "TRANSITIVE_ROUTE", found.message, {
        resource: `route ${input.destination}`,
        value: input.destination,
        fix: found.fix,
        problems: [found],
      });
    }
    return error;
  }

  /**
   * ROUTE_CONFLICT as the cloud said it, with the route already there for a destination of the batch named and the
   * way to adopt it (it does not carry this create's token, so it is not taken over silently).
   */
  async #routeConflict(
    error: BackendError,
    region: string,
    tableId: string,
    batch: readonly CreateRouteInput[],
  ): Promise<BackendError> {
    const table = await this.#tables(region, [], [tableId]).then(
      (tables) => tables[0],
      () => undefined,
    );
    const holder = (table?.RouteSet ?? []).find((r) =>
      batch.some(
        (input) =>
          r.DestinationCidrBlock === input.destination || r.DestinationIpv6CidrBlock === input.destination,
      ),
    );
    if (holder === undefined) return error;
    const destination = holder.DestinationCidrBlock || holder.DestinationIpv6CidrBlock || "";
    return restated(
      error,
      "ROUTE_CONFLICT",
      `Route table "${tableId}" already has route "${holder.RouteItemId}" to ${destination} (next hop ${holder.GatewayId}), not created by this request.`,
      {
        resource: `route ${destination}`,
        value: holder.RouteItemId,
        fix: `To manage the existing route with peerlink, adopt it: set existingId: "${holder.RouteItemId}" on the peerlink route resource. Otherwise delete it first, or route another destination.`,
        problems: error.problems,
      },
    );
  }

  async deleteRoute(id: string): Promise<void> {
    await this.deleteRoutes([id]);
  }

  /** Deletes many routes with one DeleteRoutes call per route table. */
  async deleteRoutes(ids: readonly string[]): Promise<void> {
    const byTable = new Map<string, string[]>();
    for (const id of ids) {
      const tableId = (await this.#tableOfRoute(id)).tableId;
      byTable.set(tableId, [...(byTable.get(tableId) ?? []), id]);
    }
    for (const [tableId, routeIds] of byTable) {
      const region = this.#tableRegion.get(tableId)?.region ?? (await this.#locateTable(tableId)).region;
      // DeleteRoutesRequest.Routes: "仅需使用Route的RouteId字段"; RouteItemId is the string id Route recommends.
      const routes = routeIds.map((id) => {
        const routeId = this.#routeTable.get(id)?.routeId;
        return { RouteItemId: id, ...(routeId ? { RouteId: routeId } : {}) };
      });
      await this.#write(
        "DeleteRoutes",
        { RouteTableId: tableId, Routes: routes },
        region,
        async (error) => error.code === "NOT_FOUND",
      );
      for (const id of routeIds) this.#routeTable.delete(id);
    }
  }

  async #tableOfRoute(id: string): Promise<{ tableId: string }> {
    const known = this.#routeTable.get(id);
    if (known) return known;
    for (const region of this.#searchRegions()) {
      await this.#tables(region);
      const found = this.#routeTable.get(id);
      if (found) return found;
    }
    throw notFound("route", id, this.account);
  }

  async listRoutes(routeTableId: string): Promise<readonly RouteInfo[]> {
    const { table } = await this.#locateTable(routeTableId);
    return (table.RouteSet ?? [])
      .filter((r) => r.GatewayType === "PEERCONNECTION")
      .map((r) => routeOf(r, table.VpcId));
  }

  // ---------------------------------------------------------------- per-IP bandwidth limits

  async setBandwidthLimit(peeringId: string): Promise<BandwidthLimitInfo> {
    unsupported(
      `per-IP bandwidth limits on peering "${peeringId}" are not part of the VPC API 2017-03-12 actions this backend uses`,
      "Set them in the console.",
    );
  }

  async listBandwidthLimits(peeringId: string): Promise<readonly BandwidthLimitInfo[]> {
    unsupported(
      `per-IP bandwidth limits on peering "${peeringId}" are not offered by this backend`,
      "Check capabilities().perIpBandwidthLimits first.",
    );
  }

  async removeBandwidthLimit(peeringId: string): Promise<void> {
    unsupported(
      `per-IP bandwidth limits on peering "${peeringId}" are not offered by this backend`,
      "Check capabilities().perIpBandwidthLimits first.",
    );
  }
}

/** Opens a tencentcloud backend (credentials from the options or TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY). */
export function openTencentCloudBackend(options: TencentCloudBackendOptions): TencentCloudBackend {
  return new TencentCloudBackend(options);
}
