import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSchema, schemaText } from "../../provider/plugin/schema/index.js";
import { sameKeys } from "../../provider/plugin/schema/package-schema.js";
import {
  enumNames,
  type JsonSchema,
  literalDefault,
  pulumiType,
} from "../../provider/plugin/schema/to-pulumi-type.js";

const ROOT = join(import.meta.dirname, "..", "..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const generated = generateSchema(ROOT, version);
type Spec = Record<string, unknown> & { $ref?: string };
const resources = generated.resources as Record<string, Record<string, Record<string, Spec> | string[]>>;
const types = generated.types as Record<string, { properties?: Record<string, Spec> }>;

describe("schema.json", () => {
  it("is what `node scripts/schema.mjs` generates now (run it after changing a zod schema or a doc comment)", () => {
    expect(readFileSync(join(ROOT, "schema.json"), "utf8")).toBe(schemaText(generated));
  });

  it("the --check mode of the script agrees", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "schema.mjs"), "--check"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
  });

  it.each([
    ["Vpc", false],
    ["Peering", false],
    ["PeeringAcceptance", false],
    ["RouteRule", false],
    ["BandwidthPolicy", false],
    ["TwoRegionDr", true],
    ["TwoRegionsThreeCenters", true],
    ["HubAndSpoke", true],
  ])("declares peerlink:index:%s (component: %s)", (name, component) => {
    const resource = resources[`peerlink:index:${name}`];
    expect(resource).toBeDefined();
    expect(Boolean(resource?.isComponent)).toBe(component);
  });

  it("keeps the camelCase inputs and outputs of the TypeScript classes, without the internal createIdentity", () => {
    const peering = resources["peerlink:index:Peering"]!;
    expect(Object.keys(peering.inputProperties as object)).toContain("peerVpcCidrs");
    expect(Object.keys(peering.inputProperties as object)).not.toContain("createIdentity");
    expect(peering.requiredInputs).toEqual(["vpcId", "peerVpcId", "name"]);
    expect(Object.keys(peering.properties as object)).toEqual(
      expect.arrayContaining(["peeringId", "status", "crossRegion", "accepterAccount", "vpcId"]),
    );
    expect(Object.keys(resources["peerlink:index:RouteRule"]!.properties as object)).toEqual(
      expect.arrayContaining(["routeId", "effectiveRouteTableId", "destination"]),
    );
  });

  it("takes a site's vpc as a VPC id string", () => {
    expect(types["peerlink:index:DrSite"]?.properties?.vpc).toMatchObject({ type: "string" });
    const dr = resources["peerlink:index:TwoRegionDr"]!;
    expect(dr.requiredInputs).toEqual(["primary", "standby"]);
    expect((dr.inputProperties as Record<string, Spec>).primary?.$ref).toBe("#/types/peerlink:index:DrSite");
  });

  it("marks the credentials secret, in the provider config and in a resource's connection", () => {
    const config = (generated.config as { variables: Record<string, Spec> }).variables;
    expect(Object.keys(config)).toEqual([
      "backend",
      "stateFile",
      "account",
      "region",
      "endpoint",
      "projectId",
      "secretId",
      "secretKey",
    ]);
    expect(
      Object.entries(config)
        .filter(([, v]) => v.secret === true)
        .map(([k]) => k),
    ).toEqual(["secretId", "secretKey"]);
    const connection = types["peerlink:index:Connection"]!.properties!;
    expect(connection.secretKey?.secret).toBe(true);
    expect(connection.region?.secret).toBeUndefined();
  });

  it("takes defaults from zod and descriptions from the doc comments", () => {
    const inputs = resources["peerlink:index:Peering"]!.inputProperties as Record<string, Spec>;
    expect(inputs.timeoutSeconds).toMatchObject({ type: "number", default: 600 });
    expect(inputs.peerVpcCidrs?.description).toBe(
      "The peer VPC's CIDRs, so plan-time checks can run when the peer VPC is in another account.",
    );
    // A prose @default stays in the description, never a guessed value.
    expect(inputs.peerRegion).toEqual({ type: "string", description: "Default: the peer VPC's region." });
    const hub = resources["peerlink:index:HubAndSpoke"]!.inputProperties as Record<string, Spec>;
    expect(hub.meshSpokes).toMatchObject({ type: "boolean", default: false });
  });

  it("refers only to types it defines", () => {
    const refs = [...JSON.stringify(generated).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      if (ref === "pulumi.json#/Any") continue;
      expect(Object.keys(types), ref).toContain(ref.replace("#/types/", ""));
    }
  });
});

describe("sameKeys (generation refuses schemas that drift from the TypeScript declarations)", () => {
  it.each([
    [["a", "b"], ["b", "a"], false],
    [["a"], ["a", "b"], true],
    [["a", "c"], ["a", "b"], true],
  ])("%j against %j throws: %s", (schemaKeys, tsKeys, throws) => {
    const run = () => sameKeys("Thing inputs", schemaKeys, tsKeys);
    if (throws) expect(run).toThrow(/Thing inputs: the zod schema has/);
    else expect(run).not.toThrow();
  });
});

describe("JSON Schema to Pulumi types", () => {
  const enums = enumNames({ Cloud: ["tencentcloud", "huaweicloud", "baiducloud"] });

  it.each([
    ["a string", { type: "string" }, { type: "string" }],
    ["an integer", { type: "integer", exclusiveMinimum: 0 }, { type: "integer" }],
    [
      "a known enum (any order)",
      { type: "string", enum: ["baiducloud", "tencentcloud", "huaweicloud"] },
      { $ref: "#/types/peerlink:index:Cloud" },
    ],
    ["an unknown enum", { type: "string", enum: ["a", "b"] }, { type: "string" }],
    [
      "an array",
      { type: "array", items: { type: "boolean" } },
      { type: "array", items: { type: "boolean" } },
    ],
    [
      "a record",
      { type: "object", additionalProperties: { type: "string" } },
      { type: "object", additionalProperties: { type: "string" } },
    ],
    ["a named type", { $ref: "#/$defs/DrSite" }, { $ref: "#/types/peerlink:index:DrSite" }],
    [
      'number | "unpriced"',
      { anyOf: [{ type: "number" }, { type: "string", const: "unpriced" }] },
      { oneOf: [{ type: "number" }, { type: "string" }] },
    ],
    [
      "a union of one type",
      { anyOf: [{ type: "string" }, { type: "string", const: "x" }] },
      { type: "string" },
    ],
  ] as const)("%s", (_, node, expected) => {
    expect(pulumiType(node as JsonSchema, enums, "T.p")).toEqual(expected);
  });

  it("refuses an inline object type, naming where it is", () => {
    expect(() =>
      pulumiType({ type: "object", properties: { a: { type: "string" } } }, enums, "Vpc.inputs.x"),
    ).toThrow(/Vpc\.inputs\.x: an inline object type/);
  });

  it.each([
    ["600", 600],
    ["false", false],
    ['"local"', "local"],
    ["the peer VPC's region", undefined],
    ["[] (no BandwidthPolicy)", undefined],
    [undefined, undefined],
  ])("the doc default %j is the schema default %j", (text, value) => {
    expect(literalDefault(text)).toBe(value);
  });
});
