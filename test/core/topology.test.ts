/**
 * resolveTopology on repeated ids: the first declaration wins, a repeat is one INVALID_DOCUMENT at its position
 * and reports nothing else (its blocks and references are not judged), and positions stay 0, 1, ... in order.
 * The resolver sets ids without asking first and notices a repeat afterwards, so every order is covered here.
 */
import { describe, expect, it } from "vitest";
import { resolveTopology } from "../../provider/core/topology.js";
import { topologyIndex } from "../../provider/core/topology-index.js";
import { type TopologyDocument, topologySchema } from "../../provider/core/topology-schema.js";
import { vpc } from "../support/fixtures.js";

function resolve(input: unknown) {
  const document: TopologyDocument = topologySchema.parse(input);
  const { topology, diagnostics } = resolveTopology(document);
  return { topology, found: diagnostics.map((d) => `${d.code} ${d.resource} ${d.message}`) };
}

describe("repeated VPC ids", () => {
  it("keeps the first, reports the repeat once, and judges none of the repeat's blocks", () => {
    const { topology, found } = resolve({
      vpcs: [
        vpc("a", "10.0.0.0/16"),
        vpc("b", "10.1.0.0/16"),
        vpc("a", ["10.2.0.1/16", "nonsense"]),
        vpc("c", "10.3.0.0/16"),
      ],
    });
    expect(found).toEqual([
      expect.stringMatching(/^INVALID_DOCUMENT vpcs\[2\] VPC id "a" is declared more than once/),
    ]);
    expect(topology.vpcs.map((v) => `${v.id} ${v.cidrs[0]!.text}`)).toEqual([
      "a 10.0.0.0/16",
      "b 10.1.0.0/16",
      "c 10.3.0.0/16",
    ]);
    expect(topology.vpcById.get("a")!.cidrs[0]!.text).toBe("10.0.0.0/16");
    expect(topology.vpcs.map((v) => (v as unknown as { position: number }).position)).toEqual([0, 1, 2]);
  });

  it("reports every later repeat, also once the first has been seen", () => {
    const { topology, found } = resolve({
      vpcs: [
        vpc("a", "10.0.0.0/16"),
        vpc("a", "10.1.0.0/16"),
        vpc("b", "10.2.0.0/16"),
        vpc("b", "10.3.0.0/16"),
        vpc("a", "10.4.0.0/16"),
      ],
    });
    expect(found.map((f) => f.split(" ").slice(0, 2).join(" "))).toEqual([
      "INVALID_DOCUMENT vpcs[1]",
      "INVALID_DOCUMENT vpcs[3]",
      "INVALID_DOCUMENT vpcs[4]",
    ]);
    expect(topology.vpcs.map((v) => v.cidrs[0]!.text)).toEqual(["10.0.0.0/16", "10.2.0.0/16"]);
  });
});

describe("repeated peering ids", () => {
  const vpcs = [vpc("a", "10.0.0.0/16"), vpc("b", "10.1.0.0/16"), vpc("c", "10.2.0.0/16")];

  it.each([
    ["resolved, then resolved", { vpc: "a", peerVpc: "b" }, { vpc: "a", peerVpc: "c" }, ["a", "b"]],
    ["resolved, then unresolved", { vpc: "a", peerVpc: "b" }, { vpc: "a", peerVpc: "zz" }, ["a", "b"]],
    ["unresolved, then resolved", { vpc: "a", peerVpc: "zz" }, { vpc: "a", peerVpc: "c" }, undefined],
    ["unresolved, then unresolved", { vpc: "yy", peerVpc: "b" }, { vpc: "a", peerVpc: "zz" }, undefined],
  ])("%s: the repeat is one INVALID_DOCUMENT and nothing else", (_, first, second, kept) => {
    const { topology, found } = resolve({
      vpcs,
      peerings: [
        { id: "p", ...first },
        { id: "q", vpc: "b", peerVpc: "c" },
        { id: "p", ...second },
      ],
    });
    const repeat = found.filter((f) => f.startsWith("INVALID_DOCUMENT"));
    expect(repeat).toEqual([expect.stringMatching(/^INVALID_DOCUMENT peerings\[2\] Peering id "p"/)]);
    // The only UNKNOWN_REFERENCE is the first declaration's own, never the repeat's.
    expect(found.filter((f) => f.startsWith("UNKNOWN_REFERENCE"))).toHaveLength(
      kept ? 0 : first.vpc === "yy" ? 1 : 1,
    );
    const p = topology.peeringById.get("p");
    expect(p ? [p.vpc.id, p.peerVpc.id] : undefined).toEqual(kept);
    expect(topology.peerings.map((x) => x.id)).toEqual(kept ? ["p", "q"] : ["q"]);
    const index = topologyIndex(topology);
    expect(Array.from(index.peeringVpc)).toEqual(topology.peerings.map((x) => topology.vpcs.indexOf(x.vpc)));
  });
});

describe("routes", () => {
  it("a destination that is the peer's block and one that is not resolve to the same parsed blocks", () => {
    const { topology, found } = resolve({
      vpcs: [vpc("a", "10.0.0.0/16"), vpc("b", ["10.1.0.0/16", "10.9.0.0/16"])],
      peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      routes: [
        { vpc: "a", peering: "p", destination: "10.9.0.0/16" },
        { vpc: "a", peering: "p", destination: "10.1.4.0/24" },
        { vpc: "b", peering: "p", destination: "10.0.0.0/16" },
        { vpc: "b", peering: "p", destination: "10.0.0.1/16" },
      ],
    });
    expect(found).toEqual([
      expect.stringMatching(/^INVALID_CIDR routes\[3\] destination "10.0.0.1\/16" has host bits set/),
    ]);
    expect(
      topology.routes.map((r) => `${r.vpc.id} ${r.destination.text} ${String(r.destination.start)}`),
    ).toEqual([
      `a 10.9.0.0/16 ${10 * 2 ** 24 + 9 * 2 ** 16}`,
      `a 10.1.4.0/24 ${10 * 2 ** 24 + 2 ** 16 + 4 * 256}`,
      `b 10.0.0.0/16 ${10 * 2 ** 24}`,
    ]);
  });
});
