import { describe, expect, it } from "vitest";
import { GRAPH_FORMATS, renderDot, renderGraph, renderMermaid } from "../../../provider/core/graph/index.js";
import { TWO_REGION_DR, topologyOf } from "./fixtures.js";

describe("renderGraph", () => {
  it("dispatches on the format", () => {
    const topology = topologyOf(TWO_REGION_DR);
    expect(GRAPH_FORMATS).toEqual(["mermaid", "dot"]);
    expect(renderGraph(topology, "mermaid")).toBe(renderMermaid(topology));
    expect(renderGraph(topology, "dot")).toBe(renderDot(topology));
  });
});
