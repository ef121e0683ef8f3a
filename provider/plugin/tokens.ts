/** The type tokens the plugin serves, and the resource type a URN names. */
export const PACKAGE = "peerlink";

export const RESOURCE_TOKENS = {
  vpc: "peerlink:index:Vpc",
  subnet: "peerlink:index:Subnet",
  peering: "peerlink:index:Peering",
  peeringAcceptance: "peerlink:index:PeeringAcceptance",
  routeRule: "peerlink:index:RouteRule",
  bandwidthPolicy: "peerlink:index:BandwidthPolicy",
} as const;
export type ResourceKind = keyof typeof RESOURCE_TOKENS;

export const COMPONENT_TOKENS = {
  twoRegionDr: "peerlink:index:TwoRegionDr",
  twoRegionsThreeCenters: "peerlink:index:TwoRegionsThreeCenters",
  hubAndSpoke: "peerlink:index:HubAndSpoke",
} as const;

const KIND_OF_TOKEN = new Map<string, ResourceKind>(
  Object.entries(RESOURCE_TOKENS).map(([kind, token]) => [token, kind as ResourceKind]),
);

/**
 * The type of `urn:pulumi:<stack>::<project>::<qualified type>::<name>`: the qualified type's last `$` segment
 * (`peerlink:index:TwoRegionDr$peerlink:index:Peering` is a Peering under a component). Splitting the whole URN on
 * `:` instead yields "Vpc" for a URN without stack and project (`::::peerlink:index:Vpc::name`).
 */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

export function kindOfUrn(urn: string): ResourceKind | undefined {
  return KIND_OF_TOKEN.get(typeOfUrn(urn));
}

/** The name a URN ends with. */
export function nameOfUrn(urn: string): string {
  const parts = urn.split("::");
  return parts.slice(3).join("::");
}
