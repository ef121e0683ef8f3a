import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeText } from "../../provider/cli/escape.js";
import { formatDiagnosticsText } from "../../provider/cli/format-diagnostics.js";
import { formatTable } from "../../provider/cli/format-table.js";
import { diagnostic } from "../../provider/core/diagnostics.js";
import { builtCli } from "../support/built-cli.js";

// Every character class the issue names: ESC (an OSC title sequence ended by BEL), NUL, CR, LF, DEL, C1, bidi.
const HOSTILE = "vpc-\u001b]0;owned\u0007-\u0000-\r-\n-\u007f-\u009b-\u202e-\u2066-\u2069";
const VISIBLE = "vpc-\\x1b]0;owned\\x07-\\x00-\\r-\\n-\\x7f-\\x9b-\\u202e-\\u2066-\\u2069";

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escapeText", () => {
  it.each([
    ["plain-id", "plain-id"],
    ["a\u001b[31mb", "a\\x1b[31mb"],
    ["a\u0000b", "a\\x00b"],
    ["a\nb\rc\td", "a\\nb\\rc\\td"],
    ["\u202aL\u202bR\u202cP\u202dO\u202eE", "\\u202aL\\u202bR\\u202cP\\u202dO\\u202eE"],
    ["\u2066i\u2067i\u2068i\u2069", "\\u2066i\\u2067i\\u2068i\\u2069"],
    ["\u200e\u200f\u061c\u2028\u2029", "\\u200e\\u200f\\u061c\\u2028\\u2029"],
    ["C:\\topo\\dr.yaml", "C:\\topo\\dr.yaml"],
    ["中文 → ok", "中文 → ok"],
  ])("%j → %j", (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it("is stable when called twice in a row (no regex state carried over)", () => {
    expect(escapeText("a\nb")).toBe("a\\nb");
    expect(escapeText("a\nb")).toBe("a\\nb");
  });
});

describe("formatDiagnosticsText escapes user strings", () => {
  it("keeps each diagnostic on exactly two lines and shows control characters as escapes", () => {
    const d = diagnostic(
      "SELF_PEERING",
      { kind: "peerings", key: HOSTILE },
      `Peering "${HOSTILE}" connects VPC "${HOSTILE}" to itself.`,
      `Point "${HOSTILE}" at another VPC.`,
    );
    const text = formatDiagnosticsText(`top\nology\u001b.yaml`, [d], false);
    expect(text).not.toMatch(RAW);
    const lines = text.split("\n");
    expect(lines[0]).toBe("top\\nology\\x1b.yaml: 1 error, 0 warnings");
    expect(lines[2]).toBe(`peerings[${VISIBLE}]`);
    expect(lines[3]).toMatch(/^ {2}error {3}SELF_PEERING /);
    expect(lines[3]).toContain(VISIBLE);
    expect(lines[4]).toMatch(/^ {10}fix: /);
    expect(lines[4]).toContain(VISIBLE);
    expect(lines[5]).toBe("");
  });
});

describe("formatTable escapes cells before measuring them", () => {
  it("one line per row, columns aligned on the escaped width", () => {
    const table = formatTable(
      ["from", "to"],
      [
        [HOSTILE, "b"],
        ["a", "b"],
      ],
    );
    expect(table).not.toMatch(RAW);
    const lines = table.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`${VISIBLE}  b`);
    expect(lines[2]!.indexOf("b")).toBe(VISIBLE.length + 2);
  });
});

describe("peerlink validate|reachability|cost, text format, with hostile ids (built CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-escape-"));
  const file = join(dir, "hostile.json");
  // JSON so that the ids carry the raw characters exactly (\u escapes decode to them).
  writeFileSync(
    file,
    JSON.stringify({
      vpcs: [
        {
          id: `a${HOSTILE}`,
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "1",
          cidrs: ["10.0.0.0/16"],
        },
        {
          id: `b${HOSTILE}`,
          cloud: "tencentcloud",
          region: "ap-guangzhou",
          account: "1",
          cidrs: ["10.1.0.0/16"],
        },
      ],
      peerings: [
        { id: `p${HOSTILE}`, vpc: `a${HOSTILE}`, peerVpc: `a${HOSTILE}` },
        { id: "q", vpc: `a${HOSTILE}`, peerVpc: `b${HOSTILE}` },
      ],
    }),
  );
  const run = (...args: string[]) => builtCli(args);

  it("validate: nothing raw on stdout, every diagnostic on its two lines", () => {
    const { stdout } = run("validate", file);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain(`a${VISIBLE}`);
    const codeLines = stdout.split("\n").filter((l) => /^ {2}(error|warning)/.test(l));
    const fixLines = stdout.split("\n").filter((l) => /^ {10}fix: /.test(l));
    expect(codeLines.length).toBeGreaterThan(0);
    expect(fixLines).toHaveLength(codeLines.length);
  });

  it("validate --format json keeps the exact ids (JSON escapes them itself)", () => {
    const { stdout } = run("validate", file, "--format", "json");
    const parsed = JSON.parse(stdout) as { diagnostics: { resource: string }[] };
    expect(parsed.diagnostics.some((d) => d.resource.includes(HOSTILE))).toBe(true);
  });

  it("reachability: nothing raw on stdout", () => {
    const { stdout } = run("reachability", file);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain(VISIBLE);
  });

  it("cost: nothing raw in the table (formatTable)", () => {
    // The note lines under the table are written by provider/cli/commands/cost.ts itself; they go through
    // escapeText once that command calls it (not this file's to change), so only the table is asserted here.
    const { stdout } = run("cost", file);
    const table = stdout.slice(0, stdout.indexOf("\n\n"));
    expect(table).not.toMatch(RAW);
    expect(table).toContain(VISIBLE);
  });

  it.each(["mermaid", "dot"])("graph --format %s: nothing raw on stdout, the ids shown escaped", (format) => {
    const { stdout } = run("graph", file, "--format", format);
    expect(stdout).not.toMatch(RAW);
    // DOT doubles the backslash of each escape (Graphviz then draws one).
    expect(stdout).toContain(format === "dot" ? "\\x1b" : "\\x1b".slice(1));
  });
});
