/**
 * Builds estates on the emulator through each cloud's official client, not through peerlink (issue 14: "build
 * broken estates on the emulator with each cloud's official SDK"): Tencent's CommonClient, Huawei's VpcClient,
 * Baidu's bce-auth-v1 signer over raw BCE v1 requests. Each call that the cloud refuses throws with its code.
 */
import {
  AcceptVpcPeeringRequest,
  CreateSubnetOption,
  CreateSubnetRequest,
  CreateSubnetRequestBody,
  CreateVpcOption,
  CreateVpcPeeringOption,
  CreateVpcPeeringRequest,
  CreateVpcPeeringRequestBody,
  CreateVpcRequest,
  CreateVpcRequestBody,
  CreateVpcRouteOption,
  CreateVpcRouteRequest,
  CreateVpcRouteRequestBody,
  RejectVpcPeeringRequest,
  VpcInfo,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import type { Cloud } from "../../../provider/core/topology-schema.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { bceClient } from "../../emulator/baiducloud/support.js";
import { vpcClient } from "../../emulator/huaweicloud/support.js";
import { tencentClient } from "../../emulator/support.js";

export interface Planter {
  /** Creates a VPC named `name` with one block; answers its cloud id. */
  vpc(account: EmulatorAccount, name: string, cidr: string): Promise<string>;
  /** Requests a peering from `vpc` (of `account`) to `peerVpc` of `peer`; answers its id. */
  peering(
    account: EmulatorAccount,
    vpc: string,
    peer: EmulatorAccount,
    peerVpc: string,
    name: string,
  ): Promise<string>;
  accept(peer: EmulatorAccount, id: string): Promise<void>;
  reject(peer: EmulatorAccount, id: string): Promise<void>;
  route(account: EmulatorAccount, vpc: string, destination: string, peering: string): Promise<void>;
  /** Creates a subnet named `name` in `vpc` (gateway: the block's first host); answers its cloud id. */
  subnet(account: EmulatorAccount, vpc: string, name: string, cidr: string): Promise<string>;
}

/** The first host of an IPv4 block (Huawei asks for the gateway): `10.0.1.0/24` → `10.0.1.1`. */
function firstHost(cidr: string): string {
  const [a, b, c, d] = cidr.split("/")[0]!.split(".").map(Number) as [number, number, number, number];
  return `${a}.${b}.${c}.${d + 1}`;
}

// biome-ignore lint/suspicious/noExplicitAny: wire JSON
type Json = any;

function tencent(url: string, region: string): Planter {
  const call = (account: EmulatorAccount, action: string, params: Record<string, unknown>): Promise<Json> =>
    tencentClient(url, account, region).request(action, params);
  const tables = new Map<string, string>();
  return {
    async vpc(account, name, cidr) {
      const created = await call(account, "CreateVpc", { VpcName: name, CidrBlock: cidr });
      const id = created.Vpc.VpcId as string;
      const found = await call(account, "DescribeRouteTables", {
        Filters: [
          { Name: "vpc-id", Values: [id] },
          { Name: "association.main", Values: ["true"] },
        ],
      });
      tables.set(id, found.RouteTableSet[0].RouteTableId);
      return id;
    },
    async peering(account, vpc, peer, peerVpc, name) {
      const created = await call(account, "CreateVpcPeeringConnection", {
        SourceVpcId: vpc,
        PeeringConnectionName: name,
        DestinationVpcId: peerVpc,
        DestinationUin: peer.id,
        Type: "VPC_PEER",
      });
      return created.PeeringConnectionId as string;
    },
    async accept(peer, id) {
      await call(peer, "AcceptVpcPeeringConnection", { PeeringConnectionId: id });
    },
    async reject(peer, id) {
      await call(peer, "RejectVpcPeeringConnection", { PeeringConnectionId: id });
    },
    async route(account, vpc, destination, peering) {
      await call(account, "CreateRoutes", {
        RouteTableId: tables.get(vpc),
        Routes: [{ DestinationCidrBlock: destination, GatewayType: "PEERCONNECTION", GatewayId: peering }],
      });
    },
    async subnet(account, vpc, name, cidr) {
      const created = await call(account, "CreateSubnet", {
        VpcId: vpc,
        SubnetName: name,
        CidrBlock: cidr,
        Zone: `${region}-3`,
      });
      return created.Subnet.SubnetId as string;
    },
  };
}

function huawei(url: string): Planter {
  const answer = async (pending: Promise<unknown>): Promise<Json> => {
    const res = (await pending) as Json;
    if (res.httpStatusCode >= 400) throw new Error(`Huawei refused: ${JSON.stringify(res)}`);
    return res;
  };
  const client = (account: EmulatorAccount) => vpcClient(url, account, { raw: true });
  return {
    async vpc(account, name, cidr) {
      const res = await answer(
        client(account).createVpc(
          new CreateVpcRequest().withBody(
            new CreateVpcRequestBody().withVpc(new CreateVpcOption().withName(name).withCidr(cidr)),
          ),
        ),
      );
      return res.vpc.id as string;
    },
    async peering(account, vpc, peer, peerVpc, name) {
      const accept = new VpcInfo(peerVpc);
      if (peer.id !== account.id) accept.withTenantId(peer.id);
      const res = await answer(
        client(account).createVpcPeering(
          new CreateVpcPeeringRequest().withBody(
            new CreateVpcPeeringRequestBody().withPeering(
              new CreateVpcPeeringOption()
                .withName(name)
                .withRequestVpcInfo(new VpcInfo(vpc))
                .withAcceptVpcInfo(accept),
            ),
          ),
        ),
      );
      return res.peering.id as string;
    },
    async accept(peer, id) {
      await answer(client(peer).acceptVpcPeering(new AcceptVpcPeeringRequest(id)));
    },
    async reject(peer, id) {
      await answer(client(peer).rejectVpcPeering(new RejectVpcPeeringRequest(id)));
    },
    async route(account, vpc, destination, peering) {
      await answer(
        client(account).createVpcRoute(
          new CreateVpcRouteRequest().withBody(
            new CreateVpcRouteRequestBody().withRoute(
              new CreateVpcRouteOption()
                .withVpcId(vpc)
                .withDestination(destination)
                .withNexthop(peering)
                .withType("peering"),
            ),
          ),
        ),
      );
    },
    async subnet(account, vpc, name, cidr) {
      const res = await answer(
        client(account).createSubnet(
          new CreateSubnetRequest().withBody(
            new CreateSubnetRequestBody().withSubnet(
              new CreateSubnetOption(name, cidr, vpc, firstHost(cidr)),
            ),
          ),
        ),
      );
      return res.subnet.id as string;
    },
  };
}

function baidu(url: string, region: string): Planter {
  const call = async (
    account: EmulatorAccount,
    method: "GET" | "POST" | "PUT",
    path: string,
    params: Record<string, string>,
    body?: unknown,
  ): Promise<Json> => {
    const res = await bceClient(url, account)(method, path, params, body);
    if (res.status >= 400) throw new Error(`Baidu refused ${method} ${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const token = () => ({ clientToken: crypto.randomUUID() });
  const tables = new Map<string, string>();
  return {
    async vpc(account, name, cidr) {
      const { vpcId } = await call(account, "POST", "/v1/vpc", token(), { name, cidr });
      const table = await call(account, "GET", "/v1/route", { vpcId });
      tables.set(vpcId, table.routeTableId);
      return vpcId as string;
    },
    async peering(account, vpc, peer, peerVpc, name) {
      const { peerConnId } = await call(account, "POST", "/v1/peerconn", token(), {
        bandwidthInMbps: 10,
        localVpcId: vpc,
        peerVpcId: peerVpc,
        peerRegion: region,
        localIfName: name,
        ...(peer.id !== account.id ? { peerAccountId: peer.id } : {}),
        billing: { paymentTiming: "Postpaid" },
      });
      return peerConnId as string;
    },
    async accept(peer, id) {
      await call(peer, "PUT", `/v1/peerconn/${encodeURIComponent(id)}`, { accept: "", ...token() });
    },
    async reject(peer, id) {
      await call(peer, "PUT", `/v1/peerconn/${encodeURIComponent(id)}`, { reject: "", ...token() });
    },
    async route(account, vpc, destination, peering) {
      await call(account, "POST", "/v1/route/rule", token(), {
        routeTableId: tables.get(vpc),
        sourceAddress: "0.0.0.0/0",
        destinationAddress: destination,
        nexthopId: peering,
        nexthopType: "peerConn",
      });
    },
    async subnet(account, vpc, name, cidr) {
      const { subnetId } = await call(account, "POST", "/v1/subnet", token(), {
        name,
        zoneName: `cn-${region}-a`,
        cidr,
        vpcId: vpc,
      });
      return subnetId as string;
    },
  };
}

export const REGION: Readonly<Record<Cloud, string>> = {
  tencentcloud: "ap-guangzhou",
  huaweicloud: "cn-north-4",
  baiducloud: "bj",
};

export function planter(cloud: Cloud, url: string): Planter {
  switch (cloud) {
    case "tencentcloud":
      return tencent(url, REGION.tencentcloud);
    case "huaweicloud":
      return huawei(url);
    case "baiducloud":
      return baidu(url, REGION.baiducloud);
  }
}
