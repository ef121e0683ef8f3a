/**
 * How many requests each step of a peering lifecycle costs a cloud backend (issue 12: "no describe that the answer
 * already gave"), written once and run per cloud against the emulator: the protocol handler is wrapped to count
 * what reaches it. Also checks that what a step answers without reading the peering back is what a read shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend, PeeringInfo } from "../../../provider/backends/backend.js";
import type { EmulatorAccount, ProtocolHandler } from "../../../provider/emulator/protocol.js";
import { type RunningEmulator, startEmulator } from "../../../provider/emulator/server.js";

export interface RequestCountFixture {
  readonly handler: ProtocolHandler;
  readonly accounts: readonly [EmulatorAccount, EmulatorAccount];
  readonly region: string;
  readonly open: (url: string, account: EmulatorAccount) => Backend;
  /**
   * Requests per step of a cross-account lifecycle with no client token. `accept`: given the peering as the caller
   * last read it; `acceptUnknown`: given only its id.
   */
  readonly expected: {
    readonly create: number;
    readonly accept: number;
    readonly acceptUnknown: number;
    readonly delete: number;
  };
}

/** The fields a create answers that a read of the new peering must show too (the times are the cloud's). */
function comparable(p: PeeringInfo): Partial<PeeringInfo> {
  const { createdAt: _c, updatedAt: _u, expiresAt: _e, ...rest } = p;
  return rest;
}

export function describeRequestCounts(name: string, fixture: RequestCountFixture): void {
  describe(`${name}: requests per peering lifecycle step`, () => {
    let emulator: RunningEmulator;
    let requests = 0;
    let alice: Backend;
    let bob: Backend;
    const counted = async <T>(fn: () => Promise<T>): Promise<{ value: T; requests: number }> => {
      const before = requests;
      const value = await fn();
      return { value, requests: requests - before };
    };

    beforeAll(async () => {
      const counting: ProtocolHandler = {
        ...fixture.handler,
        handle(request, context) {
          requests++;
          return fixture.handler.handle(request, context);
        },
      };
      emulator = await startEmulator({
        accounts: fixture.accounts,
        rateLimits: false,
        handlers: [counting],
        port: 0,
      });
      alice = fixture.open(emulator.url, fixture.accounts[0]);
      bob = fixture.open(emulator.url, fixture.accounts[1]);
    });
    afterAll(async () => {
      await alice?.close();
      await bob?.close();
      await emulator?.close();
    });

    it("creates, accepts and deletes with no read the answer already gave, and answers what a read shows", async () => {
      const a = await alice.createVpc({ name: "count-a", region: fixture.region, cidrs: ["10.0.0.0/16"] });
      const b = await bob.createVpc({ name: "count-b", region: fixture.region, cidrs: ["10.1.0.0/16"] });
      const created = await counted(() =>
        alice.createPeering({ vpcId: a.id, peerVpcId: b.id, peerAccount: bob.account, name: "count" }),
      );
      expect(created.requests).toBe(fixture.expected.create);
      const read = await alice.describePeering(created.value.id);
      expect(comparable(created.value)).toEqual(comparable(read));
      expect(created.value.status).toBe("PENDING");
      expect(Math.abs(Date.parse(created.value.createdAt) - Date.parse(read.createdAt))).toBeLessThan(5000);

      const accepted = await counted(() => bob.acceptPeering(created.value.id, read));
      expect(accepted.requests).toBe(fixture.expected.accept);
      expect(accepted.value.status).toBe("ACTIVE");
      const afterAccept = await alice.describePeering(created.value.id);
      expect(comparable(accepted.value)).toEqual(comparable(afterAccept));
      expect(accepted.value.expiresAt).toBe(afterAccept.expiresAt);

      const deleted = await counted(() => alice.deletePeering(created.value.id));
      expect(deleted.requests).toBe(fixture.expected.delete);
    });

    it("accepts a request known only by its id by reading it back once", async () => {
      const a = await alice.createVpc({ name: "id-a", region: fixture.region, cidrs: ["10.4.0.0/16"] });
      const b = await bob.createVpc({ name: "id-b", region: fixture.region, cidrs: ["10.5.0.0/16"] });
      const created = await alice.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerAccount: bob.account,
        name: "by-id",
      });
      const accepted = await counted(() => bob.acceptPeering(created.id));
      expect(accepted.requests).toBe(fixture.expected.acceptUnknown);
      expect(comparable(accepted.value)).toEqual(comparable(await alice.describePeering(created.id)));
    });

    it("answers a same-account peering ACTIVE, as a read shows it", async () => {
      const a = await alice.createVpc({ name: "same-a", region: fixture.region, cidrs: ["10.2.0.0/16"] });
      const b = await alice.createVpc({ name: "same-b", region: fixture.region, cidrs: ["10.3.0.0/16"] });
      const created = await counted(() =>
        alice.createPeering({ vpcId: a.id, peerVpcId: b.id, name: "same" }),
      );
      expect(created.requests).toBe(fixture.expected.create);
      expect(created.value.status).toBe("ACTIVE");
      expect(comparable(created.value)).toEqual(comparable(await alice.describePeering(created.value.id)));
    });
  });
}
