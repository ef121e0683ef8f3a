/**
 * The Pulumi package schema of the `peerlink` provider plugin (schema.json at the repository root, what
 * `pulumi package get-schema` returns and the SDK generator reads). Generated, never written by hand:
 * - types from the zod schemas: the runtime's input schemas (what the provider validates), and for outputs and
 *   component args the schemas beside this file;
 * - descriptions and documented defaults from the doc comments of the TypeScript front end (provider/pulumi), the
 *   same text TypeScript users read; a zod default (`timeoutSeconds` 600) is the schema's `default`.
 * Generation fails when a schema's keys and the TypeScript declaration it mirrors differ, so neither can gain or
 * lose a property unnoticed. Format: https://www.pulumi.com/docs/iac/extending-pulumi/schema/
 */
import { join } from "node:path";
import { z } from "zod";
import { PEERING_STATUSES } from "../../backends/backend.js";
import { DR_SIDES } from "../../core/dr/two-region-dr.js";
import { THREE_CENTER_LINK_KEYS, THREE_CENTER_ROLES } from "../../core/dr/two-regions-three-centers.js";
import { CHARGE_TYPES, CLOUDS, SERVICE_LEVELS } from "../../core/topology-schema.js";
import { bandwidthPolicyInputsSchema } from "../../pulumi/runtime/bandwidth-policy.js";
import { BACKEND_KINDS, connectionSchema } from "../../pulumi/runtime/connection.js";
import { peeringInputsSchema } from "../../pulumi/runtime/peering.js";
import { acceptanceInputsSchema } from "../../pulumi/runtime/peering-acceptance.js";
import { routeRuleInputsSchema } from "../../pulumi/runtime/route-rule.js";
import { subnetInputsSchema } from "../../pulumi/runtime/subnet.js";
import { vpcInputsSchema } from "../../pulumi/runtime/vpc.js";
import {
  drBandwidthLimitSchema,
  drExternalLinkSchema,
  drRoutingSchema,
  drSiteSchema,
  hubAndSpokeArgsSchema,
  threeCentersRouteSchema,
  twoRegionDrArgsSchema,
  twoRegionsThreeCentersArgsSchema,
} from "./component-args.js";
import {
  drCostSummarySchema,
  hubAndSpokeOutputsSchema,
  reachabilityEntrySchema,
  reachabilitySchema,
  twoRegionDrOutputsSchema,
  twoRegionsThreeCentersOutputsSchema,
} from "./component-outputs.js";
import {
  type DeclarationDoc,
  type MemberDoc,
  membersOf,
  readDeclarations,
  readHeader,
} from "./doc-comments.js";
import {
  appliedLimitSchema,
  bandwidthPolicyOutputsSchema,
  peeringAcceptanceOutputsSchema,
  peeringOutputsSchema,
  routeRuleOutputsSchema,
  subnetOutputsSchema,
  vpcOutputsSchema,
} from "./resource-outputs.js";
import {
  enumNames,
  type JsonSchema,
  literalDefault,
  PACKAGE,
  primitiveDefault,
  pulumiType,
  type TypeSpec,
  token,
} from "./to-pulumi-type.js";

/** Where the doc comments are, relative to the repository root. */
const DOC_SOURCES = [
  "provider/pulumi/connection.ts",
  "provider/pulumi/vpc.ts",
  "provider/pulumi/subnet.ts",
  "provider/pulumi/peering.ts",
  "provider/pulumi/peering-acceptance.ts",
  "provider/pulumi/route-rule.ts",
  "provider/pulumi/bandwidth-policy.ts",
  "provider/pulumi/components/site.ts",
  "provider/core/dr/routing-policy.ts",
  "provider/core/dr/external-links.ts",
  "provider/pulumi/components/create-children.ts",
  "provider/pulumi/components/plan-report.ts",
  "provider/pulumi/components/two-region-dr.ts",
  "provider/pulumi/components/two-regions-three-centers.ts",
  "provider/pulumi/components/hub-and-spoke.ts",
  "provider/core/dr/two-region-dr.ts",
  "provider/core/reachability.ts",
];

