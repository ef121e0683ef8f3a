/**
 * Turns the text of a topology file into a plain value, at the speed of the core: JSON through `JSON.parse`
 * (then one light pass for duplicate keys and depth; a text it refuses is scanned in full for the line and
 * column of the error), YAML through js-yaml
 * (no syntax tree kept). Every failure, resource limits included, is a coded `DocumentReadError`.
 */
import { DocumentReadError } from "./errors.js";
import { checkJsonKeys } from "./load/json-keys.js";
import { scanJson } from "./load/json-scan.js";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./load/limits.js";
import { parseYaml } from "./load/yaml-load.js";

export { decodeDocument } from "./load/decode.js";
export { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./load/limits.js";

export type DocumentFormat = "json" | "yaml";

export interface ParseOptions {
  /** Default: by the name (`.json`, `.yaml`, `.yml`), else by the content (JSON if it starts with `{` or `[`). */
  readonly format?: DocumentFormat;
  readonly limits?: Partial<LoadLimits>;
}

/** The format a document is read as: by its extension, else JSON when it starts with `{` or `[`. */
export function documentFormat(text: string, source: string): DocumentFormat | "sniffed-json" {
  const lower = source.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  const first = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0];
  const startsLikeJson = first === "{" || first === "[";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return startsLikeJson ? "sniffed-json" : "yaml";
  return startsLikeJson ? "sniffed-json" : "yaml";
}

function parseJson(text: string, source: string, limits: LoadLimits): unknown {
  let value: unknown;
  try {
    // V8's JSON.parse is not recursive, so a text nested past the limit is parsed, then refused below.
    value = JSON.parse(text);
  } catch (error) {
    // Refused: the full scan says where, in lines and columns (V8's messages do not always).
    scanJson(text, { source, maxDepth: limits.maxDepth });
    // The scan refuses everything JSON.parse does, so this is a backstop.
    throw new DocumentReadError("UNREADABLE_DOCUMENT", `${source}: ${(error as Error).message}`, {
      resource: source,
      fix: "Fix the JSON syntax.",
    });
  }
  checkJsonKeys(text, { source, maxDepth: limits.maxDepth }, value);
  return value;
}

/** A document's value, and the syntax it was read as (a `.yaml` file holding JSON is read as JSON). */
export interface ParsedDocument {
  readonly value: unknown;
  readonly format: DocumentFormat;
}

export function parseTopologyText(text: string, source = "topology", options: ParseOptions = {}): unknown {
  return parseTopologyDocument(text, source, options).value;
}

/** As `parseTopologyText`, saying which syntax the text was read as: a JSON value can be located without a second parse. */
export function parseTopologyDocument(
  text: string,
  source = "topology",
  options: ParseOptions = {},
): ParsedDocument {
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  if (text.length > limits.maxBytes) {
    throw new DocumentReadError("DOCUMENT_TOO_LARGE", `${source}: larger than ${limits.maxBytes} bytes`, {
      resource: source,
      fix: "Split the topology, or raise the limit (PEERLINK_MAX_DOCUMENT_BYTES for the CLI).",
    });
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const format = options.format ?? documentFormat(body, source);
  if (format === "json") return { value: parseJson(body, source, limits), format };
  if (format === "yaml") return { value: parseYaml(body, source, limits), format };
  // Starts like JSON but is named .yaml or not named: JSON when it is, else YAML (`{a: 1}` is a YAML mapping).
  try {
    return { value: parseJson(body, source, limits), format: "json" };
  } catch (error) {
    if (
      error instanceof DocumentReadError &&
      error.code === "UNREADABLE_DOCUMENT" &&
      !/duplicate key/.test(error.message)
    ) {
      return { value: parseYaml(body, source, limits), format: "yaml" };
    }
    throw error;
  }
}
