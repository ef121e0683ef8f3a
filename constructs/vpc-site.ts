/**
 * A VPC that peerlink constructs peer and route: peerlink does not create VPCs, it takes their description
 * (ids may be tokens such as `tencentcloud_vpc.x.id`). The same object describes the VPC in the synth-time
 * topology, so the CIDRs and route tables must be the real ones.
 */
import type { TerraformProvider } from "cdktf";
import type { Cloud } from "../provider/core/topology-schema.js";

export interface VpcSite {
  /** The cloud's VPC id, or a token for it. */
  readonly vpcId: string;
  readonly cloud: Cloud;
  readonly region: string;
  /** Tencent uin, Huawei project (tenant) id, Baidu account id. */
  readonly account: string;
  /** Primary and secondary CIDR blocks. */
  readonly cidrs: readonly string[];
  /**
   * The IPv6 blocks the cloud assigned the VPC (Huawei and Tencent assign IPv6 themselves; never in `cidrs`):
   * DR constructs route peers to them too where the cloud documents IPv6 peering routes (Huawei), and refuse
   * them elsewhere (IPV6_PEERING_UNSUPPORTED).
   * @default []
   */
  readonly assignedIpv6Cidrs?: readonly string[];
  /**
   * Id of the VPC's main (default) route table, e.g. `tencentcloud_vpc.x.defaultRouteTableId`. Tencent's
   * `tencentcloud_route_table_entry` and Baidu's `baiducloud_route_rule` need a table id for every route; Huawei's
   * `huaweicloud_vpc_route` uses the default table when none is given.
   * @default none (routes in the main table then fail synth on Tencent and Baidu with MAIN_ROUTE_TABLE_ID_REQUIRED)
   */
  readonly mainRouteTableId?: string;
  /**
   * Ids of extra route tables that routes may use (DR constructs route through all of them).
   * @default []
   */
  readonly routeTableIds?: readonly string[];
  /**
   * The VPC's name in validation messages and in the topology.
   * @default vpcId
   */
  readonly name?: string;
  /**
   * The provider for resources in this VPC's account and region (its side of a peering: routes, acceptance).
   * @default a provider block per cloud and region that peerlink adds to the stack (alias = the region), using
   * the credentials of the environment; give one explicitly for a second account.
   */
  readonly provider?: TerraformProvider;
}

/** The VPC's id in the synth-time topology. */
export function vpcTopologyId(site: VpcSite): string {
  return site.name ?? site.vpcId;
}
