/**
 * Reports written in pieces. A report of a large file can pass V8's longest string (2^29 - 24 characters, about
 * 512 MB): 1.4 million diagnostics of a 100k-VPC file make about 1 GB of JSON, and one `JSON.stringify` or
 * `join` of it ends the command with "Invalid string length". So a report is made and written a diagnostic at
 * a time, in pieces of about a megabyte, with exactly the text one string would have held.
 */

/** Where a report goes: the CLI's stdout (CliIo), or anything with `write`. */
export interface TextSink {
  write(text: string): unknown;
}

const PIECE = 1 << 20;

/** Writes `chunks` to `out`, joined into pieces of about a megabyte. */
export function writeChunks(out: TextSink, chunks: Iterable<string>): void {
  let piece = "";
  for (const chunk of chunks) {
    piece += chunk;
    if (piece.length >= PIECE) {
      out.write(piece);
      piece = "";
    }
  }
  if (piece.length > 0) out.write(piece);
}

/** Stands for the streamed list inside the skeleton; JSON.stringify writes it as `"\u0000items\u0000"`. */
const MARK = "\u0000items\u0000";
const MARK_JSON = JSON.stringify(MARK);

/** The array `items` as a value inside `skeleton`, where it holds `ITEMS`: see `jsonWithItems`. */
export const ITEMS: readonly unknown[] = Object.freeze([MARK]);

/**
 * The text of `JSON.stringify(value, null, 2)`, in chunks, where `value` is `skeleton` with its one `ITEMS`
 * array replaced by the `count` values `item(0)`, `item(1)`, ...: each is made and stringified only when its
 * turn comes, and indented as the array's own members are.
 */
export function* jsonWithItems(
  skeleton: unknown,
  count: number,
  item: (index: number) => unknown,
): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  const at = text.indexOf(MARK_JSON);
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const indent = text.slice(lineStart, at);
  if (count === 0) {
    // An empty array is `[]` on one line: the bracket before the mark, then the one after it.
    const open = text.lastIndexOf("[", at);
    const close = text.indexOf("]", at + MARK_JSON.length);
    yield `${text.slice(0, open)}[]${text.slice(close + 1)}`;
    return;
  }
  yield text.slice(0, lineStart);
  for (let i = 0; i < count; i++) {
    const member = JSON.stringify(item(i), null, 2).replace(/\n/g, `\n${indent}`);
    yield `${indent}${member}${i + 1 < count ? ",\n" : ""}`;
  }
  yield text.slice(at + MARK_JSON.length);
}
