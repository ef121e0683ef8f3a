/**
 * A cross-account peering request with no PeeringAcceptance: two local accounts in one state file, the requester
 * (200001) asks for a peering to the accepter's (200002) VPC, which stays PENDING until the accepter answers. The
 * e2e test rejects it out of band, as the accepter, to see what refresh and the next `pulumi up` make of it.
 */
import { Peering, Vpc } from "peerlink/pulumi";

export const requesterAccount = "200001";
export const accepterAccount = "200002";

const requester = { kind: "local", account: requesterAccount } as const;
const accepter = { kind: "local", account: accepterAccount } as const;

const app = new Vpc("app", {
  connection: requester,
  name: "app",
  region: "ap-guangzhou",
  cidrs: ["10.20.0.0/16"],
});
const shared = new Vpc("shared", {
  connection: accepter,
  name: "shared",
  region: "ap-guangzhou",
  cidrs: ["10.30.0.0/16"],
});

const peering = new Peering("app-to-shared", {
  connection: requester,
  name: "app-to-shared",
  vpcId: app.vpcId,
  peerVpcId: shared.vpcId,
  peerAccount: accepterAccount,
  // The accepter's VPC is invisible to the requester: its CIDRs let the plan-time checks run anyway.
  peerVpcCidrs: ["10.30.0.0/16"],
});

export const appVpcId = app.vpcId;
export const sharedVpcId = shared.vpcId;
export const peeringId = peering.peeringId;
export const peeringStatus = peering.status;
