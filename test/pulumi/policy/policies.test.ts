import type { StackValidationArgs } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import {
  peerlinkPolicies,
  topologyErrorsPolicy,
  topologyWarningsPolicy,
} from "../../../provider/pulumi/policy/policies.js";
import {
  type FakeResource,
  newPeering,
  newRoute,
  newVpc,
  resource,
  stackArgs,
  UNKNOWN,
} from "./stack-fixtures.js";

interface Violation {
  readonly message: string;
  readonly urn: string | undefined;
}

async function run(policy: typeof topologyErrorsPolicy, resources: FakeResource[]): Promise<Violation[]> {
  const violations: Violation[] = [];
  await policy.validateStack(stackArgs(resources) as unknown as StackValidationArgs, (message, urn) =>
    violations.push({ message, urn }),
  );
  return violations;
}

const code = (v: Violation) => v.message.split(" ", 1)[0];

/** Two same-region VPCs peered with routes both ways: nothing to say. */
function cleanStack(): FakeResource[] {
  return [
    newVpc("app", "ap-guangzhou", ["10.0.0.0/16"]),
    newVpc("shared", "ap-guangzhou", ["10.1.0.0/16"]),
    newPeering("app-shared", "app", "shared"),
    newRoute("app-to-shared", "app", "10.1.0.0/16", "app-shared"),
    newRoute("shared-to-app", "shared", "10.0.0.0/16", "app-shared"),
  ];
}

/**
 * The first preview of a stack with an overlap and a transitive route: `db` overlaps `app`, and `app` routes to
 * `batch` through its peering with `shared`, which is only peered onward with `batch`.
 */
function brokenStack(): FakeResource[] {
  return [
    ...cleanStack(),
    newVpc("batch", "ap-guangzhou", ["10.2.0.0/16"]),
    newVpc("db", "ap-guangzhou", ["10.0.128.0/17"]),
    newPeering("shared-batch", "shared", "batch"),
    newRoute("shared-to-batch", "shared", "10.2.0.0/16", "shared-batch"),
    newRoute("batch-to-shared", "batch", "10.1.0.0/16", "shared-batch"),
    newPeering("app-db", "app", "db"),
    newRoute("app-to-batch", "app", "10.2.0.0/16", "app-shared"),
  ];
}

