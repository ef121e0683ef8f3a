/** Discovery pages through listPeerings until the total, and merges sessions that see the same peering. */
import { describe, expect, it } from "vitest";
import type { Backend, Page, PeeringInfo, SubnetInfo, VpcInfo } from "../../provider/backends/backend.js";
import {
  discoverEstate,
  estateDocument,
  listAllPeerings,
  PEERING_PAGE,
} from "../../provider/backends/discover/discover.js";
import { peeringInfo, vpcInfo } from "./support/infos.js";

function peering(i: number, extra: Partial<PeeringInfo> = {}): PeeringInfo {
  return peeringInfo({ id: `pcx-${i}`, name: `p${i}`, peerVpcId: `vpc-${i}`, peerAccount: "2", ...extra });
}

describe("listAllPeerings", () => {
  it.each([0, 1, PEERING_PAGE, PEERING_PAGE + 1, 250])(
    "reads all %i peerings page by page",
    async (count) => {
      const all = Array.from({ length: count }, (_, i) => peering(i));
      const pages: Page[] = [];
      const backend = {
        async listPeerings(_filter: unknown, page: Page = {}) {
          pages.push(page);
          const offset = page.offset ?? 0;
          return { items: all.slice(offset, offset + (page.limit ?? 100)), total: all.length };
        },
      } as unknown as Backend;
      const read = await listAllPeerings(backend);
      expect(read.map((p) => p.id)).toEqual(all.map((p) => p.id));
      expect(pages.map((p) => p.offset)).toEqual(
        Array.from({ length: Math.max(1, Math.ceil(count / PEERING_PAGE)) }, (_, i) => i * PEERING_PAGE),
      );
    },
  );
});

describe("estateDocument", () => {
  it("keeps one record of a peering both sides list, marks the unread side and drops DELETED ones", () => {
    const doc = estateDocument([
      { vpcs: [], peerings: [peering(1), peering(2, { status: "DELETED" })], routes: [] },
      { vpcs: [], peerings: [peering(1)], routes: [] },
    ]);
    expect(doc.peerings.map((p) => p.id)).toEqual(["pcx-1"]);
    expect(doc.vpcs).toEqual([
      { id: "vpc-1", cloud: "tencentcloud", region: "ap-guangzhou", account: "2", cidrs: [], visible: false },
      { id: "vpc-a", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: [], visible: false },
    ]);
    expect(doc.peerings[0]).toMatchObject({ status: "ACTIVE", createdAt: "2026-12-01T00:00:00.000Z" });
  });
});

describe("estateDocument, subnets", () => {
  const vpc: VpcInfo = vpcInfo({ cloud: "huaweicloud", region: "cn-north-4" });

  const subnet = (
    id: string,
    cidr: string,
    createdAt: string,
    extra: Partial<SubnetInfo> = {},
  ): SubnetInfo => ({
    id,
    vpcId: "vpc-a",
    name: id,
    cidr,
    gatewayIp: `${cidr.split(".").slice(0, 3).join(".")}.1`,
    ipv6: false,
    ipv6Cidr: undefined,
    createdAt,
    ...extra,
  });

  it("writes each VPC's subnets in creation order, then address order within one tick of the cloud's clock", () => {
    const doc = estateDocument([
      {
        vpcs: [vpc],
        peerings: [],
        routes: [],
        subnets: [
          subnet("s-late", "10.0.1.0/24", "2026-12-02T00:00:00Z"),
          subnet("s-10", "10.0.10.0/24", "2026-12-01T00:00:00Z"),
          subnet("s-9", "10.0.9.0/24", "2026-12-01T00:00:00Z"),
        ],
      },
    ]);
    expect(doc.subnets?.map((s) => s.id)).toEqual(["s-9", "s-10", "s-late"]);
  });

  it("leaves out what the document's defaults say (a name equal to the id, the first host as gateway, no IPv6)", () => {
    const doc = estateDocument([
      {
        vpcs: [vpc],
        peerings: [],
        routes: [],
        subnets: [
          subnet("s-1", "10.0.1.0/24", "2026-12-01T00:00:00Z"),
          subnet("s-2", "10.0.2.0/24", "2026-12-01T00:00:01Z", {
            name: "db",
            gatewayIp: "10.0.2.254",
            ipv6: true,
            ipv6Cidr: "2407:c080:1200:2::/64",
          }),
        ],
      },
    ]);
    expect(doc.subnets).toEqual([
      { id: "s-1", vpc: "vpc-a", cidr: "10.0.1.0/24" },
      { id: "s-2", vpc: "vpc-a", cidr: "10.0.2.0/24", name: "db", ipv6: true, gatewayIp: "10.0.2.254" },
    ]);
  });

  it("has no subnets list when a session read none (a backend without subnets): not read is not none", () => {
    const read = { vpcs: [vpc], peerings: [], routes: [], subnets: [] };
    expect(estateDocument([read]).subnets).toEqual([]);
    expect(estateDocument([read, { vpcs: [], peerings: [], routes: [] }]).subnets).toBeUndefined();
  });
});

describe("discoverEstate across the regions of one account", () => {
  /** A session of account 1 in `region` whose listPeerings answers `listed` and counts its calls. */
  function session(region: string, listed: PeeringInfo[], calls: string[]) {
    const backend = {
      kind: "fake",
      account: "1",
      capabilities: () => ({ subnets: false }),
      async listVpcs() {
        return [];
      },
      async listRoutes() {
        return [];
      },
      async listPeerings() {
        calls.push(region);
        return { items: listed, total: listed.length };
      },
    } as unknown as Backend;
    return { name: "acct", region, backend };
  }

  it("reads an account-wide listing once, not once per region", async () => {
    const calls: string[] = [];
    const everywhere = [peering(1), peering(2, { region: "ap-shanghai", peerRegion: "ap-shanghai" })];
    const counts: number[] = [];
    const doc = await discoverEstate(
      [session("ap-guangzhou", everywhere, calls), session("ap-shanghai", everywhere, calls)],
      { onSession: (c) => counts.push(c.peerings) },
    );
    expect(calls).toEqual(["ap-guangzhou"]);
    expect(doc.peerings.map((p) => p.id)).toEqual(["pcx-1", "pcx-2"]);
    expect(counts).toEqual([1, 1]);
  });

  it("reads a regional listing in every region", async () => {
    const calls: string[] = [];
    await discoverEstate(
      [
        session("ap-guangzhou", [peering(1)], calls),
        session("ap-shanghai", [peering(2, { region: "ap-shanghai", peerRegion: "ap-shanghai" })], calls),
      ],
      {},
    );
    expect(calls.sort()).toEqual(["ap-guangzhou", "ap-shanghai"]);
  });
});
