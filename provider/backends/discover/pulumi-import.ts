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
 * resource's "provider" names one). What an account owns is in it, as ./adoptable.ts chooses it.
 */
import { adoptableShare } from "./adoptable.js";
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
  const share = adoptableShare(estates, accounts);
  const name = namer();
  const out: PulumiImportResource[] = [];
  const vpcName = new Map<string, string>();
  for (const v of share.vpcs) {
    const n = name("Vpc", v.name, v.id);
    vpcName.set(v.id, n);
    out.push({ type: "peerlink:index:Vpc", name: n, id: v.id, ...via(v.account) });
  }
  const ownerOf = (vpcId: string) => share.vpcOf(vpcId).account;
  for (const x of share.subnets)
    out.push({
      type: "peerlink:index:Subnet",
      name: name("Subnet", x.name, x.id),
      id: x.id,
      ...via(ownerOf(x.vpcId)),
    });
  for (const p of share.peerings)
    out.push({
      type: "peerlink:index:Peering",
      name: name("Peering", p.name, p.id),
      id: p.id,
      ...via(p.account),
    });
  // Acceptances after every request: a program declares the acceptance of a peering it requests itself too.
  for (const p of share.acceptances)
    out.push({
      type: "peerlink:index:PeeringAcceptance",
      name: name("PeeringAcceptance", `${p.name || p.id}-accept`, p.id),
      id: p.id,
      ...via(p.peerAccount),
    });
  for (const r of share.routes)
    out.push({
      type: "peerlink:index:RouteRule",
      name: name("RouteRule", `${vpcName.get(r.vpcId)}-to-${r.destination.replace(/[/:.]/g, "-")}`, r.id),
      id: `${r.routeTableId}/${r.id}`,
      ...via(ownerOf(r.vpcId)),
    });
  if (!providers) return { resources: out };
  return { nameTable: Object.fromEntries(accounts.map((a) => [key(a), providers[a]!])), resources: out };
}
