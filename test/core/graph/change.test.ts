import { describe, expect, it } from "vitest";
import { markedChange, renderDot, renderMermaid } from "../../../provider/core/graph/index.js";
import { resolveTopology } from "../../../provider/core/topology.js";
import { type TopologyDocument, topologySchema } from "../../../provider/core/topology-schema.js";
import { HOSTILE_IDS, TWO_REGION_DR } from "./fixtures.js";

const doc = (input: unknown): TopologyDocument => topologySchema.parse(input);

/** The example with Beijing resized to 500 Mbps, the app table's second route gone, and a Shanghai VPC peered in. */
const HEAD = {
  ...TWO_REGION_DR,
  vpcs: [
    ...TWO_REGION_DR.vpcs,
    { id: "vpc-sh", cloud: "tencentcloud", region: "ap-shanghai", account: "100001", cidrs: ["10.3.0.0/16"] },
  ],
  peerings: [
    { ...TWO_REGION_DR.peerings[0]!, bandwidthMbps: 500 },
    { id: "gz-sh", vpc: "vpc-gz", peerVpc: "vpc-sh", bandwidthMbps: 100 },
  ],
  routes: [
    TWO_REGION_DR.routes[0]!,
    TWO_REGION_DR.routes[1]!,
    TWO_REGION_DR.routes[3]!,
    { vpc: "vpc-gz", destination: "10.3.0.0/16", peering: "gz-sh" },
    { vpc: "vpc-sh", destination: "10.0.0.0/16", peering: "gz-sh" },
  ],
};

function mermaidOfChange(base: unknown, head: unknown): string {
  const { document, marks } = markedChange(doc(base), doc(head));
  return renderMermaid(resolveTopology(document).topology, marks);
}

/** The label lines of each Mermaid link, in the order Mermaid numbers them (the order they are drawn). */
function links(text: string): string[][] {
  return text
    .split("\n")
    .flatMap((line) => /^ {2}v\d+ (?:---|===|-\.->)\|"(.*)"\| v\d+$/.exec(line)?.[1] ?? [])
    .map((label) => label.split("<br/>"));
}

/** `linkStyle 1,4 stroke:#…` lines as { kind colour: link indices }. */
function linkStyles(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(
    /^ {2}linkStyle ([\d,]+) stroke:(#[0-9a-f]{6}),stroke-width:3px(?:,stroke-dasharray:5 5)?$/gm,
  ))
    out.set(m[2]!, m[1]!.split(",").map(Number));
  return out;
}

const GREEN = "#1a7f37";
const RED = "#cf222e";
const AMBER = "#9a6700";

describe("markedChange", () => {
  it("puts what the head removed back into the picture, after the head's own resources", () => {
    const { document, marks } = markedChange(doc(HEAD), doc(TWO_REGION_DR));
    expect(document.vpcs.map((v) => v.id)).toEqual(["vpc-gz", "vpc-bj", "vpc-sh"]);
    expect(document.peerings.map((p) => p.id)).toEqual(["gz-bj", "gz-sh"]);
    expect(document.routes).toHaveLength(6);
    expect(marks.vpcs.get("vpc-sh")).toEqual({ change: "removed", fields: [] });
    expect(marks.peerings.get("gz-bj")).toEqual({
      change: "changed",
      fields: [{ field: "bandwidthMbps", from: 500, to: 200 }],
    });
    expect(marks.routes.get("vpc-gz [rtb-gz-app] 10.2.0.0/16")).toEqual({ change: "added", fields: [] });
    // The merged picture resolves whole: every route has its VPC, table and peering.
    expect(resolveTopology(document).topology.routes).toHaveLength(6);
  });

  it("keeps a removed route's table, so the route is still drawn", () => {
    const base = { ...TWO_REGION_DR };
    const head = {
      ...TWO_REGION_DR,
      vpcs: [{ ...TWO_REGION_DR.vpcs[0]!, routeTables: [] }, TWO_REGION_DR.vpcs[1]!],
      routes: [TWO_REGION_DR.routes[0]!, TWO_REGION_DR.routes[3]!],
    };
    const { document, marks } = markedChange(doc(base), doc(head));
    expect(resolveTopology(document).topology.routes).toHaveLength(4);
    expect(marks.routes.get("vpc-gz [rtb-gz-app] 10.1.0.0/16")?.change).toBe("removed");
  });
});

