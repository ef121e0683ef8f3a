/**
 * The check of a JSON text that `JSON.parse` has just accepted: duplicate keys (JSON.parse keeps the last,
 * silently) and nesting depth. The syntax is known to be valid, so this pass tokenizes nothing: it skips each
 * string with `indexOf`, follows only brackets and commas to know where a key may start, and keeps the keys of
 * the open objects in short arrays. ./json-scan.ts, the full scanner, runs only for a text JSON.parse refused,
 * to say where the error is. Measured on a 100,000-VPC file of 87 MB: this pass 260-300 ms, the full scan
 * 450-530 ms. Most texts need not even this pass: given the parsed value, a count proves them clean in about
 * half its time (provenUnique).
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

/** Past this depth limit the proof below is not tried: it recurses once per level. */
const PROOF_DEPTH = 1000;

function colons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(":"); i !== -1; i = s.indexOf(":", i + 1)) n++;
  return n;
}

/** Keys plus the colons inside strings, of a value JSON.parse made; -1 past `maxDepth`. */
function parsedColons(value: unknown, depth: number, maxDepth: number): number {
  if (typeof value === "string") return colons(value);
  if (value === null || typeof value !== "object") return 0;
  if (depth > maxDepth) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = parsedColons(value[i], depth + 1, maxDepth);
      if (inner < 0) return -1;
      n += inner;
    }
    return n;
  }
  // for-in sees inherited keys too; provenUnique first checks that Object.prototype has none.
  for (const key in value) {
    const inner = parsedColons((value as Record<string, unknown>)[key], depth + 1, maxDepth);
    if (inner < 0) return -1;
    n += 1 + colons(key) + inner;
  }
  return n;
}

/**
 * Whether a count proves that `text`, which JSON.parse turned into `value`, has no duplicate key and no nesting
 * past `maxDepth`: two scans of the text (the `\u` search and the colon count) and one walk of the value, about
 * half the time of the pass below (100k VPCs: 140 ms against 290-340 ms), and no key copied.
 *
 * Outside strings a JSON text has a colon after each key and nowhere else, and without `\u` escapes a string's
 * colons are its text's. So the text's colons are its keys plus the colons in its strings. The value keeps every
 * key and every string of the text except those a repeated key overwrote, so its count equals the text's exactly
 * when no key repeats. `false` says only that the count could not prove it (an escape, a repeat, the depth).
 */
export function provenUnique(text: string, value: unknown, maxDepth: number): boolean {
  if (maxDepth > PROOF_DEPTH || text.includes("\\u")) return false;
  for (const _ in {}) return false; // an enumerable key on Object.prototype would count in every object
  const inValue = parsedColons(value, 1, maxDepth);
  return inValue >= 0 && inValue === colons(text);
}

/** An object this many keys long switches from a list to a set. */
const LIST_KEYS = 16;

/**
 * Throws the same `DocumentReadError` as json-scan.ts's `scanJson` for the first duplicate key or nesting past
 * `maxDepth` in `text`, which must be valid JSON. Given the value JSON.parse made of it, a text the count proves
 * clean (provenUnique) is not read again.
 */
export function checkJsonKeys(text: string, options: JsonScanOptions, value?: unknown): void {
  const { maxDepth } = options;
  if (value !== undefined && provenUnique(text, value, maxDepth)) return;
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
