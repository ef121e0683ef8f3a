/**
 * The embedded `local` backend: a SQLite state engine with the clouds' semantics (seeds 000-004), the default
 * backend of every peerlink resource and the model behind the emulator server.
 *
 * The machinery is apart from the resources, as in moto's `ec2/models/`: engine.ts owns the file and its
 * transactions, authorization.ts says who may see and act on what, and each kind's operations are in their own
 * module (vpcs.ts, route-tables.ts, subnets.ts, peerings.ts, routes.ts, bandwidth-limits.ts). `LocalBackend` is a session:
 * it adds the simulated latency and hands each call, with itself as the context (engine and account), to its
 * kind's module.
 */

import { setTimeout as delay } from "node:timers/promises";
import type {
  Backend,
  BackendCapabilities,
  BandwidthLimitInfo,
  CreatePeeringInput,
  CreateRouteInput,
  CreateSubnetInput,
  CreateVpcInput,
  ModifyPeeringInput,
  Page,
  PageResult,
  PeeringFilter,
  PeeringInfo,
  RouteInfo,
  RouteTableInfo,
  SetBandwidthLimitInput,
  SubnetInfo,
  VpcInfo,
} from "../backend.js";
import { BACKEND_CAPABILITIES } from "../capabilities.js";
import * as bandwidthLimits from "./bandwidth-limits.js";
import { LocalStateEngine, type LocalStateOptions, type SessionContext } from "./engine.js";
import * as peerings from "./peerings.js";
import * as routeTables from "./route-tables.js";
import * as routes from "./routes.js";
import * as subnets from "./subnets.js";
import * as vpcs from "./vpcs.js";

export { LocalStateEngine, type LocalStateOptions } from "./engine.js";

/** Opens the state file and returns a session for `account` that closes the file when it is closed. */
export function openLocalBackend(
  options: LocalStateOptions & { readonly account?: string } = {},
): LocalBackend {
  const engine = LocalStateEngine.open(options);
  const account = options.account ?? process.env.PEERLINK_ACCOUNT ?? "local";
  const session = engine.session(account);
  return new LocalBackend(engine, session.account, true);
}

export class LocalBackend implements Backend, SessionContext {
  readonly kind = "local";
  readonly account: string;
  readonly engine: LocalStateEngine;
  readonly #ownsEngine: boolean;

  /** Use `engine.session(account)` or `openLocalBackend()`; the engine is shared, `ownsEngine` closes it. */
  constructor(engine: LocalStateEngine, account: string, ownsEngine: boolean) {
    this.engine = engine;
    this.account = account;
    this.#ownsEngine = ownsEngine;
  }

  capabilities(): BackendCapabilities {
    return BACKEND_CAPABILITIES.local;
  }

