/**
 * `baiducloud_peer_conn`: creates the peering (seed 001 createPeerConn). Arguments from the `Schema:` map of
 * baiducloud/resource_baiducloud_peer_conn.go in baidubce/terraform-provider-baiducloud at commit
 * 3bb5b82ffda6c33a8b8b8b965eea844a61b1a386 (v1.23.5). `billing` is a map with `payment_timing` and an optional
 * `reservation` map. No tags and no per-IP limit arguments.
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import { type Attributes, defined } from "../attributes.js";

export interface BaiducloudPeerConnBilling {
  /** `payment_timing`: Prepaid or Postpaid (seed 001 billing.paymentTiming). */
  readonly paymentTiming: string;
  /** `reservation`, for Prepaid. @default none */
  readonly reservation?: {
    /** `reservation_length`: 1-9, 12, 24 or 36. @default 1 */
    readonly reservationLength?: number;
    /** `reservation_time_unit`: month. @default "month" */
    readonly reservationTimeUnit?: string;
  };
}

export interface BaiducloudPeerConnConfig extends TerraformMetaArguments {
  /** `bandwidth_in_mbps` (required). */
  readonly bandwidthInMbps: number;
  /** `local_vpc_id` (required, force new). */
  readonly localVpcId: string;
  /** `peer_vpc_id` (required, force new). */
  readonly peerVpcId: string;
  /** `peer_region` (required, force new). */
  readonly peerRegion: string;
  /** `peer_account_id` (optional, force new): only for a cross-account peering. @default own account */
  readonly peerAccountId?: string;
  /** `billing` (required). */
  readonly billing: BaiducloudPeerConnBilling;
  /** `description` (optional). @default none */
  readonly description?: string;
  /** `local_if_name` (optional). @default computed */
  readonly localIfName?: string;
  /** `peer_if_name` (optional): same account only. @default none */
  readonly peerIfName?: string;
  /** `dns_sync` (optional). @default false */
  readonly dnsSync?: boolean;
}

export class BaiducloudPeerConn extends ArgumentResource<BaiducloudPeerConnConfig> {
  static readonly tfResourceType = "baiducloud_peer_conn";

  constructor(scope: Construct, id: string, config: BaiducloudPeerConnConfig) {
    super(scope, id, BaiducloudPeerConn.tfResourceType, "baiducloud", config);
  }

  /** `status` (computed). */
  get status(): string {
    return this.getStringAttribute("status");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    const reservation = c.billing.reservation;
    return {
      bandwidth_in_mbps: c.bandwidthInMbps,
      local_vpc_id: c.localVpcId,
      peer_vpc_id: c.peerVpcId,
      peer_region: c.peerRegion,
      peer_account_id: c.peerAccountId,
      billing: defined({
        payment_timing: c.billing.paymentTiming,
        reservation: reservation
          ? defined({
              reservation_length: reservation.reservationLength,
              reservation_time_unit: reservation.reservationTimeUnit,
            })
          : undefined,
      }),
      description: c.description,
      local_if_name: c.localIfName,
      peer_if_name: c.peerIfName,
      dns_sync: c.dnsSync,
    };
  }
}
