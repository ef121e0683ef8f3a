import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  isDocumentCode,
  type NonDocumentCode,
} from "../../../provider/core/diagnostics.js";
import { validateDocument } from "../../../provider/core/validate.js";
import { EXAMPLES, FIXTURES, loadFixture } from "../../support/fixtures.js";

/** Every diagnostic each fixture must produce, exactly: [code, resource]. */
const EXPECTED: Record<Exclude<DiagnosticCode, NonDocumentCode>, [DiagnosticCode, string][]> = {
  INVALID_DOCUMENT: [
    ["INVALID_DOCUMENT", "vpcs[0].cloud"],
    // The misspelt peerVPC is one diagnostic whose fix renames it to peerVpc, not also "peerVpc missing".
    ["INVALID_DOCUMENT", "peerings[0]"],
  ],
  INVALID_CIDR: [
    ["INVALID_CIDR", "vpcs[vpc-a]"],
    ["INVALID_CIDR", "routes[0]"],
    ["PEERING_UNUSED", "peerings[a-b]"],
  ],
  CIDR_NOT_ALLOWED: [
    ["CIDR_NOT_ALLOWED", "vpcs[vpc-b]"],
    ["CIDR_NOT_ALLOWED", "vpcs[vpc-h]"],
    ["CIDR_NOT_ALLOWED", "vpcs[vpc-k]"],
    ["CIDR_NOT_ALLOWED", "vpcs[vpc-t]"],
    ["CIDR_NOT_ALLOWED", "vpcs[vpc-z]"],
  ],
  UNKNOWN_REFERENCE: [
    ["UNKNOWN_REFERENCE", "peerings[a-x]"],
    ["UNKNOWN_REFERENCE", "routes[0]"],
    ["UNKNOWN_REFERENCE", "routes[0]"],
  ],
  SUBNET_INVALID: [
    ["SUBNET_INVALID", "subnets[app-2]"],
    ["SUBNET_INVALID", "subnets[tiny]"],
    ["SUBNET_INVALID", "subnets[tiny]"],
    ["SUBNET_INVALID", "subnets[v6]"],
    ["SUBNET_INVALID", "subnets[outside]"],
  ],
  SELF_PEERING: [["SELF_PEERING", "peerings[a-a]"]],
  IPV6_PEERING_UNSUPPORTED: [["IPV6_PEERING_UNSUPPORTED", "routes[2]"]],
  DUPLICATE_PEERING: [
    ["DUPLICATE_PEERING", "peerings[b-a]"],
    ["PEERING_UNUSED", "peerings[b-a]"],
  ],
  CROSS_CLOUD_PEERING: [
    ["CROSS_CLOUD_PEERING", "peerings[a-h]"],
    ["PEERING_UNUSED", "peerings[a-h]"],
  ],
  CROSS_REGION_UNSUPPORTED: [["CROSS_REGION_UNSUPPORTED", "peerings[sh-bj]"]],
  CIDR_OVERLAP: [
    ["CIDR_OVERLAP", "peerings[gz-bj]"],
    ["ROUTE_CONFLICT", "routes[1]"],
  ],
  PEER_CIDR_CONFLICT: [["PEER_CIDR_CONFLICT", "peerings[gz-sh]"]],
  PEERING_LIMIT_EXCEEDED: [["PEERING_LIMIT_EXCEEDED", "vpcs[vpc-hub]"]],
  INVALID_BANDWIDTH: [
    ["INVALID_BANDWIDTH", "peerings[gz-bj]"],
    ["INVALID_BANDWIDTH", "peerings[bd]"],
  ],
  BANDWIDTH_NOT_SETTABLE: [["BANDWIDTH_NOT_SETTABLE", "peerings[a-b]"]],
  INVALID_CHARGE_TYPE: [["INVALID_CHARGE_TYPE", "peerings[gz-bj]"]],
  INVALID_NAME: [
    ["INVALID_NAME", "peerings[a-b]"],
    ["INVALID_NAME", "peerings[hw]"],
  ],
  ROUTE_NOT_ON_PEERING: [["ROUTE_NOT_ON_PEERING", "routes[2]"]],
  TRANSITIVE_ROUTE: [["TRANSITIVE_ROUTE", "routes[4]"]],
  ROUTE_DESTINATION_NOT_IN_PEER: [
    ["ROUTE_DESTINATION_NOT_IN_PEER", "routes[0]"],
    ["ROUTE_DESTINATION_NOT_IN_PEER", "routes[1]"],
  ],
  ROUTE_CONFLICT: [
    ["ROUTE_CONFLICT", "routes[1]"],
    ["ROUTE_CONFLICT", "routes[4]"],
  ],
  // The 51st route of vpc-a's table (routes[0] is vpc-b's return route).
  ROUTE_LIMIT_EXCEEDED: [["ROUTE_LIMIT_EXCEEDED", "routes[51]"]],
  BANDWIDTH_POLICY_INVALID: [
    ["BANDWIDTH_POLICY_INVALID", "bandwidthPolicies[0]"],
    ["BANDWIDTH_POLICY_INVALID", "bandwidthPolicies[1]"],
  ],
  MISSING_RETURN_ROUTE: [["MISSING_RETURN_ROUTE", "routes[0]"]],
  PEERING_UNUSED: [["PEERING_UNUSED", "peerings[a-b]"]],
};

const pairs = (codes: [DiagnosticCode, string][]) => codes.map(([c, r]) => `${c} ${r}`).sort();

describe("fixtures: one document per diagnostic code", () => {
  it("there is a fixture for every code in the catalogue", () => {
    const files = readdirSync(FIXTURES).map((f) => f.replace(/\.yaml$/, ""));
    const documentCodes = Object.keys(DIAGNOSTIC_CODES).filter((c) => isDocumentCode(c as DiagnosticCode));
    expect(files.sort()).toEqual(documentCodes.sort());
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(
    "%s.yaml produces exactly its diagnostics",
    (code) => {
      const result = validateDocument(loadFixture(join(FIXTURES, `${code}.yaml`)));
      const found = result.diagnostics.map((d) => `${d.code} ${d.resource}`).sort();
      expect(found).toEqual(pairs(EXPECTED[code]));
      expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === "error"));
      for (const d of result.diagnostics) {
        expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code].severity);
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.fix.length).toBeGreaterThan(10);
      }
    },
  );

  it("the shipped example is clean", () => {
    const result = validateDocument(loadFixture(join(EXAMPLES, "two-region-dr.yaml")));
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