describe("the peerlink policy pack", () => {
  it("has a mandatory policy for errors and an advisory one for warnings", () => {
    expect(peerlinkPolicies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ["peerlink-topology-errors", "mandatory"],
      ["peerlink-topology-warnings", "advisory"],
    ]);
  });

  it("passes a clean stack", async () => {
    expect(await run(topologyErrorsPolicy, cleanStack())).toEqual([]);
    expect(await run(topologyWarningsPolicy, cleanStack())).toEqual([]);
  });

  it("reports the overlap and the transitive route as mandatory violations, on the resources concerned", async () => {
    const violations = await run(topologyErrorsPolicy, brokenStack());
    expect(violations.map(code).sort()).toEqual(["CIDR_OVERLAP", "TRANSITIVE_ROUTE"]);
    const overlap = violations.find((v) => code(v) === "CIDR_OVERLAP")!;
    expect(overlap.urn).toBe("urn:pulumi:dev::network::pulumi-nodejs:dynamic/peerlink:Peering::app-db");
    for (const text of ["10.0.0.0/16", "10.0.128.0/17", '"app"', '"db"'])
      expect(overlap.message).toContain(text);
    const transitive = violations.find((v) => code(v) === "TRANSITIVE_ROUTE")!;
    expect(transitive.urn).toBe(
      "urn:pulumi:dev::network::pulumi-nodejs:dynamic/peerlink:RouteRule::app-to-batch",
    );
    expect(transitive.message).toContain('"app" → (app-shared) → "shared" → (shared-batch) → "batch"');
    expect(transitive.message).toContain("Fix:");
  });

  it("judges the stack's subnets against their VPC and the subnets before them, which a Subnet's own check cannot see", async () => {
    const subnet = (name: string, cidr: string) =>
      resource(
        "Subnet",
        name,
        { name, vpcId: UNKNOWN, cidr, subnetId: UNKNOWN },
        { vpcId: { kind: "Vpc", name: "app" } },
      );
    const stack = [
      ...cleanStack(),
      subnet("web", "10.0.1.0/24"),
      subnet("db", "10.0.1.128/25"), // overlaps web
      subnet("far", "10.9.0.0/24"), // outside the VPC
      subnet("ok", "10.0.2.0/24"),
    ];
    const violations = await run(topologyErrorsPolicy, stack);
    expect(violations.map((v) => `${code(v)} ${v.urn?.split("::").pop()}`).sort()).toEqual([
      "SUBNET_INVALID db",
      "SUBNET_INVALID far",
    ]);
    expect(violations.find((v) => v.urn?.endsWith("::db"))?.message).toContain('overlaps subnet "web"');
    expect(await run(topologyErrorsPolicy, [...cleanStack(), subnet("web", "10.0.1.0/24")])).toEqual([]);
  });

  it("reports warnings as advisory violations", async () => {
    const warnings = await run(topologyWarningsPolicy, brokenStack());
    expect(warnings.map(code)).toContain("PEERING_UNUSED");
    expect(warnings.find((v) => code(v) === "PEERING_UNUSED")?.urn).toMatch(/Peering::app-db$/);
  });

  it("reads ids once known (after `pulumi up`): the same diagnostics by value instead of by dependency", async () => {
    const known = (name: string) => `vpc-${name}`;
    const vpc = (name: string, cidr: string) =>
      resource("Vpc", name, {
        name,
        region: "ap-guangzhou",
        cidrs: [cidr],
        vpcId: known(name),
        account: "100001",
        mainRouteTableId: `rtb-${name}`,
        routeTableIds: { main: `rtb-${name}` },
      });
    const peering = (name: string, a: string, b: string) =>
      resource("Peering", name, { name, vpcId: known(a), peerVpcId: known(b), peeringId: `pcx-${name}` });
    const route = (name: string, a: string, destination: string, via: string, table?: string) =>
      resource("RouteRule", name, {
        vpcId: known(a),
        destination,
        peeringId: `pcx-${via}`,
        ...(table ? { routeTableId: table } : {}),
      });
    const violations = await run(topologyErrorsPolicy, [
      vpc("a", "10.0.0.0/16"),
      vpc("b", "10.1.0.0/16"),
      vpc("c", "10.2.0.0/16"),
      peering("ab", "a", "b"),
      peering("bc", "b", "c"),
      route("a-b", "a", "10.1.0.0/16", "ab", "rtb-a"),
      route("b-a", "b", "10.0.0.0/16", "ab"),
      route("a-c", "a", "10.2.0.0/16", "ab"),
    ]);
    expect(violations.map(code)).toEqual(["TRANSITIVE_ROUTE"]);
    expect(violations[0]?.message).toContain('"vpc-a" → (pcx-ab) → "vpc-b" → (pcx-bc) → "vpc-c"');
  });

  it("describes a peer VPC adopted by id from the peering's peerVpcCidrs (the components pass them)", async () => {
    const violations = await run(topologyErrorsPolicy, [
      newVpc("app", "ap-guangzhou", ["10.0.0.0/16"]),
      resource(
        "Peering",
        "to-partner",
        {
          name: "to-partner",
          vpcId: UNKNOWN,
          peerVpcId: "vpc-partner",
          peerAccount: "200002",
          peerVpcCidrs: ["10.0.0.0/24"],
        },
        { vpcId: { kind: "Vpc", name: "app" } },
      ),
    ]);
    expect(violations.map(code)).toEqual(["CIDR_OVERLAP"]);
  });

  it("skips values not known until apply instead of guessing, and never trips the unknown-value proxy", async () => {
    const stack = cleanStack();
    stack[4] = resource(
      "RouteRule",
      "shared-to-app",
      { vpcId: UNKNOWN, destination: UNKNOWN, peeringId: UNKNOWN },
      { vpcId: { kind: "Vpc", name: "shared" }, peeringId: { kind: "Peering", name: "app-shared" } },
    );
    expect(await run(topologyErrorsPolicy, stack)).toEqual([]);
    // Without the skipped route the peering would look one-way; that warning would be a guess.
    expect(await run(topologyWarningsPolicy, stack)).toEqual([]);
  });

  it("recognises peerlink resources registered as pulumi-nodejs:dynamic:Resource by their serialized provider", async () => {
    const generic = { type: "pulumi-nodejs:dynamic:Resource" };
    const violations = await run(topologyErrorsPolicy, [
      resource("Vpc", "x", { name: "x", region: "r", cidrs: ["10.0.0.0/16"], vpcId: "vpc-x" }, {}, generic),
      resource("Vpc", "y", { name: "y", region: "r", cidrs: ["10.0.0.0/12"], vpcId: "vpc-y" }, {}, generic),
      resource("Peering", "xy", { name: "xy", vpcId: "vpc-x", peerVpcId: "vpc-y" }, {}, generic),
      {
        type: "pulumi-nodejs:dynamic:Resource",
        urn: "urn:other",
        name: "other",
        props: { __provider: "exports.handler = something else", vpcId: "vpc-x" },
        propertyDependencies: {},
        dependencies: [],
      },
    ]);
    expect(violations.map(code)).toEqual(["CIDR_OVERLAP"]);
  });
});
