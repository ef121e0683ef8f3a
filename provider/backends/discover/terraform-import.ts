/**
 * A discovered estate as OpenTofu/Terraform `import` blocks, so that an estate `peerlink discover` read can be
 * adopted into configuration for the clouds' own providers: `tofu plan -generate-config-out=generated.tf` (or
 * `terraform plan -generate-config-out=...`) writes a `resource` block for each import block whose target has none
 * ("OpenTofu can generate code for the resources you define in import blocks that do not already exist in your
 * configuration", OpenTofu docs, language/import/generating-configuration.mdx; the target must be in the root
 * module, without count or for_each). The file is JSON configuration syntax (`imports.tf.json`): `terraform`
 * (required_providers), `provider` (one aliased configuration per cloud, account and region) and `import`
 * (`{to, id, provider}`), the shape OpenTofu reads (internal/configs/import.go: "json configs, in which case the
 * values will be json strings").
 *
 * What is in it is what pulumi-import.ts adopts, as ./adoptable.ts chooses it: the accounts' VPCs and subnets, the
 * peerings they requested (live or pending), their acceptance of a live peering another account requested, and the
 * routes of their route tables. Each import id is the provider's documented format, below. What a provider cannot import
 * is left out and said (`skipped`), never written as an id that would fail.
 *
 * Import ids, from each provider's documentation (repository, path, commit of the page, its Import section):
 * - tencentcloudstack/terraform-provider-tencentcloud, website/docs/r/*.html.markdown:
 *   - vpc.html.markdown (0bad658c): "Vpc instance can be imported, e.g. terraform import tencentcloud_vpc.vpc
 *     vpc-8vazrwjv"; subnet.html.markdown (0bad658c): "Vpc subnet instance can be imported, e.g. ... subnet-b8j03v0c";
 *   - vpc_peer_connect_manager.html.markdown (92c2e1ab): "vpc peer_connect_manager can be imported using the id";
 *   - route_table_entry.html.markdown (8857175c): "Route table entry can be imported using the
 *     routeEntryId.routeTableId, e.g. 3065857.rtb-b050fg94". routeEntryId is the route's integer RouteId (the
 *     provider's Create: `d.SetId(fmt.Sprintf("%d.%s", entryId, routeTableId))`), which is 0, and so not an id,
 *     for an IPv6 route (tencentcloud-sdk-go vpc/v20170312 Route.RouteId: "IPv6路由策略是无意义的值0");
 *   - vpc_peer_connect_accept_operation.html.markdown (cd8cbb25) has no Import section, and its resource has no
 *     importer: an acceptance on Tencent is an operation, not an object, so there is nothing to import.
 * - huaweicloud/terraform-provider-huaweicloud, docs/resources/*.md:
 *   - vpc.md (6e241a3a): "VPCs can be imported using the `id`"; vpc_subnet.md (6e241a3a): "Subnets can be
 *     imported using the subnet `Network ID`" (the id of the VPC API's subnet, which the backend reads);
 *   - vpc_peering_connection.md (28ae27b4): "VPC Peering resources can be imported using the `vpc peering id`";
 *   - vpc_peering_connection_accepter.md (58ab0190) has no Import section; the resource's importer is
 *     ImportStatePassthroughContext, so the peering id;
 *   - vpc_route.md (a1c33a64): "VPC routes can be imported using the route table ID and their `destination`
 *     separated by a slash".
 * - baidubce/terraform-provider-baiducloud, website/docs/r/*.html.markdown: vpc (ab6754c2) "VPC instance can be
 *   imported", subnet (76c6b99f), peer_conn and peer_conn_acceptor (a14f3ff3) by their ids; route_rule (765b9d2e):
 *   "Route rule can be imported, e.g. ... id:routetableid".
 */
import { PROVIDER_SOURCES } from "../../core/terraform-providers.js";
import type { Cloud } from "../../core/topology-schema.js";
import type { RouteInfo, VpcInfo } from "../backend.js";
import { adoptableShare } from "./adoptable.js";
import type { SessionEstate } from "./discover.js";

/** The resource types of each cloud's provider, by what peerlink reads. */
const TYPES: Readonly<
  Record<Cloud, { vpc: string; subnet: string; peering: string; acceptance?: string; route: string }>
> = {
  tencentcloud: {
    vpc: "tencentcloud_vpc",
    subnet: "tencentcloud_subnet",
    peering: "tencentcloud_vpc_peer_connect_manager",
    route: "tencentcloud_route_table_entry",
  },
  huaweicloud: {
    vpc: "huaweicloud_vpc",
    subnet: "huaweicloud_vpc_subnet",
    peering: "huaweicloud_vpc_peering_connection",
    acceptance: "huaweicloud_vpc_peering_connection_accepter",
    route: "huaweicloud_vpc_route",
  },
  baiducloud: {
    vpc: "baiducloud_vpc",
    subnet: "baiducloud_subnet",
    peering: "baiducloud_peer_conn",
    acceptance: "baiducloud_peer_conn_acceptor",
    route: "baiducloud_route_rule",
  },
};

/** A route's import id in its provider's format; undefined when the provider has none for it. */
function routeImportId(cloud: Cloud, route: RouteInfo): string | undefined {
  switch (cloud) {
    case "tencentcloud":
      return route.entryId === undefined ? undefined : `${route.entryId}.${route.routeTableId}`;
    case "huaweicloud":
      return `${route.routeTableId}/${route.destination}`;
    case "baiducloud":
      return `${route.id}:${route.routeTableId}`;
  }
}

