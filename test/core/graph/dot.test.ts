import { type EdgeModel, fromDot, type RootGraphModel } from "ts-graphviz";
import { describe, expect, it } from "vitest";
import { renderDot } from "../../../provider/core/graph/index.js";
import { CROSS_ACCOUNT, HOSTILE_IDS, TWO_REGION_DR, topologyOf, variant } from "./fixtures.js";

/**
 * What Graphviz shows for a label: fromDot has already turned `\"` into `"`; the rest of the escString
 * escapes are read here the way Graphviz reads them (`\n` a line break, `\x` the character x).
 */
function shown(value: unknown): string[] {
  expect(typeof value).toBe("string");
  return (value as string).replace(/\\(.)/gs, (_, c: string) => (c === "n" ? "\n" : c)).split("\n");
}

function parse(topologyInput: unknown): RootGraphModel {
  return fromDot(renderDot(topologyOf(topologyInput)));
}

function nodeLabels(graph: RootGraphModel): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const cluster of graph.subgraphs)
    for (const node of cluster.nodes) labels.set(node.id, shown(node.attributes.get("label")));
  return labels;
}

function ends(edge: EdgeModel): string[] {
  return edge.targets.map((target) => ("id" in target ? target.id : ""));
}

describe("renderDot", () => {
  it("parses back with one cluster per cloud and region and the VPC nodes inside", () => {
    const graph = parse(TWO_REGION_DR);

    expect(graph.directed).toBe(true);
    expect(graph.nodes).toHaveLength(0);
    expect(graph.subgraphs.map((s) => s.id)).toEqual(["cluster_g0", "cluster_g1"]);
    expect(graph.subgraphs.map((s) => s.get("label"))).toEqual([
      "tencentcloud ap-guangzhou",
      "tencentcloud ap-beijing",
    ]);
    expect(graph.subgraphs.map((s) => s.nodes.length)).toEqual([1, 1]);
    expect([...nodeLabels(graph).values()]).toEqual([
      ["vpc-gz", "10.0.0.0/16", "account 100001"],
      ["vpc-bj", "10.1.0.0/16", "10.2.0.0/16", "account 100001"],
    ]);
  });

  it("draws the peering undirected and wide when cross-region, and routes as dashed arrows", () => {
    const graph = parse(TWO_REGION_DR);
    const [peering, ...routes] = graph.edges;

    expect(graph.edges).toHaveLength(3);
    expect(ends(peering!)).toEqual(["v0", "v1"]);
    expect(peering!.attributes.get("dir")).toBe("none");
    expect(Number(peering!.attributes.get("penwidth"))).toBeGreaterThan(1);
    expect(shown(peering!.attributes.get("label"))).toEqual(["payments-dr (gz-bj)", "200 Mbps"]);

    expect(routes.map((e) => e.attributes.get("style"))).toEqual(["dashed", "dashed"]);
    expect(routes.map((e) => e.attributes.get("dir"))).toEqual([undefined, undefined]);
    expect(routes.map(ends)).toEqual([
      ["v0", "v1"],
      ["v1", "v0"],
    ]);
    expect(routes.map((e) => shown(e.attributes.get("label")))).toEqual([
      ["10.1.0.0/16", "10.1.0.0/16 (rtb-gz-app)", "10.2.0.0/16 (rtb-gz-app)"],
      ["10.0.0.0/16"],
    ]);
  });

  it("labels a cross-account peering and keeps a same-region one thin", () => {
    const graph = parse(CROSS_ACCOUNT);
    const peering = graph.edges[0]!;

    expect(graph.subgraphs).toHaveLength(1);
    expect(graph.edges).toHaveLength(3);
    expect(Number(peering.attributes.get("penwidth"))).toBe(1);
    expect(shown(peering.attributes.get("label"))).toEqual(["a-b", "same-region", "cross-account"]);
  });

  it("keeps hostile ids readable in labels and out of node ids", () => {
    const graph = parse(HOSTILE_IDS);
    const labels = nodeLabels(graph);

    expect([...labels.keys()]).toEqual(["v0", "v1", "v2", "v3"]);
    expect([...labels.values()].map((lines) => lines[0])).toEqual(HOSTILE_IDS.vpcs.map((v) => v.id));
    expect(labels.get("v3")!.at(-1)).toBe('account x"\\>');
    expect(graph.edges.map((e) => shown(e.attributes.get("label"))[0])).toEqual([
      'p "1"',
      "say \\N #quot; (p2)",
      "10.1.0.0/16",
      "10.2.0.0/16",
    ]);
  });

  it("never prints a label shaped like <...> as an HTML label", () => {
    const input = variant(CROSS_ACCOUNT, (doc) => {
      doc.vpcs[0]!.id = "<b";
      doc.vpcs[0]!.account = "1>";
      doc.peerings[0]!.vpc = "<b";
      doc.routes[0]!.vpc = "<b";
    });
    const text = renderDot(topologyOf(input));

    expect(text).not.toMatch(/label = </);
    expect(nodeLabels(fromDot(text)).get("v0")).toEqual(["<b", "10.10.0.0/16", "account 1>"]);
  });

  it("is deterministic", () => {
    const first = renderDot(topologyOf(TWO_REGION_DR));
    expect(renderDot(topologyOf(TWO_REGION_DR))).toBe(first);
    expect(renderDot(topologyOf(structuredClone(TWO_REGION_DR)))).toBe(first);
  });
});
