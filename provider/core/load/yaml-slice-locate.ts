/**
 * Positions in a YAML topology without reading all of it again. A located report needs the places of a few
 * entries (`routes[5432]`, its `destination`), and js-yaml's listener would see every node of the file for them: on
 * a 100,000-VPC file that second read costs more than validation itself. A topology as people and tools write it is
 * a block mapping whose keys (`vpcs:`, `routes:`) start lines at column 0, each holding a block sequence whose items
 * start lines at one indentation (`  - `). So the items the paths name are cut out of the text, each read alone
 * with the same listener (./locate.ts, yamlFrames), and their offsets shifted back.
 *
 * Nothing here is trusted on its layout alone. The cut is used only when the text's layout agrees with the value
 * the first read built: every top-level key found once at column 0, each wanted list's item lines exactly as
 * many as its items, and each item read alone equal, node for node, to the item in the value. Anything else (flow
 * style at the top, a document marker or directive, an alias into another part of the file, a quoted key, a line
 * that looks like an item inside a string) gives `undefined`, and the caller reads the whole text as before, so a
 * position is never taken from a wrong cut.
 */
import { isDeepStrictEqual } from "node:util";
import {
  contentStart,
  type DocumentLocator,
  type Frame,
  locatorOf,
  type WantedPaths,
  yamlFrames,
} from "./locate.js";

const isObject = (v: unknown): v is object => v !== null && typeof v === "object";

/** Items read alone that are always cheaper than reading the whole text. */
const MIN_BUDGET = 1000;

/** Offset of the line `key:` at column 0, if it is there exactly once. */
function topLevelKey(text: string, key: string): number | undefined {
  const line = `${key}:`;
  const first = text.startsWith(line) ? 0 : text.indexOf(`\n${line}`) + 1;
  if (first === 0 && !text.startsWith(line)) return undefined;
  return text.indexOf(`\n${line}`, first) === -1 ? first : undefined;
}

/**
 * The line starts of a block sequence's items between `from` (the line after its key) and `end`: the first
 * content line gives the indentation, and every line that starts with it and `- ` (or `-` and the line's end) is
 * an item. `undefined` when the section does not start with an item line (a flow sequence, a scalar).
 */
function itemLines(text: string, keyEnd: number, end: number): number[] | undefined {
  const lineEnd = text.indexOf("\n", keyEnd);
  if (lineEnd === -1 || lineEnd >= end) return undefined;
  // Anything after `key:` on its own line but a comment is a value there (flow style): not cut.
  const rest = contentStart(text, keyEnd);
  if (rest < lineEnd) return undefined;
  const first = contentStart(text, lineEnd + 1);
  if (first >= end || text.charCodeAt(first) !== 0x2d) return undefined;
  const lineStart = text.lastIndexOf("\n", first) + 1;
  const indent = text.slice(lineStart, first);
  if (/[^ ]/.test(indent)) return undefined;
  const starts = [lineStart];
  const marker = `\n${indent}-`;
  for (let i = text.indexOf(marker, lineStart); i !== -1 && i < end; i = text.indexOf(marker, i + 1)) {
    const after = text.charCodeAt(i + marker.length);
    if (after === 0x20 || after === 0x0a || after === 0x0d) starts.push(i + 1);
  }
  if (starts[1] === lineStart) starts.shift();
  return starts;
}

/**
 * Records the frame of each of `read`'s containers, shifted by `shift`, under the container of `value` it stands
 * for: `read` is an item read alone, `value` the same item of the first read (node for node, checked before).
 */
function mapFrames(
  read: unknown,
  value: unknown,
  frames: ReadonlyMap<object, Frame>,
  shift: number,
  out: Map<object, Frame>,
): void {
  if (!isObject(read) || !isObject(value)) return;
  const frame = frames.get(read);
  if (frame)
    out.set(value, {
      start: frame.start + shift,
      items: frame.items.map((o) => o + shift),
      keys: new Map([...frame.keys].map(([k, o]) => [k, o + shift])),
    });
  const a = read as Record<string, unknown>;
  const b = value as Record<string, unknown>;
  for (const k of Object.keys(a)) mapFrames(a[k], b[k], frames, shift, out);
}

/** The locator for the wanted paths of `root` (what the first read of `text` built), or `undefined`: read it all. */
export function yamlSliceLocator(
  text: string,
  root: unknown,
  depth: number,
  wanted: WantedPaths,
): DocumentLocator | undefined {
  if (!isObject(root) || Array.isArray(root)) return undefined;
  // A directive or a document marker changes what a column-0 line is.
  if (text.startsWith("%") || text.startsWith("---") || text.includes("\n---") || text.includes("\n%"))
    return undefined;
  const doc = root as Record<string, unknown>;
  const keys = Object.keys(doc);
  const at = new Map<string, number>();
  for (const key of keys) {
    const offset = topLevelKey(text, key);
    if (offset === undefined) return undefined;
    at.set(key, offset);
  }
  const order = [...at.values()].sort((x, y) => x - y);
  const sectionEnd = (start: number) => order.find((o) => o > start) ?? text.length;

  const containers = new Map<object, Frame>();
  containers.set(root, { start: 0, items: [], keys: at });
  const asked = [...wanted(root)];
  // Each item read alone costs a load of its own: past an eighth of the document's items, one whole read is less.
  const distinct = new Set(asked.filter((p) => p.length >= 2).map((p) => `${p[0]}\u0000${p[1]}`)).size;
  const total = keys.reduce((n, k) => n + (Array.isArray(doc[k]) ? (doc[k] as unknown[]).length : 0), 0);
  if (distinct > Math.max(MIN_BUDGET, total / 8)) return undefined;
  const items = new Map<string, number[] | undefined>();
  for (const path of asked) {
    if (path.length < 2) continue;
    const [key, index] = path as [string | number, string | number];
    const list = doc[String(key)];
    if (!Array.isArray(list) || typeof index !== "number" || index >= list.length) return undefined;
    const start = at.get(String(key))!;
    const end = sectionEnd(start);
    if (!items.has(String(key))) {
      const lines = itemLines(text, start + String(key).length + 1, end);
      if (!lines || lines.length !== list.length) return undefined;
      items.set(String(key), lines);
      containers.set(list, { start, items: [], keys: new Map() });
    }
    const frame = containers.get(list)!;
    if (frame.items[index] !== undefined) continue;
    const lines = items.get(String(key))!;
    const from = lines[index]!;
    const to = lines[index + 1] ?? end;
    const read = yamlFrames(text.slice(from, to));
    if (!read || !Array.isArray(read.root) || read.root.length !== 1) return undefined;
    const sequence = read.containers.get(read.root);
    if (sequence?.items.length !== 1) return undefined;
    if (!isDeepStrictEqual(read.root[0], list[index])) return undefined;
    mapFrames(read.root[0], list[index], read.containers, from, containers);
    frame.items[index] = sequence.items[0]! + from;
  }
  return locatorOf(text, root, containers, depth);
}
