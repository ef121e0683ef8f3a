import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEMS, jsonWithItems, writeChunks } from "../../provider/cli/chunked-output.js";

describe("chunked output", () => {
  it("writes exactly JSON.stringify(value, null, 2), the list streamed, wherever it sits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        fc.constantFrom("top", "nested", "in-array"),
        (items, rest, where) => {
          const place = (list: unknown) =>
            where === "top"
              ? { ...rest, list }
              : where === "nested"
                ? { a: { ...rest, b: list } }
                : [rest, [list]];
          const streamed = [...jsonWithItems(place(ITEMS), items.length, (i) => items[i])].join("");
          expect(streamed).toBe(JSON.stringify(place(items), null, 2));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("makes each item only when its turn comes, and writes pieces of about a megabyte", () => {
    const made: number[] = [];
    const chunks = jsonWithItems({ list: ITEMS }, 3_000, (i) => {
      made.push(i);
      return { i, text: "x".repeat(1_000) };
    });
    const writes: string[] = [];
    let seenWhenFirstWritten = -1;
    writeChunks(
      {
        write: (text: string) => {
          if (writes.length === 0) seenWhenFirstWritten = made.length;
          writes.push(text);
        },
      },
      chunks,
    );
    // 3,000 items of ~1 kB: several pieces, the first written long before the last item was made.
    expect(writes.length).toBeGreaterThan(2);
    expect(seenWhenFirstWritten).toBeLessThan(1_500);
    expect(writes.slice(0, -1).every((w) => w.length >= 1 << 20 && w.length < (1 << 20) + 2_000)).toBe(true);
    const parsed = JSON.parse(writes.join("")) as { list: { i: number }[] };
    expect(parsed.list.map((x) => x.i)).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
  });
});
