/**
 * The peering lifecycle every backend must pass, written once and run per cloud against the emulator over HTTP
 * (issue 4: "Each cloud backend against the emulator over HTTP: the same lifecycle suite, shared, parameterised
 * by cloud"). A cloud's test file calls `describeLifecycleSuite("tencentcloud", factory)`; the factory starts
 * whatever it needs (the emulator, two backends for two accounts) and the suite drives them only through the
 * Backend interface, asserting peerlink codes (each backend maps its cloud's codes onto them).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend, PeeringStatus } from "../../../provider/backends/backend.js";
import { CLOUD_RULES, type Cloud, deletedPeeringsListed, mayAct } from "../../../provider/core/index.js";

export interface LifecycleFixture {
  readonly cloud: Cloud;
  /** A session of the requester account. */
  readonly requester: Backend;
  /** A session of another account of the same cloud (the accepter of cross-account peerings). */
  readonly accepter: Backend;
  /** A third account, a side of nothing. */
  readonly stranger: Backend;
  /** The region most VPCs are created in. */
  readonly region: string;
  /** A second region, for the cross-region case. */
  readonly otherRegion: string;
  /**
   * Bandwidths for a cross-region peering and its resize (Tencent: tiers 10..1000 Mbps); undefined where the
   * cloud has no resize (the resize step is skipped).
   */
  readonly resize?: { readonly from: number; readonly to: number };
  /**
   * A new session of the requester account, sharing nothing with `requester` but the cloud (what a second
   * `pulumi up` process opens); the cross-process idempotency case is skipped without it.
   */
  readonly reopen?: () => Backend;
  /** Stops the emulator and closes the backends. */
  close(): Promise<void>;
}

/** Waits for a peering status by polling (the emulator settles at once; real clouds take a moment). */
async function statusBecomes(backend: Backend, id: string, status: PeeringStatus): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await backend.describePeering(id)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect((await backend.describePeering(id)).status).toBe(status);
}

