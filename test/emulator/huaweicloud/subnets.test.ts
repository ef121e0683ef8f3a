/**
 * The emulator's Huawei v1 subnet API driven by the official VpcClient (@huaweicloud/huaweicloud-sdk-vpc
 * createSubnet / showSubnet / listSubnets / deleteSubnet): the SDK decodes the answers (CreateSubnetResponse,
 * ShowSubnetResponse, ListSubnetsResponse: a Subnet with the reference's fields), and the refusals come in the v1
 * shape `{"code", "message"}` with Huawei's codes (error-code page vpc_api_0003: VPC.0203, VPC.0212, VPC.0201,
 * VPC.0207, VPC.0104).
 */
import {
  CreateSubnetOption,
  CreateSubnetRequest,
  CreateSubnetRequestBody,
  CreateVpcOption,
  CreateVpcRequest,
  CreateVpcRequestBody,
  DeleteSubnetRequest,
  DeleteVpcRequest,
  ListSubnetsRequest,
  ShowSubnetRequest,
  type VpcClient,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { rawBody, vpcClient, type WireVpc } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];

/** The v1 subnet on the wire (v2/model Subnet keeps its snake_case fields private). */
interface WireSubnet {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly cidr: string;
  readonly gateway_ip: string;
  readonly ipv6_enable: boolean;
  readonly cidr_v6: string;
  readonly gateway_ip_v6: string;
  readonly dhcp_enable: boolean;
  readonly vpc_id: string;
  readonly status: string;
  readonly neutron_network_id: string;
  readonly neutron_subnet_id: string;
  readonly neutron_subnet_id_v6: string;
  readonly tenant_id: string;
  readonly created_at: string;
}

let server: RunningEmulator;
let a: VpcClient;
let aRaw: VpcClient;
let bRaw: VpcClient;

beforeEach(async () => {
  server = await startTestEmulator(huaweicloudHandler);
  a = vpcClient(server.url, A);
  aRaw = vpcClient(server.url, A, { raw: true });
  bRaw = vpcClient(server.url, B, { raw: true });
});
afterEach(() => server.close());

async function createVpc(client: VpcClient, cidr: string): Promise<WireVpc> {
  const res = await client.createVpc(
    new CreateVpcRequest().withBody(
      new CreateVpcRequestBody().withVpc(new CreateVpcOption().withName("v").withCidr(cidr)),
    ),
  );
  return (res as unknown as { vpc: WireVpc }).vpc;
}

