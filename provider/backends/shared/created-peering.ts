/**
 * A peering a create has just made, known from the request and the id the create answered, for a cloud whose
 * create answers nothing else (Tencent CreateVpcPeeringConnection, Baidu "Create Peer Connection"): the backend
 * returns it without reading the peering back.
 */
import type { ChargeType, Cloud, ServiceLevel } from "../../core/index.js";
import { type CreatePeeringInput, initialStatus, type PeeringInfo } from "../backend.js";
import { expiryOf } from "./expiry.js";

/** What the request alone does not say, or says the cloud's own way. */
export interface CreatedPeeringFacts {
  readonly cloud: Cloud;
  readonly account: string;
  readonly region: string;
  readonly peerAccount: string;
  readonly peerRegion: string;
  readonly bandwidthMbps: number | undefined;
  readonly chargeType: ChargeType | undefined;
  readonly serviceLevel: ServiceLevel | undefined;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  /** The client's clock in ms; the creation time is kept to the second, as the clouds' answers give it. */
  readonly now: number;
  /** Whether the cloud's answers carry an expiry (./expiry.ts); Tencent's do not. */
  readonly reportsExpiry: boolean;
  readonly createToken?: string;
}

export function createdPeering(
  id: string,
  input: CreatePeeringInput,
  facts: CreatedPeeringFacts,
): PeeringInfo {
  const status = initialStatus(facts.account, facts.peerAccount);
  const createdAt = new Date(Math.floor(facts.now / 1000) * 1000).toISOString();
  return {
    id,
    name: input.name,
    description: facts.description,
    cloud: facts.cloud,
    vpcId: input.vpcId,
    region: facts.region,
    account: facts.account,
    peerVpcId: input.peerVpcId,
    peerRegion: facts.peerRegion,
    peerAccount: facts.peerAccount,
    status,
    bandwidthMbps: facts.bandwidthMbps,
    chargeType: facts.chargeType,
    serviceLevel: facts.serviceLevel,
    dnsSync: false,
    tags: facts.tags,
    createdAt,
    updatedAt: createdAt,
    expiresAt: facts.reportsExpiry ? expiryOf(facts.cloud, status, createdAt) : undefined,
    ...(facts.createToken === undefined ? {} : { createToken: facts.createToken }),
  };
}
