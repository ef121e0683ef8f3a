/**
 * Creates idempotent across processes on Tencent (issue 17). Tencent's CreateVpc, CreateVpcPeeringConnection and
 * CreateRoutes take no client token, so the backend keeps the token on the resource (the tag
 * `peerlink-create-token`, a RouteDescription suffix): a second session (a `pulumi up` after a killed one) adopts
 * what the first made, even when the first never saw the answer; another request with the token is
 * IDEMPOTENCY_CONFLICT; a resource of the same pair without the token is someone else's and stays refused, with
 * its id and `existingId` in the fix; and the marker never shows in what the backend returns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend, VpcInfo } from "../../../provider/backends/backend.js";
import type { BackendError } from "../../../provider/backends/errors.js";
import { resolveCredentials } from "../../../provider/backends/shared/credentials.js";
import { NO_PACING } from "../../../provider/backends/shared/pacer.js";
import { seededRandom } from "../../../provider/backends/shared/seeded-random.js";
import { TencentApiClient } from "../../../provider/backends/tencentcloud/api-client.js";
import type {
  DescribeRouteTablesResponse,
  DescribeVpcPeeringConnectionsResponse,
  DescribeVpcsResponse,
} from "../../../provider/backends/tencentcloud/wire-types.js";
import { ACCOUNTS, startTestEmulator, type TestEmulator } from "./support.js";

const REGION = "ap-guangzhou";
const MARKER = "peerlink-create-token";

/**
 * A fault seed under which, with only `dropRate` set (one draw per request, after it committed), the first
 * `n - 1` requests are answered and the n-th loses its answer.
 */
function seedDroppingRequest(n: number, rate: number): number {
  for (let seed = 1; seed < 100_000; seed++) {
    const random = seededRandom(seed);
    const draws = Array.from({ length: n }, () => random());
    if (draws.slice(0, -1).every((d) => d >= rate) && draws[n - 1]! < rate) return seed;
  }
  throw new Error("no seed found");
}

const failed = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as BackendError,
  );

