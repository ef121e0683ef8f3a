/**
 * Positions in a JSON text, for ./locate.ts: `JSON.parse` builds the value, then one scan walks the text beside
 * it, recording where each key and item of the containers down to `depth` starts, and skips what lies deeper
 * with a bracket count. A topology's diagnostics need two steps (`["routes", 4]`), so a 100,000-VPC file is
 * scanned at string-skipping speed, not parsed a second time.
 *
 * Written by hand for the reason ./json-scan.ts gives: the maintained parsers that keep positions build a syntax
 * tree of the whole document first. The text is valid JSON (it has just been parsed), so the scan checks nothing.
 */
import type { Frame } from "./locate.js";

/** The JSON characters the hand scans here and in ./json-keys.ts look for. */
export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The offset after the string whose opening quote is at `start`, in a text known to be valid JSON. */
export function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The offset after the value that starts at `start` (not white space). */
function valueEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return stringEnd(text, start);
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    let open = 0;
    for (let i = start; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) i = stringEnd(text, i) - 1;
      else if (d === OPEN_OBJECT || d === OPEN_ARRAY) open++;
      else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --open === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isSpace(d)) break;
  }
  return i;
}

/**
 * The steps a locator must be able to take, as a tree: a step that maps to an empty tree is wanted for its own
 * place (its parent's frame holds it), one with children is read into as well.
 */
export type PathTree = Map<string | number, PathTree>;

/** The tree of `paths`, each cut to `depth` steps. */
export function pathTree(paths: Iterable<readonly (string | number)[]>, depth: number): PathTree {
  const tree: PathTree = new Map();
  for (const path of paths) {
    let node = tree;
    for (const step of path.length > depth ? path.slice(0, depth) : path) {
      let next = node.get(step);
      if (!next) {
        next = new Map();
        node.set(step, next);
      }
      node = next;
    }
  }
  return tree;
}

/**
 * The value and its containers' frames, or `undefined` when `text` is not JSON. With `wanted`, only the
 * containers on the paths it gives for the value are read into (a diagnostic's route is one entry of 800,000,
 * not all of them); without it, every container down to `depth`. `parsed` is the text's value when a first
 * read already made it with `JSON.parse` (the text is then known to be JSON): it is not parsed again.
 */
export function jsonLocator(
  text: string,
  depth: number,
  wanted?: (root: unknown) => Iterable<readonly (string | number)[]>,
  parsed?: { readonly value: unknown },
): { root: unknown; containers: Map<object, Frame> } | undefined {
  let root: unknown;
  if (parsed) root = parsed.value;
  else {
    try {
      root = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const tree = wanted && pathTree(wanted(root), depth);
  const containers = new Map<object, Frame>();
  let i = 0;
  const skipSpace = () => {
    while (isSpace(text.charCodeAt(i))) i++;
  };
  /**
   * Reads the container at `i` (its bracket) whose value is `value`, `level` steps below the root; `wants` is
   * the part of the wanted tree below it (`undefined`: read by depth).
   */
  const container = (value: object, level: number, wants: PathTree | undefined): void => {
    const frame: Frame = { start: i, items: [], keys: new Map() };
    containers.set(value, frame);
    const isArray = Array.isArray(value);
    i++;
    for (let index = 0; ; index++) {
      skipSpace();
      const c = text.charCodeAt(i);
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY || Number.isNaN(c)) {
        i++;
        return;
      }
      if (c === COMMA) {
        i++;
        skipSpace();
      }
      let child: unknown;
      let step: string | number = index;
      if (isArray) {
        frame.items.push(i);
        child = (value as unknown[])[index];
      } else {
        const keyStart = i;
        i = stringEnd(text, i);
        const raw = text.slice(keyStart, i);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (!frame.keys.has(key)) frame.keys.set(key, keyStart);
        step = key;
        skipSpace();
        if (text.charCodeAt(i) === COLON) i++;
        skipSpace();
        child = (value as Record<string, unknown>)[key];
      }
      const d = text.charCodeAt(i);
      const below = wants?.get(step);
      const into = wants ? below !== undefined && below.size > 0 : level + 1 < depth;
      if (into && (d === OPEN_OBJECT || d === OPEN_ARRAY) && child !== null && typeof child === "object")
        container(child, level + 1, below);
      else i = valueEnd(text, i);
    }
  };
  skipSpace();
  if (root !== null && typeof root === "object") container(root, 0, tree);
  return { root, containers };
}
