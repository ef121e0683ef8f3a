/**
 * The peer of a route in a document that did not pass the schema, as far as the document says: the VPC on the
 * other side of the route's peering and that VPC's blocks as written. For the fix of a bad `destination`, which
 * then names the blocks a destination must lie in (`[10.0.0.0/16]` for a route of bj through gz-bj) instead of
 * describing them. Read from the raw input: nothing is resolved, and anything missing or malformed gives no hint.
 */

interface PeerIndex {
  readonly vpcBlocks: ReadonlyMap<string, readonly string[]>;
  readonly peeringEnds: ReadonlyMap<string, readonly [string, string]>;
}

/** Per document, built on the first bad destination: a document may have thousands. */
const INDEXES = new WeakMap<object, PeerIndex>();

function list(input: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = input[key];
  return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === "object") : [];
}

function indexOf(input: Record<string, unknown>): PeerIndex {
  let index = INDEXES.get(input);
  if (index) return index;
  const vpcBlocks = new Map<string, readonly string[]>();
  for (const vpc of list(input, "vpcs")) {
    const cidrs = vpc.cidrs;
    if (typeof vpc.id === "string" && Array.isArray(cidrs) && !vpcBlocks.has(vpc.id))
      vpcBlocks.set(
        vpc.id,
        cidrs.filter((c): c is string => typeof c === "string"),
      );
  }
  const peeringEnds = new Map<string, readonly [string, string]>();
  for (const p of list(input, "peerings"))
    if (typeof p.id === "string" && typeof p.vpc === "string" && typeof p.peerVpc === "string")
      if (!peeringEnds.has(p.id)) peeringEnds.set(p.id, [p.vpc, p.peerVpc]);
  index = { vpcBlocks, peeringEnds };
  INDEXES.set(input, index);
  return index;
}

/** The peer VPC of `routes[route]` and its blocks, or undefined when the document does not say. */
export function routePeerBlocks(
  input: unknown,
  route: number,
): { readonly peer: string; readonly blocks: readonly string[] } | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const doc = input as Record<string, unknown>;
  const r: unknown = Array.isArray(doc.routes) ? doc.routes[route] : undefined;
  if (r === null || typeof r !== "object") return undefined;
  const { vpc, peering } = r as Record<string, unknown>;
  if (typeof vpc !== "string" || typeof peering !== "string") return undefined;
  const { vpcBlocks, peeringEnds } = indexOf(doc);
  const ends = peeringEnds.get(peering);
  if (ends === undefined || !ends.includes(vpc) || ends[0] === ends[1]) return undefined;
  const peer = ends[0] === vpc ? ends[1] : ends[0];
  const blocks = vpcBlocks.get(peer);
  return blocks && blocks.length > 0 ? { peer, blocks } : undefined;
}
