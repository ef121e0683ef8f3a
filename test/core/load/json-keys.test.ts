import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentReadError } from "../../../provider/core/errors.js";
import { checkJsonKeys, provenUnique } from "../../../provider/core/load/json-keys.js";
import { scanJson } from "../../../provider/core/load/json-scan.js";

/** What a check says of `text`: "ok", or its error's code and message. */
function verdict(check: () => void): string {
  try {
    check();
    return "ok";
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    return `${error.code} ${error.message}`;
  }
}

const options = (maxDepth: number) => ({ source: "t.json", maxDepth });

/**
 * JSON texts whose objects are written entry by entry, so a key may repeat, spelled plainly or with escapes
 * (`"a"` and `"\u0061"` are one key), with strings that hold brackets, commas, quotes, backslashes and colons.
 */
const key = fc.constantFrom(
  '"a"',
  '"\\u0061"',
  '"b"',
  '"a\\"b"',
  '"{"',
  '","',
  '"\\\\"',
  '"id"',
  '"ab"',
  '":"',
  '"a:b"',
  '"\\\\u"',
);
const scalar = fc.constantFrom(
  '"x"',
  '"[1,2]"',
  '"}"',
  '"\\""',
  "1",
  "-0.5e3",
  "true",
  "null",
  '""',
  '"10.0.0.0:x"',
  '"::"',
  '"\\u003a"',
);
const { text } = fc.letrec<{ text: string; object: string; array: string }>((tie) => ({
  text: fc.oneof({ depthSize: "small" }, scalar, tie("object"), tie("array")),
  object: fc
    .array(fc.tuple(key, tie("text")), { maxLength: 5 })
    .chain((entries) =>
      fc
        .constantFrom("", " ", "\n\t")
        .map(
          (space) => `{${space}${entries.map(([k, v]) => `${k}${space}:${space}${v}`).join(`,${space}`)}}`,
        ),
    ),
  array: fc.array(tie("text"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
}));

describe("checkJsonKeys", () => {
  it("says what the full scanner says of every valid JSON text: the same duplicate, the same depth", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 6 }), (json, maxDepth) => {
        const value = JSON.parse(json); // the precondition: JSON.parse accepted it
        const expected = verdict(() => scanJson(json, options(maxDepth)));
        expect(verdict(() => checkJsonKeys(json, options(maxDepth)))).toBe(expected);
        expect(verdict(() => checkJsonKeys(json, options(maxDepth), value))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("proves by the count exactly the clean texts without a \\u escape, and never a text with a duplicate", () => {
    const seen = { proven: 0, refused: 0 };
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 6 }), (json, maxDepth) => {
        const clean = verdict(() => scanJson(json, options(maxDepth))) === "ok";
        const proven = provenUnique(json, JSON.parse(json), maxDepth);
        if (proven) expect(clean).toBe(true);
        if (clean && !json.includes("\\u")) expect(proven).toBe(true);
        seen[proven ? "proven" : "refused"]++;
      }),
      { numRuns: 2000 },
    );
    expect(seen.proven).toBeGreaterThan(200);
    expect(seen.refused).toBeGreaterThan(200);
  });

  it("leaves a text to the pass when Object.prototype has an enumerable key, which every object would count", () => {
    const text = '{"a": {"b": 1}}';
    expect(provenUnique(text, JSON.parse(text), 64)).toBe(true);
    (Object.prototype as Record<string, unknown>).polluted = "x:y";
    try {
      expect(provenUnique(text, JSON.parse(text), 64)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it("names the line and column of a duplicate, also past the list of an object's first keys", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    const text = `{\n${keys.join(",\n")},\n  "k33": 0\n}`;
    expect(verdict(() => checkJsonKeys(text, options(64)))).toBe(
      'UNREADABLE_DOCUMENT t.json: line 42, column 3: duplicate key "k33" in the same object',
    );
  });
});
