import fc from "fast-check";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from "yaml";
import {
  type DocumentPath,
  documentLocator,
  type SourcePosition,
} from "../../../provider/core/load/locate.js";

/**
 * The oracle: the `yaml` package's own syntax tree, which keeps every node's range. A mapping entry is at its
 * key, a sequence item at its node, as the locator promises.
 */
function oracle(text: string, path: DocumentPath): SourcePosition | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const step of path) {
    if (isSeq(node)) {
      node = node.items[step as number];
      offset = (node as Node).range?.[0];
    } else if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else break;
  }
  if (offset === undefined) return undefined;
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

/**
 * Whether `text` is a document of `value`: js-yaml's dump writes some strings unquoted where its own loader then
 * fails (`[(:[]`), and such a text is no document to locate in.
 */
function writes(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(load(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** Every path into `value`, the root's included. */
function paths(value: unknown, prefix: (string | number)[] = []): DocumentPath[] {
  const out: DocumentPath[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

describe("documentLocator", () => {
  const text = [
    "# a topology",
    "vpcs:",
    "  - id: a   # first",
    '    cidrs: [10.0.0.0/16, "10.1.0.0/16"]',
    "  -",
    "    id: b",
    "    cidrs:",
    "      - 10.2.0.0/16",
    "    name:",
    "peerings: []",
    '"routes":',
    '- {vpc: a, "destination": 10.2.0.0/16}',
    "",
  ].join("\n");
  const at = (path: DocumentPath) => documentLocator(text)!.position(path);

  it("puts a sequence item at its first character and a mapping entry at its key", () => {
    expect(at(["vpcs", 0])).toEqual({ line: 3, column: 5 });
    expect(at(["vpcs", 0, "cidrs"])).toEqual({ line: 4, column: 5 });
    expect(at(["vpcs", 0, "cidrs", 1])).toEqual({ line: 4, column: 26 });
    expect(at(["vpcs", 1])).toEqual({ line: 6, column: 5 });
    expect(at(["vpcs", 1, "cidrs", 0])).toEqual({ line: 8, column: 9 });
    expect(at(["vpcs", 1, "name"])).toEqual({ line: 9, column: 5 });
    expect(at(["routes"])).toEqual({ line: 11, column: 1 });
    expect(at(["routes", 0])).toEqual({ line: 12, column: 3 });
    expect(at(["routes", 0, "destination"])).toEqual({ line: 12, column: 12 });
  });

  it("gives the deepest node a path reaches when it leaves the document", () => {
    expect(at(["vpcs", 1, "account"])).toEqual(at(["vpcs", 1]));
    expect(at(["vpcs", 7])).toEqual(at(["vpcs"]));
    expect(at(["vpcs", "x"])).toEqual(at(["vpcs"]));
    expect(at(["nothing"])).toEqual({ line: 2, column: 1 });
  });

  it("reads JSON, tabs and CRLF line ends included", () => {
    const json = '{\r\n\t"vpcs": [\r\n\t\t{"id": "a",\r\n\t\t "cidrs":["10.0.0.0/16"]}\r\n\t]\r\n}\r\n';
    const l = documentLocator(json)!;
    expect(l.position(["vpcs", 0])).toEqual({ line: 3, column: 3 });
    expect(l.position(["vpcs", 0, "cidrs", 0])).toEqual({ line: 4, column: 13 });
  });

  it("places an alias's target at its anchor", () => {
    const l = documentLocator("a: &x {k: 1}\nb: *x\n")!;
    expect(l.position(["a", "k"])).toEqual({ line: 1, column: 8 });
    expect(l.position(["b", "k"])).toEqual({ line: 1, column: 8 });
  });

  it("gives no locator for a text that does not parse", () => {
    expect(documentLocator("a: [1,\n")).toBeUndefined();
  });

  const key = fc.oneof(
    fc.constantFrom("id", "a b", "x:y", "1", "true", "null", "é", "#c", "-"),
    fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
  );
  const scalar = fc.oneof(
    fc.stringMatching(/^[a-z0-9./ ]{0,12}$/),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  }));
  const documentText = fc.oneof(
    fc.record({ indent: fc.integer({ min: 1, max: 4 }), style: fc.constantFrom("any", "block", "flow") }).map(
      ({ indent, style }) =>
        (v: unknown) =>
          stringify(v, { indent, collectionStyle: style as "any" | "block" | "flow" }),
    ),
    fc
      .constantFrom<unknown>(0, 2, "\t")
      .map((space) => (v: unknown) => JSON.stringify(v, null, space as number)),
    fc.integer({ min: -1, max: 3 }).map((flowLevel) => (v: unknown) => dump(v, { flowLevel })),
  );

  it("looks only as deep as asked: a deeper path gives its deepest place within the depth", () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        documentText,
        fc.integer({ min: 0, max: 4 }),
        (root, write, depth) => {
          const text = write(root);
          fc.pre(writes(text, root));
          const full = documentLocator(text)!;
          const shallow = documentLocator(text, depth)!;
          for (const path of paths(root))
            expect(shallow.position(path), JSON.stringify(path)).toEqual(full.position(path.slice(0, depth)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("places every path it was told it would be asked for as the full reader does", () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        documentText,
        fc.integer({ min: 0, max: 1000 }),
        (root, write, seed) => {
          const text = write(root);
          fc.pre(writes(text, root));
          const all = paths(root);
          // Some of the paths, and one that leaves the document part way.
          const asked = all.filter((_, i) => (seed >> (i % 10)) & 1);
          asked.push([...(all.at(-1) ?? []), "missing", 0]);
          const full = documentLocator(text)!;
          const told = documentLocator(text, Number.POSITIVE_INFINITY, () => asked)!;
          for (const path of asked)
            expect(told.position(path), JSON.stringify(path)).toEqual(full.position(path));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("agrees with the yaml package's syntax tree on every path of any document", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), documentText, (root, write) => {
        const text = write(root);
        fc.pre(writes(text, root));
        const locator = documentLocator(text);
        expect(locator).toBeDefined();
        for (const path of paths(root))
          expect(locator!.position(path), `${JSON.stringify(path)} in\n${text}`).toEqual(oracle(text, path));
      }),
      { numRuns: 400 },
    );
  });
});
