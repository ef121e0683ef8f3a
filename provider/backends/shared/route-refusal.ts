/**
 * Which of the core's route rules a cloud's refusal stands for, where the cloud answers one code for several.
 * Tencent answers `InvalidParameterValue.CidrNotInPeerVpc` ("目的网段不在对端VPC的CIDR范围内", tencentcloud-sdk-python
 * vpc/v20170312/errorcodes.py) for any destination outside the peer VPC, and so also for one that lies in a VPC
 * the peer is peered with: the transitive route every other layer calls TRANSITIVE_ROUTE (seed 000
 * "对等连接互通性不传递"). On that refusal only (nothing is read on the way to a successful create), the backend reads
 * the route's neighbourhood it can see (the route's VPC, the peering, the peer VPC, the peer's other live peerings
 * and their VPCs) and asks the core's rules (validateTopology) what the route breaks: the rule stays in core.
 * A VPC the credentials cannot read (another account's) is left out, and the cloud's own verdict then stands.
 */
import { type Diagnostic, isResource, type TopologyDocument, validateTopology } from "../../core/index.js";
import type { Backend, CreateRouteInput, VpcInfo } from "../backend.js";
import { peeringSpecOf, vpcSpecOf } from "./document-specs.js";

export type NeighbourhoodReader = Pick<Backend, "describeVpc" | "describePeering" | "listPeerings">;

const readable = <T>(read: Promise<T>): Promise<T | undefined> => read.catch(() => undefined);

/** The core's TRANSITIVE_ROUTE for `route` on what `reader` can see, or undefined (the cloud's code stands). */
export async function transitiveRouteOf(
  reader: NeighbourhoodReader,
  route: CreateRouteInput,
): Promise<Diagnostic | undefined> {
  const via = await readable(reader.describePeering(route.peeringId));
  if (via === undefined) return undefined;
  const peerVpcId =
    via.vpcId === route.vpcId ? via.peerVpcId : via.peerVpcId === route.vpcId ? via.vpcId : undefined;
  if (peerVpcId === undefined) return undefined;
  const [own, peer, onward] = await Promise.all([
    readable(reader.describeVpc(route.vpcId)),
    readable(reader.describeVpc(peerVpcId)),
    readable(reader.listPeerings({ vpcId: peerVpcId, status: ["ACTIVE"] })),
  ]);
  if (own === undefined || peer === undefined) return undefined;
  const others = (onward?.items ?? []).filter((p) => p.id !== via.id);
  const farIds = [...new Set(others.map((p) => (p.vpcId === peerVpcId ? p.peerVpcId : p.vpcId)))].filter(
    (id) => id !== own.id,
  );
  const far = (await Promise.all(farIds.map((id) => readable(reader.describeVpc(id))))).filter(
    (v): v is VpcInfo => v !== undefined,
  );
  const seen = new Set([own.id, peer.id, ...far.map((v) => v.id)]);
  const document: TopologyDocument = {
    vpcs: [own, peer, ...far].map(vpcSpecOf),
    peerings: [via, ...others.filter((p) => seen.has(p.vpcId) && seen.has(p.peerVpcId))].map(peeringSpecOf),
    routes: [{ vpc: route.vpcId, destination: route.destination, peering: via.id }],
    bandwidthPolicies: [],
  };
  return validateTopology(document).diagnostics.find(
    (d) => d.code === "TRANSITIVE_ROUTE" && isResource(d.ref, "routes", 0),
  );
}
