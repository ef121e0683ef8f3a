/**
 * The v3 VPC APIs on the emulator's Huawei protocol, through the official SDK's v3 VpcClient
 * (@huaweicloud/huaweicloud-sdk-vpc 3.1.173 v3/VpcClient.js): addVpcExtendCidr / removeVpcExtendCidr
 * (`PUT /v3/{project_id}/vpc/vpcs/{vpc_id}/add-extend-cidr` and `.../remove-extend-cidr`, body
 * `{"vpc": {"extend_cidrs": [...]}}`), showVpc and listVpcs (v3/model Vpc with `cidr` and `extend_cidrs`), the v3
 * error body `{"request_id", "error_msg", "error_code"}` (vpc_apiv3_0007 / vpc_apiv3_0008), and the v1 VPC still
 * showing only its primary `cidr`.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import {
  CreateVpcOption,
  CreateVpcPeeringOption,
  CreateVpcPeeringRequest,
  CreateVpcPeeringRequestBody,
  CreateVpcRequest,
  CreateVpcRequestBody,
  type VpcClient as V1Client,
  ShowVpcRequest as V1ShowVpcRequest,
  VpcInfo,
  v3,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { sdkError, vpcClient, type WireVpc } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];

/** The v3 Vpc as it arrives (the SDK keeps snake_case fields private in its classes; the JSON is what arrives). */
interface WireVpcV3 {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly extend_cidrs: readonly string[];
  readonly status: string;
  readonly project_id: string;
  readonly created_at: string;
  readonly cloud_resources: readonly { resource_type: string; resource_count: number }[];
}
interface V3Answer {
  readonly httpStatusCode?: number;
  readonly request_id?: string;
  readonly vpc?: WireVpcV3;
  readonly vpcs?: WireVpcV3[];
  readonly error_code?: string;
  readonly error_msg?: string;
  readonly code?: string;
}

function v3Client(endpoint: string, account: EmulatorAccount, raw = false, projectId = account.id) {
  const credentials = new BasicCredentials()
    .withAk(account.secretId)
    .withSk(account.secretKey)
    .withProjectId(projectId);
  const builder = v3.VpcClient.newBuilder().withCredential(credentials).withEndpoint(endpoint);
  if (raw) builder.withOptions({ axiosRequestConfig: { validateStatus: () => true } });
  return builder.build();
}

const addRequest = (vpcId: string, blocks: string[]) =>
  new v3.AddVpcExtendCidrRequest(vpcId).withBody(
    new v3.AddVpcExtendCidrRequestBody().withVpc(new v3.AddExtendCidrOption(blocks)),
  );
const removeRequest = (vpcId: string, blocks: string[]) =>
  new v3.RemoveVpcExtendCidrRequest(vpcId).withBody(
    new v3.RemoveVpcExtendCidrRequestBody().withVpc(new v3.RemoveExtendCidrOption(blocks)),
  );

const REQUEST_ID = /^[0-9a-f]{32}$/;