export function describeLifecycleSuite(name: string, factory: () => Promise<LifecycleFixture>): void {
  describe(`${name}: the Backend lifecycle over the emulator`, () => {
    let f: LifecycleFixture;
    // Distinct /16s for every VPC of the run, so tests never collide on CIDRs.
    let next = 0;
    const cidr = () => `10.${next++}.0.0/16`;

    beforeAll(async () => {
      f = await factory();
    });
    afterAll(async () => {
      await f?.close();
    });

    const vpc = (backend: Backend, label: string, region = f.region) =>
      backend.createVpc({ name: `${label}-${next}`, region, cidrs: [cidr()] });

    it("creates a VPC with its main route table at once, and lists and describes it", async () => {
      const created = await vpc(f.requester, "vpc");
      expect(created.cloud).toBe(f.cloud);
      expect(created.region).toBe(f.region);
      expect(created.account).toBe(f.requester.account);
      expect(created.routeTables.filter((t) => t.main)).toHaveLength(1);
      expect((await f.requester.describeVpc(created.id)).cidrs).toEqual(created.cidrs);
      expect((await f.requester.listVpcs()).map((v) => v.id)).toContain(created.id);
      expect((await f.requester.listRouteTables(created.id)).some((t) => t.main)).toBe(true);
    });

    it("runs a cross-account peering: create, accept by the peer, routes on both sides, delete removes them", async () => {
      const a = await vpc(f.requester, "req");
      const b = await vpc(f.accepter, "acc");
      const peering = await f.requester.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerAccount: f.accepter.account,
        name: `x-account-${a.id}`,
      });
      expect(peering.status).toBe("PENDING");
      expect(peering.account).toBe(f.requester.account);
      expect(peering.peerAccount).toBe(f.accepter.account);
      expect((await f.accepter.describePeering(peering.id)).status).toBe("PENDING");

      // Routes need an ACTIVE peering.
      await expect(
        f.requester.createRoute({ vpcId: a.id, destination: b.cidrs[0]!, peeringId: peering.id }),
      ).rejects.toMatchObject({ code: "PEERING_NOT_ACTIVE" });

      const accepted = await f.accepter.acceptPeering(peering.id);
      expect(["ACCEPTING", "ACTIVE"]).toContain(accepted.status);
      await statusBecomes(f.requester, peering.id, "ACTIVE");

      const there = await f.requester.createRoute({
        vpcId: a.id,
        destination: b.cidrs[0]!,
        peeringId: peering.id,
      });
      const back = await f.accepter.createRoute({
        vpcId: b.id,
        destination: a.cidrs[0]!,
        peeringId: peering.id,
      });
      const mainA = a.routeTables.find((t) => t.main)!.id;
      const mainB = b.routeTables.find((t) => t.main)!.id;
      expect(there.routeTableId).toBe(mainA);
      expect((await f.requester.listRoutes(mainA)).map((r) => [r.destination, r.peeringId])).toEqual([
        [b.cidrs[0], peering.id],
      ]);
      expect((await f.accepter.listRoutes(mainB)).map((r) => r.id)).toEqual([back.id]);

      // Who may delete is the cloud's rule (the rulebook): the accepter where it may, else it is refused and the
      // requester deletes.
      if (mayAct(f.cloud, "delete", "accepter")) await f.accepter.deletePeering(peering.id);
      else {
        await expect(f.accepter.deletePeering(peering.id)).rejects.toMatchObject({
          code: "PERMISSION_DENIED",
        });
        await f.requester.deletePeering(peering.id);
      }
      expect(await f.requester.listRoutes(mainA)).toEqual([]);
      expect(await f.accepter.listRoutes(mainB)).toEqual([]);
      // A deleted peering stays listed as DELETED, or is removed at once (Huawei), as the rulebook says.
      const after = await f.requester.describePeering(peering.id).then(
        (p) => p.status,
        (error: { code?: string }) => error.code,
      );
      expect(after).toBe(deletedPeeringsListed(f.cloud) ? "DELETED" : "NOT_FOUND");
    });

    it("makes a same-account peering ACTIVE without an accept, and a route deletes by id", async () => {
      const a = await vpc(f.requester, "same-a");
      const b = await vpc(f.requester, "same-b");
      const peering = await f.requester.createPeering({ vpcId: a.id, peerVpcId: b.id, name: `same-${a.id}` });
      await statusBecomes(f.requester, peering.id, "ACTIVE");
      const route = await f.requester.createRoute({
        vpcId: a.id,
        destination: b.cidrs[0]!,
        peeringId: peering.id,
      });
      await f.requester.deleteRoute(route.id);
      expect(await f.requester.listRoutes(route.routeTableId)).toEqual([]);
      await expect(f.requester.deleteRoute(route.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("adopts what an earlier session created with the same clientToken, and frees the token once it is deleted (issue 17)", async (context) => {
      if (f.reopen === undefined) return context.skip();
      const again = f.reopen();
      const token = `idem-${f.cloud}-${next}`;
      const vpcInput = (label: string, block: string) => ({
        name: `${label}-${token}`,
        region: f.region,
        cidrs: [block],
        tags: { team: "net" },
        clientToken: `${token}-${label}`,
      });
      const [cidrA, cidrB] = [cidr(), cidr()];
      const a = await f.requester.createVpc(vpcInput("a", cidrA));
      const b = await f.requester.createVpc(vpcInput("b", cidrB));
      const aAgain = await again.createVpc(vpcInput("a", cidrA));
      expect(aAgain.id).toBe(a.id);
      expect((await again.listVpcs()).filter((v) => v.name === a.name)).toHaveLength(1);
      // The token is the backend's business: the VPC reads back with the user's tags only.
      expect(aAgain.tags).toEqual(a.tags);
      expect(Object.keys((await again.describeVpc(a.id)).tags)).not.toContain("peerlink-create-token");
      await expect(again.createVpc({ ...vpcInput("a", cidrA), cidrs: [cidr()] })).rejects.toMatchObject({
        code: "IDEMPOTENCY_CONFLICT",
      });

      // Tencent peerings have no description (CreateVpcPeeringConnectionRequest and PeerConnection have none).
      const description = f.cloud === "tencentcloud" ? undefined : "dr link";
      const peeringInput = {
        vpcId: a.id,
        peerVpcId: b.id,
        name: `p-${token}`,
        ...(description === undefined ? {} : { description }),
        clientToken: `${token}-p`,
      };
      const p = await f.requester.createPeering(peeringInput);
      const pAgain = await again.createPeering(peeringInput);
      expect(pAgain.id).toBe(p.id);
      expect(pAgain.description).toBe(description ?? "");
      expect((await again.describePeering(p.id)).description).toBe(description ?? "");
      // A rerun's plan-time check recognises its own request by the token the listing reports.
      const listed = (await again.listPeerings({ vpcId: a.id })).items.find((x) => x.id === p.id);
      expect(listed?.createToken).toBe(peeringInput.clientToken);
      // Without the token the same pair is someone else's request: still refused.
      await expect(again.createPeering({ ...peeringInput, clientToken: undefined })).rejects.toMatchObject({
        code: "DUPLICATE_PEERING",
      });
      await statusBecomes(f.requester, p.id, "ACTIVE");

      const routeInput = {
        vpcId: a.id,
        destination: cidrB,
        peeringId: p.id,
        description: "to b",
        clientToken: `${token}-r`,
      };
      const r = await f.requester.createRoute(routeInput);
      const rAgain = await again.createRoute(routeInput);
      expect(rAgain.id).toBe(r.id);
      const routes = await again.listRoutes(r.routeTableId);
      expect(routes.filter((x) => x.destination === cidrB)).toHaveLength(1);
      expect(routes.find((x) => x.id === r.id)?.description).toBe("to b");

      // Deleted, the token is free again: the next create with it makes a new resource (a destroy, then an up).
      await f.requester.deleteRoute(r.id);
      await f.requester.deletePeering(p.id);
      await f.requester.deleteVpc(a.id);
      const aNew = await again.createVpc(vpcInput("a", cidrA));
      expect(aNew.id).not.toBe(a.id);
      await again.deleteVpc(aNew.id);
      await f.requester.deleteVpc(b.id);
    });

    it("resizes a cross-region peering's bandwidth", async (context) => {
      if (!f.resize || !f.requester.capabilities().bandwidthResize) context.skip();
      const a = await vpc(f.requester, "xr-a");
      const b = await vpc(f.requester, "xr-b", f.otherRegion);
      expect(b.region).toBe(f.otherRegion);
      const peering = await f.requester.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerRegion: f.otherRegion,
        name: `xr-${a.id}`,
        bandwidthMbps: f.resize!.from,
      });
      expect(peering.peerRegion).toBe(f.otherRegion);
      expect(peering.bandwidthMbps).toBe(f.resize!.from);
      const resized = await f.requester.modifyPeering(peering.id, { bandwidthMbps: f.resize!.to });
      expect(resized.bandwidthMbps).toBe(f.resize!.to);
      expect((await f.requester.describePeering(peering.id)).bandwidthMbps).toBe(f.resize!.to);
    });

    it("lets the accepter reject a request", async () => {
      const a = await vpc(f.requester, "rej-a");
      const b = await vpc(f.accepter, "rej-b");
      const peering = await f.requester.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerAccount: f.accepter.account,
        name: `rej-${a.id}`,
      });
      expect((await f.accepter.rejectPeering(peering.id)).status).toBe("REJECTED");
      await expect(f.accepter.acceptPeering(peering.id)).rejects.toMatchObject({
        code: "INVALID_STATE_TRANSITION",
      });
    });

    it("refuses what the cloud refuses, with peerlink codes", async () => {
      const a = await vpc(f.requester, "ref-a");
      const b = await vpc(f.accepter, "ref-b");
      const overlapping = await f.requester.createVpc({
        name: `ref-overlap-${next}`,
        region: f.region,
        cidrs: [a.cidrs[0]!],
      });
      await expect(
        f.requester.createPeering({ vpcId: a.id, peerVpcId: overlapping.id, name: "overlap" }),
      ).rejects.toMatchObject({ code: "CIDR_OVERLAP" });

      const peering = await f.requester.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerAccount: f.accepter.account,
        name: `ref-${a.id}`,
      });
      await expect(
        f.requester.createPeering({
          vpcId: a.id,
          peerVpcId: b.id,
          peerAccount: f.accepter.account,
          name: "again",
        }),
      ).rejects.toMatchObject({ code: "DUPLICATE_PEERING" });
      // Only the accepter accepts; a stranger is no side at all.
      await expect(f.requester.acceptPeering(peering.id)).rejects.toMatchObject({
        code: "PERMISSION_DENIED",
      });
      await expect(f.stranger.acceptPeering(peering.id)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
      await f.accepter.acceptPeering(peering.id);
      await statusBecomes(f.requester, peering.id, "ACTIVE");
      await expect(f.accepter.acceptPeering(peering.id)).rejects.toMatchObject({
        code: "INVALID_STATE_TRANSITION",
      });
      // A route into a block outside the peer VPC.
      await expect(
        f.requester.createRoute({ vpcId: a.id, destination: "192.168.0.0/24", peeringId: peering.id }),
      ).rejects.toMatchObject({ code: "ROUTE_DESTINATION_NOT_IN_PEER" });
      await expect(f.requester.deleteVpc(a.id)).rejects.toMatchObject({ code: "VPC_IN_USE" });
      await expect(f.requester.describeVpc("vpc-doesnotexist")).rejects.toMatchObject({ code: "NOT_FOUND" });
      // The other account's VPC is invisible to the requester.
      await expect(f.requester.describeVpc(b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("refuses a peering over the cloud's documented per-VPC quota (PEERING_LIMIT_EXCEEDED)", async () => {
      const hub = await vpc(f.requester, "hub");
      if (CLOUD_RULES[f.cloud].maxPeeringsPerVpc === undefined) {
        // Huawei documents no fixed number (以实际配额为准): the rulebook leaves it open, so an 11th is accepted.
        for (let i = 0; i < 11; i++) {
          const spoke = await vpc(f.requester, `spoke${i}`);
          await f.requester.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `hub-${i}-${hub.id}` });
        }
        expect((await f.requester.listPeerings({ vpcId: hub.id })).total).toBe(11);
        return;
      }
      expect(CLOUD_RULES[f.cloud].maxPeeringsPerVpc).toBe(10);
      for (let i = 0; i < 10; i++) {
        const spoke = await vpc(f.requester, `spoke${i}`);
        await f.requester.createPeering({ vpcId: hub.id, peerVpcId: spoke.id, name: `hub-${i}-${hub.id}` });
      }
      const extra = await vpc(f.requester, "spoke10");
      await expect(
        f.requester.createPeering({ vpcId: hub.id, peerVpcId: extra.id, name: `hub-10-${hub.id}` }),
      ).rejects.toMatchObject({ code: "PEERING_LIMIT_EXCEEDED" });
      const page1 = await f.requester.listPeerings({ vpcId: hub.id }, { offset: 0, limit: 4 });
      const page3 = await f.requester.listPeerings({ vpcId: hub.id }, { offset: 8, limit: 4 });
      expect(page1.total).toBe(10);
      expect(page1.items).toHaveLength(4);
      expect(page3.items).toHaveLength(2);
      const byName = await f.requester.listPeerings({ name: `hub-3-${hub.id}` });
      expect(byName.items.map((p) => p.name)).toEqual([`hub-3-${hub.id}`]);
      const active = await f.requester.listPeerings({ vpcId: hub.id, status: ["ACTIVE"] }, { limit: 100 });
      expect(active.total).toBe(10);
    });
  });
}
