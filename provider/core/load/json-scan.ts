/**
 * One pass over a JSON text that checks what `JSON.parse` does not: duplicate keys (JSON.parse keeps the last,
 * silently) and nesting depth, and says where a syntax error is in lines and columns (V8 gives a position for
 * some errors and none for others, e.g. `Unexpected token ']', "[1,]" is not valid JSON`).
 *
 * Written by hand, on purpose: the maintained parsers that see duplicates build a syntax tree of their own
 * (@humanwhocodes/momoa), a second copy of a document that can be hundreds of MB, or scan with callbacks per
 * token and allow comments and trailing commas (jsonc-parser), which a strict check must refuse. This scanner
 * keeps nothing but one set of keys per open object, and `JSON.parse` builds the value afterwards.
 */
import { DocumentReadError } from "../errors.js";

const VALUE = 0;
const KEY_OR_END = 1;
const KEY = 2;
const COLON = 3;
const COMMA_OR_END = 4;
const VALUE_OR_END = 5;
const DONE = 6;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export interface JsonScanOptions {
  readonly source: string;
  readonly maxDepth: number;
}

/** The error for a problem at `offset` of `text`: its line and column, and the fix for its kind. */
export function jsonTextError(
  text: string,
  { source, maxDepth }: JsonScanOptions,
  offset: number,
  message: string,
  code: "UNREADABLE_DOCUMENT" | "DOCUMENT_TOO_DEEP",
  fix?: string,
): DocumentReadError {
  const { line, column } = lineAndColumn(text, offset);
  return new DocumentReadError(code, `${source}: line ${line}, column ${column}: ${message}`, {
    resource: source,
    fix:
      fix ??
      (code === "DOCUMENT_TOO_DEEP"
        ? `Nest objects and arrays at most ${maxDepth} deep; a topology needs 4.`
        : message.startsWith("duplicate key")
          ? "Keep one of the two keys: JSON.parse would silently keep the last."
          : "Fix the JSON at the line and column given."),
  });
}

/**
 * What people write in a JSON file that JSON does not allow, told by name with its fix: the comma after the last
 * item (JSON5, JavaScript and YAML flow style allow it), comments, single quotes. Undefined for anything else.
 */
function nonJson(text: string, i: number, afterComma: boolean): { message: string; fix: string } | undefined {
  const c = text.charCodeAt(i);
  if (afterComma && (c === 0x7d || c === 0x5d))
    return {
      message: `a comma before '${text[i]}' (a trailing comma), which JSON does not allow`,
      fix: "Remove the comma after the last item, or write the file as YAML, which allows it in flow style.",
    };
  if (c === 0x2f /* / */ && (text[i + 1] === "/" || text[i + 1] === "*"))
    return {
      message: "a comment, which JSON does not allow",
      fix: "Remove the comment, or write the file as YAML and comment with #.",
    };
  if (c === 0x27 /* ' */)
    return {
      message: "a single-quoted string, which JSON does not allow",
      fix: 'Write the string in double quotes ("..."), or write the file as YAML, which allows single quotes.',
    };
  return undefined;
}