describe("renderMermaid of a change", () => {
  it("marks each VPC, peering and route in words and in colour, with linkStyle on the right links", () => {
    const text = mermaidOfChange(TWO_REGION_DR, HEAD);
    expect(text).toContain('v2["+ added<br/>vpc-sh<br/>10.3.0.0/16<br/>account 100001"]');
    expect(text).toMatch(/^ {2}classDef added stroke:#1a7f37,stroke-width:3px$/m);
    expect(text).toMatch(/^ {2}class v2 added$/m);
    const drawn = links(text);
    const styles = linkStyles(text);
    const labelled = (colour: string) => (styles.get(colour) ?? []).map((i) => drawn[i]!);
    // Green: the new peering and its two routes, every line of which is new.
    expect(labelled(GREEN)).toEqual([["+ added", "gz-sh", "100 Mbps"], ["+ 10.3.0.0/16"], ["+ 10.0.0.0/16"]]);
    // Amber: the resized peering, and the route edge that lost one of its routes.
    expect(labelled(AMBER)).toEqual([
      ["~ bandwidthMbps: 200 → 500", "payments-dr (gz-bj)", "500 Mbps"],
      ["10.1.0.0/16", "10.1.0.0/16 (rtb-gz-app)", "− 10.2.0.0/16 (rtb-gz-app)"],
    ]);
    expect(styles.has(RED)).toBe(false);
    // The unchanged return route is drawn and styled as before.
    const unstyled = drawn.filter((_, i) => ![...styles.values()].flat().includes(i));
    expect(unstyled).toEqual([["10.0.0.0/16"]]);
  });

  it("draws removed things dashed in red", () => {
    const text = mermaidOfChange(HEAD, TWO_REGION_DR);
    expect(text).toMatch(/^ {2}classDef removed stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 5$/m);
    expect(text).toMatch(/^ {2}class v2 removed$/m);
    expect(
      linkStyles(text)
        .get(RED)!
        .map((i) => links(text)[i]![0]),
    ).toEqual(["− removed", "− 10.3.0.0/16", "− 10.0.0.0/16"]);
  });

  it("draws no marks without a change, exactly as the plain graph", () => {
    const plain = renderMermaid(resolveTopology(doc(TWO_REGION_DR)).topology);
    expect(mermaidOfChange(TWO_REGION_DR, TWO_REGION_DR)).toBe(plain);
  });

  it("keeps hostile ids out of the class lines and escaped in the labels", () => {
    const text = mermaidOfChange({ vpcs: [] }, HOSTILE_IDS);
    expect(text).toMatch(/^ {2}class v0,v1,v2,v3 added$/m);
    expect(text).not.toContain('"prod"');
    expect(text).toContain("#quot;prod#quot;");
  });
});

describe("renderDot of a change", () => {
  it("colours marked nodes and edges and dashes what was removed", () => {
    const { document, marks } = markedChange(doc(HEAD), doc(TWO_REGION_DR));
    const text = renderDot(resolveTopology(document).topology, marks);
    const node = /"v2" \[\n([^\]]*)\]/.exec(text)![1]!;
    expect(node).toContain('label = "− removed\\nvpc-sh');
    expect(node).toContain(`color = "${RED}"`);
    expect(node).toContain('style = "dashed"');
    const resized = /"v0" -> "v1" \[\n([^\]]*)\]/.exec(text)![1]!;
    expect(resized).toContain(`color = "${AMBER}"`);
    expect(resized).not.toContain("dashed");
  });
});
