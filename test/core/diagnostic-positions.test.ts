import { describe, expect, it, vi } from "vitest";
import { diagnosticPlaces } from "../../provider/core/diagnostic-positions.js";
import type { Diagnostic } from "../../provider/core/diagnostics.js";
import { parseTopologyDocument, parseTopologyText } from "../../provider/core/load-document.js";
import { vpcRef } from "../../provider/core/resource-ref.js";
import { validateDocument } from "../../provider/core/validate.js";

const vpc = (id: string, region: string, cidr: string) => [
  `  - id: ${id}`,
  "    cloud: tencentcloud",
  '    account: "100000000001"',
  `    region: ${region}`,
  `    cidrs: [${cidr}]`,
];

const at = (p: { line: number; column: number } | undefined) => (p ? `${p.line}:${p.column}` : "-");

/**
 * Validates `lines` as a file and gives each diagnostic as `code resource @entry`, then `>field` when it points
 * elsewhere than its entry, then `~related@place` for each related place.
 */
function located(lines: string[]): string[] {
  const text = `${lines.join("\n")}\n`;
  const { diagnostics } = validateDocument(parseTopologyText(text, "t.yaml"));
  const places = diagnosticPlaces(text, diagnostics);
  return diagnostics.map((d, i) => {
    const place = places[i]!;
    const field = at(place.at) === at(place.entry) ? "" : ` >${at(place.at)}`;
    const related = place.related.map((r) => ` ~${r.resource}@${at(r.at)}`).join("");
    return `${d.code} ${d.resource} @${at(place.entry)}${field}${related}`;
  });
}

describe("diagnosticPlaces", () => {
  it("finds a resource named by id at its entry, and a route by its index", () => {
    const lines = [
      "vpcs:",
      ...vpc("gz", "ap-guangzhou", "10.0.0.0/16"), // lines 2-6
      ...vpc("bj", "ap-beijing", "10.0.0.0/16"), // lines 7-11
      "peerings:",
      "  - {id: gz-bj, vpc: gz, peerVpc: bj, bandwidthMbps: 100}", // line 13
      "routes:",
      "  - {vpc: gz, peering: gz-bj, destination: 10.1.0.0/16}", // line 15
      "  - {vpc: bj, peering: nowhere, destination: 10.0.0.0/16}", // line 16
    ];
    // The overlap is the peering's; the two blocks are its related places. A route points at its field at fault.
    expect(located(lines)).toEqual([
      "CIDR_OVERLAP peerings[gz-bj] @13:5 ~vpcs[gz].cidrs[0]@6:13 ~vpcs[bj].cidrs[0]@11:13",
      "ROUTE_DESTINATION_NOT_IN_PEER routes[0] @15:5 >15:31 ~vpcs[bj]@7:5",
      "UNKNOWN_REFERENCE routes[1] @16:5 >16:15",
    ]);
  });

  it("finds a schema error at the field it names, and a duplicate id at its own position", () => {
    const lines = [
      "vpcs:",
      ...vpc("a", "ap-guangzhou", "10.0.0.0/16"),
      ...vpc("a", "ap-beijing", "10.1.0.0/16"), // the duplicate, line 7
      "  - id: c", // line 12
      "    cloud: tencentcloud",
      '    account: "100000000001"',
      "    region: ap-beijing",
      "    cidrs: [10.2.0.0/16, 7]", // line 16
    ];
    expect(located(lines)).toEqual(["INVALID_DOCUMENT vpcs[2].cidrs[1] @16:26"]);
    lines.pop();
    lines.push("    cidrs: [10.2.0.0/16]");
    // The repeat is at its own id, and names the first declaration.
    expect(located(lines)).toEqual(["INVALID_DOCUMENT vpcs[1] @7:5 ~vpcs[a]@2:5"]);
  });

  it("locates a JSON text beside the value the validation read, without parsing it again", () => {
    const lines = [
      "{",
      '  "vpcs": [',
      '    {"id": "gz", "cloud": "tencentcloud", "account": "1", "region": "ap-guangzhou", "cidrs": ["10.0.0.0/16"]},',
      '    {"id": "bj", "cloud": "tencentcloud", "account": "1", "region": "ap-beijing", "cidrs": ["10.0.0.0/16"]}',
      "  ],",
      '  "peerings": [{"id": "gz-bj", "vpc": "gz", "peerVpc": "bj", "bandwidthMbps": 7}]',
      "}",
    ];
    // A .yaml name: the text is JSON all the same, and read as JSON.
    const text = `\ufeff${lines.join("\n")}\n`;
    const parsed = parseTopologyDocument(text, "t.yaml");
    expect(parsed.format).toBe("json");
    const { diagnostics } = validateDocument(parsed.value);
    expect(diagnostics.length).toBeGreaterThan(1);
    const parse = vi.spyOn(JSON, "parse");
    try {
      const beside = diagnosticPlaces(text, diagnostics, parsed);
      expect(parse).not.toHaveBeenCalled();
      expect(beside).toEqual(diagnosticPlaces(text, diagnostics));
      expect(beside.every((p) => p.at !== undefined)).toBe(true);
    } finally {
      parse.mockRestore();
    }
  });

  it("places more diagnostics than a call takes arguments (a large file's warnings)", () => {
    const text = `vpcs:\n${vpc("a", "ap-guangzhou", "10.0.0.0/16").join("\n")}\n`;
    const one: Diagnostic = {
      code: "PEERING_UNUSED",
      severity: "warning",
      resource: "vpcs[a]",
      ref: vpcRef("a"),
      message: "",
      fix: "",
      field: ["cidrs", 0],
    };
    const places = diagnosticPlaces(text, new Array<Diagnostic>(300_000).fill(one));
    expect(places).toHaveLength(300_000);
    expect(places.at(-1)).toEqual({
      entry: { line: 2, column: 5 },
      at: { line: 6, column: 13 },
      related: [],
    });
  });

  it("leaves a resource the text does not hold without a position, and skips a byte order mark", () => {
    const text = `\ufeffvpcs:\n${vpc("a", "ap-guangzhou", "10.0.0.0/16").join("\n")}\n`;
    const ghost: Diagnostic = {
      code: "PEERING_UNUSED",
      severity: "warning",
      resource: "vpcs[ghost]",
      ref: vpcRef("ghost"),
      message: "",
      fix: "",
    };
    const real: Diagnostic = { ...ghost, resource: "vpcs[a]", ref: vpcRef("a") };
    const nowhere = { entry: undefined, at: undefined, related: [] };
    const there = { line: 2, column: 5 };
    expect(diagnosticPlaces(text, [ghost, real])).toEqual([
      nowhere,
      { entry: there, at: there, related: [] },
    ]);
    expect(diagnosticPlaces("vpcs: [", [real])).toEqual([nowhere]);
  });
});
