/**
 * What the Huawei emulator keeps of descriptions, through the official SDK: the VPC's (v1 CreateVpcOption.description,
 * stored by the engine since migration 3 and shown by the v1 and v3 reads) and a route's, added through the
 * route-table API (UpdateRouteTable routes.add, AddRouteTableRoute.description; read back as
 * RouteTableRoute.description by ShowRouteTable). The v2.0 route API has no description field (CreateVpcRouteOption).
 */

import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import {
  AddRouteTableRoute,
  CreateVpcOption,
  CreateVpcPeeringOption,
  CreateVpcPeeringRequest,
  CreateVpcPeeringRequestBody,
  CreateVpcRequest,
  CreateVpcRequestBody,
  DelRouteTableRoute,
  ListRouteTablesRequest,
  ListVpcRoutesRequest,
  ListVpcsRequest,
  RouteTableRouteAction,
  ShowRouteTableRequest,
  ShowVpcRequest,
  UpdateRouteTableReq,
  UpdateRouteTableRequest,
  UpdateRoutetableReqBody,
  type VpcClient,
  VpcInfo,
  v3,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { rawBody, sdkError, vpcClient, type WireRoute } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];

let server: RunningEmulator;
let a: VpcClient;

beforeEach(async () => {
  server = await startTestEmulator(huaweicloudHandler);
  a = vpcClient(server.url, A);
});
afterEach(() => server.close());

interface Vpc {
  readonly id: string;
  readonly description: string;
}
interface Table {
  readonly id: string;
  readonly default: boolean;
  readonly routes?: readonly { destination: string; nexthop: string; description: string; type: string }[];
}

async function createVpc(name: string, cidr: string, description?: string): Promise<Vpc> {
  const option = new CreateVpcOption().withName(name).withCidr(cidr);
  if (description !== undefined) option.withDescription(description);
  const res = await a.createVpc(new CreateVpcRequest().withBody(new CreateVpcRequestBody().withVpc(option)));
  return (res as unknown as { vpc: Vpc }).vpc;
}

function v3Client(): v3.VpcClient {
  const credentials = new BasicCredentials().withAk(A.secretId).withSk(A.secretKey).withProjectId(A.id);
  return v3.VpcClient.newBuilder().withCredential(credentials).withEndpoint(server.url).build();
}

function update(tableId: string, action: RouteTableRouteAction) {
  return new UpdateRouteTableRequest(tableId).withBody(
    new UpdateRoutetableReqBody().withRoutetable(new UpdateRouteTableReq().withRoutes(action)),
  );
}