describe("tencentcloud backend: clientToken across sessions", () => {
  let t: TestEmulator;
  let raw: TencentApiClient;
  let next = 100;
  const cidr = () => `10.${next++}.0.0/16`;
  const session = (maxAttempts?: number): Backend =>
    t.backend(ACCOUNTS[0]!, {
      pacing: false,
      ...(maxAttempts !== undefined ? { retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 } } : {}),
    });
  /** What a process killed right after its create was sent leaves behind: the create ran, its answer was lost. */
  const losingTheCreate = async <T>(requestsBefore: number, create: () => Promise<T>): Promise<void> => {
    t.emulator.setFaults({ dropRate: 0.5, seed: seedDroppingRequest(requestsBefore + 1, 0.5) });
    try {
      const error = await failed(create());
      expect(error?.code).toBe("BACKEND_UNAVAILABLE");
      expect(t.emulator.faultStats().dropped).toBe(1);
    } finally {
      t.emulator.setFaults({});
    }
  };

  beforeAll(async () => {
    t = await startTestEmulator({ rateLimits: false });
    raw = new TencentApiClient({
      credentials: resolveCredentials({
        secretId: ACCOUNTS[0]!.secretId,
        secretKey: ACCOUNTS[0]!.secretKey,
        idVariables: [],
        keyVariables: [],
        env: {},
        cloudName: "Tencent Cloud",
      }),
      endpoint: t.emulator.url,
      pacer: NO_PACING,
    });
  });
  afterAll(async () => {
    raw?.close();
    await t?.close();
  });

  it("adopts a VPC, a peering and a route whose create answers were lost in a killed session", async () => {
    const first = session(1);
    const name = `lost-${next}`;
    const [cidrA, cidrB] = [cidr(), cidr()];
    // VPC: the token look-up (DescribeVpcs), then CreateVpc, whose answer is lost.
    await losingTheCreate(1, () =>
      first.createVpc({
        name,
        region: REGION,
        cidrs: [cidrA],
        tags: { team: "net" },
        clientToken: "lost-vpc",
      }),
    );
    const again = session();
    const a = await again.createVpc({
      name,
      region: REGION,
      cidrs: [cidrA],
      tags: { team: "net" },
      clientToken: "lost-vpc",
    });
    expect((await again.listVpcs()).filter((v) => v.name === name).map((v) => v.id)).toEqual([a.id]);
    expect(a.tags).toEqual({ team: "net" });

    const b = await again.createVpc({ name: `${name}-b`, region: REGION, cidrs: [cidrB] });
    // Peering: the first session knows both VPCs' regions, so only the token look-up precedes the create.
    await first.describeVpc(a.id);
    await first.describeVpc(b.id);
    const peeringInput = { vpcId: a.id, peerVpcId: b.id, name: `p-${name}`, clientToken: "lost-peering" };
    await losingTheCreate(1, () => first.createPeering(peeringInput));
    const p = await session().createPeering(peeringInput);
    const pairs = (await again.listPeerings({ vpcId: a.id })).items.filter((x) => x.status !== "DELETED");
    expect(pairs.map((x) => x.id)).toEqual([p.id]);

    // Route: the table given, so the token look-up (DescribeRouteTables) is the only call before CreateRoutes.
    const table = a.routeTables.find((x) => x.main)!.id;
    const routeInput = {
      vpcId: a.id,
      routeTableId: table,
      destination: cidrB,
      peeringId: p.id,
      clientToken: "lost-route",
    };
    await losingTheCreate(1, () => first.createRoute(routeInput));
    const r = await session().createRoute(routeInput);
    expect((await again.listRoutes(table)).map((x) => x.id)).toEqual([r.id]);
    expect(r.description).toBe("");
  });

  it("keeps the token on the resource, and never shows it in what the backend returns", async () => {
    const backend = session();
    const [cidrA, cidrB] = [cidr(), cidr()];
    const a = await backend.createVpc({
      name: `marked-${next}`,
      region: REGION,
      cidrs: [cidrA],
      tags: { team: "net" },
      clientToken: "mark-vpc",
    });
    const b = await backend.createVpc({ name: `marked-b-${next}`, region: REGION, cidrs: [cidrB] });
    const p = await backend.createPeering({
      vpcId: a.id,
      peerVpcId: b.id,
      name: `marked-${next}`,
      tags: { env: "prod" },
      clientToken: "mark-peering",
    });
    const r = await backend.createRoute({
      vpcId: a.id,
      destination: cidrB,
      peeringId: p.id,
      description: "to b",
      clientToken: "mark-route",
    });

    // On the wire the marker is there (that is how another process finds it)...
    const vpcs = await raw.call<DescribeVpcsResponse>("DescribeVpcs", { VpcIds: [a.id] }, REGION);
    expect(vpcs.VpcSet[0]!.TagSet).toContainEqual({ Key: MARKER, Value: "mark-vpc" });
    const peerings = await raw.call<DescribeVpcPeeringConnectionsResponse>(
      "DescribeVpcPeeringConnections",
      { PeeringConnectionIds: [p.id] },
      REGION,
    );
    expect(peerings.PeerConnectionSet[0]!.TagSet).toContainEqual({ Key: MARKER, Value: "mark-peering" });
    const tables = await raw.call<DescribeRouteTablesResponse>(
      "DescribeRouteTables",
      { RouteTableIds: [r.routeTableId] },
      REGION,
    );
    expect(tables.RouteTableSet[0]!.RouteSet?.find((x) => x.RouteItemId === r.id)?.RouteDescription).toBe(
      `to b [${MARKER}:mark-route]`,
    );

    // ...and nowhere in what the backend reads back.
    const other = session();
    const read: unknown[] = [
      a,
      p,
      r,
      await other.describeVpc(a.id),
      await other.listVpcs(),
      await other.describePeering(p.id),
      await other.listPeerings({ vpcId: a.id }),
      await other.listRoutes(r.routeTableId),
    ];
    for (const value of read) expect(JSON.stringify(value)).not.toContain(MARKER);
    expect((await other.describeVpc(a.id)).tags).toEqual({ team: "net" });
    expect((await other.describePeering(p.id)).tags).toEqual({ env: "prod" });
    expect((await other.listRoutes(r.routeTableId)).find((x) => x.id === r.id)?.description).toBe("to b");
  });

  it("adopts from a new session, refuses the token on another request, and frees it once deleted", async () => {
    const first = session();
    const again = session();
    const [cidrA, cidrB, cidrC] = [cidr(), cidr(), cidr()];
    const vpc = (label: string, block: string): Promise<VpcInfo> =>
      first.createVpc({
        name: `${label}-${next}`,
        region: REGION,
        cidrs: [block],
        clientToken: `s-${label}`,
      });
    const a = await vpc("a", cidrA);
    const b = await vpc("b", cidrB);
    const c = await vpc("c", cidrC);
    expect(
      (await again.createVpc({ name: a.name, region: REGION, cidrs: [cidrA], clientToken: "s-a" })).id,
    ).toBe(a.id);
    const vpcConflict = await failed(
      again.createVpc({ name: `${a.name}-renamed`, region: REGION, cidrs: [cidrA], clientToken: "s-a" }),
    );
    expect(vpcConflict).toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    expect(vpcConflict?.message).toContain(a.id);

    const peeringInput = { vpcId: a.id, peerVpcId: b.id, name: `s-p-${next}`, clientToken: "s-p" };
    const p = await first.createPeering(peeringInput);
    expect((await again.createPeering(peeringInput)).id).toBe(p.id);
    const peeringConflict = await failed(again.createPeering({ ...peeringInput, peerVpcId: c.id }));
    expect(peeringConflict).toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    expect(peeringConflict?.message).toContain(p.id);

    const routeInput = { vpcId: a.id, destination: cidrB, peeringId: p.id, clientToken: "s-r" };
    const r = await first.createRoute(routeInput);
    expect((await again.createRoute(routeInput)).id).toBe(r.id);
    // Batched with a new route: the adopted one is not sent again, the new one is created.
    const q = await first.createPeering({ vpcId: a.id, peerVpcId: c.id, name: `s-q-${next}` });
    const [r1, r2] = await again.createRoutes!([
      routeInput,
      { ...routeInput, destination: cidrC, peeringId: q.id, clientToken: "s-r2" },
    ]);
    expect(r1!.id).toBe(r.id);
    expect(r2!.destination).toBe(cidrC);
    const routeConflict = await failed(
      again.createRoute({ ...routeInput, destination: cidrC, peeringId: q.id }),
    );
    expect(routeConflict).toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    expect(routeConflict?.message).toContain(r.id);
    expect((await again.listRoutes(r.routeTableId)).map((x) => x.id).sort()).toEqual([r.id, r2!.id].sort());

    // Deleted (the peering stays listed as DELETED), the tokens are free again.
    await first.deletePeering(p.id);
    await first.deletePeering(q.id);
    const pNew = await again.createPeering(peeringInput);
    expect(pNew.id).not.toBe(p.id);
    await again.deletePeering(pNew.id);
    await first.deleteVpc(a.id);
    const aNew = await again.createVpc({ name: a.name, region: REGION, cidrs: [cidrA], clientToken: "s-a" });
    expect(aNew.id).not.toBe(a.id);
  });

  it("refuses someone else's peering and route of the same pair and destination, saying how to adopt them", async () => {
    const owner = session();
    const [cidrA, cidrB] = [cidr(), cidr()];
    const a = await owner.createVpc({ name: `foreign-a-${next}`, region: REGION, cidrs: [cidrA] });
    const b = await owner.createVpc({ name: `foreign-b-${next}`, region: REGION, cidrs: [cidrB] });
    const foreign = await owner.createPeering({ vpcId: a.id, peerVpcId: b.id, name: `foreign-${next}` });

    const mine = session();
    for (const clientToken of ["mine-p", undefined]) {
      const refused = await failed(
        mine.createPeering({
          vpcId: a.id,
          peerVpcId: b.id,
          name: `mine-${next}`,
          ...(clientToken ? { clientToken } : {}),
        }),
      );
      expect(refused).toMatchObject({ code: "DUPLICATE_PEERING", value: foreign.id });
      expect(refused?.message).toContain(`existingId: "${foreign.id}"`);
    }

    const route = await owner.createRoute({ vpcId: a.id, destination: cidrB, peeringId: foreign.id });
    const refused = await failed(
      mine.createRoute({ vpcId: a.id, destination: cidrB, peeringId: foreign.id, clientToken: "mine-r" }),
    );
    expect(refused).toMatchObject({ code: "ROUTE_CONFLICT", value: route.id });
    expect(refused?.message).toContain(`existingId: "${route.id}"`);
    expect((await mine.listRoutes(route.routeTableId)).map((x) => x.id)).toEqual([route.id]);
  });

  it("refuses a token the resource cannot carry", async () => {
    await expect(
      session().createVpc({ name: "bad-token", region: REGION, cidrs: [cidr()], clientToken: "has space" }),
    ).rejects.toMatchObject({ code: "INVALID_PARAMETER" });
  });
});
