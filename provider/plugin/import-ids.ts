/**
 * `pulumi import` ids, and the inputs of the imported resource as the backend describes it. The engine's Read on
 * import carries only the id (no inputs, no state), while the runtime's `read` needs the resource's inputs; the
 * id therefore says everything `read` needs, and the inputs come from the live resource so that the next
 * preview of a program declaring the same values shows no changes.
 *
 * | type                | import id                          | example                        |
 * | ------------------- | ---------------------------------- | ------------------------------ |
 * | `Vpc`               | the VPC id                         | `vpc-2ari9m7h`                 |
 * | `Subnet`            | the subnet id                      | `subnet-5gu2jxf4`              |
 * | `Peering`           | the peering id                     | `pcx-6gw5wvmk`                 |
 * | `PeeringAcceptance` | the peering id (or `<id>:accept`)  | `pcx-6gw5wvmk`                 |
 * | `RouteRule`         | `<route table id>/<route id>`      | `rtb-1a2b3c4d/route-5e6f7a8b`  |
 *
 * BandwidthPolicy has no import: its state is the limits the program declares, not a cloud object.
 */
import type { Backend } from "../backends/backend.js";
import { PeerlinkError } from "../core/index.js";
import type { ResourceKind } from "./tokens.js";

export interface ImportTarget {
  /** The resource id in Pulumi's state (what create would have returned). */
  readonly id: string;
  /** The inputs the live resource has, as a program would declare them. */
  readonly inputs: Record<string, unknown>;
}

const FORMATS: Record<ResourceKind, string> = {
  vpc: "the VPC id, e.g. vpc-2ari9m7h",
  subnet: "the subnet id, e.g. subnet-5gu2jxf4",
  peering: "the peering id, e.g. pcx-6gw5wvmk",
  peeringAcceptance: "the peering id, e.g. pcx-6gw5wvmk",
  routeRule: "<route table id>/<route id>, e.g. rtb-1a2b3c4d/route-5e6f7a8b",
  bandwidthPolicy: "nothing: a BandwidthPolicy is the limits its program lists, declare it instead",
};

export function importIdFormat(kind: ResourceKind): string {
  return FORMATS[kind];
}

function badId(kind: ResourceKind, id: string, why: string): PeerlinkError {
  const fix =
    kind === "bandwidthPolicy"
      ? "Declare the BandwidthPolicy in the program: it applies the limits it lists to the peering."
      : `Import a ${kind} by ${FORMATS[kind]}.`;
  return new PeerlinkError("INVALID_PARAMETER", `Import id "${id}" ${why}. Fix: ${fix}`, {
    resource: kind,
    value: id,
    fix,
  });
}

/** Only fields that carry something: an empty description or tag set is what a program leaves out. */
function nonEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => {
      if (v === undefined || v === null || v === "") return false;
      if (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0) return false;
      if (Array.isArray(v) && v.length === 0) return false;
      return true;
    }),
  );
}

/** What `read` needs to import `kind` by `id`, from the backend. Throws NOT_FOUND as the backend does. */
export async function importTarget(backend: Backend, kind: ResourceKind, id: string): Promise<ImportTarget> {
  if (id.trim() === "") throw badId(kind, id, "is empty");
  switch (kind) {
    case "vpc": {
      const vpc = await backend.describeVpc(id);
      return {
        id: vpc.id,
        inputs: nonEmpty({
          name: vpc.name,
          region: vpc.region,
          cidrs: [...vpc.cidrs],
          cloud: vpc.cloud,
          routeTables: vpc.routeTables.filter((t) => !t.main).map((t) => t.name),
          tags: { ...vpc.tags },
        }),
      };
    }
    case "subnet": {
      const s = await backend.describeSubnet(id);
      // `cloud` is a plan-time hint a program may leave out: not recorded.
      return {
        id: s.id,
        inputs: nonEmpty({ vpcId: s.vpcId, name: s.name, cidr: s.cidr, ipv6: s.ipv6 ? true : undefined }),
      };
    }
    case "peering": {
      const p = await backend.describePeering(id);
      return {
        id: p.id,
        inputs: nonEmpty({
          vpcId: p.vpcId,
          peerVpcId: p.peerVpcId,
          // Only what differs from the requester's side: a program leaves the same region and account out.
          peerRegion: p.peerRegion !== p.region ? p.peerRegion : undefined,
          peerAccount: p.peerAccount !== p.account ? p.peerAccount : undefined,
          name: p.name,
          description: p.description,
          bandwidthMbps: p.bandwidthMbps,
          chargeType: p.chargeType,
          serviceLevel: p.serviceLevel,
          tags: { ...p.tags },
        }),
      };
    }
    case "peeringAcceptance": {
      const peeringId = id.endsWith(":accept") ? id.slice(0, -":accept".length) : id;
      const p = await backend.describePeering(peeringId);
      return { id: `${p.id}:accept`, inputs: { peeringId: p.id } };
    }
    case "routeRule": {
      const [table, routeId, ...rest] = id.split("/");
      if (!table || !routeId || rest.length > 0) throw badId(kind, id, "is not <route table id>/<route id>");
      const route = (await backend.listRoutes(table)).find((r) => r.id === routeId);
      if (!route) throw badId(kind, id, `names no route in route table "${table}"`);
      const vpc = await backend.describeVpc(route.vpcId);
      const main = vpc.routeTables.find((t) => t.main)?.id;
      return {
        id: route.id,
        inputs: nonEmpty({
          vpcId: route.vpcId,
          // The main table is what a RouteRule without routeTableId uses.
          routeTableId: route.routeTableId === main ? undefined : route.routeTableId,
          destination: route.destination,
          peeringId: route.peeringId,
          description: route.description,
        }),
      };
    }
    case "bandwidthPolicy":
      throw badId(kind, id, "cannot be imported");
  }
}

/** The state `read` starts from on import: the inputs, plus the route table a RouteRule's read looks in. */
export function importProps(kind: ResourceKind, id: string, target: ImportTarget): Record<string, unknown> {
  if (kind === "routeRule") return { ...target.inputs, effectiveRouteTableId: id.split("/")[0] };
  return { ...target.inputs };
}
