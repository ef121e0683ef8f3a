/**
 * Turns the text of a topology file into a plain value. YAML is a superset of JSON, so one parser reads both;
 * syntax errors keep their line and column.
 */
import { parseDocument } from "yaml";
import { DocumentReadError } from "./errors.js";

export function parseTopologyText(text: string, source = "topology"): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new DocumentReadError("UNREADABLE_DOCUMENT", `${source}: ${first.message}`, {
      resource: source,
      fix: "Fix the YAML/JSON syntax at the line and column given.",
    });
  }
  return doc.toJS({ maxAliasCount: 100 });
}
