/**
 * Issue 17 on Huawei: a create's clientToken holds across processes. Huawei's VPC, peering and route creates have
 * no client token, so the huaweicloud backend carries it on the resource as a description suffix
 * (provider/backends/shared/create-marker.ts): a second session (a `pulumi up` after a killed one) finds what the
 * first made and adopts it, the same token on another request is IDEMPOTENCY_CONFLICT, a resource of the same pair
 * without the token is still refused (with a fix naming existingId), and the marker is never read back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BackendError } from "../../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type {
  EmulatorAccount,
  EmulatorRequest,
  ProtocolHandler,
} from "../../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../../provider/emulator/server.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { recordingHandler } from "../../emulator/support/recording-handler.js";

const [A] = TEST_ACCOUNTS as [EmulatorAccount];
const REGION = "cn-north-4";
const MARKER = "peerlink-create-token";

/** The creates whose answers a test loses. */
function kindOf(request: EmulatorRequest): string | undefined {
  if (request.method === "POST" && /^\/v1\/[^/]+\/vpcs\/?$/.test(request.path)) return "CreateVpc";
  if (request.method === "POST" && /^\/v2\.0\/vpc\/peerings\/?$/.test(request.path))
    return "CreateVpcPeering";
  if (request.method === "PUT" && /^\/v1\/[^/]+\/routetables\/[^/]+\/?$/.test(request.path))
    return "UpdateRouteTable";
  if (request.method === "POST" && /^\/v2\.0\/vpc\/routes\/?$/.test(request.path)) return "CreateVpcRoute";
  return undefined;
}

/** Every answer body the emulator sent, to see what is on the wire (the marker) against what the backend returns. */
function wireRecorder(inner: ProtocolHandler): { handler: ProtocolHandler; bodies: string[] } {
  const bodies: string[] = [];
  return {
    bodies,
    handler: {
      ...inner,
      matches: (r) => inner.matches(r),
      async handle(request, context) {
        const response = await inner.handle(request, context);
        bodies.push(typeof response.body === "string" ? response.body : String(response.body));
        return response;
      },
      faultResponse: (k, r) => inner.faultResponse(k, r),
    },
  };
}

let emulator: RunningEmulator;
let recording: ReturnType<typeof recordingHandler>;
let wire: string[];

/** A new session of account A: a process of its own. */
function session(retry: { maxAttempts: number } = { maxAttempts: 4 }) {
  return new HuaweiCloudBackend({
    endpoint: emulator.url,
    region: REGION,
    accessKey: A.secretId,
    secretKey: A.secretKey,
    projectId: A.id,
    env: {},
    pacing: false,
    retry: { ...retry, baseDelayMs: 1, maxDelayMs: 2 },
  });
}

beforeEach(async () => {
  const recorded = wireRecorder(huaweicloudHandler);
  wire = recorded.bodies;
  recording = recordingHandler(recorded.handler, kindOf);
  emulator = await startTestEmulator(recording.handler);
});
afterEach(() => emulator.close());

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) throw new Error("the call should have been refused");
  return error as BackendError;
}

async function twoVpcs(s: HuaweiCloudBackend) {
  const a = await s.createVpc({ name: "a", region: REGION, cidrs: ["10.0.0.0/16"] });
  const b = await s.createVpc({ name: "b", region: REGION, cidrs: ["10.1.0.0/16"] });
  return { a, b };
}

