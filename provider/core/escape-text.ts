/**
 * Terminal-safe text. Ids, names and every message built from them are user input: printed raw, an id holding
 * `\x1b]0;…\x07` retitles the terminal, a NUL or `\r` hides what precedes it, a newline forges a diagnostic line in
 * a CI log, and a bidi override (U+202E) shows text in another order than it is. Text output shows such characters
 * as visible escapes instead. JSON needs none (it escapes them itself); the graph model (./graph/model.ts) escapes
 * its labels with this before Mermaid's and DOT's own escaping, since both are printed to the terminal too.
 * It lives in the core, pure, for that reason; the CLI's text formatters reach it through provider/cli/escape.ts.
 *
 * Escaped: C0 controls, DEL, C1 controls, the bidi embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069, and the marks U+200E, U+200F, U+061C, the line and paragraph separators U+2028, U+2029.
 * A backslash is left as it is (Windows paths stay readable); JSON output is the exact, unambiguous form.
 */

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every control, bidi and line-separating character shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function escapeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}
