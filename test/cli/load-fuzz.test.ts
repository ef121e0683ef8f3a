/**
 * No input crashes a command: random bytes, schema-shaped junk and the named hostile documents end with exit
 * code 0, 1 or 2, a one-line coded error for 2, no stack trace, in bounded time. Most cases run in-process
 * through `run(argv, io)`; a few run the built CLI as a child process.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../provider/cli/main.js";
import { builtCli } from "../support/built-cli.js";

const DIR = mkdtempSync(join(tmpdir(), "peerlink-fuzz-"));
const COMMANDS = [["validate"], ["validate", "--format", "json"], ["reachability"], ["cost"], ["graph"]];
const STACK = /\n\s+at .+[:(]/;
/** Per case; the largest fuzzed document is a few KB. */
const CASE_MS = 2_000;

let counter = 0;
function file(content: string | Uint8Array, ext = "yaml"): string {
  const path = join(DIR, `case-${counter++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function peerlink(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { NO_COLOR: "1", ...env },
  };
  const start = performance.now();
  const code = await run(args, io);
  return { code, stdout, stderr, ms: performance.now() - start };
}

function expectHandled(result: { code: number; stdout: string; stderr: string; ms: number }) {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).not.toMatch(STACK);
  expect(result.stderr).not.toContain("internal error");
  expect(result.ms).toBeLessThan(CASE_MS);
  if (result.code === 2) expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
}

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
  "vpcs: *h",
].join("\n");

const NAMED: Record<
  string,
  { content: string | Uint8Array; ext?: string; code: string; env?: NodeJS.ProcessEnv }
> = {
  "an alias bomb": { content: BOMB, code: "DOCUMENT_ALIASES" },
  "a circular anchor": { content: "a: &a [*a]\nvpcs: *a\n", code: "DOCUMENT_ALIASES" },
  "a mapping that is its own value": { content: "a: &a {b: *a}\nvpcs: [*a]\n", code: "DOCUMENT_ALIASES" },
  "a document over the size limit": {
    content: `vpcs: [${"1,".repeat(600)}1]\n`,
    code: "DOCUMENT_TOO_LARGE",
    env: { PEERLINK_MAX_DOCUMENT_BYTES: "1000" },
  },
  "NUL bytes": { content: "vpcs: []\n\0\0\0", code: "UNREADABLE_DOCUMENT" },
  "UTF-16 without a BOM": { content: Buffer.from("vpcs: []\n", "utf16le"), code: "UNREADABLE_DOCUMENT" },
  "invalid UTF-8": {
    content: Buffer.from([0x76, 0x3a, 0x20, 0xc3, 0x28, 0x0a]),
    code: "UNREADABLE_DOCUMENT",
  },
  "JSON nested 100,000 deep": {
    content: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    ext: "json",
    code: "DOCUMENT_TOO_DEEP",
  },
  "YAML nested 100,000 deep": {
    content: `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    code: "DOCUMENT_TOO_DEEP",
  },
  "YAML block nesting past the limit": {
    content: Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n"),
    code: "DOCUMENT_TOO_DEEP",
  },
  "a duplicate JSON key": {
    content: '{\n  "vpcs": [],\n  "vpcs": []\n}',
    ext: "json",
    code: "UNREADABLE_DOCUMENT",
  },
  "a duplicate YAML key": { content: "vpcs: []\nvpcs: []\n", code: "UNREADABLE_DOCUMENT" },
};

describe("hostile documents", () => {
  it.each(Object.entries(NAMED))("%s ends with exit 2 and its code", async (_name, c) => {
    const path = file(c.content, c.ext);
    for (const args of COMMANDS) {
      const result = await peerlink([...args, path], c.env);
      expectHandled(result);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(c.code);
    }
  });

  it("names the line of a duplicate JSON key and of a JSON syntax error", async () => {
    const dup = await peerlink(["validate", file('{\n  "vpcs": [],\n  "vpcs": []\n}', "json")]);
    expect(dup.stderr).toMatch(/line 3, column 3: duplicate key "vpcs"/);
    const bad = await peerlink(["validate", file('{\n  "vpcs": [1,]\n}', "json")]);
    expect(bad.stderr).toMatch(/line 2, column 13: a comma before ']' \(a trailing comma\)/);
  });

  it("decodes UTF-16 with a BOM", async () => {
    const text = "vpcs: []\npeerings: []\nroutes: []\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const result = await peerlink(["validate", file(le)]);
    expect(result.code).toBe(0);
  });
});

