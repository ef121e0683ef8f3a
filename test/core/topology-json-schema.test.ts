import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_DESCRIPTIONS } from "../../provider/core/field-descriptions.js";
import {
  schemaFields,
  topologyJsonSchema,
  topologyJsonSchemaText,
} from "../../provider/core/topology-json-schema.js";
import {
  CHARGE_TYPES,
  CLOUDS,
  OBSERVED_PEERING_STATUSES,
  SERVICE_LEVELS,
  topologySchema,
} from "../../provider/core/topology-schema.js";
import { validateDocument } from "../../provider/core/validate.js";
import { EXAMPLES, FIXTURES, loadFixture } from "../support/fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Draft-07 (Ajv's default draft), strict: a keyword Ajv does not know fails the compile. `date-time` is left to
 * the schema's own pattern, zod's, so no format package is needed to compare the two. */
const ajv = new Ajv({ strict: true, allErrors: true, formats: { "date-time": true } });
const matches = ajv.compile(topologyJsonSchema());

/** zod's verdict: the loader's schema step (validateDocument's first phase). */
function zodIssues(document: unknown) {
  const parsed = topologySchema.safeParse(document);
  return parsed.success ? [] : parsed.error.issues;
}

describe("topology.schema.json", () => {
  it("is the JSON Schema the zod schema writes, as committed (node scripts/schema.mjs writes it)", () => {
    expect(readFileSync(join(ROOT, "topology.schema.json"), "utf8")).toBe(topologyJsonSchemaText());
  });

  it("describes every field, and describes no field the document does not have", () => {
    const paths = [...schemaFields(topologyJsonSchema())].map(([path]) => path);
    const undescribed = [...schemaFields(topologyJsonSchema())]
      .filter(([, node]) => node.description === undefined)
      // A tag's value and a block list's items are described by their list or map.
      .map(([path]) => path)
      .filter((path) => !path.endsWith("[]") || FIELD_DESCRIPTIONS[path.slice(0, -2)] === undefined);
    expect(undescribed).toEqual([]);
    expect(Object.keys(FIELD_DESCRIPTIONS).filter((path) => !paths.includes(path))).toEqual([]);
  });

  it("accepts the example and every fixture the loader accepts, and refuses the INVALID_DOCUMENT one", () => {
    const files = [
      join(EXAMPLES, "two-region-dr.yaml"),
      ...readdirSync(FIXTURES)
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => join(FIXTURES, f)),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const document = loadFixture(file);
      const issues = zodIssues(document);
      expect(matches(document), `${file}: ${ajv.errorsText(matches.errors)}`).toBe(issues.length === 0);
    }
    expect(matches(loadFixture(join(FIXTURES, "INVALID_DOCUMENT.yaml")))).toBe(false);
  });

  it("lets a JSON file name its schema: $schema is accepted by the loader and by the schema", () => {
    const document = {
      $schema: "./node_modules/peerlink/topology.schema.json",
      ...(loadFixture(join(EXAMPLES, "two-region-dr.yaml")) as object),
    };
    expect(validateDocument(document).ok).toBe(true);
    expect(matches(document)).toBe(true);
    expect(matches({ ...document, $schema: 7 })).toBe(false);
  });

  it("gives the loader's schema verdict on generated documents: accepts what zod accepts, refuses what it refuses", () => {
    // Each field is usually well typed, sometimes any JSON value; records sometimes gain an unknown key or lose a
    // required one.
    const sometimes = <T>(good: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue() });
    const text = fc.oneof(fc.constantFrom("", "a", "vpc-gz", "10.0.0.0/16", "2001:db8::/32"), fc.string());
    /** Mostly a value zod takes, now and then one it refuses (an empty id, an unknown cloud). */
    const mostly = <T>(good: T[], bad: T[]) =>
      fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom(...good) },
        { weight: 1, arbitrary: fc.constantFrom(...bad) },
      );
    const id = sometimes(mostly(["a", "b", "vpc-gz"], [""]));
    const time = sometimes(
      fc.oneof(
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
        fc.constantFrom("2026-12-07T10:00:00+08:00", "2026-02-30T00:00:00Z", "2026-12-07 10:00"),
      ),
    );
    const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
    const record = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) =>
      fc
        .tuple(
          fc.record(fields, { requiredKeys: required }),
          rarely(fc.tuple(fc.constantFrom("peerVPC", "cidr", "extra", "$schema"), fc.jsonValue())),
          required.length > 0 ? rarely(fc.constantFrom(...required)) : fc.constant(null),
        )
        .map(([value, extra, drop]) => {
          const out: Record<string, unknown> = { ...value };
          if (extra) out[extra[0]] = extra[1];
          if (drop) delete out[drop];
          return out;
        });
    const list = (item: fc.Arbitrary<unknown>) => sometimes(fc.array(item, { maxLength: 3 }));
    const vpc = record(
      {
        id,
        cloud: sometimes(mostly([...CLOUDS], ["awscloud"])),
        region: sometimes(mostly(["ap-guangzhou"], [""])),
        account: sometimes(
          fc.oneof(
            mostly(["100001"], [""]),
            fc.integer({ min: -3, max: 1e6 }),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
        ),
        cidrs: list(sometimes(text)),
        assignedIpv6Cidrs: list(sometimes(text)),
        routeTables: list(id),
        name: sometimes(text),
        visible: sometimes(fc.boolean()),
      },
      ["id", "cloud", "region", "account", "cidrs"],
    );
    const peering = record(
      {
        id,
        name: sometimes(text),
        description: sometimes(text),
        vpc: id,
        peerVpc: id,
        bandwidthMbps: sometimes(
          fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        ),
        chargeType: sometimes(mostly([...CHARGE_TYPES], ["MONTHLY"])),
        serviceLevel: sometimes(mostly([...SERVICE_LEVELS], ["bronze"])),
        tags: sometimes(fc.dictionary(fc.string(), sometimes(fc.string()), { maxKeys: 2 })),
        status: sometimes(mostly([...OBSERVED_PEERING_STATUSES], ["active"])),
        createdAt: time,
        expiresAt: time,
      },
      ["id", "vpc", "peerVpc"],
    );
    const subnet = record(
      {
        id,
        vpc: id,
        cidr: sometimes(text),
        name: sometimes(text),
        ipv6: sometimes(fc.boolean()),
        gatewayIp: sometimes(text),
      },
      ["id", "vpc", "cidr"],
    );
    const route = record(
      { vpc: id, routeTable: id, destination: sometimes(text), peering: id, description: sometimes(text) },
      ["vpc", "destination", "peering"],
    );
    const policy = record(
      { peering: id, vpc: id, ip: sometimes(text), limitMbps: sometimes(fc.integer({ min: -5, max: 100 })) },
      ["peering", "ip", "limitMbps"],
    );
    const document = sometimes(
      record(
        {
          $schema: sometimes(text),
          vpcs: list(vpc),
          subnets: list(subnet),
          peerings: list(peering),
          routes: list(route),
          bandwidthPolicies: list(policy),
        },
        [],
      ),
    );
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(document, (doc) => {
        const issues = zodIssues(doc);
        const schemaSays = matches(doc);
        if (issues.length === 0) {
          seen.accepted++;
          expect(schemaSays, ajv.errorsText(matches.errors)).toBe(true);
        } else {
          seen.refused++;
          expect(schemaSays, JSON.stringify(issues)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
    // Both verdicts were exercised, so the property compared something.
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