/** Throws a `DocumentReadError` for the first syntax error, duplicate key or nesting past `maxDepth`. */
export function scanJson(text: string, options: JsonScanOptions): void {
  const { maxDepth } = options;
  const fail = (offset: number, message: string, code: "UNREADABLE_DOCUMENT" | "DOCUMENT_TOO_DEEP") => {
    throw jsonTextError(text, options, offset, message, code);
  };
  // Where the last comma was, and whether nothing but blanks came after it: a `}` or `]` then is a trailing comma.
  let comma = -1;
  /** An unexpected character: told by name when it is one of nonJson's, else as `message` says. */
  const unexpected = (offset: number, message: string): never => {
    const known = nonJson(text, offset, comma !== -1);
    if (known)
      throw jsonTextError(
        text,
        options,
        known.message.startsWith("a comma") ? comma : offset,
        known.message,
        "UNREADABLE_DOCUMENT",
        known.fix,
      );
    throw jsonTextError(text, options, offset, message, "UNREADABLE_DOCUMENT");
  };

  // The open containers: true for an object. `keys[d]` holds the keys seen so far in the object at depth d.
  const isObject: boolean[] = [];
  const keys: (Set<string> | undefined)[] = [];
  let depth = 0;
  let state = VALUE;
  const n = text.length;
  let i = 0;

  // Scans the string starting at the quote at `i`; returns the offset after its closing quote.
  const scanString = (start: number): { end: number; escaped: boolean } => {
    let j = start + 1;
    let escaped = false;
    for (;;) {
      if (j >= n) fail(start, "unterminated string", "UNREADABLE_DOCUMENT");
      const c = text.charCodeAt(j);
      if (c === QUOTE) return { end: j + 1, escaped };
      if (c === BACKSLASH) {
        escaped = true;
        const e = text.charCodeAt(j + 1);
        if (e === 0x75 /* u */) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(j + k))) fail(j, "bad \\u escape in string", "UNREADABLE_DOCUMENT");
          }
          j += 6;
          continue;
        }
        // " \ / b f n r t
        if (
          !(
            e === 0x22 ||
            e === 0x5c ||
            e === 0x2f ||
            e === 0x62 ||
            e === 0x66 ||
            e === 0x6e ||
            e === 0x72 ||
            e === 0x74
          )
        ) {
          fail(j, "bad escape in string", "UNREADABLE_DOCUMENT");
        }
        j += 2;
        continue;
      }
      if (c < 0x20)
        fail(j, "control character in string (write it as an escape, e.g. \\n)", "UNREADABLE_DOCUMENT");
      j++;
    }
  };

  const afterValue = () => {
    state = depth === 0 ? DONE : COMMA_OR_END;
  };

  const open = (object: boolean) => {
    depth++;
    if (depth > maxDepth) fail(i, `nested deeper than ${maxDepth} objects and arrays`, "DOCUMENT_TOO_DEEP");
    isObject[depth] = object;
    keys[depth] = undefined;
    state = object ? KEY_OR_END : VALUE_OR_END;
    i++;
  };

  const close = () => {
    keys[depth] = undefined;
    depth--;
    i++;
    afterValue();
  };

  const scanValue = (c: number) => {
    if (c === 0x7b /* { */) return open(true);
    if (c === 0x5b /* [ */) return open(false);
    if (c === QUOTE) {
      i = scanString(i).end;
      return afterValue();
    }
    if (c === 0x2d /* - */ || isDigit(c)) {
      const start = i;
      if (c === 0x2d) i++;
      if (text.charCodeAt(i) === 0x30) i++;
      else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
      else fail(start, "bad number", "UNREADABLE_DOCUMENT");
      if (text.charCodeAt(i) === 0x2e /* . */) {
        i++;
        if (!isDigit(text.charCodeAt(i))) fail(start, "bad number", "UNREADABLE_DOCUMENT");
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const e = text.charCodeAt(i);
      if (e === 0x65 || e === 0x45 /* e E */) {
        i++;
        const s = text.charCodeAt(i);
        if (s === 0x2b || s === 0x2d) i++;
        if (!isDigit(text.charCodeAt(i))) fail(start, "bad number", "UNREADABLE_DOCUMENT");
        while (isDigit(text.charCodeAt(i))) i++;
      }
      return afterValue();
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return afterValue();
      }
    }
    unexpected(i, `unexpected ${describe(text, i)}, expected a value`);
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    switch (state) {
      case VALUE:
        scanValue(c);
        break;
      case VALUE_OR_END:
        if (c === 0x5d /* ] */) close();
        else scanValue(c);
        break;
      case KEY_OR_END:
      case KEY: {
        if (c === 0x7d /* } */ && state === KEY_OR_END) {
          close();
          break;
        }
        if (c !== QUOTE) unexpected(i, `unexpected ${describe(text, i)}, expected a property name in quotes`);
        const start = i;
        const { end, escaped } = scanString(i);
        const key = escaped ? (JSON.parse(text.slice(start, end)) as string) : text.slice(start + 1, end - 1);
        let seen = keys[depth];
        if (seen === undefined) {
          seen = new Set();
          keys[depth] = seen;
        }
        if (seen.has(key))
          fail(start, `duplicate key ${JSON.stringify(key)} in the same object`, "UNREADABLE_DOCUMENT");
        seen.add(key);
        i = end;
        state = COLON;
        break;
      }
      case COLON:
        if (c !== 0x3a /* : */)
          fail(i, `unexpected ${describe(text, i)}, expected ':'`, "UNREADABLE_DOCUMENT");
        i++;
        state = VALUE;
        break;
      case COMMA_OR_END:
        if (c === 0x2c /* , */) {
          comma = i;
          i++;
          state = isObject[depth] ? KEY : VALUE;
          continue;
        } else if (c === (isObject[depth] ? 0x7d : 0x5d)) {
          close();
        } else {
          unexpected(i, `unexpected ${describe(text, i)}, expected ',' or '${isObject[depth] ? "}" : "]"}'`);
        }
        break;
      default:
        unexpected(i, `unexpected ${describe(text, i)} after the end of the document`);
    }
    comma = -1;
  }
  if (state !== DONE) fail(n, "unexpected end of the document", "UNREADABLE_DOCUMENT");
}

function describe(text: string, i: number): string {
  const c = text.codePointAt(i);
  if (c === undefined) return "end of the document";
  return c < 0x20 || c === 0x7f
    ? `character U+${c.toString(16).toUpperCase().padStart(4, "0")}`
    : `'${String.fromCodePoint(c)}'`;
}
