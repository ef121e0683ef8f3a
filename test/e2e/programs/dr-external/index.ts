/**
 * One side of a cross-account TwoRegionDr on the local backend, as two teams run it, each in its own stack and
 * account: `peerlinkE2e:side` = "requester" (account 200001) requests the peering and routes its side only
 * (requesterOnly); "accepter" (account 200002) accepts the peering `peerlinkE2e:peeringId` and routes its side
 * only (existingPeeringId). The two VPCs exist already (each team's own); their ids come from stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { TwoRegionDr } from "peerlink/pulumi";

const config = new pulumi.Config("peerlinkE2e");
const side = config.require("side") as "requester" | "accepter";
const requester = { kind: "local", account: "200001" } as const;
const accepter = { kind: "local", account: "200002" } as const;

const dr = new TwoRegionDr(`dr-${side}`, {
  peeringName: "app-to-shared",
  primary: {
    vpc: config.require("appVpcId"),
    name: "app",
    region: "ap-guangzhou",
    cidrs: ["10.20.0.0/16"],
    account: requester.account,
    connection: requester,
  },
  standby: {
    vpc: config.require("sharedVpcId"),
    name: "shared",
    region: "ap-beijing",
    cidrs: ["10.30.0.0/16"],
    account: accepter.account,
    connection: accepter,
    // The shared-services team lets the app reach one subnet only.
    ...(side === "accepter" ? { routing: { routes: ["10.20.5.0/24"] } } : {}),
  },
  ...(side === "requester"
    ? { requesterOnly: true, bandwidthMbps: 10, timeoutSeconds: config.requireNumber("timeoutSeconds") }
    : { existingPeeringId: config.require("peeringId") }),
});

export const peeringId = dr.peeringId;
export const status = dr.status;
export const routes = dr.description.routes;