describe("huaweicloud clientToken across sessions (issue 17)", () => {
  it("a create whose answer was lost, and whose process then died, is adopted by the next session", async () => {
    // The first process: each create is carried out, its answer lost, and the process gives up (no retries).
    const first = session({ maxAttempts: 1 });
    recording.lose.add("CreateVpc");
    await expect(
      first.createVpc({ name: "lost", region: REGION, cidrs: ["10.9.0.0/16"], clientToken: "tok-vpc" }),
    ).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    const second = session();
    const vpc = await second.createVpc({
      name: "lost",
      region: REGION,
      cidrs: ["10.9.0.0/16"],
      clientToken: "tok-vpc",
    });
    expect((await second.listVpcs()).filter((v) => v.name === "lost")).toEqual([vpc]);

    const { b } = await twoVpcs(second);
    const peeringInput = { vpcId: vpc.id, peerVpcId: b.id, name: "p", clientToken: "tok-p" };
    recording.lose.add("CreateVpcPeering");
    await expect(first.createPeering(peeringInput)).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    const peering = await session().createPeering(peeringInput);
    const all = await second.listPeerings({ vpcId: vpc.id });
    expect(all.items.map((p) => p.id)).toEqual([peering.id]);
    expect(peering.status).toBe("ACTIVE");

    const routeInput = {
      vpcId: vpc.id,
      destination: "10.1.0.0/16",
      peeringId: peering.id,
      clientToken: "tok-r",
    };
    recording.lose.add("UpdateRouteTable");
    await expect(first.createRoute(routeInput)).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    const route = await session().createRoute(routeInput);
    const routes = await second.listRoutes(route.routeTableId);
    expect(routes.map((r) => r.id)).toEqual([route.id]);
    // Every create was sent once: the adopting sessions looked first and found the marked resource.
    expect(recording.seen.filter((k) => k === "CreateVpcPeering")).toHaveLength(1);
    expect(recording.seen.filter((k) => k === "UpdateRouteTable")).toHaveLength(1);
  });

  it("a lost answer within one session is recognised by its token on the retry", async () => {
    const s = session();
    const { a, b } = await twoVpcs(s);
    recording.lose.add("CreateVpcPeering");
    const peering = await s.createPeering({
      vpcId: a.id,
      peerVpcId: b.id,
      name: "p",
      description: "dr",
      clientToken: "tok",
    });
    expect((await s.listPeerings({ vpcId: a.id })).items.map((p) => p.id)).toEqual([peering.id]);
    expect(peering.description).toBe("dr");
    expect(recording.seen.filter((k) => k === "CreateVpcPeering")).toHaveLength(1);
  });

  it("carries the token on the wire but never reads it back, and keeps it through a description change", async () => {
    const s = session();
    const vpc = await s.createVpc({
      name: "m",
      region: REGION,
      cidrs: ["10.0.0.0/16"],
      clientToken: "tok-m",
    });
    const other = await s.createVpc({ name: "o", region: REGION, cidrs: ["10.1.0.0/16"] });
    const p = await s.createPeering({
      vpcId: vpc.id,
      peerVpcId: other.id,
      name: "p",
      description: "dr link",
      clientToken: "tok-p",
    });
    const r = await s.createRoute({
      vpcId: vpc.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
      description: "to o",
      clientToken: "tok-r",
    });
    // On the resource: the VPC's, the peering's and the route's descriptions carry it.
    const onWire = wire.join("\n");
    for (const token of ["tok-m", "tok-p", "tok-r"]) expect(onWire).toContain(`[${MARKER}:${token}]`);
    // Read back: never.
    const readBack = JSON.stringify([
      await s.describeVpc(vpc.id),
      await s.listVpcs(),
      await s.describePeering(p.id),
      await s.listPeerings(),
      await s.listRoutes(r.routeTableId),
      p,
      r,
    ]);
    expect(readBack).not.toContain(MARKER);
    expect((await s.describePeering(p.id)).description).toBe("dr link");
    expect((await s.listRoutes(r.routeTableId)).find((x) => x.id === r.id)?.description).toBe("to o");

    // A description change keeps the token: a later create with it still adopts the peering.
    const renamed = await s.modifyPeering(p.id, { description: "new text" });
    expect(renamed.description).toBe("new text");
    const again = await session().createPeering({
      vpcId: vpc.id,
      peerVpcId: other.id,
      name: "p",
      clientToken: "tok-p",
    });
    expect(again.id).toBe(p.id);
    expect(again.description).toBe("new text");
  });

  it("the same token on another request is IDEMPOTENCY_CONFLICT naming what it made", async () => {
    const s = session();
    const { a, b } = await twoVpcs(s);
    const c = await s.createVpc({ name: "c", region: REGION, cidrs: ["10.2.0.0/16"] });
    const p = await s.createPeering({ vpcId: a.id, peerVpcId: b.id, name: "p", clientToken: "tok-p" });
    const wrongPair = await refusal(
      session().createPeering({ vpcId: a.id, peerVpcId: c.id, name: "p", clientToken: "tok-p" }),
    );
    expect(wrongPair).toMatchObject({ code: "IDEMPOTENCY_CONFLICT", value: p.id });
    expect(wrongPair.message).toContain(p.id);

    const r = await s.createRoute({
      vpcId: a.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
      clientToken: "t-r",
    });
    const wrongDestination = await refusal(
      session().createRoute({ vpcId: a.id, destination: "10.7.0.0/16", peeringId: p.id, clientToken: "t-r" }),
    );
    expect(wrongDestination.code).toBe("IDEMPOTENCY_CONFLICT");
    expect((await s.listRoutes(r.routeTableId)).map((x) => x.id)).toEqual([r.id]);

    const v = await s.createVpc({ name: "v", region: REGION, cidrs: ["10.5.0.0/16"], clientToken: "t-v" });
    const wrongCidr = await refusal(
      session().createVpc({ name: "v", region: REGION, cidrs: ["10.6.0.0/16"], clientToken: "t-v" }),
    );
    expect(wrongCidr).toMatchObject({ code: "IDEMPOTENCY_CONFLICT", value: v.id });
  });

  it("a peering or route of the same pair without the token is someone else's: refused, with how to adopt it", async () => {
    const s = session();
    const { a, b } = await twoVpcs(s);
    const foreign = await s.createPeering({ vpcId: a.id, peerVpcId: b.id, name: "theirs" });
    const refused = await refusal(
      session().createPeering({ vpcId: a.id, peerVpcId: b.id, name: "mine", clientToken: "tok" }),
    );
    expect(refused).toMatchObject({ code: "DUPLICATE_PEERING", value: foreign.id });
    expect(refused.fix).toContain("existingId");
    expect(refused.fix).toContain(foreign.id);

    const theirRoute = await s.createRoute({
      vpcId: a.id,
      destination: "10.1.0.0/16",
      peeringId: foreign.id,
    });
    const routeRefused = await refusal(
      session().createRoute({
        vpcId: a.id,
        destination: "10.1.0.0/16",
        peeringId: foreign.id,
        clientToken: "tok-r",
      }),
    );
    expect(routeRefused).toMatchObject({ code: "ROUTE_CONFLICT", value: theirRoute.id });
    expect(routeRefused.fix).toContain("existingId");
  });
});