describe("descriptions on the Huawei emulator", () => {
  it("keeps a VPC's description and shows it on the v1 and v3 reads; none is an empty string", async () => {
    const vpc = await createVpc("d", "10.0.0.0/16", "app tier");
    const plain = await createVpc("p", "10.1.0.0/16");
    expect(vpc.description).toBe("app tier");
    expect(plain.description).toBe("");
    const shown = (await a.showVpc(new ShowVpcRequest(vpc.id))) as unknown as { vpc: Vpc };
    expect(shown.vpc.description).toBe("app tier");
    const listed = (await a.listVpcs(new ListVpcsRequest())) as unknown as { vpcs: Vpc[] };
    expect(listed.vpcs.map((v) => v.description)).toEqual(["app tier", ""]);
    const v3list = (await v3Client().listVpcs(new v3.ListVpcsRequest())) as unknown as { vpcs: Vpc[] };
    expect(v3list.vpcs.map((v) => v.description)).toEqual(["app tier", ""]);
    const v3show = (await v3Client().showVpc(new v3.ShowVpcRequest(vpc.id))) as unknown as { vpc: Vpc };
    expect(v3show.vpc.description).toBe("app tier");
  });

  it("refuses a VPC description over 255 characters or with angle brackets (400 VPC.0101)", async () => {
    const raw = vpcClient(server.url, A, { raw: true });
    for (const description of ["x".repeat(256), "<b>"]) {
      const option = new CreateVpcOption()
        .withName("bad")
        .withCidr("10.2.0.0/16")
        .withDescription(description);
      const answer = rawBody(
        await raw.createVpc(new CreateVpcRequest().withBody(new CreateVpcRequestBody().withVpc(option))),
      );
      expect(answer).toMatchObject({ httpStatusCode: 400, code: "VPC.0101" });
    }
    expect(await sdkError(createVpc("bad", "10.2.0.0/16", "<b>"))).toMatchObject({ httpStatusCode: 400 });
  });

  it("UpdateRouteTable adds a peering route with its description, which ShowRouteTable shows; del removes it", async () => {
    const x = await createVpc("x", "10.0.0.0/16");
    const y = await createVpc("y", "10.1.0.0/16");
    const peering = (await a.createVpcPeering(
      new CreateVpcPeeringRequest().withBody(
        new CreateVpcPeeringRequestBody().withPeering(
          new CreateVpcPeeringOption()
            .withName("x-y")
            .withRequestVpcInfo(new VpcInfo(x.id))
            .withAcceptVpcInfo(new VpcInfo(y.id)),
        ),
      ),
    )) as unknown as { peering: { id: string } };
    const tables = (await a.listRouteTables(new ListRouteTablesRequest().withVpcId(x.id))) as unknown as {
      routetables: Table[];
    };
    const main = tables.routetables.find((t) => t.default)!;
    const added = (await a.updateRouteTable(
      update(
        main.id,
        new RouteTableRouteAction().withAdd([
          new AddRouteTableRoute("peering", "10.1.0.0/16", peering.peering.id).withDescription("to y"),
        ]),
      ),
    )) as unknown as { routetable: Table };
    expect(added.routetable.routes).toEqual([
      { type: "peering", destination: "10.1.0.0/16", nexthop: peering.peering.id, description: "to y" },
    ]);
    const shown = (await a.showRouteTable(new ShowRouteTableRequest(main.id))) as unknown as {
      routetable: Table;
    };
    expect(shown.routetable.routes?.map((r) => r.description)).toEqual(["to y"]);
    // The same route is the default table's v2.0 route, with an id.
    const v2 = (await a.listVpcRoutes(new ListVpcRoutesRequest().withVpcId(x.id))) as unknown as {
      routes: WireRoute[];
    };
    expect(v2.routes).toEqual([
      expect.objectContaining({ destination: "10.1.0.0/16", nexthop: peering.peering.id }),
    ]);

    await a.updateRouteTable(
      update(
        main.id,
        new RouteTableRouteAction().withDel([new DelRouteTableRoute("10.1.0.0/16").withType("peering")]),
      ),
    );
    const after = (await a.showRouteTable(new ShowRouteTableRequest(main.id))) as unknown as {
      routetable: Table;
    };
    expect(after.routetable.routes).toEqual([]);
  });

  it("UpdateRouteTable of an unknown table is 404 VPC.0003", async () => {
    const raw = vpcClient(server.url, A, { raw: true });
    const answer = rawBody(
      await raw.updateRouteTable(
        update("00000000-0000-0000-0000-000000000000", new RouteTableRouteAction().withAdd([])),
      ),
    );
    expect(answer).toMatchObject({ httpStatusCode: 404, code: "VPC.0003" });
  });

  it("a route table of another project is not found either, shown or updated", async () => {
    const x = await createVpc("x", "10.0.0.0/16");
    const tables = (await a.listRouteTables(new ListRouteTablesRequest().withVpcId(x.id))) as unknown as {
      routetables: Table[];
    };
    const main = tables.routetables.find((t) => t.default)!;
    const other = vpcClient(server.url, B, { raw: true });
    expect(rawBody(await other.showRouteTable(new ShowRouteTableRequest(main.id)))).toMatchObject({
      httpStatusCode: 404,
      code: "VPC.0003",
    });
    expect(
      rawBody(await other.updateRouteTable(update(main.id, new RouteTableRouteAction().withAdd([])))),
    ).toMatchObject({ httpStatusCode: 404, code: "VPC.0003" });
    // Its owner still sees it.
    const shown = (await a.showRouteTable(new ShowRouteTableRequest(main.id))) as unknown as {
      routetable: Table;
    };
    expect(shown.routetable.id).toBe(main.id);
  });
});
