/** Discovery pages through listPeerings until the total, and merges sessions that see the same peering. */
import { describe, expect, it } from "vitest";
import type { Backend, Page, PeeringInfo } from "../../provider/backends/backend.js";
import { estateDocument, listAllPeerings, PEERING_PAGE } from "../../provider/backends/discover/discover.js";

function peering(i: number, extra: Partial<PeeringInfo> = {}): PeeringInfo {
  return {
    id: `pcx-${i}`,
    name: `p${i}`,
    description: "",
    cloud: "tencentcloud",
    vpcId: "vpc-a",
    region: "ap-guangzhou",
    account: "1",
    peerVpcId: `vpc-${i}`,
    peerRegion: "ap-guangzhou",
    peerAccount: "2",
    status: "ACTIVE",
    bandwidthMbps: undefined,
    chargeType: undefined,
    serviceLevel: undefined,
    dnsSync: false,
    tags: {},
    createdAt: "2026-12-01T00:00:00Z",
    updatedAt: "2026-12-01T00:00:00Z",
    expiresAt: undefined,
    ...extra,
  };
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
