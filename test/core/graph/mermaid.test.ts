import { describe, expect, it } from "vitest";
import { renderMermaid } from "../../../provider/core/graph/index.js";
import { CROSS_ACCOUNT, HOSTILE_IDS, TWO_REGION_DR, topologyOf, variant } from "./fixtures.js";

/**
 * A strict reading of the subset of Mermaid flowchart syntax the renderer emits. Anything else (a raw quote in a
 * label, an unsafe id, a stray line) fails to parse, so these tests check the output's grammar, not substrings.
 */
const ID = "[A-Za-z][A-Za-z0-9_]*";
/** Inside a label: no quote, pipe, backtick, angle bracket except `<br/>`, and `#`/`&` only as entities. */
const LABEL = String.raw`"((?:[^"|\x60<>#&\r\n]|<br/>|#(?:\d+|quot|amp|lt|gt);)*)"`;
const SUBGRAPH = new RegExp(String.raw`^  subgraph (${ID})\[${LABEL}\]$`);
const NODE = new RegExp(String.raw`^    (${ID})\[${LABEL}\]$`);
const EDGE = new RegExp(String.raw`^  (${ID}) (---|===|-\.->)\|${LABEL}\| (${ID})$`);

interface Parsed {
  subgraphs: { id: string; title: string; nodes: string[] }[];
  nodes: Map<string, string[]>;
  edges: { from: string; link: string; lines: string[]; to: string }[];
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: "&", lt: "<", gt: ">" };

/** Mermaid's entity decoding: one pass, so an escaped "#" followed by "quot;" stays text. */
function decode(label: string): string[] {
  return label
    .split("<br/>")
    .map((line) =>
      line.replace(/#(\d+|quot|amp|lt|gt);/g, (_, name: string) =>
        /^\d+$/.test(name) ? String.fromCharCode(Number(name)) : NAMED[name]!,
      ),
    );
}

function parseMermaid(text: string): Parsed {
  const lines = text.split("\n");
  expect(lines.shift()).toBe("flowchart LR");
  expect(lines.pop()).toBe("");
  const parsed: Parsed = { subgraphs: [], nodes: new Map(), edges: [] };
  let open: Parsed["subgraphs"][number] | undefined;
  for (const line of lines) {
    const subgraph = SUBGRAPH.exec(line);
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (subgraph && !open) {
      open = { id: subgraph[1]!, title: decode(subgraph[2]!).join("\n"), nodes: [] };
      parsed.subgraphs.push(open);
    } else if (node && open) {
      open.nodes.push(node[1]!);
      parsed.nodes.set(node[1]!, decode(node[2]!));
    } else if (line === "  end" && open) {
      open = undefined;
    } else if (edge && !open) {
      parsed.edges.push({ from: edge[1]!, link: edge[2]!, lines: decode(edge[3]!), to: edge[4]! });
    } else {
      throw new Error(`not valid output: ${JSON.stringify(line)}`);
    }
  }
  expect(open).toBeUndefined();
  const ids = [...parsed.subgraphs.map((s) => s.id), ...parsed.nodes.keys()];
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).not.toContain("end");
  for (const edge of parsed.edges) expect([...parsed.nodes.keys()]).toContain(edge.from);
  return parsed;
}

/** The VPC id a node shows (first label line), to state expectations in the user's terms. */
function vpcOf(parsed: Parsed, nodeId: string): string {
  return parsed.nodes.get(nodeId)![0]!;
}

function routeEdges(parsed: Parsed): { from: string; to: string; lines: string[] }[] {
  return parsed.edges
    .filter((e) => e.link === "-.->")
    .map((e) => ({ from: vpcOf(parsed, e.from), to: vpcOf(parsed, e.to), lines: e.lines }));
}

