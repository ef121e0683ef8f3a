import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NameSuggester } from "../../provider/core/closest-name.js";
import { parseTopologyText } from "../../provider/core/index.js";
import { validateDocument } from "../../provider/core/validate.js";
import { EXAMPLES } from "../support/fixtures.js";

type Doc = {
  vpcs: Record<string, unknown>[];
  peerings: Record<string, unknown>[];
  routes: Record<string, unknown>[];
  bandwidthPolicies: Record<string, unknown>[];
};
const example = () =>
  parseTopologyText(readFileSync(join(EXAMPLES, "two-region-dr.yaml"), "utf8"), "two-region-dr.yaml") as Doc;

function fixes(doc: Doc): Record<string, string> {
  const { diagnostics } = validateDocument(doc);
  const unknown = diagnostics.filter((d) => d.code === "UNKNOWN_REFERENCE");
  return Object.fromEntries(unknown.map((d) => [`${d.resource} ${d.field?.join(".")}`, d.fix]));
}

describe("a reference to no declared id names the id it most likely means", () => {
  it("in peerings, routes and bandwidth policies, for VPCs, peerings and route tables", () => {
    const doc = example();
    doc.peerings[0]!.peerVpc = "vpc-bjj";
    doc.routes[0]!.peering = "gzbj";
    doc.routes[2]!.routeTable = "rtb-gz-ap";
    doc.routes[3]!.vpc = "VPC_BJ";
    doc.bandwidthPolicies[0]!.peering = "gz-bj-";
    expect(fixes(doc)).toEqual({
      "peerings[gz-bj] peerVpc":
        'Correct the id to "vpc-bj" (the VPC under vpcs it most likely means), or declare VPC "vpc-bjj" there.',
      "routes[0] peering":
        'Correct the id to "gz-bj" (the peering under peerings it most likely means), or declare peering "gzbj" there.',
      "routes[2] routeTable":
        'Correct it to "rtb-gz-app", or add "rtb-gz-ap" to vpcs[vpc-gz].routeTables, or omit routeTable to use the main table.',
      // The peering's VPC is unknown, so the route's own VPC and peering are reported as they are.
      "routes[3] vpc":
        'Correct the id to "vpc-bj" (the VPC under vpcs it most likely means), or declare VPC "VPC_BJ" there.',
      "bandwidthPolicies[0] peering":
        'Correct the id to "gz-bj" (the peering under peerings it most likely means), or declare peering "gz-bj-" there.',
    });
  });

  it("guesses nothing when no id is close or two are equally close", () => {
    const doc = example();
    doc.vpcs.push({ ...doc.vpcs[1]!, id: "vpc-bk", cidrs: ["10.9.0.0/16"] });
    doc.peerings[0]!.peerVpc = "vpc-bl";
    doc.routes[0]!.peering = "shanghai";
    expect(fixes(doc)).toEqual({
      "peerings[gz-bj] peerVpc": 'Declare VPC "vpc-bl" under vpcs, or correct the id.',
      "routes[0] peering": 'Declare peering "shanghai" under peerings, or correct the id.',
    });
  });
});

describe("NameSuggester", () => {
  it("stops the edit-distance search once its budget is spent, and still finds a name that differs only in case", () => {
    let reads = 0;
    const names = ["alpha", "bravo", "charlie", "delta", "echo"];
    const suggest = new NameSuggester(() => {
      reads++;
      return names;
    }, 7);
    expect(suggest.meant("alpah")).toBe("alpha");
    expect(suggest.meant("bravvo")).toBeUndefined();
    expect(suggest.meant("ECHO")).toBe("echo");
    expect(suggest.meant("echo")).toBeUndefined();
    expect(reads).toBe(1);
  });

  it("guesses nothing between two ids that differ only in case or separators", () => {
    const suggest = new NameSuggester(() => ["vpc-a", "vpc_a"]);
    expect(suggest.meant("VPC-A")).toBeUndefined();
  });
});
