/**
 * What each field of the topology document means, in one place: an editor's hover reads it from the JSON Schema
 * (topology-json-schema.ts), and a schema error's fix quotes it (schema-issue.ts), so the two never say different
 * things about a field.
 */

/**
 * What each field means, for an editor's hover, keyed by its path (`vpcs[].cidrs`). A test fails when a field of
 * the schema has no entry here or an entry names no field, so a new field cannot ship undescribed.
 */
export const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "": "A peerlink topology: VPCs, their subnets, the peerings between them, the routes through the peerings and per-IP bandwidth policies. Check it with `peerlink validate`.",
  $schema: "The JSON Schema an editor checks this file against; ignored by peerlink.",
  vpcs: "The VPCs the topology connects.",
  "vpcs[].id": "Your name for the VPC (a cloud id such as vpc-2ari9m7h works too); unique among the VPCs.",
  "vpcs[].cloud": "The VPC's cloud; the rules that differ by cloud are applied per cloud.",
  "vpcs[].region":
    "The cloud's region id (ap-guangzhou, cn-north-4, bj). Two VPCs in different regions make a cross-region peering.",
  "vpcs[].account":
    "The account: Tencent uin, Huawei project id, Baidu account id. Two VPCs in different accounts make a cross-account peering.",
  "vpcs[].cidrs":
    "The VPC's IPv4/IPv6 blocks, primary first, then secondary ones; host bits zero, no two overlapping. At least one, except for a peer VPC that is not visible.",
  "vpcs[].cidrs[]": "A block in CIDR notation, such as 10.0.0.0/16.",
  "vpcs[].assignedIpv6Cidrs":
    "IPv6 blocks the cloud assigned the VPC, as `peerlink discover` reads them back; never declared in `cidrs`.",
  "vpcs[].assignedIpv6Cidrs[]": "An IPv6 block in CIDR notation.",
  "vpcs[].routeTables":
    "Extra route tables by id; every VPC also has its main table, which routes use when they name none.",
  "vpcs[].routeTables[]": "A route table id.",
  "vpcs[].name": "The VPC's name on the cloud.",
  "vpcs[].visible":
    "false only in discovered documents: a peer VPC of another account the credentials cannot read. Its blocks are then unknown, and the rules that need them skip it.",
  subnets:
    "Subnets of the declared VPCs, judged in document order as a cloud creates them (SUBNET_INVALID): inside the VPC's blocks, clear of the subnets before them.",
  "subnets[].id": "Your name for the subnet; unique among the subnets.",
  "subnets[].vpc": "The id of the VPC (in `vpcs`) the subnet is in.",
  "subnets[].cidr": "The subnet's IPv4 block, canonical, such as 10.0.1.0/24.",
  "subnets[].name": "The subnet's name on the cloud. Default: the subnet's id.",
  "subnets[].ipv6":
    "Ask the cloud for an IPv6 block at creation (Huawei ipv6_enable, Baidu enableIpv6). Default: false.",
  "subnets[].gatewayIp": "The gateway address (Huawei gateway_ip). Default: the block's first host.",
  peerings: "The peerings. Peering is never transitive: each pair of VPCs that talk needs its own.",
  "peerings[].id": "Your name for the peering; unique among the peerings. Routes name it as their next hop.",
  "peerings[].name": "The peering's name on the cloud. Default: the peering's id.",
  "peerings[].description": "Free text, carried to the cloud.",
  "peerings[].vpc": "The requester VPC's id (in `vpcs`).",
  "peerings[].peerVpc": "The accepter VPC's id (in `vpcs`).",
  "peerings[].bandwidthMbps":
    "Tencent cross-region: required, one of 10, 20, 50, 100, 200, 500, 1000. Baidu: required, a positive integer. Tencent same-region and Huawei: not settable.",
  "peerings[].chargeType":
    "Tencent POSTPAID_BY_DAY_MAX (daily peak, the default) or POSTPAID_BY_MONTH_95; Baidu Postpaid or Prepaid.",
  "peerings[].serviceLevel":
    "Tencent platinum, gold or silver; platinum and silver need POSTPAID_BY_MONTH_95.",
  "peerings[].tags": "String tags, carried to the cloud.",
  "peerings[].status":
    "The live state, written by `peerlink discover`. A declared peering leaves it out: it should be ACTIVE.",
  "peerings[].createdAt": "When the cloud created the request (ISO 8601), written by `peerlink discover`.",
  "peerings[].expiresAt":
    "When a PENDING request expires (ISO 8601), where the cloud says; written by `peerlink discover`.",
  routes:
    "Routes through peerings. Traffic flows between two VPCs only with a route each way (MISSING_RETURN_ROUTE), and only to the peer VPC's own blocks (TRANSITIVE_ROUTE).",
  "routes[].vpc": "The id of the VPC whose route table holds the route.",
  "routes[].routeTable": "The route table (one of the VPC's `routeTables`). Default: the VPC's main table.",
  "routes[].destination":
    "The destination block in CIDR notation (such as 10.1.0.0/24), inside the peer VPC's blocks.",
  "routes[].peering": "The id of the peering that is the next hop.",
  "routes[].description": "Free text, carried to the cloud.",
  bandwidthPolicies: "Per-IP outbound bandwidth limits on a peering (Tencent cross-region peerings only).",
  "bandwidthPolicies[].peering": "The id of the peering the limit applies on.",
  "bandwidthPolicies[].vpc": "The id of the VPC the IP belongs to. Default: the peering's requester VPC.",
  "bandwidthPolicies[].ip": "The IP address whose outbound traffic is limited.",
  "bandwidthPolicies[].limitMbps": "The limit, a positive whole number of Mbps.",
};

/** A document path as the table keys it: `["routes", 0, "peering"]` is `routes[].peering`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path)
    text += typeof key === "number" ? "[]" : text === "" ? String(key) : `.${String(key)}`;
  return text;
}
