/**
 * The emulator's Huawei protocol driven by the official VpcClient (@huaweicloud/huaweicloud-sdk-vpc): VPCs in two
 * tenants, a cross-tenant request accepted by the peer tenant (seed 004), routes on both sides, delete removes the
 * routes (seed 000), and the refusals with Huawei's codes.
 */
import {
  AcceptVpcPeeringRequest,
  CreateVpcOption,
  CreateVpcPeeringOption,
  CreateVpcPeeringRequest,
  CreateVpcPeeringRequestBody,
  CreateVpcRequest,
  CreateVpcRequestBody,
  CreateVpcRouteOption,
  CreateVpcRouteRequest,
  CreateVpcRouteRequestBody,
  DeleteVpcPeeringRequest,
  DeleteVpcRequest,
  DeleteVpcRouteRequest,
  ListRouteTablesRequest,
  ListVpcPeeringsRequest,
  ListVpcRoutesRequest,
  ListVpcsRequest,
  RejectVpcPeeringRequest,
  ShowVpcPeeringRequest,
  ShowVpcRequest,
  ShowVpcRouteRequest,
  UpdateVpcPeeringOption,
  UpdateVpcPeeringRequest,
  UpdateVpcPeeringRequestBody,
  type VpcClient,
  VpcInfo,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../provider/backends/clock.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../support/emulator.js";
import { rawBody, sdkError, vpcClient, type WirePeering, type WireRoute, type WireVpc } from "./support.js";

const [A, B] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount];

let server: RunningEmulator;
let a: VpcClient;
let b: VpcClient;
let aRaw: VpcClient;
let bRaw: VpcClient;

beforeEach(async () => {
  server = await startTestEmulator(huaweicloudHandler);
  a = vpcClient(server.url, A);
  b = vpcClient(server.url, B);
  aRaw = vpcClient(server.url, A, { raw: true });
  bRaw = vpcClient(server.url, B, { raw: true });
});
afterEach(() => server.close());

async function createVpc(client: VpcClient, name: string, cidr: string): Promise<WireVpc> {
  const res = await client.createVpc(
    new CreateVpcRequest().withBody(
      new CreateVpcRequestBody().withVpc(new CreateVpcOption().withName(name).withCidr(cidr)),
    ),
  );
  return (res as unknown as { vpc: WireVpc }).vpc;
}

function peeringBody(name: string, vpcId: string, peerVpcId: string, peerTenant?: string) {
  const accept = new VpcInfo(peerVpcId);
  if (peerTenant) accept.withTenantId(peerTenant);
  return new CreateVpcPeeringRequest().withBody(
    new CreateVpcPeeringRequestBody().withPeering(
      new CreateVpcPeeringOption()
        .withName(name)
        .withRequestVpcInfo(new VpcInfo(vpcId))
        .withAcceptVpcInfo(accept),
    ),
  );
}

async function createPeering(
  client: VpcClient,
  name: string,
  vpcId: string,
  peerVpcId: string,
  peerTenant?: string,
) {
  const res = await client.createVpcPeering(peeringBody(name, vpcId, peerVpcId, peerTenant));
  return res as unknown as { peering: WirePeering; httpStatusCode: number };
}

function route(vpcId: string, destination: string, peeringId: string) {
  return new CreateVpcRouteRequest().withBody(
    new CreateVpcRouteRequestBody().withRoute(
      new CreateVpcRouteOption()
        .withVpcId(vpcId)
        .withDestination(destination)
        .withNexthop(peeringId)
        .withType("peering"),
    ),
  );
}

async function routesOf(client: VpcClient, vpcId: string): Promise<WireRoute[]> {
  const res = await client.listVpcRoutes(new ListVpcRoutesRequest().withVpcId(vpcId));
  return (res as unknown as { routes: WireRoute[] }).routes;
}