describe("add/remove-extend-cidr and the v3 VPC reads on the Huawei emulator", () => {
  let server: RunningEmulator;
  let a: v3.VpcClient;
  let aRaw: v3.VpcClient;
  let a1: V1Client;
  let next = 0;

  /** A VPC of A's with primary `primary`, made through the v1 create. */
  const vpc = async (primary: string, client = a1): Promise<string> => {
    const res = await client.createVpc(
      new CreateVpcRequest().withBody(
        new CreateVpcRequestBody().withVpc(new CreateVpcOption().withName(`v${++next}`).withCidr(primary)),
      ),
    );
    return (res as unknown as { vpc: WireVpc }).vpc.id;
  };
  const show = async (id: string, client = a): Promise<WireVpcV3> =>
    ((await client.showVpc(new v3.ShowVpcRequest(id))) as unknown as V3Answer).vpc as WireVpcV3;
  const raw = async (call: Promise<unknown>): Promise<V3Answer> => (await call) as V3Answer;

  beforeAll(async () => {
    server = await startTestEmulator(huaweicloudHandler);
    a = v3Client(server.url, A);
    aRaw = v3Client(server.url, A, true);
    a1 = vpcClient(server.url, A);
  });
  afterAll(async () => {
    await server.close();
  });

  it("addVpcExtendCidr answers request_id and the v3 Vpc with the new blocks; showVpc shows them", async () => {
    const id = await vpc("10.100.0.0/16");
    const answer = await raw(a.addVpcExtendCidr(addRequest(id, ["100.64.0.0/16", "192.168.8.0/24"])));
    expect(answer.httpStatusCode).toBe(200);
    expect(answer.request_id).toMatch(REQUEST_ID);
    expect(answer.vpc).toMatchObject({
      id,
      cidr: "10.100.0.0/16",
      extend_cidrs: ["100.64.0.0/16", "192.168.8.0/24"],
      status: "ACTIVE",
      project_id: A.id,
      cloud_resources: [{ resource_type: "routetable", resource_count: 1 }],
    });
    expect((answer.vpc as WireVpcV3).created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(await show(id)).toEqual(answer.vpc);
  });

  it("the v1 VPC still shows only the primary cidr; the v3 list shows the extend CIDRs", async () => {
    const id = await vpc("10.101.0.0/16");
    await a.addVpcExtendCidr(addRequest(id, ["172.17.0.0/16"]));
    const v1 = (await a1.showVpc(new V1ShowVpcRequest(id))) as unknown as { vpc: Record<string, unknown> };
    expect(v1.vpc.cidr).toBe("10.101.0.0/16");
    expect(v1.vpc).not.toHaveProperty("extend_cidrs");
    const list = await raw(a.listVpcs(new v3.ListVpcsRequest().withId([id])));
    expect(list.vpcs?.map((v) => [v.id, v.cidr, v.extend_cidrs])).toEqual([
      [id, "10.101.0.0/16", ["172.17.0.0/16"]],
    ]);
  });

  it("removeVpcExtendCidr removes just the blocks named and answers the Vpc", async () => {
    const id = await vpc("10.102.0.0/16");
    await a.addVpcExtendCidr(addRequest(id, ["172.18.0.0/16", "172.19.0.0/16", "172.20.0.0/16"]));
    const answer = await raw(a.removeVpcExtendCidr(removeRequest(id, ["172.18.0.0/16", "172.20.0.0/16"])));
    expect(answer.request_id).toMatch(REQUEST_ID);
    expect(answer.vpc?.extend_cidrs).toEqual(["172.19.0.0/16"]);
    expect((await show(id)).extend_cidrs).toEqual(["172.19.0.0/16"]);
  });

  it("refuses a block overlapping the primary or one the VPC has (400 VPC.ExtendCidrInvalid), all-or-nothing", async () => {
    const id = await vpc("10.103.0.0/16");
    await a.addVpcExtendCidr(addRequest(id, ["172.21.0.0/16"]));
    for (const blocks of [
      ["10.103.128.0/17"],
      ["172.21.0.0/16"],
      ["10.103.0.0/16"],
      ["172.22.0.0/16", "172.21.4.0/24"],
    ]) {
      const answer = await raw(aRaw.addVpcExtendCidr(addRequest(id, blocks)));
      expect(answer.httpStatusCode).toBe(400);
      expect(answer).toMatchObject({
        error_code: "VPC.ExtendCidrInvalid",
        request_id: expect.stringMatching(REQUEST_ID),
      });
      expect(answer.error_msg).toBeTruthy();
    }
    // 172.22.0.0/16 of the refused last batch is not there.
    expect((await show(id)).extend_cidrs).toEqual(["172.21.0.0/16"]);
  });

  it("refuses malformed, host-bit and IPv6 blocks and a block listed twice (VPC.ExtendCidrInvalid)", async () => {
    const id = await vpc("10.104.0.0/16");
    for (const blocks of [
      ["not-a-cidr"],
      ["172.23.0.1/16"],
      ["fd00:1::/64"],
      ["172.23.0.0/16", "172.23.0.0/16"],
    ]) {
      const answer = await raw(aRaw.addVpcExtendCidr(addRequest(id, blocks)));
      expect([answer.httpStatusCode, answer.error_code]).toEqual([400, "VPC.ExtendCidrInvalid"]);
    }
    expect((await show(id)).extend_cidrs).toEqual([]);
  });

  it("refuses removing the primary or a block the VPC does not have (400 VPC.0101), changing nothing", async () => {
    const id = await vpc("10.105.0.0/16");
    await a.addVpcExtendCidr(addRequest(id, ["172.24.0.0/16"]));
    for (const blocks of [["10.105.0.0/16"], ["172.25.0.0/16"], ["172.24.0.0/16", "172.25.0.0/16"]]) {
      const answer = await raw(aRaw.removeVpcExtendCidr(removeRequest(id, blocks)));
      expect([answer.httpStatusCode, answer.error_code]).toEqual([400, "VPC.0101"]);
      expect(answer.error_msg).toContain(blocks.at(-1) as string);
    }
    expect((await show(id)).extend_cidrs).toEqual(["172.24.0.0/16"]);
  });

  it("refuses a block overlapping a live peer's CIDR (400 VPC.ExtendCidrOverlapsPeer)", async () => {
    const b1 = vpcClient(server.url, B);
    const x = await vpc("10.106.0.0/16");
    const y = await vpc("10.107.0.0/16", b1);
    await a1.createVpcPeering(
      new CreateVpcPeeringRequest().withBody(
        new CreateVpcPeeringRequestBody().withPeering(
          new CreateVpcPeeringOption()
            .withName("x-y")
            .withRequestVpcInfo(new VpcInfo(x))
            .withAcceptVpcInfo(new VpcInfo(y).withTenantId(B.id)),
        ),
      ),
    );
    const answer = await raw(aRaw.addVpcExtendCidr(addRequest(x, ["10.107.64.0/18"])));
    expect([answer.httpStatusCode, answer.error_code]).toEqual([400, "VPC.ExtendCidrOverlapsPeer"]);
    expect((await show(x)).extend_cidrs).toEqual([]);
  });

  it("another project's VPC is not found (404 VPC.0003); another project id in the path is VPC.0007", async () => {
    const theirs = await vpc("10.108.0.0/16", vpcClient(server.url, B));
    for (const call of [
      aRaw.addVpcExtendCidr(addRequest(theirs, ["172.26.0.0/16"])),
      aRaw.removeVpcExtendCidr(removeRequest(theirs, ["172.26.0.0/16"])),
      aRaw.showVpc(new v3.ShowVpcRequest(theirs)),
    ]) {
      const answer = await raw(call);
      expect([answer.httpStatusCode, answer.error_code]).toEqual([404, "VPC.0003"]);
    }
    const mine = await vpc("10.109.0.0/16");
    const wrongProject = v3Client(server.url, A, true, B.id);
    const answer = await raw(wrongProject.addVpcExtendCidr(addRequest(mine, ["172.27.0.0/16"])));
    expect([answer.httpStatusCode, answer.error_code]).toEqual([400, "VPC.0007"]);
    expect((await show(mine)).extend_cidrs).toEqual([]);
  });

  it("the SDK's own exception reads the v3 error body (error_code, error_msg)", async () => {
    const id = await vpc("10.110.0.0/16");
    const error = await sdkError(a.addVpcExtendCidr(addRequest(id, ["10.110.1.0/24"])));
    expect(error).toMatchObject({ httpStatusCode: 400, errorCode: "VPC.ExtendCidrInvalid" });
    expect(error.errorMsg).toContain("10.110.1.0/24");
  });
});