describe("fuzz", () => {
  it("random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom("yaml", "json"),
        async (bytes, ext) => {
          expectHandled(await peerlink(["validate", file(bytes, ext)]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("random text made of YAML and JSON punctuation", async () => {
    const piece = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ":",
      ",",
      '"',
      "'",
      "&a",
      "*a",
      "- ",
      "\n",
      "  ",
      "1e999",
      "vpcs",
      "id",
      "null",
      "\\u0000",
      "#",
      "!!binary",
      "<<: ",
      "---\n",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), async (pieces) => {
        expectHandled(await peerlink(["validate", file(pieces.join(""))]));
      }),
      { numRuns: 150 },
    );
  });

  it("schema-shaped junk through every command", async () => {
    const junk = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.double(),
        fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0, 4294967296),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom("10.0.0.0/8", "0.0.0.0/0", "::/0", "10.0.0.0/33", "tencentcloud", "huaweicloud"),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(
          fc.constantFrom("id", "cloud", "region", "account", "cidrs", "vpc", "peerVpc", "x"),
          tie("value"),
          {
            maxKeys: 4,
          },
        ),
      ),
    }));
    const vpc = fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 4 }), junk.value),
        cloud: fc.oneof(fc.constantFrom("tencentcloud", "huaweicloud", "baiducloud"), junk.value),
        region: fc.oneof(fc.constant("ap-guangzhou"), junk.value),
        account: fc.oneof(fc.constant("100001"), junk.value),
        cidrs: fc.oneof(
          fc.array(fc.constantFrom("10.0.0.0/16", "10.0.0.0/8", "10.1.0.0/16", "bad"), { maxLength: 3 }),
          junk.value,
        ),
      },
      { requiredKeys: [] },
    );
    const document = fc.record(
      {
        vpcs: fc.oneof(fc.array(vpc, { maxLength: 4 }), junk.value),
        peerings: fc.oneof(
          fc.array(
            fc.record({
              id: fc.string({ maxLength: 3 }),
              vpc: fc.string({ maxLength: 3 }),
              peerVpc: junk.value,
            }),
            {
              maxLength: 3,
            },
          ),
          junk.value,
        ),
        routes: fc.oneof(fc.array(junk.value, { maxLength: 3 }), junk.value),
        bandwidthPolicies: junk.value,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(document, fc.constantFrom(...COMMANDS), fc.boolean(), async (doc, args, asJson) => {
        const text = asJson ? JSON.stringify(doc) : JSON.stringify(doc, null, 1);
        expectHandled(await peerlink([...args, file(text, asJson ? "json" : "yaml")]));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the built CLI as a child process", () => {
  const child = (args: string[], env: NodeJS.ProcessEnv = {}) => builtCli(args, { env, timeout: 10_000 });

  it.each([
    ["an alias bomb", BOMB, "DOCUMENT_ALIASES"],
    ["a circular anchor", "a: &a [*a]\nvpcs: *a\n", "DOCUMENT_ALIASES"],
    ["NUL bytes", "\0\0\0\0", "UNREADABLE_DOCUMENT"],
  ])("%s: exit 2, one line, no stack", (_name, content, code) => {
    const result = child(["validate", file(content)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it.skipIf(process.platform === "win32")("refuses /dev/zero without reading it all", () => {
    const result = child(["validate", "/dev/zero"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("UNREADABLE_DOCUMENT");
  });

  it("keeps progress off stdout, and off stderr without --progress when it is not a terminal", () => {
    const path = file("vpcs: []\npeerings: []\nroutes: []\n");
    const quiet = child(["validate", path, "--format", "json"]);
    expect(quiet.stderr).toBe("");
    const loud = child(["validate", path, "--format", "json", "--progress"]);
    expect(JSON.parse(loud.stdout)).toMatchObject({ ok: true });
    expect(loud.stderr).toMatch(/parsing done/);
    // Every phase is reported: reading, parsing, the schema, resolving, and the rules run.
    for (const phase of ["reading", "parsing", "schema", "resolving", "rules"])
      expect(loud.stderr).toMatch(new RegExp(`: ${phase} done in \\d+\\.\\d\\d s`));
    expect(loud.stderr).toMatch(/rules \(\d+ rules; 0 VPCs, 0 peerings, 0 routes\)/);
  });
});