describe("Huawei VPC v1 through VpcClient", () => {
  it("creates, shows, lists and deletes a VPC of the signing tenant", async () => {
    const vpc = await createVpc(a, "app", "10.0.0.0/16");
    expect(vpc).toMatchObject({ name: "app", cidr: "10.0.0.0/16", status: "OK", tenant_id: A.id });
    expect(vpc.id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = await a.showVpc(new ShowVpcRequest(vpc.id));
    expect((shown as unknown as { vpc: WireVpc }).vpc.id).toBe(vpc.id);
    const listed = (await a.listVpcs(new ListVpcsRequest())) as unknown as { vpcs: WireVpc[] };
    expect(listed.vpcs.map((v) => v.id)).toEqual([vpc.id]);
    // Another tenant's VPCs are invisible.
    expect(((await b.listVpcs(new ListVpcsRequest())) as unknown as { vpcs: WireVpc[] }).vpcs).toEqual([]);
    const err = await sdkError(b.showVpc(new ShowVpcRequest(vpc.id)));
    expect(err.httpStatusCode).toBe(404);
    const raw = rawBody(await bRaw.showVpc(new ShowVpcRequest(vpc.id)));
    expect(raw).toMatchObject({ httpStatusCode: 404, code: "VPC.0003" });
    await a.deleteVpc(new DeleteVpcRequest(vpc.id));
    expect(rawBody(await aRaw.showVpc(new ShowVpcRequest(vpc.id)))).toMatchObject({
      httpStatusCode: 404,
      code: "VPC.0003",
    });
  });

  it("every VPC gets a default route table at once", async () => {
    const vpc = await createVpc(a, "app", "10.0.0.0/16");
    const res = (await a.listRouteTables(new ListRouteTablesRequest().withVpcId(vpc.id))) as unknown as {
      routetables: { id: string; default: boolean; vpc_id: string }[];
    };
    expect(res.routetables).toHaveLength(1);
    expect(res.routetables[0]).toMatchObject({ default: true, vpc_id: vpc.id });
  });
});

describe("cross-tenant peering lifecycle through VpcClient", () => {
  it("create PENDING_ACCEPTANCE, accept by the peer tenant, routes both sides, delete removes the routes", async () => {
    const app = await createVpc(a, "app", "10.0.0.0/16");
    const db = await createVpc(b, "db", "10.1.0.0/16");
    const created = await createPeering(a, "app-db", app.id, db.id, B.id);
    expect(created.httpStatusCode).toBe(201);
    const peering = created.peering;
    expect(peering).toMatchObject({
      name: "app-db",
      status: "PENDING_ACCEPTANCE",
      request_vpc_info: { vpc_id: app.id, tenant_id: A.id },
      accept_vpc_info: { vpc_id: db.id, tenant_id: B.id },
    });
    expect(peering.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    // Both tenants see it; only the accepter may accept.
    const seenByB = (await b.showVpcPeering(new ShowVpcPeeringRequest(peering.id))) as unknown as {
      peering: WirePeering;
    };
    expect(seenByB.peering.status).toBe("PENDING_ACCEPTANCE");
    const refused = rawBody(await aRaw.acceptVpcPeering(new AcceptVpcPeeringRequest(peering.id)));
    expect(refused).toMatchObject({ httpStatusCode: 403, NeutronError: { type: "PolicyNotAuthorized" } });

    // Routes need an ACTIVE peering.
    const early = rawBody(await aRaw.createVpcRoute(route(app.id, "10.1.0.0/16", peering.id)));
    expect(early).toMatchObject({ httpStatusCode: 409, NeutronError: { type: "PeeringNotActive" } });

    const accepted = (await b.acceptVpcPeering(
      new AcceptVpcPeeringRequest(peering.id),
    )) as unknown as WirePeering;
    expect(accepted).toMatchObject({ id: peering.id, status: "ACTIVE" });

    const r1 = (await a.createVpcRoute(route(app.id, "10.1.0.0/16", peering.id))) as unknown as {
      route: WireRoute;
      httpStatusCode: number;
    };
    expect(r1.httpStatusCode).toBe(201);
    expect(r1.route).toMatchObject({
      type: "peering",
      nexthop: peering.id,
      destination: "10.1.0.0/16",
      vpc_id: app.id,
      tenant_id: A.id,
    });
    await b.createVpcRoute(route(db.id, "10.0.0.0/16", peering.id));
    expect((await routesOf(a, app.id)).map((r) => r.destination)).toEqual(["10.1.0.0/16"]);
    expect((await routesOf(b, db.id)).map((r) => r.destination)).toEqual(["10.0.0.0/16"]);
    // The v1 VPC shows its routes too.
    const shown = (await a.showVpc(new ShowVpcRequest(app.id))) as unknown as { vpc: WireVpc };
    expect(shown.vpc.routes).toEqual([{ destination: "10.1.0.0/16", nexthop: peering.id }]);

    // A VPC with a live peering cannot be deleted.
    const inUse = rawBody(await aRaw.deleteVpc(new DeleteVpcRequest(app.id)));
    expect(inUse).toMatchObject({ httpStatusCode: 409, code: "VPC.0120" });

    const deleted = (await b.deleteVpcPeering(new DeleteVpcPeeringRequest(peering.id))) as unknown as {
      httpStatusCode: number;
    };
    expect(deleted.httpStatusCode).toBe(204);
    expect(await routesOf(a, app.id)).toEqual([]);
    expect(await routesOf(b, db.id)).toEqual([]);
    // Huawei removes a deleted peering at once (the rulebook's onDelete.record): it is not found any more.
    const after = rawBody(await aRaw.showVpcPeering(new ShowVpcPeeringRequest(peering.id)));
    expect(after).toMatchObject({ httpStatusCode: 404, NeutronError: { type: "NotFound" } });
    await a.deleteVpc(new DeleteVpcRequest(app.id));
  });

  it("same tenant is ACTIVE at once (seed 004); rename; list filters by vpc_id, status and name", async () => {
    const x = await createVpc(a, "x", "10.0.0.0/16");
    const y = await createVpc(a, "y", "10.1.0.0/16");
    const z = await createVpc(a, "z", "10.2.0.0/16");
    const xy = (await createPeering(a, "xy", x.id, y.id)).peering;
    expect(xy.status).toBe("ACTIVE");
    expect(xy.accept_vpc_info.tenant_id).toBe(A.id);
    await createPeering(a, "yz", y.id, z.id);
    const updated = (await a.updateVpcPeering(
      new UpdateVpcPeeringRequest(xy.id).withBody(
        new UpdateVpcPeeringRequestBody().withPeering(
          new UpdateVpcPeeringOption().withName("x-y").withDescription("d"),
        ),
      ),
    )) as unknown as { peering: WirePeering };
    expect(updated.peering).toMatchObject({ name: "x-y", description: "d" });

    const list = async (req: ListVpcPeeringsRequest) =>
      ((await a.listVpcPeerings(req)) as unknown as { peerings: WirePeering[] }).peerings.map((p) => p.name);
    expect(await list(new ListVpcPeeringsRequest())).toEqual(["x-y", "yz"]);
    expect(await list(new ListVpcPeeringsRequest().withVpcId(x.id))).toEqual(["x-y"]);
    expect(await list(new ListVpcPeeringsRequest().withName("yz"))).toEqual(["yz"]);
    expect(await list(new ListVpcPeeringsRequest().withStatus("PENDING_ACCEPTANCE"))).toEqual([]);
    expect(await list(new ListVpcPeeringsRequest().withStatus("ACTIVE").withLimit(1))).toEqual(["x-y"]);
  });

  it("the accepter can reject; a rejected request cannot be accepted", async () => {
    const app = await createVpc(a, "app", "10.0.0.0/16");
    const db = await createVpc(b, "db", "10.1.0.0/16");
    const { peering } = await createPeering(a, "p", app.id, db.id, B.id);
    const rejected = (await b.rejectVpcPeering(
      new RejectVpcPeeringRequest(peering.id),
    )) as unknown as WirePeering;
    expect(rejected.status).toBe("REJECTED");
    const again = rawBody(await bRaw.acceptVpcPeering(new AcceptVpcPeeringRequest(peering.id)));
    expect(again).toMatchObject({ httpStatusCode: 409, NeutronError: { type: "PeeringStatusConflict" } });
    expect(again.NeutronError?.message).toContain("REJECTED");
  });

  it("deleting a route through /v2.0/vpc/routes/{id}", async () => {
    const x = await createVpc(a, "x", "10.0.0.0/16");
    const y = await createVpc(a, "y", "10.1.0.0/16");
    const { peering } = await createPeering(a, "xy", x.id, y.id);
    const r = (
      (await a.createVpcRoute(route(x.id, "10.1.0.0/16", peering.id))) as unknown as { route: WireRoute }
    ).route;
    await a.deleteVpcRoute(new DeleteVpcRouteRequest(r.id));
    expect(await routesOf(a, x.id)).toEqual([]);
    const gone = rawBody(await aRaw.deleteVpcRoute(new DeleteVpcRouteRequest(r.id)));
    expect(gone).toMatchObject({ httpStatusCode: 404, NeutronError: { type: "NotFound" } });
  });

  it("a route of another tenant is not found, shown or deleted, and stays", async () => {
    const x = await createVpc(a, "x", "10.0.0.0/16");
    const y = await createVpc(a, "y", "10.1.0.0/16");
    const { peering } = await createPeering(a, "xy", x.id, y.id);
    const r = (
      (await a.createVpcRoute(route(x.id, "10.1.0.0/16", peering.id))) as unknown as { route: WireRoute }
    ).route;
    expect(rawBody(await bRaw.showVpcRoute(new ShowVpcRouteRequest(r.id)))).toMatchObject({
      httpStatusCode: 404,
      NeutronError: { type: "NotFound" },
    });
    expect(rawBody(await bRaw.deleteVpcRoute(new DeleteVpcRouteRequest(r.id)))).toMatchObject({
      httpStatusCode: 404,
    });
    const shown = (await a.showVpcRoute(new ShowVpcRouteRequest(r.id))) as unknown as { route: WireRoute };
    expect(shown.route).toMatchObject({ id: r.id, destination: "10.1.0.0/16", nexthop: peering.id });
  });
});

describe("refusals with Huawei's codes", () => {
  it.each([
    ["CIDR conflict", "10.0.0.0/16", "10.0.128.0/17", 400, "PeeringCidrOverlap"],
    ["self peering", "10.0.0.0/16", undefined, 400, "PeeringSameVpc"],
  ])("%s", async (_name, cidr, peerCidr, status, type) => {
    const x = await createVpc(a, "x", cidr);
    const y = peerCidr === undefined ? x : await createVpc(a, "y", peerCidr);
    const res = rawBody(await aRaw.createVpcPeering(peeringBody("p", x.id, y.id)));
    expect(res).toMatchObject({ httpStatusCode: status, NeutronError: { type, detail: "" } });
    expect(res.NeutronError?.message).toContain(x.id);
  });

  it("duplicate peering of one VPC pair", async () => {
    const x = await createVpc(a, "x", "10.0.0.0/16");
    const y = await createVpc(a, "y", "10.1.0.0/16");
    await createPeering(a, "p1", x.id, y.id);
    const res = rawBody(await aRaw.createVpcPeering(peeringBody("p2", y.id, x.id)));
    expect(res).toMatchObject({ httpStatusCode: 409, NeutronError: { type: "PeeringExists" } });
    // The official SDK surfaces the status; Neutron bodies carry no error_code it could read.
    const err = await sdkError(a.createVpcPeering(peeringBody("p3", x.id, y.id)));
    expect(err.httpStatusCode).toBe(409);
  });

  it("no fixed per-VPC peering limit: Huawei's quota is the account's own (以实际配额为准), so an 11th is accepted", async () => {
    const hub = await createVpc(a, "hub", "10.0.0.0/16");
    for (let i = 1; i <= 11; i++) {
      const spoke = await createVpc(a, `s${i}`, `10.${i}.0.0/16`);
      await createPeering(a, `p${i}`, hub.id, spoke.id);
    }
    const listed = (await a.listVpcPeerings(new ListVpcPeeringsRequest().withVpcId(hub.id))) as unknown as {
      peerings: WirePeering[];
    };
    expect(listed.peerings).toHaveLength(11);
  });

  it("wrong tenant: a third party cannot see or delete the peering", async () => {
    const x = await createVpc(a, "x", "10.0.0.0/16");
    const y = await createVpc(a, "y", "10.1.0.0/16");
    const { peering } = await createPeering(a, "xy", x.id, y.id);
    const res = rawBody(await bRaw.deleteVpcPeering(new DeleteVpcPeeringRequest(peering.id)));
    expect(res).toMatchObject({ httpStatusCode: 403, NeutronError: { type: "PolicyNotAuthorized" } });
  });

  it("a project id that is not the signer's is VPC.0007", async () => {
    const other = vpcClient(server.url, A, { raw: true, projectId: B.id });
    const res = rawBody(await other.listVpcs(new ListVpcsRequest()));
    expect(res).toMatchObject({ httpStatusCode: 400, code: "VPC.0007" });
  });

  it("a bad signature is the gateway's APIGW.0301, as the SDK reports it", async () => {
    const forged = vpcClient(server.url, A, { secretKey: "not-the-secret" });
    const err = await sdkError(forged.listVpcs(new ListVpcsRequest()));
    expect(err).toMatchObject({ httpStatusCode: 401, errorCode: "APIGW.0301" });
    expect(err.errorMsg).toContain("Incorrect IAM authentication information");
  });

  it("an unknown AK is refused the same way", async () => {
    const stranger = vpcClient(server.url, { id: A.id, secretId: "UNKNOWNAK", secretKey: "x" });
    const err = await sdkError(stranger.listVpcs(new ListVpcsRequest()));
    expect(err).toMatchObject({ httpStatusCode: 401, errorCode: "APIGW.0301" });
  });
});

describe("rate limiting", () => {
  it("answers APIGW.0308 with HTTP 429 once an action's rate is spent", async () => {
    await server.close();
    server = await startTestEmulator(huaweicloudHandler, {
      // A clock that stands still: no refill between the calls, however slow the machine.
      rateLimits: { actions: { "huaweicloud:ListVpcs": 2 }, clock: new ManualClock(0) },
    });
    const client = vpcClient(server.url, A);
    await client.listVpcs(new ListVpcsRequest());
    await client.listVpcs(new ListVpcsRequest());
    const err = await sdkError(client.listVpcs(new ListVpcsRequest()));
    expect(err).toMatchObject({ httpStatusCode: 429, errorCode: "APIGW.0308" });
    // Other actions have their own bucket.
    await expect(client.listVpcPeerings(new ListVpcPeeringsRequest())).resolves.toBeDefined();
  });
});
