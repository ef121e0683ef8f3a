/**
 * A discovered account as a Pulumi bulk import file, so that an estate `peerlink discover` read can be adopted by
 * a stack of the provider plugin in one `pulumi import --file`. The format is Pulumi's ("pulumi import | CLI
 * commands", https://www.pulumi.com/docs/iac/cli/commands/pulumi_import/: "If using the JSON file format to define
 * the imported resource(s), use this instead: pulumi import -f import.json", each resource a `type`, a `name` and
 * an `id`); the ids are the plugin's import ids (provider/plugin/import-ids.ts: a VPC, subnet or peering id, a
 * peering id for its acceptance, `<route table id>/<route id>` for a route).
 *
 * One account a file: every resource of the file goes through the stack's default `peerlink` provider, which is
 * configured for one account. What the account owns is in it: its VPCs and their subnets (where they were read);
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
}

export interface PulumiImportFile {
  readonly resources: readonly PulumiImportResource[];
}

/** Peering states worth adopting: requested or live. Leftovers are deleted, not imported. */
const ADOPTABLE: ReadonlySet<string> = new Set(["CREATING", "PENDING", "ACCEPTING", "ACTIVE"]);

/** A logical name per wanted name, unique within one type: a repeated name gets the resource's id after it. */
function namer(): (type: string, wanted: string, id: string) => string {
  const seen = new Set<string>();
  return (type, wanted, id) => {
    const base = wanted.trim() === "" ? id : wanted.trim();
    const name = seen.has(`${type}\u0000${base}`) ? `${base}-${id}` : base;
    seen.add(`${type}\u0000${name}`);
    return name;
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `account`'s part of what the sessions read, in a stable order (VPCs, subnets, peerings, routes). */
export function pulumiImportFile(estates: readonly SessionEstate[], account: string): PulumiImportFile {
  const vpcs = new Map(estates.flatMap((e) => e.vpcs).map((v) => [v.id, v]));
  const peerings = new Map<string, PeeringInfo>();
  for (const e of estates) for (const p of e.peerings) peerings.set(p.id, p);
  const routes = new Map(estates.flatMap((e) => e.routes).map((r) => [`${r.routeTableId}/${r.id}`, r]));
  const name = namer();
  const out: PulumiImportResource[] = [];
  const own = [...vpcs.values()].filter((v) => v.account === account).sort(byId);
  const vpcName = new Map<string, string>();
  for (const v of own) {
    const n = name("Vpc", v.name, v.id);
    vpcName.set(v.id, n);
    out.push({ type: "peerlink:index:Vpc", name: n, id: v.id });
  }
  const subnets = new Map(estates.flatMap((e) => e.subnets ?? []).map((x) => [x.id, x]));
  for (const x of [...subnets.values()].filter((x) => vpcName.has(x.vpcId)).sort(byId))
    out.push({ type: "peerlink:index:Subnet", name: name("Subnet", x.name, x.id), id: x.id });
  const live = [...peerings.values()].filter((p) => ADOPTABLE.has(p.status)).sort(byId);
  for (const p of live) {
    if (p.account === account)
      out.push({ type: "peerlink:index:Peering", name: name("Peering", p.name, p.id), id: p.id });
    else if (p.peerAccount === account && p.status === "ACTIVE")
      out.push({
        type: "peerlink:index:PeeringAcceptance",
        name: name("PeeringAcceptance", `${p.name || p.id}-accept`, p.id),
        id: p.id,
      });
  }
  const ownRoutes = [...routes.entries()]
    .filter(([, r]) => vpcName.has(r.vpcId))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, r] of ownRoutes)
    out.push({
      type: "peerlink:index:RouteRule",
      name: name("RouteRule", `${vpcName.get(r.vpcId)}-to-${r.destination.replace(/[/:.]/g, "-")}`, r.id),
      id,
    });
  return { resources: out };
}