describe("renderMermaid", () => {
  it("draws the two-region DR example as users see it", () => {
    expect(renderMermaid(topologyOf(TWO_REGION_DR))).toMatchInlineSnapshot(`
      "flowchart LR
        subgraph g0["tencentcloud ap-guangzhou"]
          v0["vpc-gz<br/>10.0.0.0/16<br/>account 100001"]
        end
        subgraph g1["tencentcloud ap-beijing"]
          v1["vpc-bj<br/>10.1.0.0/16<br/>10.2.0.0/16<br/>account 100001"]
        end
        v0 ===|"payments-dr (gz-bj)<br/>200 Mbps"| v1
        v0 -.->|"10.1.0.0/16<br/>10.1.0.0/16 (rtb-gz-app)<br/>10.2.0.0/16 (rtb-gz-app)"| v1
        v1 -.->|"10.0.0.0/16"| v0
      "
    `);
  });

  it("groups VPCs into one subgraph per cloud and region, each node with its CIDRs and account", () => {
    const parsed = parseMermaid(renderMermaid(topologyOf(TWO_REGION_DR)));

    expect(parsed.subgraphs.map((s) => s.title)).toEqual([
      "tencentcloud ap-guangzhou",
      "tencentcloud ap-beijing",
    ]);
    expect(parsed.subgraphs.map((s) => s.nodes.map((n) => vpcOf(parsed, n)))).toEqual([
      ["vpc-gz"],
      ["vpc-bj"],
    ]);
    expect([...parsed.nodes.values()]).toEqual([
      ["vpc-gz", "10.0.0.0/16", "account 100001"],
      ["vpc-bj", "10.1.0.0/16", "10.2.0.0/16", "account 100001"],
    ]);
  });

  it("draws the cross-region peering once, thick, with its name and bandwidth", () => {
    const parsed = parseMermaid(renderMermaid(topologyOf(TWO_REGION_DR)));
    const peerings = parsed.edges.filter((e) => e.link !== "-.->");

    expect(peerings).toHaveLength(1);
    expect(peerings[0]!.link).toBe("===");
    expect(peerings[0]!.lines).toEqual(["payments-dr (gz-bj)", "200 Mbps"]);
    expect([vpcOf(parsed, peerings[0]!.from), vpcOf(parsed, peerings[0]!.to)]).toEqual(["vpc-gz", "vpc-bj"]);
  });

  it("draws routes as one arrow per VPC and peering, labelled with destinations and non-main tables", () => {
    const parsed = parseMermaid(renderMermaid(topologyOf(TWO_REGION_DR)));

    expect(routeEdges(parsed)).toEqual([
      {
        from: "vpc-gz",
        to: "vpc-bj",
        lines: ["10.1.0.0/16", "10.1.0.0/16 (rtb-gz-app)", "10.2.0.0/16 (rtb-gz-app)"],
      },
      { from: "vpc-bj", to: "vpc-gz", lines: ["10.0.0.0/16"] },
    ]);
  });

  it("marks a cross-account peering and shows a same-region one thin, without bandwidth", () => {
    const parsed = parseMermaid(renderMermaid(topologyOf(CROSS_ACCOUNT)));
    const peering = parsed.edges.find((e) => e.link !== "-.->")!;

    expect(parsed.subgraphs).toHaveLength(1);
    expect(peering.link).toBe("---");
    expect(peering.lines).toEqual(["a-b", "same-region", "cross-account"]);
    expect(routeEdges(parsed)).toHaveLength(2);
  });

  it("leaves out routes whose VPC is not on the peering", () => {
    const input = variant(TWO_REGION_DR, (doc) => {
      doc.vpcs.push({ ...doc.vpcs[1]!, id: "vpc-sh", region: "ap-shanghai", cidrs: ["10.9.0.0/16"] });
      doc.routes.push({ vpc: "vpc-sh", destination: "10.1.0.0/16", peering: "gz-bj" });
    });
    const topology = topologyOf(input);
    expect(topology.routes.some((r) => r.vpc.id === "vpc-sh" && r.peerVpc === undefined)).toBe(true);

    const parsed = parseMermaid(renderMermaid(topology));
    expect(parsed.subgraphs).toHaveLength(3);
    expect(routeEdges(parsed).map((e) => e.from)).toEqual(["vpc-gz", "vpc-bj"]);
  });

  it("gives hostile ids safe identifiers and escapes their labels", () => {
    const text = renderMermaid(topologyOf(HOSTILE_IDS));
    const parsed = parseMermaid(text);

    expect([...parsed.nodes.keys()]).toEqual(["v0", "v1", "v2", "v3"]);
    expect([...parsed.nodes.values()].map((lines) => lines[0])).toEqual(HOSTILE_IDS.vpcs.map((v) => v.id));
    expect(parsed.nodes.get("v3")!.at(-1)).toBe('account x"\\>');
    expect(text).toContain("vpc #quot;prod#quot; gz");
    // A literal "#quot;" in a name must survive as text, not turn into a quote.
    expect(parsed.edges[1]!.lines[0]).toBe("say \\N #quot; (p2)");
    expect(parsed.edges.map((e) => e.lines[0])).toEqual([
      'p "1"',
      "say \\N #quot; (p2)",
      "10.1.0.0/16",
      "10.2.0.0/16",
    ]);
  });

  it("is deterministic and follows document order", () => {
    const first = renderMermaid(topologyOf(TWO_REGION_DR));
    expect(renderMermaid(topologyOf(TWO_REGION_DR))).toBe(first);
    expect(renderMermaid(topologyOf(structuredClone(TWO_REGION_DR)))).toBe(first);

    const swapped = variant(TWO_REGION_DR, (doc) => doc.vpcs.reverse());
    const parsed = parseMermaid(renderMermaid(topologyOf(swapped)));
    expect(parsed.subgraphs.map((s) => s.title)).toEqual([
      "tencentcloud ap-beijing",
      "tencentcloud ap-guangzhou",
    ]);
  });

  it("renders an empty topology as an empty flowchart", () => {
    expect(renderMermaid(topologyOf({}))).toBe("flowchart LR\n");
  });
});