const limitSchema = bandwidthPolicyInputsSchema.shape.limits.unwrap().element;

/** Object types: the zod schema, and the TypeScript declaration whose doc comments describe it. */
const NAMED_TYPES: ReadonlyArray<{ name: string; schema: z.ZodType; doc?: string }> = [
  { name: "Connection", schema: connectionSchema, doc: "ConnectionArgs" },
  { name: "BandwidthLimit", schema: limitSchema, doc: "BandwidthLimitArgs" },
  { name: "AppliedLimit", schema: appliedLimitSchema },
  { name: "DrSite", schema: drSiteSchema, doc: "DrSiteArgs" },
  { name: "DrRouting", schema: drRoutingSchema, doc: "DrRouting" },
  { name: "DrExternalLink", schema: drExternalLinkSchema, doc: "DrExternalLink" },
  { name: "DrBandwidthLimit", schema: drBandwidthLimitSchema, doc: "DrBandwidthLimit" },
  { name: "ThreeCentersRoute", schema: threeCentersRouteSchema, doc: "ThreeCentersRouteArgs" },
  { name: "Reachability", schema: reachabilitySchema, doc: "Reachability" },
  { name: "ReachabilityEntry", schema: reachabilityEntrySchema, doc: "ReachabilityEntry" },
  { name: "DrCostSummary", schema: drCostSummarySchema, doc: "DrCostSummary" },
];

/** String unions as enum types (the values are the wire strings; `name` is the SDKs' constant name). */
const ENUMS: Readonly<Record<string, { description: string; values: readonly string[] }>> = {
  Cloud: { description: "The cloud a VPC is on.", values: CLOUDS },
  ChargeType: {
    description:
      "Tencent POSTPAID_BY_DAY_MAX (daily peak) or POSTPAID_BY_MONTH_95 (monthly 95th percentile); Baidu Postpaid or Prepaid.",
    values: CHARGE_TYPES,
  },
  ServiceLevel: { description: "Tencent peering service level.", values: SERVICE_LEVELS },
  PeeringStatus: { description: "A peering's state on the backend.", values: PEERING_STATUSES },
  BackendKind: { description: "Which backend a connection talks to.", values: BACKEND_KINDS },
  DrSide: { description: "A side of a TwoRegionDr.", values: DR_SIDES },
  ThreeCentersRole: {
    description: "A centre of TwoRegionsThreeCenters.",
    values: THREE_CENTER_ROLES,
  },
  ThreeCentersLink: {
    description: "A peering of TwoRegionsThreeCenters, by its two centres.",
    values: THREE_CENTER_LINK_KEYS,
  },
};

interface Resource {
  name: string;
  inputs: z.ZodObject;
  outputs: z.ZodObject;
  args: string;
  cls: string;
  /** Inputs the resource classes set themselves, not a user's. */
  hidden?: readonly string[];
  /** A component's source file under provider/pulumi/components (its header describes it). */
  file?: string;
}

const HIDDEN = ["createIdentity"];

const RESOURCES: readonly Resource[] = [
  {
    name: "Vpc",
    inputs: vpcInputsSchema,
    outputs: vpcOutputsSchema,
    args: "VpcArgs",
    cls: "Vpc",
    hidden: HIDDEN,
  },
  {
    name: "Subnet",
    inputs: subnetInputsSchema,
    outputs: subnetOutputsSchema,
    args: "SubnetArgs",
    cls: "Subnet",
    hidden: HIDDEN,
  },
  {
    name: "Peering",
    inputs: peeringInputsSchema,
    outputs: peeringOutputsSchema,
    args: "PeeringArgs",
    cls: "Peering",
    hidden: HIDDEN,
  },
  {
    name: "PeeringAcceptance",
    inputs: acceptanceInputsSchema,
    outputs: peeringAcceptanceOutputsSchema,
    args: "PeeringAcceptanceArgs",
    cls: "PeeringAcceptance",
  },
  {
    name: "RouteRule",
    inputs: routeRuleInputsSchema,
    outputs: routeRuleOutputsSchema,
    args: "RouteRuleArgs",
    cls: "RouteRule",
    hidden: HIDDEN,
  },
  {
    name: "BandwidthPolicy",
    inputs: bandwidthPolicyInputsSchema,
    outputs: bandwidthPolicyOutputsSchema,
    args: "BandwidthPolicyArgs",
    cls: "BandwidthPolicy",
  },
];

