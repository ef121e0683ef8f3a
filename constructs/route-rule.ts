/**
 * A route through a peering, in one route table of one of its two VPCs, mapped onto
 * tencentcloud_route_table_entry (next_type PEERCONNECTION), huaweicloud_vpc_route (type peering) or
 * baiducloud_route_rule (next_hop_type peerConn). It runs with the provider of its own VPC, and waits for the
 * peering's acceptance when there is one (seed 000: routes are the last step, after acceptance).
 */
import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud, RouteSpec } from "../provider/core/topology-schema.js";
import { ROUTE_RULE_KEYS } from "./argument-keys.js";
import type { PeeringLike } from "./peering-like.js";
import { PeerlinkConstruct } from "./peerlink-construct.js";
import { BaiducloudRouteRule } from "./providers/baiducloud/route-rule.js";
import { HuaweicloudVpcRoute } from "./providers/huaweicloud/vpc-route.js";
import { TencentcloudRouteTableEntry } from "./providers/tencentcloud/route-table-entry.js";
import { type TopologyBuilder, unresolvedFields } from "./validation/topology-builder.js";
import type { VpcSite } from "./vpc-site.js";

export interface RouteRuleProps {
  /** Must be the VPC's and the peering's cloud. */
  readonly cloud: Cloud;
  /** The VPC whose route table gets the route: one of the peering's two VPCs. */
  readonly vpc: VpcSite;
  /** The next hop: a Peering of this stack, or an ExistingPeering it accepts. */
  readonly peering: PeeringLike;
  /** A block inside the peer VPC (peering is not transitive, seed 000). */
  readonly destination: string;
  /**
   * The route table.
   * @default the VPC's main route table (`vpc.mainRouteTableId`; Huawei: the default table)
   */
  readonly routeTableId?: string;
  /** @default none */
  readonly description?: string;
  /**
   * Baidu only: the rule's source block (`source_address`).
   * @default "0.0.0.0/0" (any source in the VPC)
   */
  readonly sourceAddress?: string;
}

export class RouteRule extends PeerlinkConstruct {
  readonly props: RouteRuleProps;
  /** TencentcloudRouteTableEntry, HuaweicloudVpcRoute or BaiducloudRouteRule. */
  readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: RouteRuleProps) {
    super(scope, id, props, ROUTE_RULE_KEYS, "RouteRule");
    this.props = props;
    this.checkCloud(`VPC "${props.vpc.name ?? props.vpc.vpcId}"`, props.vpc.cloud);
    this.checkCloud(`peering "${props.peering.name}"`, props.peering.cloud);
    const provider = this.providerFor(props.vpc);
    const tableId = props.routeTableId ?? props.vpc.mainRouteTableId;
    const dependsOn = props.peering.acceptanceResource ? [props.peering.acceptanceResource] : undefined;
    if (tableId === undefined && props.cloud !== "huaweicloud")
      this.addProblem({
        code: "MAIN_ROUTE_TABLE_ID_REQUIRED",
        message: `The route to ${props.destination} goes to the main route table of VPC "${props.vpc.name ?? props.vpc.vpcId}", but its id is not known: ${props.cloud === "tencentcloud" ? "tencentcloud_route_table_entry" : "baiducloud_route_rule"} needs route_table_id.`,
        fix: "Set mainRouteTableId on the VpcSite (e.g. tencentcloud_vpc's default_route_table_id), or give routeTableId.",
      });
    switch (props.cloud) {
      case "tencentcloud":
        this.resource = new TencentcloudRouteTableEntry(this, "Resource", {
          provider,
          dependsOn,
          routeTableId: tableId ?? "",
          destinationCidrBlock: props.destination,
          nextType: "PEERCONNECTION",
          nextHub: props.peering.peeringId,
          description: props.description,
        });
        break;
      case "huaweicloud":
        this.resource = new HuaweicloudVpcRoute(this, "Resource", {
          provider,
          dependsOn,
          region: props.vpc.region,
          vpcId: props.vpc.vpcId,
          destination: props.destination,
          type: "peering",
          nexthop: props.peering.peeringId,
          description: props.description,
          routeTableId: tableId,
        });
        break;
      case "baiducloud":
        this.resource = new BaiducloudRouteRule(this, "Resource", {
          provider,
          dependsOn,
          routeTableId: tableId ?? "",
          sourceAddress: props.sourceAddress ?? "0.0.0.0/0",
          destinationAddress: props.destination,
          nextHopType: "peerConn",
          nextHopId: props.peering.peeringId,
          description: props.description,
        });
        break;
    }
    props.peering.routeResources.push(this.resource);
  }

  contribute(builder: TopologyBuilder): void {
    const { vpc, peering, routeTableId } = this.props;
    const vpcId = builder.vpc(this, vpc, "vpc");
    const peeringId = builder.peeringIdOf(peering);
    // A peer's IPv6 block known only at apply is checked as the placeholder the planner routes.
    const destination = builder.deferredDestination(this.props.destination) ?? this.props.destination;
    const unresolved = unresolvedFields({ destination });
    if (vpcId === undefined || peeringId === undefined || unresolved.length > 0) {
      if (unresolved.length > 0) builder.skip(this, `${unresolved.join(", ")} not known until apply`);
      else if (peeringId === undefined && vpcId !== undefined)
        builder.skip(this, `its peering ${peering.node.path} was not validated`);
      builder.incomplete(peering);
      return;
    }
    const inMain = routeTableId === undefined || routeTableId === vpc.mainRouteTableId;
    const spec: RouteSpec = {
      vpc: vpcId,
      ...(inMain ? {} : { routeTable: routeTableId }),
      destination,
      peering: peeringId,
      ...(this.props.description !== undefined ? { description: this.props.description } : {}),
    };
    builder.route(this, spec);
  }
}