function subnetRequest(
  vpcId: string,
  cidr: string,
  gateway: string,
  extra?: (o: CreateSubnetOption) => void,
) {
  const option = new CreateSubnetOption("s", cidr, vpcId, gateway);
  extra?.(option);
  return new CreateSubnetRequest().withBody(new CreateSubnetRequestBody().withSubnet(option));
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("Huawei v1 subnets through the official SDK", () => {
  it("creates, shows, lists and deletes, with the reference's fields", async () => {
    const vpc = await createVpc(a, "10.0.0.0/16");
    const created = await a.createSubnet(
      subnetRequest(vpc.id, "10.0.1.0/24", "10.0.1.1", (o) =>
        o.withIpv6Enable(true).withDescription("db tier"),
      ),
    );
    expect(created.httpStatusCode).toBe(200);
    const subnet = (created as unknown as { subnet: WireSubnet }).subnet;
    expect(subnet).toMatchObject({
      name: "s",
      description: "db tier",
      cidr: "10.0.1.0/24",
      gateway_ip: "10.0.1.1",
      ipv6_enable: true,
      dhcp_enable: true,
      vpc_id: vpc.id,
      status: "ACTIVE",
      tenant_id: A.id,
      neutron_network_id: subnet.id,
      primary_dns: "",
      dnsList: [],
      extra_dhcp_opts: [],
    });
    expect(subnet.id).toMatch(UUID);
    expect(subnet.neutron_subnet_id).toMatch(UUID);
    expect(subnet.neutron_subnet_id_v6).toMatch(UUID);
    expect(subnet.cidr_v6).toMatch(/::\/64$/);
    expect(subnet.gateway_ip_v6).toBe(subnet.cidr_v6.replace("::/64", "::1"));
    expect(subnet.created_at).toMatch(TIME);

    const shown = await a.showSubnet(new ShowSubnetRequest(subnet.id));
    expect(shown.httpStatusCode).toBe(200);
    expect((shown as unknown as { subnet: WireSubnet }).subnet).toEqual(subnet);

    const plain = (
      (await a.createSubnet(subnetRequest(vpc.id, "10.0.2.0/24", "10.0.2.1"))) as unknown as {
        subnet: WireSubnet;
      }
    ).subnet;
    expect(plain).toMatchObject({
      ipv6_enable: false,
      cidr_v6: "",
      gateway_ip_v6: "",
      neutron_subnet_id_v6: "",
    });

    const listed = await a.listSubnets(new ListSubnetsRequest().withVpcId(vpc.id));
    const ids = (listed as unknown as { subnets: WireSubnet[] }).subnets.map((s) => s.id);
    expect(ids).toEqual([subnet.id, plain.id]);
    const paged = await a.listSubnets(
      new ListSubnetsRequest().withVpcId(vpc.id).withLimit(1).withMarker(subnet.id),
    );
    expect((paged as unknown as { subnets: WireSubnet[] }).subnets.map((s) => s.id)).toEqual([plain.id]);
    const everything = await a.listSubnets(new ListSubnetsRequest());
    expect((everything as unknown as { subnets: WireSubnet[] }).subnets).toHaveLength(2);

    const deleted = await a.deleteSubnet(new DeleteSubnetRequest(vpc.id, plain.id));
    expect(deleted.httpStatusCode).toBe(204);
    const after = await a.listSubnets(new ListSubnetsRequest().withVpcId(vpc.id));
    expect((after as unknown as { subnets: WireSubnet[] }).subnets.map((s) => s.id)).toEqual([subnet.id]);
  });

  it("refuses in the v1 shape with Huawei's codes", async () => {
    const vpc = await createVpc(a, "10.0.0.0/16");
    const outside = rawBody(await aRaw.createSubnet(subnetRequest(vpc.id, "10.9.0.0/24", "10.9.0.1")));
    expect(outside).toMatchObject({ httpStatusCode: 400, code: "VPC.0203" });
    expect(outside.message).toContain("10.9.0.0/24");
    const small = rawBody(await aRaw.createSubnet(subnetRequest(vpc.id, "10.0.1.0/29", "10.0.1.1")));
    expect(small).toMatchObject({ httpStatusCode: 400, code: "VPC.0212" });
    const gateway = rawBody(await aRaw.createSubnet(subnetRequest(vpc.id, "10.0.1.0/24", "10.0.2.1")));
    expect(gateway).toMatchObject({ httpStatusCode: 400, code: "VPC.0201" });
    expect(gateway.message).toContain("10.0.2.1");
    const dns = rawBody(
      await aRaw.createSubnet(
        subnetRequest(vpc.id, "10.0.1.0/24", "10.0.1.1", (o) => o.withPrimaryDns("8.8.8.8")),
      ),
    );
    expect(dns).toMatchObject({ httpStatusCode: 400, code: "VPC.0101" });
    expect(dns.message).toContain("primary_dns");

    const made = (
      (await a.createSubnet(subnetRequest(vpc.id, "10.0.1.0/24", "10.0.1.1"))) as unknown as {
        subnet: WireSubnet;
      }
    ).subnet;
    const other = await createVpc(a, "10.5.0.0/16");
    const wrongVpc = rawBody(await aRaw.deleteSubnet(new DeleteSubnetRequest(other.id, made.id)));
    expect(wrongVpc).toMatchObject({ httpStatusCode: 400, code: "VPC.0207" });
    const hidden = rawBody(await bRaw.showSubnet(new ShowSubnetRequest(made.id)));
    expect(hidden).toMatchObject({ httpStatusCode: 404, code: "VPC.0202" });
    const inUse = rawBody(await aRaw.deleteVpc(new DeleteVpcRequest(vpc.id)));
    expect(inUse).toMatchObject({ httpStatusCode: 409, code: "VPC.0104" });
    expect(inUse.message).toContain(made.id);
  });
});
