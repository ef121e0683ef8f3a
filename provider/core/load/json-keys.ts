/**
 * The check of a JSON text that `JSON.parse` has just accepted: duplicate keys (JSON.parse keeps the last,
 * silently) and nesting depth. The syntax is known to be valid, so this pass tokenizes nothing: it skips each
 * string with `indexOf`, follows only brackets and commas to know where a key may start, and keeps the keys of
 * the open objects in short arrays. ./json-scan.ts, the full scanner, runs only for a text JSON.parse refused,
 * to say where the error is. Measured on a 100,000-VPC file of 87 MB: this pass 260-300 ms, the full scan
 * 450-530 ms.
 *
 * Written by hand for the reason json-scan.ts gives: no maintained parser reports duplicates without building a
 * syntax tree of the whole document.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  stringEnd,
} from "./json-locate.js";
import { type JsonScanOptions, jsonTextError } from "./json-scan.js";

/** An object this many keys long switches from a list to a set. */
const LIST_KEYS = 16;

/**
 * Throws the same `DocumentReadError` as json-scan.ts's `scanJson` for the first duplicate key or nesting past
 * `maxDepth` in `text`, which must be valid JSON.
 */
export function checkJsonKeys(text: string, options: JsonScanOptions): void {
  const { maxDepth } = options;
  const fail = (offset: number, message: string, code: "UNREADABLE_DOCUMENT" | "DOCUMENT_TOO_DEEP") => {
    throw jsonTextError(text, options, offset, message, code);
  };
  // Per open container: whether it is an object, and the keys it has shown so far.
  const isObject: boolean[] = [false];
  const keys: (string[] | Set<string>)[] = [[]];
  let depth = 0;
  let keyNext = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (keyNext) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        let seen = keys[depth]!;
        if (Array.isArray(seen) ? seen.includes(key) : seen.has(key))
          fail(i, `duplicate key ${JSON.stringify(key)} in the same object`, "UNREADABLE_DOCUMENT");
        if (Array.isArray(seen) && seen.length === LIST_KEYS) {
          seen = new Set(seen);
          keys[depth] = seen;
        }
        if (Array.isArray(seen)) seen.push(key);
        else seen.add(key);
        keyNext = false;
      }
      i = end - 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > maxDepth) fail(i, `nested deeper than ${maxDepth} objects and arrays`, "DOCUMENT_TOO_DEEP");
      const object = c === OPEN_OBJECT;
      isObject[depth] = object;
      const list = keys[depth];
      if (object) {
        if (Array.isArray(list)) list.length = 0;
        else keys[depth] = [];
      }
      keyNext = object;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      keyNext = false;
    } else if (c === COMMA) {
      keyNext = isObject[depth]!;
    }
  }
}
