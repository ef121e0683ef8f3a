/**
 * What `pulumi import` adopted (test/e2e/pulumi-plugin-import.test.ts), declared as a user writes it: no `cloud`
 * on the VPCs, no `timeoutSeconds`, no route table on the routes (the main one), only what differs from the
 * defaults. The ids of the resources made out of band come from stack config `ids` (JSON). With `cloud: true`
 * the VPCs say `cloud: "tencentcloud"` (the local backend's default cloud) explicitly, which must plan no change
 * either.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const ids = config.requireObject<{ peeringId: string }>("ids");
const explicitCloud = config.getBoolean("cloud") ?? false;

class Resource extends pulumi.CustomResource {}

function resource(type: string, name: string, inputs: pulumi.Inputs) {
  return new Resource(`peerlink:index:${type}`, name, inputs);
}

const cloud = explicitCloud ? { cloud: "tencentcloud" } : {};
const a = resource("Vpc", "imp-a", {
  name: "imp-a",
  region: "ap-guangzhou",
  cidrs: ["10.20.0.0/16"],
  ...cloud,
});
const b = resource("Vpc", "imp-b", {
  name: "imp-b",
  region: "ap-guangzhou",
  cidrs: ["10.21.0.0/16"],
  ...cloud,
});
const peering = resource("Peering", "imp-ab", { vpcId: a.id, peerVpcId: b.id, name: "imp-ab" });
resource("PeeringAcceptance", "imp-ab-accept", { peeringId: ids.peeringId });
resource("RouteRule", "imp-a-to-b", { vpcId: a.id, destination: "10.21.0.0/16", peeringId: peering.id });

export const peeringId = peering.id;
