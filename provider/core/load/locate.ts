/**
 * Where the nodes of a YAML or JSON document are: the line and column a path (`["vpcs", 3, "cidrs", 0]`) starts
 * at, so a diagnostic can say `network.yaml:14:5`. Only wanted when there is something to report, so it is a
 * second, separate read of the text, never on the path of a valid document.
 *
 * js-yaml builds values without a syntax tree, but it calls a `listener` when each node opens and closes (state
 * position and result). That is enough: a container's start is its open position, a mapping's keys are the scalar
 * nodes directly inside it that a `:` follows, a sequence's items are its direct children in order. The `yaml`
 * package keeps positions natively, but only by building its syntax tree first: measured on a 10,000-VPC file
 * (9 MB), its CST parser took 3.1 s and `parseDocument` 5.0 s, js-yaml with this listener 0.4 s. JSON is read the
 * same way (JSON is YAML 1.2 flow syntax), so both formats locate alike.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import type { ParsedDocument } from "../load-document.js";
import { jsonLocator } from "./json-locate.js";
import { yamlSliceLocator } from "./yaml-slice-locate.js";

/** A place in the text: line and column from 1, the column in UTF-16 code units (as editors count them). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type DocumentPath = readonly (string | number)[];

/** The paths a locator will be asked for, given the document's value (a path may leave the document part way). */
export type WantedPaths = (root: unknown) => Iterable<DocumentPath>;

export interface DocumentLocator {
  /** The document's value as this read built it: for finding a resource's index by its id. */
  readonly root: unknown;
  /**
   * Where `path` is: a mapping entry at its key, a sequence item at its first character. A path that leaves the
   * document part way (a missing key) gives the deepest node it reached; `undefined` only when even the root has
   * no position.
   */
  position(path: DocumentPath): SourcePosition | undefined;
}

/** What a reader keeps of a container: where it starts, and where its direct children do. */
export interface Frame {
  readonly start: number;
  /** Offsets of the direct children that are not keys, in order (a sequence's items). */
  readonly items: number[];
  /** Offsets of the keys of the direct entries (a mapping's), by key text. */
  readonly keys: Map<string, number>;
}

/** The part of js-yaml's loader state that the listener reads. */
interface ListenerState {
  readonly position: number;
  readonly result: unknown;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;

/** The first offset from `at` that is not white space, a line break or a comment. */
export function contentStart(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) i++;
    else if (c === HASH) {
      const end = text.indexOf("\n", i);
      if (end === -1) return text.length;
      i = end + 1;
    } else return i;
  }
}

/** Whether a `:` follows `at`, after spaces on the same line: the node that ends there is a mapping key. */
function colonFollows(text: string, at: number): boolean {
  let i = at;
  let c = text.charCodeAt(i);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
  return c === COLON;
}

/** Line starts of `text`, for turning offsets into lines by binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: readonly number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Reads `text` (YAML or JSON, without a byte order mark) for its positions, for paths of at most `depth` steps
 * (the default: any; a longer path gives its place at `depth` steps). JSON goes through ./json-locate.ts, which
 * skips what lies deeper, and with `wanted` reads into only the containers on the paths it gives; YAML through
 * js-yaml's listener, which sees every node, or with `parsed` and `wanted` through ./yaml-slice-locate.ts, which
 * reads only the items the paths name when the text's layout agrees with the value. `parsed`, the first read's
 * value and syntax, spares a JSON text its second `JSON.parse`. `undefined` when the text does not parse:
 * positions are an aid to a report, and a text that does not parse was reported as unreadable before.
 */
export function documentLocator(
  text: string,
  depth = Number.POSITIVE_INFINITY,
  wanted?: WantedPaths,
  parsed?: ParsedDocument,
): DocumentLocator | undefined {
  if (parsed?.format === "json") {
    const json = jsonLocator(text, depth, wanted, parsed)!;
    return locatorOf(text, json.root, json.containers, depth);
  }
  const first = contentStart(text, 0);
  const c = text.charCodeAt(first);
  if (c === 0x7b || c === 0x5b) {
    const json = jsonLocator(text, depth, wanted);
    if (json) return locatorOf(text, json.root, json.containers, depth);
  }
  if (parsed?.format === "yaml" && wanted) {
    // Only the sequence items the wanted paths name, when the text's layout lets them be cut out and checked.
    const sliced = yamlSliceLocator(text, parsed.value, depth, wanted);
    if (sliced) return sliced;
  }
  const read = yamlFrames(text);
  return read && locatorOf(text, read.root, read.containers, depth);
}

/**
 * A YAML text's value and the frames of its containers, from js-yaml's listener (offsets into `text`);
 * `undefined` when the text does not parse.
 */
export function yamlFrames(text: string): { root: unknown; containers: Map<object, Frame> } | undefined {
  const containers = new Map<object, Frame>();
  // The open nodes: where each opened, and its frame once a child of it closes. The depth of a node on this
  // stack is not its depth in the document: js-yaml reads a value that starts on the next line, and a document
  // that is one flow collection, through one more node that ends with the same result.
  const starts: number[] = [];
  const frames: (Frame | undefined)[] = [];
  const listener = (event: "open" | "close", state: ListenerState) => {
    if (event === "open") {
      starts.push(state.position);
      frames.push(undefined);
      return;
    }
    const opened = starts.pop()!;
    const result = state.result;
    const level = starts.length; // the parent's place on the stack
    if (result !== null && typeof result === "object") {
      // A container with no children has no frame yet. An alias closes with the anchored value again: the
      // anchor's own frame, the first, is kept.
      const frame = frames[level] ?? { start: opened, items: [], keys: new Map() };
      if (!containers.has(result)) containers.set(result, frame);
    }
    frames.pop();
    if (level === 0) return;
    let parent = frames[level - 1];
    if (!parent) {
      parent = { start: starts[level - 1]!, items: [], keys: new Map() };
      frames[level - 1] = parent;
    }
    const start = contentStart(text, opened);
    if ((result === null || typeof result !== "object") && colonFollows(text, state.position)) {
      const key = String(result);
      if (!parent.keys.has(key)) parent.keys.set(key, start);
    } else parent.items.push(start);
  };
  let root: unknown;
  try {
    // The listener is part of js-yaml 4's documented load options; the local typing (./js-yaml.d.ts) names it.
    root = load(text, { schema: CORE_SCHEMA, listener });
  } catch {
    return undefined;
  }
  return { root, containers };
}

/** The locator over the frames of `root`'s containers, from either reader. */
export function locatorOf(
  text: string,
  root: unknown,
  containers: ReadonlyMap<object, Frame>,
  depth: number,
): DocumentLocator {
  let lines: number[] | undefined;
  const at = (offset: number) => {
    lines ??= lineStarts(text);
    return positionOf(lines, offset);
  };
  return {
    root,
    position(path) {
      let node = root;
      let frame = node !== null && typeof node === "object" ? containers.get(node) : undefined;
      let best = frame ? contentStart(text, frame.start) : undefined;
      for (const step of path.length > depth ? path.slice(0, depth) : path) {
        if (!frame || node === null || typeof node !== "object") break;
        let offset: number | undefined;
        if (Array.isArray(node)) {
          if (typeof step !== "number") break;
          offset = frame.items[step];
          node = node[step];
        } else {
          offset = frame.keys.get(String(step));
          node = (node as Record<string, unknown>)[String(step)];
        }
        if (offset === undefined) break;
        best = offset;
        frame = node !== null && typeof node === "object" ? containers.get(node) : undefined;
      }
      return best === undefined ? undefined : at(best);
    },
  };
}
