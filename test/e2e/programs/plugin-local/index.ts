/**
 * Two VPCs, a cross-region peering and its routes, declared by type token only: every resource goes through the
 * provider plugin, as a YAML, Python or Go program's would. Stack config:
 * - `peerlink:*` configures the provider (the state file, the account, a secret credential);
 * - `duplicate: true` adds a second peering for the same pair, which the plugin's check refuses at preview
 *   (DUPLICATE_PEERING, from the live backend);
 * - `importedVpcId` declares the VPC `pulumi import` adopted, with the inputs the import recorded.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

/** Any type token: the Node SDK's CustomResource, concrete. */
class Resource extends pulumi.CustomResource {}

function resource(type: string, name: string, inputs: pulumi.Inputs, outputs: string[]) {
  const props: pulumi.Inputs = { ...inputs };
  for (const key of outputs) props[key] = undefined;
  return new Resource(`peerlink:index:${type}`, name, props);
}

const gz = resource(
  "Vpc",
  "plugin-gz",
  { name: "plugin-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
  ["vpcId", "mainRouteTableId"],
);
const bj = resource("Vpc", "plugin-bj", { name: "plugin-bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"] }, [
  "vpcId",
  "mainRouteTableId",
]);
const peering = resource(
  "Peering",
  "plugin-gz-bj",
  { vpcId: gz.id, peerVpcId: bj.id, name: "plugin-gz-bj", bandwidthMbps: 100 },
  ["status", "peeringId"],
);
resource(
  "RouteRule",
  "plugin-gz-to-bj",
  { vpcId: gz.id, destination: "10.1.0.0/16", peeringId: peering.id },
  ["routeId"],
);
resource(
  "RouteRule",
  "plugin-bj-to-gz",
  { vpcId: bj.id, destination: "10.0.0.0/16", peeringId: peering.id },
  ["routeId"],
);

if (config.getBoolean("duplicate")) {
  resource(
    "Peering",
    "plugin-gz-bj-again",
    { vpcId: gz.id, peerVpcId: bj.id, name: "again", bandwidthMbps: 100 },
    ["status"],
  );
}

const importedVpcId = config.get("importedVpcId");
if (importedVpcId !== undefined) {
  resource(
    "Vpc",
    "plugin-legacy",
    { name: "legacy", region: "ap-shanghai", cidrs: ["10.5.0.0/16"], cloud: "tencentcloud" },
    ["vpcId"],
  );
}

export const peeringStatus = (peering as unknown as { status: pulumi.Output<string> }).status;
export const peeringId = peering.id;
export const gzVpcId = gz.id;
