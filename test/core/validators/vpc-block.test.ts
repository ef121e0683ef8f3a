import { describe, expect, it } from "vitest";
import { parseCidr } from "../../../provider/core/cidr.js";
import { RULEBOOK } from "../../../provider/core/rulebook/index.js";
import { type Entry, isOpen } from "../../../provider/core/rulebook/types.js";
import type { Cloud } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { vpc } from "../../support/fixtures.js";

const REGION: Record<Cloud, string> = {
  tencentcloud: "ap-guangzhou",
  huaweicloud: "cn-north-4",
  baiducloud: "bj",
};

function blockDiagnostics(cloud: Cloud, cidr: string) {
  const doc = { vpcs: [vpc("a", cidr, REGION[cloud], { cloud })] };
  return validateDocument(doc).diagnostics.filter(
    (d) => d.code === "CIDR_NOT_ALLOWED" || d.code === "INVALID_CIDR",
  );
}

describe("CIDR_NOT_ALLOWED: VPC blocks against each cloud's documented ranges (rulebook vpcBlocks)", () => {
  it.each<[Cloud, string, boolean]>([
    // Tencent: 10/8 and 172.16/12 with /12-/28, 192.168/16 with /16-/28; no IPv6 block of one's own.
    ["tencentcloud", "10.0.0.0/16", true],
    ["tencentcloud", "10.16.0.0/12", true],
    ["tencentcloud", "10.0.0.0/28", true],
    ["tencentcloud", "172.16.0.0/12", true],
    ["tencentcloud", "192.168.0.0/16", true],
    ["tencentcloud", "0.0.0.0/0", false],
    ["tencentcloud", "10.0.0.0/8", false],
    ["tencentcloud", "10.0.0.0/29", false],
    ["tencentcloud", "192.168.0.0/15", false],
    ["tencentcloud", "100.64.0.0/16", false],
    ["tencentcloud", "8.8.8.0/24", false],
    ["tencentcloud", "::/0", false],
    ["tencentcloud", "2001:db8::/56", false],
    // Huawei: 10/8 (/8-/28), 172.16/12 (/12-/28), 192.168/16 (/16-/28); IPv4 only.
    ["huaweicloud", "10.0.0.0/8", true],
    ["huaweicloud", "172.16.0.0/16", true],
    ["huaweicloud", "192.168.0.0/28", true],
    ["huaweicloud", "0.0.0.0/0", false],
    ["huaweicloud", "172.0.0.0/8", false],
    ["huaweicloud", "192.168.0.0/29", false],
    ["huaweicloud", "::/0", false],
    // Baidu: any range (public too), /8-/28; IPv6 undocumented, so open.
    ["baiducloud", "10.0.0.0/8", true],
    ["baiducloud", "8.8.8.0/24", true],
    ["baiducloud", "0.0.0.0/0", false],
    ["baiducloud", "10.0.0.0/7", false],
    ["baiducloud", "10.0.0.0/29", false],
    ["baiducloud", "2001:db8::/56", true],
  ])("%s %s allowed: %s", (cloud, cidr, allowed) => {
    const found = blockDiagnostics(cloud, cidr);
    if (allowed) expect(found).toEqual([]);
    else {
      expect(found.map((d) => `${d.code} ${d.resource}`)).toEqual(["CIDR_NOT_ALLOWED vpcs[a]"]);
      expect(found[0]!.message).toContain(cidr === "::/0" ? "::/0" : parseCidr(cidr).ok ? cidr : "");
      expect(found[0]!.fix.length).toBeGreaterThan(0);
    }
  });

  it("an IPv4-mapped IPv6 block is refused where the cloud takes IPv4 only, with the IPv4 block as the fix", () => {
    for (const cloud of ["tencentcloud", "huaweicloud"] as const) {
      const [d] = blockDiagnostics(cloud, "::ffff:10.1.0.0/112");
      expect(d?.code).toBe("CIDR_NOT_ALLOWED");
      expect(d?.message).toContain("IPv4-mapped");
      expect(d?.fix).toBe('Write "10.1.0.0/16".');
    }
  });

  it("names the allowed ranges in the message", () => {
    const [d] = blockDiagnostics("tencentcloud", "100.64.0.0/16");
    expect(d?.message).toContain("10.0.0.0/8 (/12-/28), 172.16.0.0/12 (/12-/28), 192.168.0.0/16 (/16-/28)");
  });
});

describe("the vpcBlocks entries cite their sources", () => {
  it.each(Object.keys(RULEBOOK) as Cloud[])(
    "%s: every documented entry has title, URL and quote",
    (cloud) => {
      const blocks = RULEBOOK[cloud].vpcBlocks;
      const entries: Entry<unknown>[] = [blocks.ipv4Ranges, blocks.ipv4PrefixLength, blocks.ipv6Declared];
      for (const entry of entries) {
        if (isOpen(entry)) {
          expect(entry.note.length).toBeGreaterThan(20);
          continue;
        }
        expect(entry.sources.length).toBeGreaterThan(0);
        for (const source of entry.sources) {
          expect(source.title).not.toBe("");
          expect(source.url).toMatch(/^https:\/\//);
          expect(source.quote).not.toBe("");
        }
      }
    },
  );

  it("Tencent's ranges are quoted from its console guide, with the masks", () => {
    const entry = RULEBOOK.tencentcloud.vpcBlocks.ipv4Ranges;
    expect(isOpen(entry)).toBe(false);
    if (isOpen(entry)) return;
    expect(entry.sources.map((s) => s.quote)).toContain(
      "10.0.0.0 - 10.255.255.255（掩码范围需在12 - 28之间）",
    );
  });
});

describe("INVALID_CIDR: spaces and leading zeros are refused with the canonical block as the fix", () => {
  it.each([
    [" 10.0.0.0/16 ", "10.0.0.0/16"],
    ["10.0.0.0/016", "10.0.0.0/16"],
    ["10.01.0.0/16", "10.1.0.0/16"],
  ])("%j → write %s", (written, canonical) => {
    const found = blockDiagnostics("tencentcloud", written);
    expect(found.map((d) => d.code)).toEqual(["INVALID_CIDR"]);
    expect(found[0]!.fix).toBe(`Write "${canonical}".`);
    expect(found[0]!.message).toContain("not written canonically");
  });
});

describe("CIDR_OVERLAP: an IPv4-mapped block overlaps the IPv4 block it maps", () => {
  it("Baidu (IPv6 blocks open): ::ffff:10.0.0.0/104 peered with 10.0.0.0/8 overlaps", () => {
    const doc = {
      vpcs: [
        vpc("a", "::ffff:10.0.0.0/104", "bj", { cloud: "baiducloud" }),
        vpc("b", "10.0.0.0/8", "bj", { cloud: "baiducloud" }),
      ],
      peerings: [{ id: "a-b", vpc: "a", peerVpc: "b", bandwidthMbps: 10 }],
    };
    const codes = validateDocument(doc).diagnostics.map((d) => `${d.code} ${d.resource}`);
    expect(codes).toContain("CIDR_OVERLAP peerings[a-b]");
  });
});