export interface TerraformImport {
  /** `TYPE.NAME`, a resource of the root module. */
  readonly to: string;
  readonly id: string;
  /** `CLOUD.ALIAS`: the provider configuration of the account and region the resource is in. */
  readonly provider: string;
}

export interface TerraformImportFile {
  readonly terraform: { readonly required_providers: Record<string, { source: string; version: string }> };
  readonly provider: Record<string, { alias: string; region: string }[]>;
  readonly import: readonly TerraformImport[];
}

/** Something the accounts own that no import block can adopt, and why. */
export interface SkippedImport {
  readonly resource: string;
  readonly reason: string;
}

/**
 * A name as a Terraform identifier: "A name must start with a letter or underscore and may contain only letters,
 * digits, underscores, and dashes" (Terraform and OpenTofu configuration syntax, Identifiers). Cloud names are
 * often Chinese, which an identifier cannot hold, so every other run becomes one "_"; a name left without a letter
 * to start with is prefixed with the resource kind.
 */
export function terraformName(wanted: string, kind: string): string {
  const name = wanted.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[A-Za-z_]/.test(name) ? name : `${kind}_${name}`.replace(/_+$/, "");
}

/** A resource name per wanted name, unique within one type: a repeated name gets the resource's id after it. */
function namer(): (type: string, wanted: string, id: string, kind: string) => string {
  const seen = new Set<string>();
  return (type, wanted, id, kind) => {
    const base = terraformName(wanted || id, kind);
    const name = seen.has(`${type}.${base}`) ? terraformName(`${base}_${id}`, kind) : base;
    seen.add(`${type}.${name}`);
    return name;
  };
}

/**
 * The accounts' part of what the sessions read as import blocks, in a stable order (VPCs, subnets, peerings,
 * acceptances, routes, each by id), with a provider configuration per cloud, account and region it names.
 * Credentials are not written: the providers read them from their usual environment variables
 * (TENCENTCLOUD_SECRET_ID/_KEY, HW_ACCESS_KEY/HW_SECRET_KEY, BAIDUCLOUD_ACCESS_KEY/_SECRET_KEY) or from arguments the
 * user adds to each aliased configuration.
 */
export function terraformImportFile(
  estates: readonly SessionEstate[],
  accounts: readonly string[],
): { file: TerraformImportFile; skipped: SkippedImport[] } {
  const share = adoptableShare(estates, accounts);
  const providers = new Map<string, { cloud: Cloud; alias: string; region: string }>();
  const providerOf = (cloud: Cloud, account: string, region: string): string => {
    const alias = terraformName(`${region}_${account}`, "p");
    providers.set(`${cloud}.${alias}`, { cloud, alias, region });
    return `${cloud}.${alias}`;
  };
  const at = (v: VpcInfo) => providerOf(v.cloud, v.account, v.region);
  const name = namer();
  const out: TerraformImport[] = [];
  const skipped: SkippedImport[] = [];
  const push = (type: string, wanted: string, id: string, kind: string, provider: string) => {
    const n = name(type, wanted, id, kind);
    out.push({ to: `${type}.${n}`, id, provider });
    return n;
  };

  const vpcName = new Map<string, string>();
  for (const v of share.vpcs) vpcName.set(v.id, push(TYPES[v.cloud].vpc, v.name, v.id, "vpc", at(v)));
  for (const x of share.subnets) {
    const v = share.vpcOf(x.vpcId);
    push(TYPES[v.cloud].subnet, x.name, x.id, "subnet", at(v));
  }
  for (const p of share.peerings)
    push(TYPES[p.cloud].peering, p.name, p.id, "peering", providerOf(p.cloud, p.account, p.region));
  for (const p of share.acceptances) {
    const type = TYPES[p.cloud].acceptance;
    if (type === undefined)
      skipped.push({
        resource: `the acceptance of peering ${p.id}`,
        reason:
          "tencentcloud_vpc_peer_connect_accept_operation cannot be imported (an operation, not an object); the peering is ACTIVE, so there is nothing left to accept",
      });
    else
      push(
        type,
        `${p.name || p.id}_accept`,
        p.id,
        "acceptance",
        providerOf(p.cloud, p.peerAccount, p.peerRegion),
      );
  }
  for (const r of share.routes) {
    const v = share.vpcOf(r.vpcId);
    const id = routeImportId(v.cloud, r);
    if (id === undefined) {
      skipped.push({
        resource: `route ${r.id} (${r.destination} in ${r.routeTableId})`,
        reason:
          "tencentcloud_route_table_entry is imported by the route's integer RouteId, which Tencent gives IPv4 routes only",
      });
      continue;
    }
    push(TYPES[v.cloud].route, `${vpcName.get(r.vpcId)}_to_${r.destination}`, id, "route", at(v));
  }

  const clouds = [...new Set([...providers.values()].map((p) => p.cloud))].sort();
  const provider: Record<string, { alias: string; region: string }[]> = {};
  for (const p of [...providers.values()].sort((a, b) =>
    a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0,
  ))
    provider[p.cloud] = [...(provider[p.cloud] ?? []), { alias: p.alias, region: p.region }];
  const required_providers = Object.fromEntries(
    clouds.map((c) => [c, { source: PROVIDER_SOURCES[c].source, version: PROVIDER_SOURCES[c].version }]),
  );
  return { file: { terraform: { required_providers }, provider, import: out }, skipped };
}