  async close(): Promise<void> {
    if (this.#ownsEngine) this.engine.close();
  }

  // ---------------------------------------------------------------- VPCs and route tables

  /** Also takes the description of protocols whose VPCs have one (vpcs.ts EngineCreateVpcInput). */
  async createVpc(input: CreateVpcInput & { readonly description?: string }): Promise<VpcInfo> {
    await this.#latency();
    return vpcs.createVpc(this, input);
  }

  /** The description the VPC was created with ("" when none); not part of VpcInfo. NOT_FOUND as describeVpc. */
  async vpcDescription(id: string): Promise<string> {
    await this.#latency();
    return vpcs.vpcDescription(this, id);
  }

  async describeVpc(id: string): Promise<VpcInfo> {
    await this.#latency();
    return vpcs.describeVpc(this, id);
  }

  async listVpcs(): Promise<readonly VpcInfo[]> {
    await this.#latency();
    return vpcs.listVpcs(this);
  }

  async deleteVpc(id: string): Promise<void> {
    await this.#latency();
    vpcs.deleteVpc(this, id);
  }

  async setSecondaryCidrs(vpcId: string, secondary: readonly string[]): Promise<VpcInfo> {
    await this.#latency();
    return vpcs.setSecondaryCidrs(this, vpcId, secondary);
  }

  async createRouteTable(vpcId: string, name: string): Promise<RouteTableInfo> {
    await this.#latency();
    return routeTables.createRouteTable(this, vpcId, name);
  }

  async listRouteTables(vpcId: string): Promise<readonly RouteTableInfo[]> {
    await this.#latency();
    return routeTables.listRouteTables(this, vpcId);
  }

  /**
   * One route table by id (not part of Backend: no cloud answers a table alone the same way). The emulator's
   * protocols look a table up with it instead of reading every VPC of the account.
   */
  async describeRouteTable(id: string): Promise<RouteTableInfo> {
    await this.#latency();
    return routeTables.describeRouteTable(this, id);
  }

  // ---------------------------------------------------------------- subnets

  async createSubnet(input: CreateSubnetInput): Promise<SubnetInfo> {
    await this.#latency();
    return subnets.createSubnet(this, input);
  }

  async describeSubnet(id: string): Promise<SubnetInfo> {
    await this.#latency();
    return subnets.describeSubnet(this, id);
  }

  /** The description the subnet was created with ("" when none); not part of SubnetInfo. NOT_FOUND as describeSubnet. */
  async subnetDescription(id: string): Promise<string> {
    await this.#latency();
    return subnets.subnetDescription(this, id);
  }

  async listSubnets(vpcId: string): Promise<readonly SubnetInfo[]> {
    await this.#latency();
    return subnets.listSubnets(this, vpcId);
  }

  async deleteSubnet(id: string): Promise<void> {
    await this.#latency();
    subnets.deleteSubnet(this, id);
  }

  // ---------------------------------------------------------------- peerings

  async createPeering(input: CreatePeeringInput): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.createPeering(this, input);
  }

  async describePeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.describePeering(this, id);
  }

  async listPeerings(filter: PeeringFilter = {}, page: Page = {}): Promise<PageResult<PeeringInfo>> {
    await this.#latency();
    return peerings.listPeerings(this, filter, page);
  }

  async acceptPeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.acceptPeering(this, id);
  }

  async rejectPeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.rejectPeering(this, id);
  }

  async modifyPeering(id: string, changes: ModifyPeeringInput): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.modifyPeering(this, id, changes);
  }

  async enablePeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return peerings.enablePeering(this, id);
  }

  async deletePeering(id: string): Promise<void> {
    await this.#latency();
    peerings.deletePeering(this, id);
  }

  // ---------------------------------------------------------------- routes

  async createRoute(input: CreateRouteInput): Promise<RouteInfo> {
    await this.#latency();
    return routes.createRoute(this, input);
  }

  async deleteRoute(id: string): Promise<void> {
    await this.#latency();
    routes.deleteRoute(this, id);
  }

  async listRoutes(routeTableId: string): Promise<readonly RouteInfo[]> {
    await this.#latency();
    return routes.listRoutes(this, routeTableId);
  }

  /** One route by id (not part of Backend, as describeRouteTable): the emulator's Huawei v2.0 route reads use it. */
  async describeRoute(id: string): Promise<RouteInfo> {
    await this.#latency();
    return routes.describeRoute(this, id);
  }

  // ---------------------------------------------------------------- per-IP bandwidth limits

  async setBandwidthLimit(peeringId: string, input: SetBandwidthLimitInput): Promise<BandwidthLimitInfo> {
    await this.#latency();
    return bandwidthLimits.setBandwidthLimit(this, peeringId, input);
  }

  async listBandwidthLimits(peeringId: string): Promise<readonly BandwidthLimitInfo[]> {
    await this.#latency();
    return bandwidthLimits.listBandwidthLimits(this, peeringId);
  }

  async removeBandwidthLimit(peeringId: string, ip: string): Promise<void> {
    await this.#latency();
    bandwidthLimits.removeBandwidthLimit(this, peeringId, ip);
  }

  async #latency(): Promise<void> {
    const ms = this.engine.options.latencyMs ?? 0;
    if (ms > 0) await delay(ms);
  }
}
