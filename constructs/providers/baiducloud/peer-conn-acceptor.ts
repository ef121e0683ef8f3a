/**
 * `baiducloud_peer_conn_acceptor`: accepts (or rejects) a peering in the peer account (seed 001 accept/reject).
 * Arguments from the `Schema:` map of baiducloud/resource_baiducloud_peer_conn_acceptor.go in
 * baidubce/terraform-provider-baiducloud at commit 3bb5b82ffda6c33a8b8b8b965eea844a61b1a386 (v1.23.5).
 */
import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { ArgumentResource } from "../argument-resource.js";
import type { Attributes } from "../attributes.js";

export interface BaiducloudPeerConnAcceptorConfig extends TerraformMetaArguments {
  /** `peer_conn_id` (required, force new). */
  readonly peerConnId: string;
  /** `auto_accept` (optional; conflicts with auto_reject). @default false */
  readonly autoAccept?: boolean;
  /** `auto_reject` (optional; conflicts with auto_accept). @default false */
  readonly autoReject?: boolean;
  /** `dns_sync` (optional). @default false */
  readonly dnsSync?: boolean;
}

export class BaiducloudPeerConnAcceptor extends ArgumentResource<BaiducloudPeerConnAcceptorConfig> {
  static readonly tfResourceType = "baiducloud_peer_conn_acceptor";

  constructor(scope: Construct, id: string, config: BaiducloudPeerConnAcceptorConfig) {
    super(scope, id, BaiducloudPeerConnAcceptor.tfResourceType, "baiducloud", config);
  }

  /** `status` (computed). */
  get status(): string {
    return this.getStringAttribute("status");
  }

  protected terraformArguments(): Attributes {
    const c = this.config;
    return {
      peer_conn_id: c.peerConnId,
      auto_accept: c.autoAccept,
      auto_reject: c.autoReject,
      dns_sync: c.dnsSync,
    };
  }
}
