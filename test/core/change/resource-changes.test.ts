import { describe, expect, it } from "vitest";
import { fieldChanges, resourceChanges } from "../../../provider/core/change/resource-changes.js";
import {
  type TopologyDocument,
  type TopologyInput,
  topologySchema,
} from "../../../provider/core/topology-schema.js";
import { vpc } from "../../support/fixtures.js";

const doc = (input: TopologyInput): TopologyDocument => topologySchema.parse(input);

const base: TopologyInput = {
  vpcs: [vpc("a", "10.1.0.0/16"), vpc("b", "10.2.0.0/16", "ap-beijing")],
  peerings: [{ id: "ab", vpc: "a", peerVpc: "b", bandwidthMbps: 100 }],
  routes: [
    { vpc: "a", destination: "10.2.0.0/16", peering: "ab" },
    { vpc: "b", destination: "10.1.0.0/16", peering: "ab" },
  ],
  bandwidthPolicies: [{ peering: "ab", ip: "10.1.0.5", limitMbps: 10 }],
};

describe("resourceChanges", () => {
  it("finds nothing between a document and itself, whatever the key order of its resources", () => {
    const reordered: TopologyInput = {
      ...base,
      peerings: [{ bandwidthMbps: 100, peerVpc: "b", vpc: "a", id: "ab" }],
    };
    expect(resourceChanges(doc(base), doc(reordered))).toEqual([]);
  });

  it("says what is added, removed and changed, field by field", () => {
    const head: TopologyInput = {
      vpcs: [vpc("a", ["10.1.0.0/16", "10.3.0.0/16"]), vpc("c", "10.4.0.0/16")],
      peerings: [
        { id: "ab", vpc: "a", peerVpc: "b", bandwidthMbps: 200, chargeType: "POSTPAID_BY_MONTH_95" },
      ],
      routes: [{ vpc: "a", destination: "10.2.0.0/16", peering: "ab" }],
    };
    const changes = resourceChanges(doc(base), doc(head));
    expect(changes.map((c) => [c.change, c.kind, c.key])).toEqual([
      ["changed", "vpcs", "a"],
      ["added", "vpcs", "c"],
      ["removed", "vpcs", "b"],
      ["changed", "peerings", "ab"],
      ["removed", "routes", "b [main] 10.1.0.0/16"],
      ["removed", "bandwidthPolicies", "ab 10.1.0.5 in a"],
    ]);
    expect(changes[0]!.fields).toEqual([
      { field: "cidrs", from: ["10.1.0.0/16"], to: ["10.1.0.0/16", "10.3.0.0/16"] },
    ]);
    expect(changes[3]!.fields).toEqual([
      { field: "bandwidthMbps", from: 100, to: 200 },
      { field: "chargeType", to: "POSTPAID_BY_MONTH_95" },
    ]);
    // A removed resource carries the base's spec, an added one the head's.
    expect(changes[2]!.spec).toMatchObject({ id: "b", region: "ap-beijing" });
    expect(changes[1]!.spec).toMatchObject({ id: "c", cidrs: ["10.4.0.0/16"] });
  });

  it("keeps a route under its table and destination: pointed at another peering, it is changed, not replaced", () => {
    const head: TopologyInput = {
      ...base,
      vpcs: [...base.vpcs!, vpc("c", "10.2.0.0/16", "ap-shanghai")],
      peerings: [...base.peerings!, { id: "ac", vpc: "a", peerVpc: "c" }],
      routes: [
        { vpc: "b", destination: "10.1.0.0/16", peering: "ab" },
        { vpc: "a", destination: "10.2.0.0/16", peering: "ac" },
      ],
    };
    const routes = resourceChanges(doc(base), doc(head)).filter((c) => c.kind === "routes");
    expect(routes).toEqual([
      {
        kind: "routes",
        key: "a [main] 10.2.0.0/16",
        change: "changed",
        spec: { vpc: "a", destination: "10.2.0.0/16", peering: "ac" },
        fields: [{ field: "peering", from: "ab", to: "ac" }],
      },
    ]);
  });

  it("tells routes of two tables apart, and pairs two routes under one key in document order", () => {
    const twice: TopologyInput = {
      ...base,
      vpcs: [vpc("a", "10.1.0.0/16", "ap-guangzhou", { routeTables: ["app"] }), base.vpcs![1]!],
      routes: [
        { vpc: "a", destination: "10.2.0.0/16", peering: "ab" },
        { vpc: "a", destination: "10.2.0.0/16", peering: "ab", description: "again" },
        { vpc: "a", routeTable: "app", destination: "10.2.0.0/16", peering: "ab" },
      ],
    };
    const changes = resourceChanges(doc(base), doc(twice)).filter((c) => c.kind === "routes");
    expect(changes.map((c) => [c.change, c.key])).toEqual([
      ["added", "a [main] 10.2.0.0/16"],
      ["added", "a [app] 10.2.0.0/16"],
      ["removed", "b [main] 10.1.0.0/16"],
    ]);
    expect(changes[0]!.spec).toMatchObject({ description: "again" });
  });

  it("keys a bandwidth policy by the VPC the rule reads, so naming the default VPC is a field change", () => {
    const head: TopologyInput = {
      ...base,
      bandwidthPolicies: [{ peering: "ab", vpc: "a", ip: "10.1.0.5", limitMbps: 10 }],
    };
    const [policy] = resourceChanges(doc(base), doc(head));
    expect(policy).toMatchObject({
      change: "changed",
      key: "ab 10.1.0.5 in a",
      fields: [{ field: "vpc", to: "a" }],
    });
  });

  it("compares subnets by id", () => {
    const withSubnet = { ...base, subnets: [{ id: "s1", vpc: "a", cidr: "10.1.1.0/24" }] };
    const renamed = { ...base, subnets: [{ id: "s1", vpc: "a", cidr: "10.1.1.0/24", name: "web" }] };
    expect(resourceChanges(doc(base), doc(withSubnet))).toMatchObject([
      { kind: "subnets", key: "s1", change: "added" },
    ]);
    expect(resourceChanges(doc(withSubnet), doc(renamed))).toMatchObject([
      { kind: "subnets", change: "changed", fields: [{ field: "name", to: "web" }] },
    ]);
  });
});

describe("fieldChanges", () => {
  it("compares values as canonical JSON: nested key order is no change, array order is", () => {
    expect(fieldChanges({ tags: { a: "1", b: "2" } }, { tags: { b: "2", a: "1" } })).toEqual([]);
    expect(fieldChanges({ cidrs: ["x", "y"] }, { cidrs: ["y", "x"] })).toHaveLength(1);
    expect(fieldChanges({ name: "x" }, {})).toEqual([{ field: "name", from: "x" }]);
  });
});
