/**
 * A discovered account as a Pulumi bulk import file, so that an estate `peerlink discover` read can be adopted by
 * a stack of the provider plugin in one `pulumi import --file`. The format is Pulumi's ("pulumi import | CLI
 * commands", https://www.pulumi.com/docs/iac/cli/commands/pulumi_import/: "If using the JSON file format to define
 * the imported resource(s), use this instead: pulumi import -f import.json", each resource a `type`, a `name` and
 * an `id`); the ids are the plugin's import ids (provider/plugin/import-ids.ts: a VPC, subnet or peering id, a
 * peering id for its acceptance, `<route table id>/<route id>` for a route).
 *
 * Each resource is read through a provider configured for the account that owns it: the stack's default `peerlink`
 * provider (a file of one account), or, for several accounts, the stack's `pulumi:providers:peerlink` resource of
 * each, named in the file's `nameTable` by its URN (Pulumi's format: "nameTable" maps a name to a URN, a
 * resource's "provider" names one). What an account owns is in it: its VPCs and their subnets (where they were read);
 * the peerings it requested; its acceptance of an ACTIVE peering another account requested; the routes of its
 * route tables. Peerings that are over (REJECTED, EXPIRED, DELETED: the audit's leftovers) are not.
 */
import type { PeeringInfo } from "../backend.js";
import type { SessionEstate } from "./discover.js";

export interface PulumiImportResource {
  /** The plugin's type token. */
  readonly type: string;
  /** The Pulumi logical name: the cloud name, made unique within its type. */
  readonly name: string;
  /** The plugin's import id. */
  readonly id: string;
  /** The `nameTable` key of the provider to read it with; absent: the stack's default provider. */
  readonly provider?: string;
}

export interface PulumiImportFile {
  /** Names of the stack's provider resources, by the key the resources' `provider` gives. */
  readonly nameTable?: Readonly<Record<string, string>>;
  readonly resources: readonly PulumiImportResource[];
}

/** Peering states worth adopting: requested or live. Leftovers are deleted, not imported. */
export const ADOPTABLE: ReadonlySet<string> = new Set(["CREATING", "PENDING", "ACCEPTING", "ACTIVE"]);

/**
 * A cloud name as a Pulumi logical name. The engine takes any string (pulumi/pulumi#14107 "Allow anything in resource
 * names"), but a URN splits at "::" and `pulumi state rename` still checks "resource names may only contain
 * alphanumerics, underscores, hyphens, dots, and slashes" (pulumi/pulumi#18937): so letters and digits of any script
 * stay (a Chinese VPC name is common on these clouds), `_ . -` stay, and every other run becomes one "-".
 */
export function logicalName(cloudName: string): string {
  return cloudName.replace(/[^\p{L}\p{N}_.-]+/gu, "-").replace(/^-+|-+$/g, "");
}

/** A logical name per wanted name, unique within one type: a repeated name gets the resource's id after it. */
function namer(): (type: string, wanted: string, id: string) => string {
  const seen = new Set<string>();
  return (type, wanted, id) => {
    const base = logicalName(wanted) || logicalName(id) || id;
    const name = seen.has(`${type}\u0000${base}`) ? `${base}-${id}` : base;
    seen.add(`${type}\u0000${name}`);
    return name;
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The accounts' part of what the sessions read, in a stable order (VPCs, subnets, peerings, acceptances, routes,
 * each by id). `providers` maps each account to the URN of the stack's `pulumi:providers:peerlink` resource
 * configured for it; without it, the file is for the stack's default provider and names one account.
 */
export function pulumiImportFile(
  estates: readonly SessionEstate[],
  accounts: readonly string[],
  providers?: Readonly<Record<string, string>>,
): PulumiImportFile {
  if (providers === undefined && accounts.length !== 1)
    throw new Error(`pulumiImportFile: ${accounts.length} accounts need a provider each`);
  const key = (account: string) => `provider-${account}`;
  const via = (account: string) => (providers ? { provider: key(account) } : {});
  const wanted = new Set(accounts);
  const vpcs = new Map(estates.flatMap((e) => e.vpcs).map((v) => [v.id, v]));
  const peerings = new Map<string, PeeringInfo>();
  for (const e of estates) for (const p of e.peerings) peerings.set(p.id, p);
  const routes = new Map(estates.flatMap((e) => e.routes).map((r) => [`${r.routeTableId}/${r.id}`, r]));
  const name = namer();
  const out: PulumiImportResource[] = [];
  const own = [...vpcs.values()].filter((v) => wanted.has(v.account)).sort(byId);
  const vpcName = new Map<string, string>();
  for (const v of own) {
    const n = name("Vpc", v.name, v.id);
    vpcName.set(v.id, n);
    out.push({ type: "peerlink:index:Vpc", name: n, id: v.id, ...via(v.account) });
  }
  const ownerOf = (vpcId: string) => vpcs.get(vpcId)!.account;
  const subnets = new Map(estates.flatMap((e) => e.subnets ?? []).map((x) => [x.id, x]));
  for (const x of [...subnets.values()].filter((x) => vpcName.has(x.vpcId)).sort(byId))
    out.push({
      type: "peerlink:index:Subnet",
      name: name("Subnet", x.name, x.id),
      id: x.id,
      ...via(ownerOf(x.vpcId)),
    });
  const live = [...peerings.values()].filter((p) => ADOPTABLE.has(p.status)).sort(byId);
  for (const p of live)
    if (wanted.has(p.account))
      out.push({
        type: "peerlink:index:Peering",
        name: name("Peering", p.name, p.id),
        id: p.id,
        ...via(p.account),
      });
  // Acceptances after every request: a program declares the acceptance of a peering it requests itself too.
  for (const p of live)
    if (wanted.has(p.peerAccount) && p.peerAccount !== p.account && p.status === "ACTIVE")
      out.push({
        type: "peerlink:index:PeeringAcceptance",
        name: name("PeeringAcceptance", `${p.name || p.id}-accept`, p.id),
        id: p.id,
        ...via(p.peerAccount),
      });
  const ownRoutes = [...routes.entries()]
    .filter(([, r]) => vpcName.has(r.vpcId))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, r] of ownRoutes)
    out.push({
      type: "peerlink:index:RouteRule",
      name: name("RouteRule", `${vpcName.get(r.vpcId)}-to-${r.destination.replace(/[/:.]/g, "-")}`, r.id),
      id,
      ...via(ownerOf(r.vpcId)),
    });
  if (!providers) return { resources: out };
  return { nameTable: Object.fromEntries(accounts.map((a) => [key(a), providers[a]!])), resources: out };
}
