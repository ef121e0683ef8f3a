#!/usr/bin/env node
// Writes the two generated schemas from the zod schemas: schema.json, the Pulumi package schema of the peerlink
// provider plugin (with the doc comments, provider/plugin/schema), and topology.schema.json, the JSON Schema of the
// topology document for editors (provider/core/topology-json-schema.ts). `node scripts/schema.mjs --check` exits 1
// when either is out of date (test/plugin/schema.test.ts and test/core/topology-json-schema.test.ts check the same).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { generateSchema, schemaText } = await import("../provider/plugin/schema/index.ts");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const { topologyJsonSchemaText } = await import("../provider/core/topology-json-schema.ts");
const files = [
  ["schema.json", schemaText(generateSchema(ROOT, version))],
  ["topology.schema.json", topologyJsonSchemaText()],
];
let stale = 0;
for (const [name, text] of files) {
  const file = join(ROOT, name);
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {}
    if (current !== text) {
      process.stderr.write(`${name} is out of date: run \`node scripts/schema.mjs\`\n`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${file}\n`);
  }
}
if (stale > 0) process.exit(1);