const COMPONENTS: readonly Resource[] = [
  {
    name: "TwoRegionDr",
    inputs: twoRegionDrArgsSchema,
    outputs: twoRegionDrOutputsSchema,
    args: "TwoRegionDrArgs",
    cls: "TwoRegionDr",
    file: "two-region-dr.ts",
  },
  {
    name: "TwoRegionsThreeCenters",
    inputs: twoRegionsThreeCentersArgsSchema,
    outputs: twoRegionsThreeCentersOutputsSchema,
    args: "TwoRegionsThreeCentersArgs",
    cls: "TwoRegionsThreeCenters",
    file: "two-regions-three-centers.ts",
  },
  {
    name: "HubAndSpoke",
    inputs: hubAndSpokeArgsSchema,
    outputs: hubAndSpokeOutputsSchema,
    args: "HubAndSpokeArgs",
    cls: "HubAndSpoke",
    file: "hub-and-spoke.ts",
  },
];

/** Descriptions that the TypeScript comment cannot give, because the plugin's property differs from the class's. */
const OVERRIDES: Readonly<Record<string, string>> = {
  "DrSite.vpc":
    "The VPC's cloud id (`vpc-2ari9m7h`), e.g. a Vpc resource's `vpcId` output. (TypeScript programs may also pass the Vpc resource itself.)",
  "Connection.kind":
    "Which backend: `local` (the embedded SQLite state file), `tencentcloud`, `huaweicloud` or `baiducloud`.",
  "component.routes":
    "The planned routes, one line each: `vpc [table] destination via requester -> accepter` (the TypeScript class's `routes` holds the RouteRule resources).",
};

/** Provider configuration (`peerlink:<key>`): the connection fields, `backend` being the connection's `kind`. */
const CONFIG_KEYS: ReadonlyArray<{ key: string; field: keyof z.infer<typeof connectionSchema> }> = [
  { key: "backend", field: "kind" },
  { key: "stateFile", field: "stateFile" },
  { key: "account", field: "account" },
  { key: "region", field: "region" },
  { key: "endpoint", field: "endpoint" },
  { key: "projectId", field: "projectId" },
  { key: "secretId", field: "secretId" },
  { key: "secretKey", field: "secretKey" },
];
const SECRETS = new Set(["secretId", "secretKey"]);

export interface PropertySpec extends TypeSpec {
  description?: string;
  default?: string | number | boolean;
  secret?: boolean;
}

interface ObjectSpec {
  properties: Record<string, PropertySpec>;
  required: string[];
}

const registry = z.registry<{ id: string }>();
for (const t of NAMED_TYPES) registry.add(t.schema, { id: t.name });
const enums = enumNames(Object.fromEntries(Object.entries(ENUMS).map(([k, v]) => [k, v.values])));

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return z.toJSONSchema(schema, { io, metadata: registry, unrepresentable: "throw" }) as JsonSchema;
}

