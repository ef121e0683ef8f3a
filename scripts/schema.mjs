#!/usr/bin/env node
// Writes schema.json, the Pulumi package schema of the peerlink provider plugin, from the zod schemas and the doc
// comments (provider/plugin/schema). `node scripts/schema.mjs --check` exits 1 when schema.json is out of date
// (test/plugin/schema.test.ts checks the same).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { generateSchema, schemaText } = await import("../provider/plugin/schema/index.ts");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const text = schemaText(generateSchema(ROOT, version));
const file = join(ROOT, "schema.json");
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current !== text) {
    process.stderr.write("schema.json is out of date: run `node scripts/schema.mjs`\n");
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
