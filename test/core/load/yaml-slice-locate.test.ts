import fc from "fast-check";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type DocumentPath, documentLocator } from "../../../provider/core/load/locate.js";
import { yamlSliceLocator } from "../../../provider/core/load/yaml-slice-locate.js";

/** Every path into `value` below the top: `[list, index, ...]`. */
function itemPaths(value: unknown, prefix: (string | number)[] = []): DocumentPath[] {
  const out: DocumentPath[] = prefix.length >= 2 ? [prefix] : [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...itemPaths(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...itemPaths(v, [...prefix, k]));
  return out;
}

/** What the slice locator says of `asked` in `text`, beside the full reader; `undefined` when it declined. */
function both(text: string, asked: DocumentPath[]) {
  const root = load(text);
  const sliced = yamlSliceLocator(text, root, Number.POSITIVE_INFINITY, () => asked);
  const full = documentLocator(text)!;
  return { sliced, full };
}

describe("yamlSliceLocator", () => {
  const topology = [
    "# yaml-language-server: $schema=./topology.schema.json",
    "vpcs:",
    "  - { id: a, cidrs: [10.0.0.0/16] }",
    "  # a comment between items",
    "  - id: b",
    "    cidrs:",
    "      - 10.1.0.0/16",
    "",
    "routes:",
    "- {vpc: a, destination: 10.1.0.0/16, peering: p}",
    "- vpc: b",
    "  destination: 10.0.0.0/16",
    "  peering: p",
    "",
  ].join("\n");

  it("places the items it is asked for exactly as the full read does, in either indentation", () => {
    const asked: DocumentPath[] = [
      ["vpcs", 1, "cidrs", 0],
      ["vpcs", 0, "cidrs"],
      ["routes", 1, "destination"],
      ["routes", 0, "peering"],
      ["routes"],
      [],
    ];
    const { sliced, full } = both(topology, asked);
    expect(sliced).toBeDefined();
    for (const path of asked)
      expect(sliced!.position(path), JSON.stringify(path)).toEqual(full.position(path));
    expect(sliced!.position(["routes", 1, "destination"])).toEqual({ line: 12, column: 3 });
  });

  const declines: ReadonlyArray<[string, string]> = [
    ["a flow sequence at the top", "vpcs: [{ id: a }, { id: b }]\n"],
    ["a document marker", "---\nvpcs:\n  - { id: a }\n  - { id: b }\n"],
    ["a quoted top-level key", '"vpcs":\n  - { id: a }\n  - { id: b }\n'],
    [
      "an item line inside a block scalar",
      'vpcs:\n  - id: a\n    name: |\n      x\n  - id: b\n    name: "multi\n  - line"\n',
    ],
    ["an alias into another item", "vpcs:\n  - &v { id: a }\n  - *v\n"],
  ];
  it.each(declines)("declines %s, so the full read places it", (_what, text) => {
    const asked: DocumentPath[] = [["vpcs", 1, "id"]];
    expect(yamlSliceLocator(text, load(text), Number.POSITIVE_INFINITY, () => asked)).toBeUndefined();
  });

  it("declines when the text's items are not the value's: another count, or an item that reads otherwise", () => {
    const asked: DocumentPath[] = [["routes", 0, "destination"]];
    const root = load(topology) as { vpcs: object[]; routes: { destination: string }[] };
    const locate = (value: unknown) =>
      yamlSliceLocator(topology, value, Number.POSITIVE_INFINITY, () => asked);
    expect(locate(root)).toBeDefined();
    expect(locate({ ...root, routes: [...root.routes, { destination: "10.9.0.0/16" }] })).toBeUndefined();
    expect(
      locate({ ...root, routes: [{ ...root.routes[0], destination: "10.9.0.0/16" }, root.routes[1]] }),
    ).toBeUndefined();
    expect(locate({ ...root, routes: [{ ...root.routes[0], extra: 1 }, root.routes[1]] })).toBeUndefined();
    // The value's keys must all be at column 0 once: one the text lacks declines too.
    expect(locate({ ...root, peerings: [] })).toBeUndefined();
  });

  it("reads the whole text instead when more than an eighth of the items (and over 1,000) are asked for", () => {
    const text = `routes:\n${Array.from({ length: 12_000 }, (_, i) => `  - { vpc: v${i}, destination: 10.0.0.0/16 }\n`).join("")}`;
    const root = load(text);
    const ask = (n: number): DocumentPath[] => Array.from({ length: n }, (_, i) => ["routes", i, "vpc"]);
    expect(yamlSliceLocator(text, root, Number.POSITIVE_INFINITY, () => ask(1500))).toBeDefined();
    expect(yamlSliceLocator(text, root, Number.POSITIVE_INFINITY, () => ask(1501))).toBeUndefined();
  });

  // Topology-shaped documents: top-level lists of items, any values inside, written in many styles.
  const key = fc.oneof(
    fc.constantFrom("id", "a b", "x:y", "1", "é", "-"),
    fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
  );
  const scalar = fc.oneof(
    fc.stringMatching(/^[a-z0-9./ ]{0,12}$/),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("a\n  - b", "x\n- y", "line\nline"),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 3 }),
    object: fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  }));
  const document = fc.dictionary(
    fc.constantFrom("vpcs", "peerings", "routes", "subnets", "bandwidthPolicies"),
    fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 5 }),
    { minKeys: 1, maxKeys: 4 },
  );
  const writer = fc.oneof(
    fc
      .record({
        indent: fc.integer({ min: 1, max: 4 }),
        indentSeq: fc.boolean(),
        style: fc.constantFrom("any", "block", "flow"),
      })
      .map(
        ({ indent, indentSeq, style }) =>
          (v: unknown) =>
            stringify(v, { indent, indentSeq, collectionStyle: style as "any" | "block" | "flow" }),
      ),
    fc.integer({ min: -1, max: 3 }).map((flowLevel) => (v: unknown) => dump(v, { flowLevel })),
  );

  it("agrees with the full read on every path of generated documents, or declines", () => {
    const seen = { sliced: 0, declined: 0 };
    fc.assert(
      fc.property(document, writer, fc.integer({ min: 0, max: 1023 }), (root, write, seed) => {
        const text = write(root);
        let parsed: unknown;
        try {
          parsed = load(text);
        } catch {
          return; // a text js-yaml's own dump cannot read back is no document
        }
        fc.pre(JSON.stringify(parsed) === JSON.stringify(root));
        const all = itemPaths(parsed);
        const asked = all.filter((_, i) => (seed >> (i % 10)) & 1);
        const { sliced, full } = both(text, asked);
        if (!sliced) {
          seen.declined++;
          return;
        }
        seen.sliced++;
        for (const path of asked)
          expect(sliced.position(path), `${JSON.stringify(path)} in\n${text}`).toEqual(full.position(path));
      }),
      { numRuns: 1000 },
    );
    // Block styles are cut; flow styles and odd layouts are declined.
    expect(seen.sliced).toBeGreaterThan(300);
    expect(seen.declined).toBeGreaterThan(50);
  });
});