/** The body of an object schema (named types are referenced, not inlined). */
function objectBody(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = jsonSchema(schema, io);
  if (json.$ref) return json.$defs![json.$ref.replace(/^#\/\$defs\//, "")]!;
  return json;
}

/** The doc text, plus the documented default when the schema cannot carry it as a `default` value. */
function describe(
  doc: MemberDoc | undefined,
  override: string | undefined,
  hasDefault: boolean,
): string | undefined {
  const text = override ?? doc?.description ?? "";
  const def = doc?.default;
  const withDefault =
    def !== undefined && !hasDefault
      ? `${text}${text && !/[.!?]$/.test(text) ? "." : ""}${text ? " " : ""}Default: ${def}.`
      : text;
  return withDefault === "" ? undefined : withDefault;
}

export function sameKeys(what: string, schemaKeys: Iterable<string>, tsKeys: Iterable<string>): void {
  const a = [...schemaKeys].sort();
  const b = [...tsKeys].sort();
  if (a.join(",") !== b.join(",")) {
    throw new Error(
      `schema: ${what}: the zod schema has [${a.join(", ")}] but the TypeScript declaration has [${b.join(", ")}]. Fix: make them the same (provider/plugin/schema).`,
    );
  }
}

function objectSpec(
  where: string,
  schema: z.ZodType,
  io: "input" | "output",
  docs: ReadonlyMap<string, MemberDoc> | undefined,
  options: { skip?: readonly string[]; secrets?: ReadonlySet<string>; overrides?: string } = {},
): ObjectSpec {
  const body = objectBody(schema, io);
  const properties: Record<string, PropertySpec> = {};
  for (const [key, node] of Object.entries(body.properties ?? {})) {
    if (options.skip?.includes(key)) continue;
    const doc = docs?.get(key);
    const spec: PropertySpec = { ...pulumiType(node, enums, `${where}.${key}`) };
    const def = primitiveDefault(node.default) ?? (spec.type ? literalDefault(doc?.default) : undefined);
    const hasDefault = def !== undefined && spec.type !== "array" && spec.type !== "object";
    const description = describe(
      doc,
      OVERRIDES[`${options.overrides ?? where}.${key}`] ?? OVERRIDES[`${where}.${key}`],
      hasDefault,
    );
    if (description !== undefined) spec.description = description;
    if (hasDefault) spec.default = def;
    if (options.secrets?.has(key)) spec.secret = true;
    properties[key] = spec;
  }
  const required = (body.required ?? []).filter((k) => !options.skip?.includes(k));
  return { properties, required };
}

export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  [key: string]: unknown;
}

/** The whole schema; `root` is the repository root (the doc comments are read from its sources). */
export function generateSchema(root: string, version: string): PackageSchema {
  const all = new Map<string, DeclarationDoc>();
  for (const file of DOC_SOURCES) for (const [k, v] of readDeclarations(join(root, file))) all.set(k, v);
  const members = (name: string) => membersOf(name, all);

  const types: Record<string, unknown> = {};
  for (const [name, e] of Object.entries(ENUMS)) {
    types[token(name)] = {
      type: "string",
      description: e.description,
      enum: e.values.map((value) => ({ name: enumMemberName(value), value })),
    };
  }
  for (const t of NAMED_TYPES) {
    const docs = t.doc ? members(t.doc) : undefined;
    const body = objectBody(t.schema, "input");
    if (docs) sameKeys(`type ${t.name}`, Object.keys(body.properties ?? {}), docs.keys());
    const spec = objectSpec(t.name, t.schema, "input", docs, {
      ...(t.name === "Connection" ? { secrets: SECRETS } : {}),
    });
    const description = t.doc ? all.get(t.doc)?.description : undefined;
    types[token(t.name)] = {
      type: "object",
      ...(description ? { description } : {}),
      properties: spec.properties,
      ...(spec.required.length > 0 ? { required: spec.required } : {}),
    };
  }

  const resources: Record<string, unknown> = {};
  for (const r of RESOURCES) {
    const argDocs = members(r.args);
    const classDocs = members(r.cls);
    const inputs = objectSpec(`${r.name}.inputs`, r.inputs, "input", argDocs, { skip: r.hidden ?? [] });
    sameKeys(`${r.name} inputs`, Object.keys(inputs.properties), argDocs.keys());
    const outputs = objectSpec(`${r.name}.outputs`, r.outputs, "output", classDocs);
    sameKeys(`${r.name} outputs`, Object.keys(outputs.properties), classDocs.keys());
    // Custom resources keep their inputs in state: every input is also an output, except the connection, which
    // only the provider reads (and which holds the credentials).
    const stateInputs = Object.fromEntries(
      Object.entries(inputs.properties).filter(([k]) => k !== "connection" && !(k in outputs.properties)),
    );
    const description = all.get(r.cls)?.description;
    resources[token(r.name)] = {
      ...(description ? { description } : {}),
      inputProperties: inputs.properties,
      requiredInputs: inputs.required,
      properties: { ...stateInputs, ...outputs.properties },
      required: [
        ...new Set([...outputs.required, ...inputs.required.filter((k) => k !== "connection")]),
      ].sort(),
    };
  }
  for (const c of COMPONENTS) {
    const argDocs = members(c.args);
    const classDocs = members(c.cls);
    const inputs = objectSpec(`${c.name}.inputs`, c.inputs, "input", argDocs);
    sameKeys(`${c.name} inputs`, Object.keys(inputs.properties), argDocs.keys());
    const outputs = objectSpec(`${c.name}.outputs`, c.outputs, "output", classDocs, {
      overrides: "component",
    });
    const missing = Object.keys(outputs.properties).filter((k) => !classDocs.has(k));
    if (missing.length > 0) {
      throw new Error(
        `schema: ${c.name} outputs [${missing.join(", ")}] are not members of the TypeScript class`,
      );
    }
    const description =
      all.get(c.cls)?.description || readHeader(join(root, `provider/pulumi/components/${c.file}`));
    resources[token(c.name)] = {
      isComponent: true,
      ...(description ? { description } : {}),
      inputProperties: inputs.properties,
      requiredInputs: inputs.required,
      properties: outputs.properties,
      required: outputs.required,
    };
  }

  const connectionDocs = members("ConnectionArgs");
  const connection = objectSpec("Connection", connectionSchema, "input", connectionDocs, {
    secrets: SECRETS,
  });
  const variables: Record<string, PropertySpec> = {};
  for (const { key, field } of CONFIG_KEYS) {
    const { $ref, ...spec } = connection.properties[field]!;
    // Config values are strings to every SDK; an enum-typed config default makes the Go generator emit code that
    // does not compile (pkg/v3 v3.248.0 codegen/go: `value = peerlink.BackendKind("local")` into a string).
    variables[key] = $ref?.startsWith("#/types/")
      ? { type: "string", ...spec }
      : { ...($ref ? { $ref } : {}), ...spec };
  }
  sameKeys(
    "provider config",
    CONFIG_KEYS.map((c) => c.field),
    Object.keys(connection.properties),
  );

  return {
    name: PACKAGE,
    displayName: "peerlink",
    version,
    description:
      "VPC peering as code for Tencent Cloud, Huawei Cloud and Baidu AI Cloud: plan-time validation, DR topologies.",
    keywords: ["pulumi", "peerlink", "vpc", "peering", "category/network", "kind/native"],
    license: "Apache-2.0",
    config: { variables },
    provider: {
      description:
        "The peerlink provider: which backend and account resources use (stack config `peerlink:*`, or an explicit provider).",
      inputProperties: variables,
    },
    types,
    resources,
    language: {
      nodejs: { packageName: "peerlink" },
      python: {
        packageName: "pulumi_peerlink",
        requires: { pulumi: ">=3.0.0,<4.0.0" },
        respectSchemaVersion: true,
      },
      go: {
        importBasePath: "peerlink.local/sdk/go/peerlink",
        generateResourceContainerTypes: false,
        respectSchemaVersion: true,
      },
    },
  };
}

/** PascalCase constant names: `POSTPAID_BY_DAY_MAX` -> `PostpaidByDayMax`, `production-dr` -> `ProductionDr`. */
function enumMemberName(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

/** Stable JSON text of the schema, as committed. */
export function schemaText(schema: PackageSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
