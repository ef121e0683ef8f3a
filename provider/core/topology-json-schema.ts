/**
 * The topology document as a JSON Schema (draft-07), for editors: VS Code, JetBrains and the YAML language server
 * complete keys, show each field's meaning on hover and underline a misspelt key or a wrong type while the file is
 * written, before `peerlink validate` runs. It is written from the zod schema the loader validates with
 * (`z.toJSONSchema`), so its shape cannot drift from what peerlink accepts; the descriptions are below.
 *
 * It is the document's shape only, the loader's schema step: the schema accepts exactly what that step accepts
 * (test/core/topology-json-schema.test.ts checks both ways on generated documents). What comes after it (a block's
 * syntax, overlaps, routes, every rule of the rulebook) stays `peerlink validate`'s.
 */
import { z } from "zod";
import { topologySchema } from "./topology-schema.js";

/** The draft editors support best: VS Code's JSON service and the YAML language server read draft-07 fully. */
const DRAFT = "draft-7";

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
  "vpcs[].cidrs[]": "A block in CIDR notation: 10.0.0.0/16.",
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
  "subnets[].cidr": "The subnet's IPv4 block, canonical: 10.0.1.0/24.",
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
  "routes[].destination": "The destination block, inside the peer VPC's blocks: 10.1.0.0/16.",
  "routes[].peering": "The id of the peering that is the next hop.",
  "routes[].description": "Free text, carried to the cloud.",
  bandwidthPolicies: "Per-IP outbound bandwidth limits on a peering (Tencent cross-region peerings only).",
  "bandwidthPolicies[].peering": "The id of the peering the limit applies on.",
  "bandwidthPolicies[].vpc": "The id of the VPC the IP belongs to. Default: the peering's requester VPC.",
  "bandwidthPolicies[].ip": "The IP address whose outbound traffic is limited.",
  "bandwidthPolicies[].limitMbps": "The limit, a positive whole number of Mbps.",
};

/** A JSON Schema node, as far as this module reads and writes it. */
export interface JsonSchemaNode {
  [key: string]: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  description?: string;
}

/** Every field path of a schema node, with the node: objects by property, arrays as `[]`. */
export function* schemaFields(node: JsonSchemaNode, path = ""): Generator<[string, JsonSchemaNode]> {
  yield [path, node];
  for (const [key, child] of Object.entries(node.properties ?? {}))
    yield* schemaFields(child, path === "" ? key : `${path}.${key}`);
  if (node.items) yield* schemaFields(node.items, `${path}[]`);
}

/**
 * The JSON Schema of the topology document as an editor reads it: the input side (an account may be a number,
 * the lists may be left out), with `$schema` allowed at the top so a JSON file can name its schema.
 */
export function topologyJsonSchema(): JsonSchemaNode {
  const schema = z.toJSONSchema(topologySchema, {
    io: "input",
    target: DRAFT,
    unrepresentable: "throw",
  }) as JsonSchemaNode;
  for (const [path, node] of schemaFields(schema)) {
    const description = FIELD_DESCRIPTIONS[path];
    if (description !== undefined) node.description = description;
  }
  // The one rule of the zod schema written as a refinement, which z.toJSONSchema leaves out: a VPC needs a block
  // unless it is a peer not visible (vpcSchema's superRefine). Draft-07 says it with if/else.
  const vpc = schema.properties?.vpcs?.items;
  if (!vpc?.properties?.visible || !vpc.properties.cidrs)
    throw new Error("topologyJsonSchema: vpcs[].visible and vpcs[].cidrs are gone; update the if/else below");
  vpc.if = { properties: { visible: { const: false } }, required: ["visible"] };
  vpc.else = { properties: { cidrs: { type: "array", minItems: 1 } } };
  const { $schema, ...rest } = schema;
  return { $schema, title: "peerlink topology", ...rest };
}

/** The file's text: two-space JSON with a final newline, as `topology.schema.json` is committed. */
export function topologyJsonSchemaText(): string {
  return `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
}
