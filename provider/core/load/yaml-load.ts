/**
 * YAML to a plain value with js-yaml, which builds the value directly; the `yaml` package first builds a syntax
 * tree and a Document of its own (measured on a 10,000-VPC file: 37 s and 740 MB against js-yaml's 3.3 s and
 * 130 MB). js-yaml keeps an alias as a second reference to the same object, so an alias bomb is small in memory
 * but would expand in every later walk, and a self-referencing anchor is a cycle: `checkShape` measures both,
 * and the depth, before anything else walks the value.
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { DocumentReadError } from "../errors.js";
import type { LoadLimits } from "./limits.js";

export function parseYaml(text: string, source: string, limits: LoadLimits): unknown {
  let value: unknown;
  try {
    // CORE_SCHEMA is the YAML 1.2 core schema the `yaml` package used: no timestamps, no `<<` merge keys.
    value = load(text, { schema: CORE_SCHEMA, filename: source, maxDepth: limits.maxDepth + 1 });
  } catch (error) {
    if (error instanceof YAMLException) {
      if (error.reason.startsWith("nesting exceeded maxDepth")) throw tooDeep(source, limits);
      const mark = error.mark;
      const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}: ` : "";
      throw new DocumentReadError("UNREADABLE_DOCUMENT", `${source}: ${where}${error.reason}`, {
        resource: source,
        fix: "Fix the YAML/JSON syntax at the line and column given.",
      });
    }
    if (error instanceof RangeError) {
      // js-yaml descends recursively: only nesting far past the depth limit gets here.
      throw tooDeep(source, limits);
    }
    throw error;
  }
  checkShape(value, source, limits, text.includes("*"));
  return value;
}

function tooDeep(source: string, limits: LoadLimits): DocumentReadError {
  return new DocumentReadError(
    "DOCUMENT_TOO_DEEP",
    `${source}: nested deeper than ${limits.maxDepth} objects and arrays`,
    {
      resource: source,
      fix: `Nest objects and arrays at most ${limits.maxDepth} deep; a topology needs 4.`,
    },
  );
}

function aliases(source: string, message: string): DocumentReadError {
  return new DocumentReadError("DOCUMENT_ALIASES", `${source}: ${message}`, {
    resource: source,
    fix: "Write the repeated parts out, or use fewer aliases (`*name`); a topology needs none.",
  });
}

/**
 * Walks the value once: depth, and when the text may have aliases (`mayAlias`), cycles and how much the aliases
 * expand it. Recursion is bounded by `limits.maxDepth`.
 */
function checkShape(root: unknown, source: string, limits: LoadLimits, mayAlias: boolean): void {
  const done = mayAlias ? new Map<object, number>() : undefined;
  const open = new Set<object>();
  let distinct = 0;
  let uses = 0;
  const walk = (value: unknown, depth: number): number => {
    if (value === null || typeof value !== "object") {
      distinct++;
      return 1;
    }
    if (depth > limits.maxDepth) throw tooDeep(source, limits);
    if (done) {
      const size = done.get(value);
      if (size !== undefined) {
        if (++uses > limits.maxAliases)
          throw aliases(source, `more than ${limits.maxAliases} uses of aliases`);
        return size;
      }
      if (open.has(value)) throw aliases(source, "an alias refers to the anchor it is inside (a cycle)");
      open.add(value);
    }
    distinct++;
    let size = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) size += walk(child, depth + 1);
    if (done) {
      open.delete(value);
      done.set(value, size);
    }
    return size;
  };
  const expanded = walk(root, 0);
  if (expanded - distinct > Math.max(limits.maxAliasNodes, distinct)) {
    throw aliases(source, `aliases expand ${distinct} nodes to ${expanded} (an alias bomb?)`);
  }
}
